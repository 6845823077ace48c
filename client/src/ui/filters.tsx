import type { ReactNode } from "react";
import { CheckboxField, SelectField } from "./fields";
import { useMirror } from "./list-params";

/** A list filter checkbox bound to the address (see useMirror). */
export function FilterCheckbox({ id, label, checked, onCommit }: { id: string; label: string; checked: boolean; onCommit: (checked: boolean) => void }) {
  const [local, setLocal] = useMirror(checked);
  return (
    <CheckboxField
      id={id}
      label={label}
      checked={local}
      onChange={(e) => {
        setLocal(e.target.checked);
        onCommit(e.target.checked);
      }}
    />
  );
}

interface FilterSelectProps {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  error?: string | null;
  children: ReactNode;
}

/** A list filter drop-down bound to the address (see useMirror). */
export function FilterSelect({ id, label, value, onCommit, error, children }: FilterSelectProps) {
  const [local, setLocal] = useMirror(value);
  return (
    <SelectField
      id={id}
      label={label}
      value={local}
      error={error}
      onChange={(e) => {
        setLocal(e.target.value);
        onCommit(e.target.value);
      }}
    >
      {children}
    </SelectField>
  );
}
