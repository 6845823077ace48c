import { type ReactNode, useId, useState } from "react";

interface Props {
  /** The accessible name of the search landmark, e.g. "Filter people". */
  label: string;
  activeCount: number;
  onClear: () => void;
  children: ReactNode;
}

/** The filters beside a list; on narrow screens folded behind a button so the results come first. */
export function FilterPanel({ label, activeCount, onClear, children }: Props) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <form className={open ? "filters filters--open" : "filters"} role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <h2 className="heading-s filters__title">Filter</h2>
      <button type="button" className="button button--secondary filters__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
        {open ? "Hide filters" : "Show filters"}
        {activeCount ? ` (${activeCount} active)` : ""}
      </button>
      <div id={bodyId} className="filters__body">
        {children}
        {activeCount ? (
          <button type="button" className="link-button" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
