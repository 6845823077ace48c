import { useQuery } from "@apollo/client/react";
import { Fragment } from "react";
import { Link, useLocation, useParams } from "react-router";
import { type VisitDetailFragment, VisitDocument, VisitLinksDocument, VisitMeetingsDocument, type VisitMeetingsQuery } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { SummaryList } from "../../ui/SummaryList";
import { VisibilityBadge } from "../../ui/badges";
import { countryName, dateRange, formatDate, formatDateTime, humanise, placeLabel, withLatin } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import "./visits.css";

// The API prices each meeting with its participants and organisations: 20 stays well inside the query cost limit.
const MEETINGS = 20;
type Meeting = VisitMeetingsQuery["interactions"]["nodes"][number];

/** A visit: what, when, where and who, the meetings held on it, and what the briefing links to its places. */
export function VisitPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved ?? null;
  const { data, error, loading, refetch } = useQuery(VisitDocument, { variables: { id } });
  const visit = data?.visit;

  if (loading && !visit) return <Page title="Visit"><Loading label="Loading the visit…" /></Page>;
  if (error) return <Page title="Visit"><QueryError what="The visit" error={error} retry={() => void refetch()} /></Page>;
  if (!visit) {
    return (
      <Page title="Visit not found">
        <p>
          There is no visit at this address that you can see. <Link to="/visits">Back to visits</Link>
        </p>
      </Page>
    );
  }

  const briefing = `/visits/${encodeURIComponent(visit.id)}/briefing`;
  return (
    <Page
      title={visit.title}
      caption={visit.direction === "OUTBOUND" ? "Outbound mission" : "Inbound delegation"}
      actions={
        <div className="button-group visit-actions">
          <Link className="button" to={briefing}>
            Open the briefing
          </Link>
          {visit.canEdit ? (
            <Link className="button button--secondary" to={`/visits/${encodeURIComponent(visit.id)}/edit`}>
              Edit visit
            </Link>
          ) : null}
        </div>
      }
    >
      {saved ? (
        <div className="notice" role="status">
          {saved}
        </div>
      ) : null}
      <div className="detail-layout">
        <div>
          <section aria-labelledby="visit-details" className="section">
            <h2 id="visit-details" className="heading-m">
              Details
            </h2>
            <Summary visit={visit} />
          </section>
          <section aria-labelledby="visit-objectives" className="section">
            <h2 id="visit-objectives" className="heading-m">
              Objectives
            </h2>
            {visit.objectives ? <p className="prose">{visit.objectives}</p> : <p className="muted">No objectives recorded.</p>}
          </section>
          <Meetings visitId={visit.id} />
        </div>
        <aside className="detail-side" aria-label="Linked records">
          <Linked visitId={visit.id} briefing={briefing} />
        </aside>
      </div>
    </Page>
  );
}

function Summary({ visit }: { visit: VisitDetailFragment }) {
  const member = (m: { name: string; shortName: string | null }) => m.name + (m.shortName && m.shortName !== m.name ? ` (${m.shortName})` : "");
  return (
    <SummaryList
      rows={[
        ["Dates", dateRange(visit.startsOn, visit.endsOn)],
        ["Status", humanise(visit.status)],
        [
          "Destinations",
          visit.destinations.length ? (
            <ol className="plain-list">
              {visit.destinations.map((d) => (
                <li key={d.id}>{placeLabel(d)}</li>
              ))}
            </ol>
          ) : (
            "None recorded"
          ),
        ],
        ["Led by", member(visit.leadMember)],
        [
          "Delegation",
          visit.participatingMembers.length ? (
            <ul className="plain-list">
              {visit.participatingMembers.map((m) => (
                <li key={m.id}>{member(m)}</li>
              ))}
            </ul>
          ) : (
            "No other members recorded"
          ),
        ],
        [
          "Record",
          <>
            <VisibilityBadge visibility={visit.visibility} owner={visit.ownerMember.name} /> Kept by {visit.ownerMember.name}, last changed {formatDateTime(visit.updatedAt)}
          </>,
        ],
      ]}
    />
  );
}

/** The people and organisations met on the visit, each once, from its meetings. */
function met(meetings: readonly Meeting[]) {
  const people = new Map<string, Meeting["participants"][number]>();
  const organisations = new Map<string, Meeting["organisations"][number]>();
  for (const m of meetings) {
    for (const p of m.participants) people.set(p.id, p);
    for (const o of m.organisations) organisations.set(o.id, o);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en-GB");
  return {
    people: [...people.values()].map((p) => ({ ...p, name: p.fullName })).sort(byName),
    organisations: [...organisations.values()].sort(byName),
  };
}

function Meetings({ visitId }: { visitId: string }) {
  const { data, error, loading, refetch } = useQuery(VisitMeetingsDocument, { variables: { visitId, first: MEETINGS } });
  const meetings = data?.interactions;
  const { people, organisations } = met(meetings?.nodes ?? []);
  return (
    <>
      <section aria-labelledby="visit-meetings" className="section">
        <h2 id="visit-meetings" className="heading-m">
          Meetings on this visit
        </h2>
        {loading && !meetings ? <Loading label="Loading the meetings…" /> : null}
        {error ? <QueryError what="The meetings" error={error} retry={() => void refetch()} /> : null}
        {meetings && meetings.nodes.length === 0 ? (
          <p className="muted">
            No meetings you can see were logged on this visit. <Link to="/log">Log a contact</Link> and choose this visit.
          </p>
        ) : null}
        {meetings && meetings.nodes.length > 0 ? (
          <>
            <ol className="record-list">
              {meetings.nodes.map((m) => (
                <li key={m.id} className="record">
                  <div className="record__main">
                    <p className="record__line record__line--muted">
                      <time dateTime={m.occurredAt}>{formatDate(m.occurredAt)}</time> · {humanise(m.kind)}
                      {m.place ? ` · ${m.place.name}, ${countryName(m.place.countryCode)}` : ""}
                    </p>
                    <h3 className="record__title heading-s">{m.subject}</h3>
                    {m.participants.length ? (
                      <p className="record__line">
                        With{" "}
                        {m.participants.map((p, i) => (
                          <Fragment key={p.id}>
                            {i > 0 ? ", " : ""}
                            <Link to={`/people/${encodeURIComponent(p.id)}`}>{withLatin(p.fullName, p.nameLatin)}</Link>
                          </Fragment>
                        ))}
                      </p>
                    ) : null}
                    {m.outcome ? <p className="record__line">Outcome: {m.outcome}</p> : null}
                  </div>
                  <div className="record__meta">
                    <VisibilityBadge visibility={m.visibility} owner={m.ownerMember.name} />
                    <span className="record__owner">{m.ownerMember.shortName ?? m.ownerMember.name}</span>
                  </div>
                </li>
              ))}
            </ol>
            {meetings.totalCount > meetings.nodes.length ? (
              <p className="muted">
                Showing the latest {meetings.nodes.length} of {meetings.totalCount} meetings.
              </p>
            ) : null}
          </>
        ) : null}
      </section>
      {meetings && (people.length || organisations.length) ? (
        <section aria-labelledby="visit-met" className="section">
          <h2 id="visit-met" className="heading-m">
            People and organisations met
          </h2>
          <div className="visit-met">
            <div>
              <h3 className="heading-s">People</h3>
              {people.length ? (
                <ul className="plain-list">
                  {people.map((p) => (
                    <li key={p.id} className="plain-list__item">
                      <Link to={`/people/${encodeURIComponent(p.id)}`}>{withLatin(p.fullName, p.nameLatin)}</Link>
                      {p.jobTitle ? <span className="muted">, {p.jobTitle}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">None recorded.</p>
              )}
            </div>
            <div>
              <h3 className="heading-s">Organisations</h3>
              {organisations.length ? (
                <ul className="plain-list">
                  {organisations.map((o) => (
                    <li key={o.id} className="plain-list__item">
                      <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{withLatin(o.name, o.nameLatin)}</Link>
                      <span className="muted"> · {humanise(o.kind)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">None recorded.</p>
              )}
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** Partnerships in the visit's places and the open follow-ups around it, as the briefing gathers them. */
function Linked({ visitId, briefing }: { visitId: string; briefing: string }) {
  const { data, error, loading, refetch } = useQuery(VisitLinksDocument, { variables: { visitId } });
  const links = data?.visitBriefing;
  return (
    <>
      <section aria-labelledby="visit-partnerships" className="panel">
        <h2 id="visit-partnerships" className="heading-s">
          Partnerships in these places
        </h2>
        {loading && !links ? <Loading label="Loading partnerships…" /> : null}
        {error ? <QueryError what="Partnerships and follow-ups" error={error} retry={() => void refetch()} /> : null}
        {links && links.partnerships.length === 0 ? <p className="muted">None you can see.</p> : null}
        {links && links.partnerships.length > 0 ? (
          <ul className="plain-list">
            {links.partnerships.map((p) => (
              <li key={p.id} className="plain-list__item">
                <Link to={`/partnerships/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                <br />
                <span className="muted">
                  {humanise(p.kind)} · {humanise(p.status)}
                  {p.signedOn ? ` · since ${formatDate(p.signedOn)}` : ""}
                  {p.lastInteractionAt ? ` · last contact ${formatDate(p.lastInteractionAt)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="visit-follow-ups" className="panel">
        <h2 id="visit-follow-ups" className="heading-s">
          Open follow-ups
        </h2>
        {links && links.followUps.length === 0 ? <p className="muted">None open.</p> : null}
        {links && links.followUps.length > 0 ? (
          <ul className="plain-list">
            {links.followUps.map((f) => (
              <li key={f.id} className="plain-list__item">
                {f.title}
                <br />
                <span className={f.overdue ? "visit-overdue" : "muted"}>
                  {f.dueOn ? `${f.overdue ? "Overdue: due" : "Due"} ${formatDate(f.dueOn)}` : "No due date"}
                </span>
                <span className="muted">
                  {" "}
                  · {f.ownerMember.name}
                  {f.assignee ? ` (${f.assignee})` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="visit-briefing-link">
          <Link to={briefing}>Everything else in the briefing</Link>
        </p>
      </section>
    </>
  );
}
