import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { OrganisationDocument, type OrganisationQuery } from "../../generated/graphql";
import { type RecordKind, RecordPanel, RecordScreen } from "../../ui/RecordScreen";
import { SummaryList } from "../../ui/SummaryList";
import { Tags } from "../../ui/badges";
import { dateRange, formatDate, formatDateTime, humanise, placeLabel, withLatin } from "../../ui/format";
import { InvestorProfiles } from "../people/InvestorProfiles";
import { Timeline } from "../people/Timeline";
import "../people/records.css";

type Organisation = NonNullable<OrganisationQuery["organisation"]>;

export const ORGANISATIONS: RecordKind = { one: "organisation", list: "Organisations", path: "/organisations" };

export function OrganisationPage() {
  const { id = "" } = useParams();
  const query = useQuery(OrganisationDocument, { variables: { id } });
  return (
    <RecordScreen kind={ORGANISATIONS} query={query} select={(d) => d.organisation} name={(o) => ({ name: o.name, latin: o.nameLatin })}>
      {(org) => <OrganisationDetails organisation={org} />}
    </RecordScreen>
  );
}

function OrganisationDetails({ organisation: org }: { organisation: Organisation }) {
  const current = org.affiliations.filter((a) => a.current);
  const past = org.affiliations.filter((a) => !a.current);
  const health = org.relationshipHealth;
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
        <InvestorProfiles profiles={org.investorProfiles} emptyText={null} />
        <Timeline id={org.id} noun="organisation" />
      </div>
      <aside className="detail-side" aria-label="About this record">
        <RecordPanel
          record={org}
          extra={[
            ["Last contact", health.lastInteractionAt ? formatDate(health.lastInteractionAt) : "None you can see"],
            ["In contact", health.byMember.length ? health.byMember.map((m) => m.member.shortName ?? m.member.name).join(", ") : null],
          ]}
        />
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
