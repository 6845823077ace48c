import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { UpcomingVisitsDocument } from "../../generated/graphql";
import { countryName, dateRange, humanise, withLatin } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import { addDays, today } from "../visits/calendar";

const AHEAD_DAYS = 120;
const SHOWN = 5;

/** Visits under way or starting in the next four months, soonest first (visitCalendar is in date order). */
export function UpcomingVisitsPanel() {
  const viewer = useViewer();
  const [from] = useState(today);
  const { data, error, loading, refetch } = useQuery(UpcomingVisitsDocument, { variables: { from, to: addDays(from, AHEAD_DAYS) } });
  const visits = data?.visitCalendar;
  return (
    <section aria-labelledby="upcoming-title" className="home-panel">
      <div className="section__header">
        <h2 id="upcoming-title" className="heading-m">
          Upcoming visits
        </h2>
        <Link to="/visits/calendar">Calendar</Link>
      </div>
      {loading && !visits ? <Loading label="Loading upcoming visits…" /> : null}
      {error ? <QueryError what="Upcoming visits" error={error} retry={() => void refetch()} /> : null}
      {visits && visits.length === 0 ? (
        <p className="muted">
          No visits you can see in the next four months. <Link to="/visits">See past visits</Link>
          {viewer.role !== "VIEWER" ? (
            <>
              {" "}
              or <Link to="/visits/new">plan a visit</Link>
            </>
          ) : null}
          .
        </p>
      ) : null}
      {visits && visits.length > 0 ? (
        <>
          <ul className="home-list">
            {visits.slice(0, SHOWN).map((v) => (
              <li key={v.id} className="home-item">
                <div className="home-item__main">
                  <p className="home-item__title">
                    <Link to={`/visits/${encodeURIComponent(v.id)}`}>{v.title}</Link>
                  </p>
                  <p className="home-item__line">
                    {v.startsOn <= from ? <strong>Under way · </strong> : null}
                    {dateRange(v.startsOn, v.endsOn)}
                  </p>
                  <p className="home-item__line home-item__line--muted">
                    {[humanise(v.direction), v.destinations.map((d) => `${withLatin(d.name, d.nameLatin)} (${countryName(d.countryCode)})`).join(", "), v.leadMember.shortName ?? v.leadMember.name]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {visits.length > SHOWN ? (
            <p className="home-panel__more">
              <Link to="/visits">All {visits.length} upcoming visits</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
