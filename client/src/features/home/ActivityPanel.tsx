import { useQuery } from "@apollo/client/react";
import { Fragment } from "react";
import { Link } from "react-router";
import { RecentActivityDocument } from "../../generated/graphql";
import { VisibilityBadge } from "../../ui/badges";
import { countryName, formatDate, humanise, withLatin } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";

const SHOWN_PARTICIPANTS = 3;

/** The newest interactions the viewer can see, by any member: what the network has been doing. */
export function ActivityPanel() {
  const { data, error, loading, refetch } = useQuery(RecentActivityDocument, { variables: { first: 8 } });
  const interactions = data?.interactions;
  return (
    <section aria-labelledby="activity-title" className="home-panel">
      <div className="section__header">
        <h2 id="activity-title" className="heading-m">
          Recent network activity
        </h2>
        {interactions ? <span className="muted">{interactions.totalCount} interactions you can see</span> : null}
      </div>
      {loading && !interactions ? <Loading label="Loading recent activity…" /> : null}
      {error ? <QueryError what="Recent activity" error={error} retry={() => void refetch()} /> : null}
      {interactions && interactions.nodes.length === 0 ? (
        <p className="muted">
          No meetings, calls or events recorded yet. <Link to="/log">Log a contact</Link> to start the history.
        </p>
      ) : null}
      {interactions && interactions.nodes.length > 0 ? (
        <ol className="home-list activity">
          {interactions.nodes.map((i) => {
            const more = i.participants.length - SHOWN_PARTICIPANTS;
            return (
              <li key={i.id} className="home-item">
                <div className="home-item__main">
                  <p className="home-item__line home-item__line--muted">
                    <time dateTime={i.occurredAt}>{formatDate(i.occurredAt)}</time> · {humanise(i.kind)} ·{" "}
                    {i.ownerMember.shortName ?? i.ownerMember.name}
                    {i.place ? ` · ${i.place.name}, ${countryName(i.place.countryCode)}` : ""}
                  </p>
                  <p className="home-item__title">{i.subject}</p>
                  {i.participants.length || i.organisations.length ? (
                    <p className="home-item__line">
                      With{" "}
                      {i.participants.slice(0, SHOWN_PARTICIPANTS).map((p, n) => (
                        <Fragment key={p.id}>
                          {n > 0 ? ", " : ""}
                          <Link to={`/people/${encodeURIComponent(p.id)}`}>{withLatin(p.fullName, p.nameLatin)}</Link>
                        </Fragment>
                      ))}
                      {more > 0 ? ` and ${more} more` : ""}
                      {i.participants.length && i.organisations.length ? " · " : ""}
                      {i.organisations.map((o, n) => (
                        <Fragment key={o.id}>
                          {n > 0 ? ", " : ""}
                          <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                        </Fragment>
                      ))}
                    </p>
                  ) : null}
                  {i.visit ? (
                    <p className="home-item__line">
                      On <Link to={`/visits/${encodeURIComponent(i.visit.id)}`}>{i.visit.title}</Link>
                    </p>
                  ) : null}
                </div>
                <VisibilityBadge visibility={i.visibility} owner={i.ownerMember.name} />
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
