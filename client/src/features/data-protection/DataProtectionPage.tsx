import { NetworkStatus } from "@apollo/client";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useAuth, useViewer } from "../../app/auth/AuthProvider";
import {
  AuditLogDocument,
  PersonDataExportDocument,
  type RetentionQueueQuery,
  RetentionQueueDocument,
  ReviewRetentionDocument,
} from "../../generated/graphql";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { describeError } from "../../ui/errors";
import { humanise } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";

// For a member's admins: take all of the member's data out, review records due
// for retention (extend or erase), answer subject access requests, and read the
// audit log.

const TABLES = ["people", "organisations", "interactions", "affiliations", "alumni_ties", "follow_ups", "opportunities", "partnerships", "visits"];

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function DataProtectionPage() {
  const viewer = useViewer();
  if (viewer.role !== "ADMIN") {
    return (
      <Page title="Data protection">
        <div className="notice" role="status">
          Only admins of {viewer.member.name} can export its data, review retention and answer subject access requests.
        </div>
      </Page>
    );
  }
  return (
    <Page title="Data protection" caption={viewer.member.name}>
      <ExportSection />
      <RetentionSection />
      <AuditSection />
    </Page>
  );
}

function ExportSection() {
  const { accessToken } = useAuth();
  const [status, setStatus] = useState("");
  async function download(path: string, name: string) {
    setStatus(`Preparing ${name}…`);
    try {
      const token = await accessToken();
      const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(`The export failed (HTTP ${res.status}).`);
      save(await res.blob(), name);
      setStatus(`${name} downloaded.`);
    } catch (err) {
      setStatus(describeError(err));
    }
  }
  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title" className="heading-m">
        Export all of your member's data
      </h2>
      <p>Every record your member owns, with its personal fields, as one JSON file or one CSV file per table (columns as in the database).</p>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void download("/exports/member.json", "entente-member-export.json")}>
          Download everything (JSON)
        </button>
        {TABLES.map((t) => (
          <button key={t} type="button" className="button button--secondary" onClick={() => void download(`/exports/member/${t}.csv`, `${t}.csv`)}>
            {humanise(t)} (CSV)
          </button>
        ))}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}

type QueuePerson = NonNullable<RetentionQueueQuery["retentionQueue"]>["nodes"][number];

function RetentionSection() {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(RetentionQueueDocument, { notifyOnNetworkStatusChange: true });
  const queue = data?.retentionQueue;
  return (
    <section className="section" aria-labelledby="retention-title">
      <h2 id="retention-title" className="heading-m">
        Due for retention review{queue ? ` (${queue.totalCount})` : ""}
      </h2>
      <p>People your member holds whose review date has come. Keep a record until a later date, with the reason, or erase the person.</p>
      {error ? <QueryError what="The retention queue" error={error} retry={() => void refetch()} /> : null}
      {!queue && !error ? <Loading label="Loading…" /> : null}
      {queue && queue.nodes.length === 0 ? <Empty title="Nothing is due for review" /> : null}
      {queue && queue.nodes.length ? (
        <>
          <ul className="record-list">
            {queue.nodes.map((p) => (
              <RetentionRow key={`${p.id}:${p.version}`} person={p} onChanged={() => void refetch()} />
            ))}
          </ul>
          <LoadMore
            shown={queue.nodes.length}
            total={queue.totalCount}
            hasMore={queue.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            noun={["person", "people"]}
            onLoadMore={() => void fetchMore({ variables: { after: queue.pageInfo.endCursor } })}
          />
        </>
      ) : null}
    </section>
  );
}

function RetentionRow({ person, onChanged }: { person: QueuePerson; onChanged: () => void }) {
  const client = useApolloClient();
  const [review, reviewing] = useMutation(ReviewRetentionDocument);
  const [extendTo, setExtendTo] = useState("");
  const [note, setNote] = useState(person.lawfulBasisNote ?? "");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  async function decide(e: FormEvent, decision: { extendTo?: string; note?: string; erase?: boolean; reason?: string }) {
    e.preventDefault();
    setMessage(null);
    try {
      await review({ variables: { personId: person.id, version: person.version, decision } });
      onChanged();
    } catch (err) {
      setMessage(describeError(err));
    }
  }

  async function exportData() {
    setMessage(null);
    try {
      const { data } = await client.query({ query: PersonDataExportDocument, variables: { personId: person.id }, fetchPolicy: "network-only" });
      if (data?.personDataExport) save(new Blob([data.personDataExport.json], { type: "application/json" }), "subject-access-export.json");
    } catch (err) {
      setMessage(describeError(err));
    }
  }

  const id = person.id.replace(/[^a-zA-Z0-9]/g, "");
  return (
    <li className="record-list__item">
      <p>
        <strong>{person.fullName}</strong>
        {person.nameLatin ? ` (${person.nameLatin})` : ""} — review {person.retentionReviewOn ?? "date missing"},{" "}
        {person.lawfulBasis ? humanise(person.lawfulBasis) : "no lawful basis"}
        {person.archivedAt ? ", archived" : ""}
      </p>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void exportData()}>
          Download everything held (subject access)
        </button>
      </div>
      <form className="inline-form" onSubmit={(e) => void decide(e, { extendTo, note: note || undefined })}>
        <label className="label" htmlFor={`extend-${id}`}>
          Keep until
        </label>
        <input id={`extend-${id}`} type="date" className="input" value={extendTo} onChange={(e) => setExtendTo(e.target.value)} />
        <label className="label" htmlFor={`note-${id}`}>
          Reason to keep
        </label>
        <input id={`note-${id}`} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button" disabled={reviewing.loading || !extendTo}>
          Keep
        </button>
      </form>
      <form className="inline-form" onSubmit={(e) => void decide(e, { erase: true, reason })}>
        <label className="label" htmlFor={`reason-${id}`}>
          Why erase (do not name the person)
        </label>
        <input id={`reason-${id}`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="button button--warning" disabled={reviewing.loading || reason.trim().length < 3}>
          Erase everywhere
        </button>
      </form>
      {message ? (
        <p className="error-message" role="alert">
          {message}
        </p>
      ) : null}
    </li>
  );
}

function AuditSection() {
  const [recordId, setRecordId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filter = {
    recordId: recordId.trim() || undefined,
    from: from ? `${from}T00:00:00Z` : undefined,
    to: to ? `${to}T23:59:59Z` : undefined,
  };
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(AuditLogDocument, { variables: { filter }, notifyOnNetworkStatusChange: true });
  const events = data?.auditEvents;
  return (
    <section className="section" aria-labelledby="audit-title">
      <h2 id="audit-title" className="heading-m">
        Audit log
      </h2>
      <p>What your member's users did, newest first. The log cannot be changed or deleted.</p>
      <div className="inline-form">
        <label className="label" htmlFor="audit-record">
          Record id
        </label>
        <input id="audit-record" className="input" value={recordId} onChange={(e) => setRecordId(e.target.value)} />
        <label className="label" htmlFor="audit-from">
          From
        </label>
        <input id="audit-from" type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label className="label" htmlFor="audit-to">
          To
        </label>
        <input id="audit-to" type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {error ? <QueryError what="The audit log" error={error} retry={() => void refetch()} /> : null}
      {!events && !error ? <Loading label="Loading…" /> : null}
      {events && events.nodes.length === 0 ? <Empty title="No events" /> : null}
      {events && events.nodes.length ? (
        <>
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {events.nodes.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">{new Date(e.at).toLocaleString("en-GB")}</td>
                  <td data-label="Who">{e.user?.name ?? "—"}</td>
                  <td data-label="What">
                    {e.action} {e.recordType}
                  </td>
                  <td data-label="Changes">
                    <code className="audit-changes">{e.changes ?? ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            shown={events.nodes.length}
            total={events.totalCount}
            hasMore={events.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            noun={["event", "events"]}
            onLoadMore={() => void fetchMore({ variables: { after: events.pageInfo.endCursor } })}
          />
        </>
      ) : null}
    </section>
  );
}
