import type { ReactNode } from "react";

/** Key–value rows (GOV.UK summary list). Rows without a value are left out. */
export function SummaryList({ rows }: { rows: [label: string, value: ReactNode][] }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (!shown.length) return <p className="muted">Nothing recorded.</p>;
  return (
    <dl className="summary-list">
      {shown.map(([label, value]) => (
        <div className="summary-list__row" key={label}>
          <dt className="summary-list__key">{label}</dt>
          <dd className="summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
