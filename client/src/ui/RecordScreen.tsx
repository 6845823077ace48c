import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import type { Visibility } from "../generated/graphql";
import { Page } from "./Page";
import { SummaryList } from "./SummaryList";
import { VisibilityBadge } from "./badges";
import { errorCode } from "./errors";
import { formatDateTime, withLatin } from "./format";
import { Empty, Loading, QueryError } from "./states";

// The frame of a person's or an organisation's screens (features/people,
// features/organisations): loading and "not found", the heading with the
// record's sharing, network and edit actions, and the side panel.

/** Which kind of record a screen shows: a "person" from the "People" list at /people. */
export interface RecordKind {
  one: string;
  list: string;
  path: string;
}

export interface OwnedSummary {
  visibility: Visibility;
  ownerMember: { name: string; shortName: string | null };
}

/** What the frame needs of a record. */
export interface FramedRecord extends OwnedSummary {
  id: string;
  canEdit: boolean;
}

export const recordPath = (kind: RecordKind, id: string) => `${kind.path}/${encodeURIComponent(id)}`;

/** The part of a useQuery result the frame uses. */
interface QueryResult<D> {
  data: D | undefined;
  error?: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
}

interface Query<D, T> {
  kind: RecordKind;
  query: QueryResult<D>;
  /** The record in the query's data; null when missing or not visible. */
  select: (data: D) => T | null | undefined;
  /** The record's name, and its Latin transliteration when written in another script. */
  name: (record: T) => { name: string; latin: string | null };
}

/**
 * Loading, not found (a malformed id, a missing record and another member's
 * private record all look the same), or a failed request with a retry.
 */
function Missing({ kind, query: { error, loading, refetch } }: { kind: RecordKind; query: QueryResult<unknown> }) {
  const retry = () => void refetch();
  const code = errorCode(error);
  const notFound = code === "BAD_USER_INPUT" || code === "NOT_FOUND";
  const title = kind.one.charAt(0).toUpperCase() + kind.one.slice(1);
  return (
    <Page title={loading ? title : `${title} not found`} caption={<Link to={kind.path}>{kind.list}</Link>}>
      {loading ? <Loading label={`Loading ${kind.one}…`} /> : null}
      {error && !notFound ? <QueryError what={`This ${kind.one}`} error={error} retry={retry} /> : null}
      {!loading && (!error || notFound) ? (
        <Empty title={`No such ${kind.one}`}>
          <p>
            This {kind.one} does not exist, was removed, or is private to another member.{" "}
            <Link to={kind.path}>Back to {kind.list.toLowerCase()}</Link>
          </p>
        </Empty>
      ) : null}
    </Page>
  );
}

/** A record's screen: its heading with sharing, the network graph and (for its editors) Edit, then the body. */
export function RecordScreen<D, T extends FramedRecord>({ kind, query, select, name, children }: Query<D, T> & { children: (record: T) => ReactNode }) {
  const record = query.data ? select(query.data) : null;
  if (!record) return <Missing kind={kind} query={query} />;
  const { name: plain, latin } = name(record);
  return (
    <Page
      title={plain}
      caption={<Link to={kind.path}>{kind.list}</Link>}
      heading={withLatin(plain, latin)}
      actions={
        <div className="record-actions">
          <VisibilityBadge visibility={record.visibility} owner={record.ownerMember.name} />
          <Link className="button button--secondary button--small" to={`/network/${encodeURIComponent(record.id)}`}>
            Network graph
          </Link>
          {record.canEdit ? (
            <Link className="button button--small" to={`${recordPath(kind, record.id)}/edit`}>
              Edit<span className="visually-hidden"> {plain}</span>
            </Link>
          ) : null}
        </div>
      }
    >
      <SavedBanner />
      {children(record)}
    </Page>
  );
}

/** A record's edit screen: the form for the owner member's editors, and a plain explanation for everyone else. */
export function EditRecordScreen<D, T extends FramedRecord>({ kind, query, select, name, children }: Query<D, T> & { children: (record: T) => ReactNode }) {
  const record = query.data ? select(query.data) : null;
  if (!record) return <Missing kind={kind} query={query} />;
  if (record.canEdit) return <>{children(record)}</>;
  const { name: plain } = name(record);
  return (
    <Page title={`Edit ${plain}`} caption={<Link to={recordPath(kind, record.id)}>{plain}</Link>}>
      <p>Only editors at {record.ownerMember.name}, which holds this record, can change it.</p>
    </Page>
  );
}

export function sharedWith(record: OwnedSummary): string {
  const owner = record.ownerMember.shortName ?? record.ownerMember.name;
  return record.visibility === "PRIVATE" ? `${owner} only` : "The whole network";
}

/** The side panel: who owns the record, who sees it, when it changed, and `extra` rows. */
export function RecordPanel({ record, extra = [] }: { record: OwnedSummary & { createdAt: string; updatedAt: string }; extra?: [string, ReactNode][] }) {
  return (
    <section aria-labelledby="record-title" className="panel">
      <h2 id="record-title" className="heading-s">
        Record
      </h2>
      <SummaryList
        rows={[
          ["Owner", record.ownerMember.name],
          ["Shared with", sharedWith(record)],
          ...extra,
          ["Last updated", formatDateTime(record.updatedAt)],
          ["Created", formatDateTime(record.createdAt)],
        ]}
      />
    </section>
  );
}

/** The message a form leaves after saving (router state `saved`), shown on the record's screen. */
function SavedBanner() {
  const state: unknown = useLocation().state;
  const saved = state && typeof state === "object" && "saved" in state && typeof state.saved === "string" ? state.saved : null;
  if (!saved) return null;
  return (
    <div className="notice" role="status">
      <p>{saved}</p>
    </div>
  );
}
