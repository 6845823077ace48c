import { type ReactNode, useEffect } from "react";

interface PageProps {
  /** The document title and, unless `heading` is given, the h1. */
  title: string;
  heading?: ReactNode;
  /** A short line above the heading (e.g. the record type). */
  caption?: ReactNode;
  /** Links or buttons beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * One h1 per screen, focusable so the layout can move focus to it after a
 * navigation (screen readers then announce the new page).
 */
export function Page({ title, heading, caption, actions, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} – Entente`;
  }, [title]);
  return (
    <>
      <div className="page-header">
        <div>
          {caption ? <p className="caption">{caption}</p> : null}
          <h1 id="page-heading" className="heading-xl" tabIndex={-1}>
            {heading ?? title}
          </h1>
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}
