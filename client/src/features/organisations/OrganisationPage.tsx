import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { OrganisationDocument, type OrganisationQuery } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { SummaryList } from "../../ui/SummaryList";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { dateRange, formatDateTime, humanise, placeLabel, withLatin } from "../../ui/format";
import { errorCode } from "../../ui/errors";
import { Empty, Loading, QueryError } from "../../ui/states";

type Organisation = NonNullable<OrganisationQuery["organisation"]>;

export function OrganisationPage() {
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(OrganisationDocument, { variables: { id } });
  // A malformed id in the address is just an address that leads nowhere.
  const notFound = errorCode(error) === "BAD_USER_INPUT" || errorCode(error) === "NOT_FOUND";
  const organisation = data?.organisation;

  if (organisation) {
    return (
      <Page
        title={organisation.name}
        caption={<Link to="/organisations">Organisations</Link>}
        heading={withLatin(organisation.name, organisation.nameLatin)}
        actions={<VisibilityBadge visibility={organisation.visibility} owner={organisation.ownerMember.name} />}
      >
        <OrganisationDetails organisation={organisation} />
      </Page>
    );
  }
  return (
    <Page title={loading ? "Organisation" : "Organisation not found"} caption={<Link to="/organisations">Organisations</Link>}>
      {loading ? <Loading label="Loading organisation…" /> : null}
      {error && !notFound ? <QueryError what="This organisation" error={error} retry={() => void refetch()} /> : null}
      {!loading && (!error || notFound) ? (
        <Empty title="No such organisation">
          <p>
            This organisation does not exist, was removed, or is private to another member.{" "}
            <Link to="/organisations">Back to organisations</Link>
          </p>
        </Empty>
      ) : null}
    </Page>
  );
}

function OrganisationDetails({ organisation: org }: { organisation: Organisation }) {
  const current = org.affiliations.filter((a) => a.current);
  const past = org.affiliations.filter((a) => !a.current);
  return (
    <div className="detail-layout">
      <div className="detail-main">
        {org.archivedAt ? <p className="notice notice--warning">This record was archived on {formatDateTime(org.archivedAt)}.</p> : null}
        <section aria-labelledby="details-title" className="section">
          <h2 id="details-title" className="heading-m">
            Details
          </h2>
          <SummaryList
            rows={[
              ["Type", humanise(org.kind)],
              ["Place", org.place ? placeLabel(org.place) : null],
              [
                "Website",
                org.website ? (
                  <a href={org.website} rel="noopener noreferrer" target="_blank">
                    {org.website.replace(/^https?:\/\//, "")}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : null,
              ],
              ["Part of", org.parent ? <Link to={`/organisations/${encodeURIComponent(org.parent.id)}`}>{org.parent.name}</Link> : null],
              ["Sectors", org.sectors.length ? <Tags values={org.sectors} label="Sectors" /> : null],
            ]}
          />
          {org.description ? (
            <>
              <h3 className="heading-s">About</h3>
              <p className="prose">{org.description}</p>
            </>
          ) : null}
        </section>
        <section aria-labelledby="people-title" className="section">
          <h2 id="people-title" className="heading-m">
            People
          </h2>
          {org.affiliations.length === 0 ? <p className="muted">No people you can see are affiliated with this organisation.</p> : null}
          {current.length ? <PeopleList heading={past.length ? "Current" : null} affiliations={current} /> : null}
          {past.length ? <PeopleList heading={current.length ? "Past" : null} affiliations={past} /> : null}
        </section>
      </div>
      <aside className="detail-side" aria-label="Record">
        <section aria-labelledby="record-title" className="panel">
          <h2 id="record-title" className="heading-s">
            Record
          </h2>
          <SummaryList
            rows={[
              ["Owner", org.ownerMember.name],
              ["Shared with", org.visibility === "PRIVATE" ? `${org.ownerMember.shortName ?? org.ownerMember.name} only` : "The whole network"],
              ["Last updated", formatDateTime(org.updatedAt)],
              ["Created", formatDateTime(org.createdAt)],
            ]}
          />
        </section>
      </aside>
    </div>
  );
}

function PeopleList({ heading, affiliations }: { heading: string | null; affiliations: Organisation["affiliations"] }) {
  return (
    <>
      {heading ? <h3 className="heading-s">{heading}</h3> : null}
      <ul className="plain-list">
        {affiliations.map((a) => (
          <li key={a.id} className="plain-list__item">
            <Link to={`/people/${encodeURIComponent(a.person.id)}`}>{withLatin(a.person.fullName, a.person.nameLatin)}</Link>
            {a.role || a.person.jobTitle ? <span> – {a.role ?? a.person.jobTitle}</span> : null}
            {dateRange(a.startedOn, a.endedOn) ? <span className="muted"> ({dateRange(a.startedOn, a.endedOn)})</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
