import { type InputHTMLAttributes, useEffect, useEffectEvent, useState } from "react";
import { TextField } from "./fields";

type Props = {
  id: string;
  label: string;
  hint?: string;
  value: string;
  /** Called a moment after typing stops (and at once on Enter). */
  onCommit: (value: string) => void;
  delayMs?: number;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange">;

/** A text filter that updates the list as you type, without a request per keystroke. */
export function DebouncedInput({ id, label, hint, value, onCommit, delayMs = 300, className, ...input }: Props) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // The value changed from outside (back button, "Clear filters"): show it.
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = useEffectEvent((next: string) => {
    if (next !== value) onCommit(next);
  });
  useEffect(() => {
    const timer = setTimeout(() => commit(draft), delayMs);
    return () => clearTimeout(timer);
  }, [draft, delayMs]);

  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      className={className}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          if (draft !== value) onCommit(draft);
        }
      }}
      {...input}
    />
  );
}
