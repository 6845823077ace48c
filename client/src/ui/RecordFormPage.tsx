import { useQuery } from "@apollo/client/react";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { FormEvent, ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useViewer } from "../app/auth/AuthProvider";
import { ErrorSummary } from "./ErrorSummary";
import { Page } from "./Page";
import { ConflictNotice, RebasedNotice } from "./RecordFormParts";
import { EditRecordScreen, type FramedRecord, type RecordKind, recordPath } from "./RecordScreen";
import type { RecordFormState } from "./useRecordForm";

// The frame of the person and organisation forms: who may add records, the
// error summary, the conflict notice, the buttons, and what saving does
// (create, or update only what changed against the version the form loaded).

/** /<kind>/new is for editors and admins; viewers are told why not. */
export function NewRecordGate({ kind, title, children }: { kind: RecordKind; title: string; children: ReactNode }) {
  const viewer = useViewer();
  if (viewer.role !== "VIEWER") return <>{children}</>;
  return (
    <Page title={title} caption={<Link to={kind.path}>{kind.list}</Link>}>
      <p>
        Only editors and admins can add {kind.list.toLowerCase()}. Ask one of them at {viewer.member.name}.
      </p>
    </Page>
  );
}

/**
 * /<kind>/:id/edit: the record as last saved (from the server, not the cache),
 * handed to the form with a way to load it again after a conflict (null once
 * it can no longer be edited).
 */
export function EditRecordRoute<D, T extends FramedRecord>({
  kind,
  document,
  select,
  name,
  children,
}: {
  kind: RecordKind;
  document: TypedDocumentNode<D, { id: string }>;
  select: (data: D) => T | null | undefined;
  name: (record: T) => { name: string; latin: string | null };
  children: (record: T, reload: () => Promise<T | null>) => ReactNode;
}) {
  const { id = "" } = useParams();
  const query = useQuery(document, { variables: { id }, fetchPolicy: "network-only" });
  const reload = async () => {
    const { data } = await query.refetch();
    const latest = data ? select(data) : null;
    return latest?.canEdit ? latest : null;
  };
  return (
    <EditRecordScreen kind={kind} query={query} select={select} name={name}>
      {(record) => children(record, reload)}
    </EditRecordScreen>
  );
}

interface Props<V extends object, U extends object, R extends { version: number }> {
  kind: RecordKind;
  /** The saved record being edited, or null for a new one. */
  record: { id: string; name: string } | null;
  form: RecordFormState<V>;
  /** Creates the record from the form's values; its id and name. */
  create: (values: V) => Promise<{ id: string; name: string } | null>;
  /** The changed fields as update input ({} when nothing changed). */
  changes: (original: V, values: V) => U;
  update: (id: string, version: number, input: U) => Promise<void>;
  /** The record as last saved (after a conflict), or null when it can no longer be edited. */
  reload: () => Promise<R | null>;
  /** A saved record as the form's values. */
  values: (record: R) => V;
  children: ReactNode;
}

export function RecordFormPage<V extends object, U extends object, R extends { version: number }>({
  kind,
  record,
  form,
  create,
  changes,
  update,
  reload,
  values: valuesOf,
  children,
}: Props<V, U, R>) {
  const navigate = useNavigate();
  const back = record ? recordPath(kind, record.id) : kind.path;
  const title = record ? `Edit ${record.name}` : `Add ${/^[aeiou]/.test(kind.one) ? "an" : "a"} ${kind.one}`;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void form.submit(async (values, original, version) => {
      if (!record || version === null) {
        const created = await create(values);
        if (created) navigate(recordPath(kind, created.id), { state: { saved: `${created.name} was added.` } });
        return;
      }
      const input = changes(original, values);
      if (Object.keys(input).length) await update(record.id, version, input);
      navigate(back, { state: { saved: Object.keys(input).length ? "Your changes were saved." : "No changes were made." } });
    });
  }

  return (
    <Page title={title} caption={<Link to={back}>{record ? record.name : kind.list}</Link>}>
      <ErrorSummary problems={form.problems} />
      {form.conflict ? (
        <ConflictNotice
          noun={kind.one}
          changed={form.changed}
          reloading={form.reloading}
          onReload={() =>
            void form.reload(async () => {
              const latest = await reload();
              return latest ? { values: valuesOf(latest), version: latest.version } : null;
            })
          }
        />
      ) : null}
      {form.clashes ? <RebasedNotice clashes={form.clashes} /> : null}
      <form className="record-form" noValidate onSubmit={onSubmit}>
        {children}
        <div className="button-group">
          <button type="submit" className="button" disabled={form.saving || form.reloading}>
            {form.saving ? "Saving…" : record ? "Save changes" : `Add ${kind.one}`}
          </button>
          <Link className="button button--secondary" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
