import { useState } from "react";
import { describeError } from "./errors";
import { type FieldRef, type Problem, changedKeys, isConflict, rebase, serverProblems } from "./record-form";

interface Options<V extends object> {
  /** The values the form starts from: a saved record's, or a new record's defaults. */
  initial: V;
  /** The saved record's version; null for a new record. */
  version: number | null;
  validate: (values: V, original: V | null) => Problem[];
  /** The API's field names → the form's fields, for server errors. */
  fields: (values: V) => Record<string, FieldRef>;
  /** The label of each form field (for the conflict notice). */
  label: (key: keyof V) => string;
}

/**
 * The state of a record form: the values, what was saved, the version the
 * edit started from, problems for the error summary, and a conflict when
 * someone else saved first. `submit` checks, then saves; `reload` fetches the
 * latest version and carries the user's changes onto it.
 */
export function useRecordForm<V extends object>({ initial, version: initialVersion, validate, fields, label }: Options<V>) {
  const editing = initialVersion !== null;
  const [values, setValues] = useState(initial);
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [clashes, setClashes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<"saving" | "reloading" | null>(null);

  function set<K extends keyof V>(key: K, value: V[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  const errorFor = (id: string): string | null => problems.find((p) => p.field === id)?.message ?? null;

  /** Validates, then runs `save` (the mutation). Server problems and conflicts land in the state. */
  async function submit(save: (values: V, original: V, version: number | null) => Promise<void>) {
    const found = validate(values, editing ? original : null);
    setProblems(found);
    if (found.length) return;
    setBusy("saving");
    try {
      await save(values, original, version);
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
        setProblems([]);
      } else {
        setProblems(serverProblems(error, fields(values), describeError));
      }
    } finally {
      setBusy(null);
    }
  }

  /** Loads the latest saved values and version; the user's changes stay on top of them. */
  async function reload(load: () => Promise<{ values: V; version: number } | null>) {
    setBusy("reloading");
    try {
      const latest = await load();
      if (!latest) {
        setProblems([{ field: null, message: "This record can no longer be edited: it was removed, or you no longer have access to it." }]);
        return;
      }
      const rebased = rebase(original, values, latest.values);
      setOriginal(latest.values);
      setValues(rebased.values);
      setVersion(latest.version);
      setClashes(rebased.clashes.map(label));
      setConflict(false);
      setProblems([]);
    } catch (error) {
      setProblems([{ field: null, message: `The latest version could not be loaded. ${describeError(error)}` }]);
    } finally {
      setBusy(null);
    }
  }

  return {
    values,
    set,
    original,
    version,
    problems,
    errorFor,
    conflict,
    /** Labels of the fields the user changed (what the conflict notice lists). */
    changed: changedKeys(original, values).map(label),
    /** After a reload: fields both sides changed (null before any reload). */
    clashes,
    saving: busy === "saving",
    reloading: busy === "reloading",
    submit,
    reload,
  };
}

export type RecordFormState<V extends object> = ReturnType<typeof useRecordForm<V>>;
