import { useQuery } from "@apollo/client/react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { RecordTimelineDocument, type TimelineItemFragment } from "../../generated/graphql";
import { describeError } from "../../ui/errors";
import { dateRange, formatCount, formatDate, formatDateTime, humanise } from "../../ui/format";
import "./records.css";

const PAGE_SIZE = 10;

/** "jobTitle" → "job title". */
const fieldName = (f: string) => f.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

const ACTIONS: Record<string, string> = { create: "Created", update: "Updated", archive: "Archived", merge: "Merged a duplicate into this record" };

function Entry({ entry }: { entry: TimelineItemFragment }) {
  // Visits and due dates are days; meetings and changes have a time.
  const day = entry.kind === "VISIT" || entry.kind === "FOLLOW_UP";
  const when = <span className="timeline__when">{day ? formatDate(entry.at) : formatDateTime(entry.at)}</span>;
  const { interaction: i, followUp: f, visit: v, change: c } = entry;
  let kind: string;
  let body: ReactNode;
  if (i) {
    kind = humanise(i.kind);
    body = (
      <>
        <span className="timeline__title">{i.subject}</span>
        <span className="muted"> – {i.ownerMember.shortName ?? i.ownerMember.name}</span>
        {i.outcome ? <span className="timeline__detail">Outcome: {i.outcome}</span> : null}
      </>
    );
  } else if (f) {
    kind = "Follow-up";
    const state = f.status === "OPEN" ? (f.overdue ? "overdue" : "open") : humanise(f.status).toLowerCase();
    body = (
      <>
        <span className="timeline__title">{f.title}</span>
        <span className="muted">
          {" "}
          ({state}
          {f.dueOn && f.status === "OPEN" ? `, due ${formatDate(f.dueOn)}` : ""})
        </span>
      </>
    );
  } else if (v) {
    kind = "Visit";
    body = (
      <>
        <Link className="timeline__title" to={`/visits/${encodeURIComponent(v.id)}/briefing`}>
          {v.title}
        </Link>
        <span className="muted"> ({dateRange(v.startsOn, v.endsOn)})</span>
      </>
    );
  } else if (c) {
    kind = "Change";
    const who = [c.by?.name, c.member ? (c.member.shortName ?? c.member.name) : null].filter(Boolean).join(", ");
    body = (
      <>
        <span className="timeline__title">
          {ACTIONS[c.action] ?? humanise(c.action)}
          {who ? ` by ${who}` : ""}
        </span>
        {c.fields.length ? <span className="timeline__detail">Changed: {c.fields.map(fieldName).join(", ")}</span> : null}
      </>
    );
  } else {
    return null;
  }
  return (
    <li className="timeline__item">
      {when}
      <span className="tag timeline__kind">{kind}</span>
      <div className="timeline__body">{body}</div>
    </li>
  );
}

/** One page of entries (list items), and the button for the next page when this is the last one shown. */
function TimelinePage({ id, after, last, onMore }: { id: string; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { data, error, loading, refetch } = useQuery(RecordTimelineDocument, { variables: { id, first: PAGE_SIZE, after } });
  const node = data?.node;
  const page = node && "timeline" in node ? node.timeline : null;
  if (loading && !page) {
    return (
      <li className="timeline__item loading">
        {/* The live region sits inside the item: a <ul> may only hold list items. */}
        <span role="status">
          <span className="spinner" aria-hidden="true" />
          Loading the timeline…
        </span>
      </li>
    );
  }
  if (error || !page) {
    return (
      <li className="timeline__item error-panel">
        <p role="alert">The timeline could not be loaded. {error ? describeError(error) : ""}</p>
        <button type="button" className="button button--secondary" onClick={() => void refetch()}>
          Try again
        </button>
      </li>
    );
  }
  const cursor = page.pageInfo.endCursor;
  return (
    <>
      {page.nodes.map((entry, n) => (
        <Entry key={`${after ?? ""}:${n}`} entry={entry} />
      ))}
      {last && page.pageInfo.hasNextPage && cursor ? (
        <li className="timeline__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(cursor)}>
            Show older entries
          </button>
        </li>
      ) : null}
    </>
  );
}

/** Total count, from the first page (Apollo shares it with the page above). */
function TimelineCount({ id }: { id: string }) {
  const { data } = useQuery(RecordTimelineDocument, { variables: { id, first: PAGE_SIZE, after: null } });
  const node = data?.node;
  const total = node && "timeline" in node ? node.timeline.totalCount : null;
  if (total === null) return null;
  return <p className="hint">{total ? formatCount(total, "entry", "entries") : "Nothing yet that you can see."}</p>;
}

/**
 * Interactions, follow-ups, visits and changes around a person or an
 * organisation, newest first, that the viewer can see. Each page is its own
 * query; "Show older entries" adds the next.
 */
export function Timeline({ id, noun }: { id: string; noun: string }) {
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="timeline-title" className="section">
      <h2 id="timeline-title" className="heading-m">
        Timeline
      </h2>
      <p className="hint">Meetings, follow-ups, visits and changes around this {noun}, newest first, from the records you can see.</p>
      <TimelineCount id={id} />
      <ol className="timeline">
        {afters.map((after, n) => (
          <TimelinePage key={after ?? "first"} id={id} after={after} last={n === afters.length - 1} onMore={(cursor) => setAfters([...afters, cursor])} />
        ))}
      </ol>
    </section>
  );
}
