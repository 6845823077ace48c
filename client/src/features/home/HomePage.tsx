import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { HomeSummaryDocument } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { formatCount } from "../../ui/format";
import { QueryError } from "../../ui/states";
import { ActivityPanel } from "./ActivityPanel";
import { AlertsPanel } from "./AlertsPanel";
import { FollowUpsPanel } from "./FollowUpsPanel";
import { UpcomingVisitsPanel } from "./UpcomingVisitsPanel";
import "./home.css";

// Each panel loads on its own, so one slow or failing part never blanks the rest.
export function HomePage() {
  const viewer = useViewer();
  return (
    <Page title="Home" heading={`Welcome, ${viewer.name}`} caption={viewer.member.name}>
      <div className="home-grid">
        <div className="home-grid__main">
          <FollowUpsPanel />
          <AlertsPanel />
          <ActivityPanel />
        </div>
        <div className="home-grid__side">
          <UpcomingVisitsPanel />
          <Glance />
        </div>
      </div>
    </Page>
  );
}

function Glance() {
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(HomeSummaryDocument);
  const member = viewer.member.shortName ?? viewer.member.name;
  return (
    <section aria-labelledby="glance-title" className="home-panel">
      <h2 id="glance-title" className="heading-m">
        At a glance
      </h2>
      {error ? <QueryError what="The network summary" error={error} retry={() => void refetch()} /> : null}
      {/* No spinner: the panels above carry the loading state, and these numbers fill in quietly. */}
      <ul className="glance">
        <li>
          <Link to="/people">{data ? formatCount(data.people.totalCount, "person", "people") : "People"}</Link>
          {data ? <span className="muted"> you can see, {formatCount(data.myPeople.totalCount, "recorded", "recorded")} by {member}</span> : null}
        </li>
        <li>
          <Link to="/organisations">{data ? formatCount(data.organisations.totalCount, "organisation", "organisations") : "Organisations"}</Link>
          {data ? <span className="muted">, {formatCount(data.myOrganisations.totalCount, "recorded", "recorded")} by {member}</span> : null}
        </li>
        <li>
          <Link to="/priorities">Engagement against priorities</Link>
        </li>
      </ul>
    </section>
  );
}
