import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { HomeSummaryDocument } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { formatCount } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import { PersonItem } from "../people/PeopleListPage";

export function HomePage() {
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(HomeSummaryDocument);
  const member = viewer.member.shortName ?? viewer.member.name;

  return (
    <Page title="Home" heading={`Welcome, ${viewer.name}`} caption={viewer.member.name}>
      <p className="lead">Everything the network shares, and everything {member} keeps to itself, in one place.</p>
      {loading ? <Loading label="Loading your network…" /> : null}
      {error ? <QueryError what="Your network summary" error={error} retry={() => void refetch()} /> : null}
      {data ? (
        <>
          <section aria-labelledby="glance-title" className="section">
            <h2 id="glance-title" className="heading-m">
              At a glance
            </h2>
            <ul className="stats">
              <li className="stat">
                <Link to="/people" className="stat__link">
                  <span className="stat__value">{data.people.totalCount}</span>
                  <span className="stat__label">{data.people.totalCount === 1 ? "person" : "people"} you can see</span>
                </Link>
                <Link to="/people?mine=1" className="stat__sub">
                  {formatCount(data.myPeople.totalCount, "recorded", "recorded")} by {member}
                </Link>
              </li>
              <li className="stat">
                <Link to="/organisations" className="stat__link">
                  <span className="stat__value">{data.organisations.totalCount}</span>
                  <span className="stat__label">{data.organisations.totalCount === 1 ? "organisation" : "organisations"}</span>
                </Link>
                <Link to="/organisations?mine=1" className="stat__sub">
                  {formatCount(data.myOrganisations.totalCount, "recorded", "recorded")} by {member}
                </Link>
              </li>
              <li className="stat">
                <Link to="/places?kind=COUNTRY" className="stat__link">
                  <span className="stat__value">{data.countries.totalCount}</span>
                  <span className="stat__label">{data.countries.totalCount === 1 ? "country" : "countries"} in the reference data</span>
                </Link>
              </li>
            </ul>
          </section>
          <section aria-labelledby="people-title" className="section">
            <div className="section__header">
              <h2 id="people-title" className="heading-m">
                People in the network
              </h2>
              <Link to="/people">All people</Link>
            </div>
            {data.people.nodes.length ? (
              <ul className="record-list">
                {data.people.nodes.map((person) => (
                  <PersonItem key={person.id} person={person} />
                ))}
              </ul>
            ) : (
              <p className="muted">No people yet.</p>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
