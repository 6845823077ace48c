import type { ReactNode } from "react";
import { describeError } from "./errors";

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <h2 className="heading-s">{title}</h2>
      {children}
    </div>
  );
}

/** A failed request, said plainly, with a way to try again. */
export function QueryError({ error, retry, what }: { error: unknown; retry?: () => void; what: string }) {
  return (
    <div className="error-panel" role="alert">
      <h2 className="heading-s">{what} could not be loaded</h2>
      <p>{describeError(error)}</p>
      {retry ? (
        <button type="button" className="button button--secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
