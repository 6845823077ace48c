import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { type VisitListItemFragment, VisitsDocument } from "../../generated/graphql";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { countryName, dateRange, humanise, withLatin } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";
import { VisitsNav } from "./VisitsNav";
import "./visits.css";

const PAGE_SIZE = 25;

function isoDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function VisitsListPage() {
  // Upcoming and current visits (soonest first), then past ones (most recent first).
  const upcoming = useQuery(VisitsDocument, { variables: { filter: { from: isoDay() }, first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  const past = useQuery(VisitsDocument, { variables: { filter: { to: isoDay(-1) }, first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  const soon = upcoming.data ? [...upcoming.data.visits.nodes].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title)) : null;
  const earlier = past.data?.visits;
  const shownAbove = new Set((soon ?? []).map((v) => v.id));

  return (
    <Page title="Visits" actions={<VisitsNav current="list" />}>
      <section aria-labelledby="upcoming-title" className="visits-section">
        <h2 id="upcoming-title" className="heading-m">
          Upcoming and current
        </h2>
        {upcoming.error ? <QueryError what="Upcoming visits" error={upcoming.error} retry={() => void upcoming.refetch()} /> : null}
        {!soon && !upcoming.error ? <Loading label="Loading upcoming visits…" /> : null}
        {soon && soon.length === 0 ? (
          <Empty title="No upcoming visits">
            <p>Missions and delegations you can see appear here once they are planned.</p>
          </Empty>
        ) : null}
        {soon && upcoming.data && soon.length > 0 ? (
          <>
            <ul className="record-list">
              {soon.map((v) => (
                <VisitItem key={v.id} visit={v} />
              ))}
            </ul>
            <LoadMore
              shown={soon.length}
              total={upcoming.data.visits.totalCount}
              hasMore={upcoming.data.visits.pageInfo.hasNextPage}
              loading={upcoming.networkStatus === NetworkStatus.fetchMore}
              noun={["visit", "visits"]}
              onLoadMore={() => void upcoming.fetchMore({ variables: { after: upcoming.data?.visits.pageInfo.endCursor } })}
            />
          </>
        ) : null}
      </section>
      <section aria-labelledby="past-title" className="visits-section">
        <h2 id="past-title" className="heading-m">
          Past visits
        </h2>
        {past.error ? <QueryError what="Past visits" error={past.error} retry={() => void past.refetch()} /> : null}
        {!earlier && !past.error ? <Loading label="Loading past visits…" /> : null}
        {earlier && earlier.nodes.length === 0 ? <Empty title="No past visits" /> : null}
        {earlier && earlier.nodes.length > 0 ? (
          <>
            <ul className="record-list">
              {earlier.nodes
                .filter((v) => !shownAbove.has(v.id))
                .map((v) => (
                  <VisitItem key={v.id} visit={v} />
                ))}
            </ul>
            <LoadMore
              shown={earlier.nodes.length}
              total={earlier.totalCount}
              hasMore={earlier.pageInfo.hasNextPage}
              loading={past.networkStatus === NetworkStatus.fetchMore}
              noun={["visit", "visits"]}
              onLoadMore={() => void past.fetchMore({ variables: { after: earlier.pageInfo.endCursor } })}
            />
          </>
        ) : null}
      </section>
    </Page>
  );
}

function VisitItem({ visit: v }: { visit: VisitListItemFragment }) {
  const places = v.destinations.map((d) => `${withLatin(d.name, d.nameLatin)} (${countryName(d.countryCode)})`).join(", ");
  return (
    <li className="record">
      <div className="record__main">
        <h3 className="record__title heading-s">
          <Link to={`/visits/${encodeURIComponent(v.id)}`}>{v.title}</Link>
        </h3>
        <p className="record__line">
          {dateRange(v.startsOn, v.endsOn)} · {humanise(v.direction)} · {humanise(v.status)}
        </p>
        {places ? <p className="record__line record__line--muted">{places}</p> : null}
        <p className="record__line record__line--muted">Led by {v.leadMember.shortName ?? v.leadMember.name}</p>
        <p className="record__line">
          <Link to={`/visits/${encodeURIComponent(v.id)}/briefing`}>
            Briefing<span className="visually-hidden"> for {v.title}</span>
          </Link>
        </p>
      </div>
    </li>
  );
}
