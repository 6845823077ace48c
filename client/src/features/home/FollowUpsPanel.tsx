import { useMutation, useQuery } from "@apollo/client/react";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { CompleteFollowUpDocument, CoordinationAlertsDocument, type HomeFollowUpFragment, MyFollowUpsDocument } from "../../generated/graphql";
import { describeError, errorCode } from "../../ui/errors";
import { formatDate } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";

const FIRST = 8;

/** What a follow-up is about, linked when the record has a page. */
function About({ f }: { f: HomeFollowUpFragment }) {
  if (f.person) return <>About <Link to={`/people/${encodeURIComponent(f.person.id)}`}>{f.person.fullName}</Link></>;
  if (f.organisation) return <>About <Link to={`/organisations/${encodeURIComponent(f.organisation.id)}`}>{f.organisation.name}</Link></>;
  if (f.visit) return <>About <Link to={`/visits/${encodeURIComponent(f.visit.id)}`}>{f.visit.title}</Link></>;
  if (f.partnership) return <>About <Link to={`/partnerships/${encodeURIComponent(f.partnership.id)}`}>{f.partnership.name}</Link></>;
  if (f.opportunity) return <>About the opportunity {f.opportunity.title}</>;
  if (f.interaction) return <>From the meeting “{f.interaction.subject}”</>;
  return null;
}

/** The viewer's open follow-ups, overdue first (the API orders by due date), each with "Mark done". */
export function FollowUpsPanel() {
  const viewer = useViewer();
  const [first, setFirst] = useState(FIRST);
  const { data, error, loading, refetch } = useQuery(MyFollowUpsDocument, { variables: { first } });
  const [complete] = useMutation(CompleteFollowUpDocument);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const canWrite = viewer.role !== "VIEWER";

  async function markDone(f: HomeFollowUpFragment) {
    setBusy(f.id);
    setFailure(null);
    setDone(null);
    try {
      await complete({
        variables: { id: f.id, version: f.version },
        // The list holds open ones only, and an overdue follow-up is also an alert.
        refetchQueries: [MyFollowUpsDocument, CoordinationAlertsDocument],
        awaitRefetchQueries: true,
      });
      setDone(`“${f.title}” is marked as done.`);
      // The item has gone: keep keyboard focus in the panel rather than losing it to the page.
      heading.current?.focus();
    } catch (err) {
      const message =
        errorCode(err) === "CONFLICT"
          ? "Someone changed this follow-up since the list was loaded. The list has been refreshed: check it and try again."
          : describeError(err);
      if (errorCode(err) === "CONFLICT") void refetch();
      setFailure({ id: f.id, message });
    } finally {
      setBusy(null);
    }
  }

  const followUps = data?.followUps;
  return (
    <section aria-labelledby="follow-ups-title" className="home-panel">
      <div className="section__header">
        <h2 id="follow-ups-title" className="heading-m" ref={heading} tabIndex={-1}>
          My open follow-ups
        </h2>
        {followUps ? <span className="muted">{followUps.totalCount} open</span> : null}
      </div>
      <p className="home-panel__status" role="status">
        {done}
      </p>
      {loading && !followUps ? <Loading label="Loading your follow-ups…" /> : null}
      {error ? <QueryError what="Your follow-ups" error={error} retry={() => void refetch()} /> : null}
      {followUps && followUps.nodes.length === 0 ? (
        <p className="muted">
          Nothing assigned to you is open. Follow-ups you add when you <Link to="/log">log a contact</Link> appear here.
        </p>
      ) : null}
      {followUps && followUps.nodes.length > 0 ? (
        <ul className="home-list">
          {followUps.nodes.map((f) => (
            <li key={f.id} className={f.overdue ? "home-item home-item--overdue" : "home-item"}>
              <div className="home-item__main">
                <p className="home-item__title">{f.title}</p>
                <p className="home-item__line">
                  {f.dueOn ? (
                    f.overdue ? (
                      <strong className="due due--overdue">Overdue: due {formatDate(f.dueOn)}</strong>
                    ) : (
                      <span className="due">Due {formatDate(f.dueOn)}</span>
                    )
                  ) : (
                    <span className="due">No due date</span>
                  )}
                </p>
                <p className="home-item__line home-item__line--muted">
                  <About f={f} />
                </p>
                {failure?.id === f.id ? (
                  <p className="error-message" role="alert">
                    “{f.title}” could not be marked as done: {failure.message}
                  </p>
                ) : null}
              </div>
              {canWrite && f.canEdit ? (
                <button type="button" className="button button--secondary button--small" disabled={busy !== null} aria-busy={busy === f.id} onClick={() => void markDone(f)}>
                  {busy === f.id ? "Saving…" : "Mark done"}
                  <span className="visually-hidden"> for {f.title}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {followUps && first < 100 && followUps.totalCount > followUps.nodes.length ? (
        <button type="button" className="link-button home-panel__more" onClick={() => setFirst(100)}>
          Show {followUps.totalCount > 100 ? "the first 100" : `all ${followUps.totalCount}`} open follow-ups
        </button>
      ) : null}
    </section>
  );
}
