import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Frame({ id, label, hint, error, className, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={["form-group", error ? "form-group--error" : "", className ?? ""].join(" ").trim()}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        name={id}
        className={error ? "input input--error" : "input"}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </Frame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        name={id}
        className={error ? "select input--error" : "select"}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  id,
  label,
  className,
  ...input
}: { id: string; label: ReactNode; className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  return (
    <div className={["checkbox", className ?? ""].join(" ").trim()}>
      <input id={id} name={id} type="checkbox" className="checkbox__input" {...input} />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
