import { useEffect, useRef } from "react";

export interface FieldProblem {
  /** The id of the field to link to, or null for a problem with no single field. */
  field: string | null;
  message: string;
}

/**
 * The GOV.UK error summary: a titled list at the top of the form, focused when
 * it appears, each problem a link that moves focus to its field.
 */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [problems]);
  if (!problems.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {problems.map((p) => (
          <li key={`${p.field ?? ""}:${p.message}`}>
            {p.field ? (
              <a
                href={`#${p.field}`}
                onClick={(e) => {
                  const target = document.getElementById(p.field ?? "");
                  if (!target) return;
                  e.preventDefault();
                  target.scrollIntoView({ block: "center" });
                  target.focus();
                }}
              >
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
