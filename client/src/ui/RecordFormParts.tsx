import { type ReactNode, type Ref, type TextareaHTMLAttributes, useEffect, useRef, useState } from "react";
import type { Visibility } from "../generated/graphql";

// Pieces the record edit forms share (features/people, features/organisations):
// a multi-line field, radios with hints, the visibility choice in plain words,
// a search-and-choose picker, and the notice shown when someone else saved first.

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function ErrorLine({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ref,
  ...textarea
}: { id: string; label: string; hint?: ReactNode; error?: string | null; ref?: Ref<HTMLTextAreaElement> } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "id"
>) {
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorLine id={id} error={error} />
      <textarea
        ref={ref}
        id={id}
        name={id}
        className={error ? "textarea input--error" : "textarea"}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        rows={4}
        {...textarea}
      />
    </div>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * GOV.UK radios: a fieldset whose legend is the question. Each option's id is
 * `${name}-${value}`, so an error can link to the first one.
 */
export function Radios<V extends string>({
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  children,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string | null;
  options: RadioOption<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Shown under the options (e.g. a field revealed by one of them). */
  children?: ReactNode;
}) {
  const errorId = `${name}-${options[0]?.value ?? ""}`;
  return (
    <fieldset className={error ? "fieldset form-group--error" : "fieldset"} aria-describedby={describedBy(name, hint, error)}>
      <legend className="fieldset__legend">{legend}</legend>
      {hint ? (
        <div className="hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorLine id={name} error={error} />
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              className="radio__input"
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
              aria-invalid={error && id === errorId ? true : undefined}
            />
            <div>
              <label className="radio__label" htmlFor={id}>
                {o.label}
              </label>
              {o.hint ? (
                <div className="hint" id={`${id}-hint`}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          </div>
        );
      })}
      {children}
    </fieldset>
  );
}

/** Who can see the record, said plainly for the people choosing. */
export function VisibilityField({
  name,
  noun,
  owner,
  personal,
  value,
  onChange,
}: {
  name: string;
  noun: string;
  owner: string;
  /** A person: say that contact details stay with the owner either way. */
  personal: boolean;
  value: Visibility;
  onChange: (value: Visibility) => void;
}) {
  return (
    <Radios
      name={name}
      legend={`Who can see this ${noun}?`}
      value={value}
      onChange={onChange}
      options={[
        {
          value: "NETWORK",
          label: "The whole network",
          hint: `Every member of Entente can find this ${noun} and see what is recorded, so nobody records it twice.${
            personal ? ` Email, phone and data-protection details stay visible to ${owner} only.` : ""
          }`,
        },
        {
          value: "PRIVATE",
          label: `${owner} only`,
          hint: `Other members cannot find this ${noun} or learn that ${owner} holds it. Choose this for records that are not yours to share.`,
        },
      ]}
    />
  );
}

export interface PickerOption {
  id: string;
  /** What the list shows (with details to tell similar names apart). */
  label: string;
  /** What the field shows once chosen. */
  name: string;
}

function useDebounced(value: string, ms = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** The choices under a picker's search box (the picker's query component renders these). */
export function Suggestions({
  noun,
  query,
  options,
  loading,
  error,
  onPick,
}: {
  noun: string;
  query: string;
  options: PickerOption[];
  loading: boolean;
  error: string | null;
  onPick: (option: PickerOption) => void;
}) {
  return (
    <div className="suggestions" aria-live="polite">
      {loading ? <p className="hint">Searching…</p> : null}
      {error ? <p className="error-message">{error}</p> : null}
      {!loading && !error && options.length === 0 ? (
        <p className="hint">
          No {noun}s match “{query}”.
        </p>
      ) : null}
      {options.length ? (
        <ul className="suggestions__list" aria-label={`Matching ${noun}s`}>
          {options.map((o) => (
            <li key={o.id}>
              <button type="button" className="suggestions__item" onClick={() => onPick(o)}>
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Type to search, then choose. Once chosen, the choice shows with a button to
 * change it; that button carries the field's id so an error can link to it.
 * `options` renders the search results for a query (at least 2 characters).
 */
export function RecordPicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  noun,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: { id: string; name: string } | null;
  onChange: (value: { id: string; name: string } | null) => void;
  options: (query: string, pick: (option: PickerOption) => void) => ReactNode;
  noun: string;
}) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const changeRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [focusNext, setFocusNext] = useState<"change" | "input" | null>(null);
  useEffect(() => {
    if (focusNext === "change") changeRef.current?.focus();
    if (focusNext === "input") inputRef.current?.focus();
  }, [focusNext, value]);

  if (value) {
    return (
      <div className={error ? "form-group form-group--error" : "form-group"} role="group" aria-labelledby={`${id}-label`}>
        <p className="label" id={`${id}-label`}>
          {label}
        </p>
        <ErrorLine id={id} error={error} />
        <p className="picked">
          <span>{value.name}</span>
          <button
            ref={changeRef}
            type="button"
            id={id}
            className="link-button"
            aria-describedby={error ? `${id}-error` : undefined}
            onClick={() => {
              setText("");
              setFocusNext("input");
              onChange(null);
            }}
          >
            Change {noun}
            <span className="visually-hidden"> ({value.name})</span>
          </button>
        </p>
      </div>
    );
  }
  const hintText = hint ?? `Type at least 2 letters, then choose the ${noun}`;
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="hint" id={`${id}-hint`}>
        {hintText}
      </div>
      <ErrorLine id={id} error={error} />
      <input
        ref={inputRef}
        id={id}
        className={error ? "input input--error" : "input"}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={describedBy(id, hintText, error)}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
      />
      {q.length >= 2
        ? options(q, (o) => {
            setFocusNext("change");
            onChange({ id: o.id, name: o.name });
          })
        : null}
    </div>
  );
}

/**
 * Someone saved the record after this form loaded it: nothing was saved. The
 * user reloads the latest version; their changes are carried onto it.
 */
export function ConflictNotice({ noun, changed, onReload, reloading }: { noun: string; changed: string[]; onReload: () => void; reloading: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="error-panel conflict" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
      <h2 id="conflict-title" className="heading-m">
        Someone else saved this {noun} while you were editing
      </h2>
      <p>Your changes have not been saved{changed.length ? `. You changed: ${changed.join(", ")}.` : "."}</p>
      <p>Reload the latest version to see what they changed. Your changes are kept and shown on top of it, so you can check them and save again.</p>
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        {reloading ? "Reloading…" : "Reload the latest version"}
      </button>
    </div>
  );
}

/** After the reload: which fields the other person changed too (the form shows the user's value). */
export function RebasedNotice({ clashes }: { clashes: string[] }) {
  return (
    <div className="notice" role="status">
      {clashes.length ? (
        <p>
          <strong>Check before saving:</strong> {clashes.join(", ")} {clashes.length === 1 ? "was" : "were"} also changed by someone else. The form
          shows your version.
        </p>
      ) : (
        <p>The form now shows the latest version, with your changes on top. Save again to keep them.</p>
      )}
    </div>
  );
}
