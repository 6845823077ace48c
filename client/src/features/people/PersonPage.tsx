import { useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { PersonDocument, type PersonQuery } from "../../generated/graphql";
import { type RecordKind, RecordPanel, RecordScreen } from "../../ui/RecordScreen";
import { SummaryList } from "../../ui/SummaryList";
import { Tags } from "../../ui/badges";
import { countryName, dateRange, formatDate, formatDateTime, humanise, languageName, placeLabel, withLatin } from "../../ui/format";
import { InvestorProfiles } from "./InvestorProfiles";
import { IntroductionPaths } from "./IntroductionPaths";
import { Timeline } from "./Timeline";
import { WhoKnows } from "./WhoKnows";
import "./records.css";

type Person = NonNullable<PersonQuery["person"]>;

export const PEOPLE: RecordKind = { one: "person", list: "People", path: "/people" };

export function PersonPage() {
  const { id = "" } = useParams();
  const query = useQuery(PersonDocument, { variables: { id } });
  return (
    <RecordScreen kind={PEOPLE} query={query} select={(d) => d.person} name={(p) => ({ name: p.fullName, latin: p.nameLatin })}>
      {(person) => <PersonDetails person={person} />}
    </RecordScreen>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const viewer = useViewer();
  const owner = person.ownerMember;
  const ownerOnly: [string, ReactNode][] = [];
  if (person.email) ownerOnly.push(["Email", <a href={`mailto:${person.email}`}>{person.email}</a>]);
  if (person.phone) ownerOnly.push(["Phone", <a href={`tel:${person.phone.replace(/\s+/g, "")}`}>{person.phone}</a>]);
  if (person.lawfulBasis) ownerOnly.push(["Lawful basis", humanise(person.lawfulBasis)]);
  if (person.lawfulBasisNote) ownerOnly.push(["Lawful basis note", person.lawfulBasisNote]);
  if (person.consentAt) ownerOnly.push(["Consent given", formatDateTime(person.consentAt)]);
  if (person.retentionReviewOn) ownerOnly.push(["Retention review due", formatDate(person.retentionReviewOn)]);
  const health = person.relationshipHealth;

  return (
    <div className="detail-layout">
      <div className="detail-main">
        {person.archivedAt ? (
          <p className="notice notice--warning">This record was archived on {formatDateTime(person.archivedAt)}.</p>
        ) : null}
        <section aria-labelledby="details-title" className="section">
          <h2 id="details-title" className="heading-m">
            Details
          </h2>
          <SummaryList
            rows={[
              ["Job title", person.jobTitle],
              ["Place", person.place ? placeLabel(person.place) : null],
              ["Languages", person.languages.length ? person.languages.map(languageName).join(", ") : null],
              ["Sectors", person.sectors.length ? <Tags values={person.sectors} label="Sectors" /> : null],
            ]}
          />
          {person.bio ? (
            <>
              <h3 className="heading-s">Biography</h3>
              <p className="prose">{person.bio}</p>
            </>
          ) : null}
        </section>

        <section aria-labelledby="affiliations-title" className="section">
          <h2 id="affiliations-title" className="heading-m">
            Affiliations
          </h2>
          {person.affiliations.length ? (
            <ul className="plain-list">
              {person.affiliations.map((a) => (
                <li key={a.id} className="plain-list__item">
                  <Link to={`/organisations/${encodeURIComponent(a.organisation.id)}`}>{withLatin(a.organisation.name, a.organisation.nameLatin)}</Link>
                  {a.role ? <span> – {a.role}</span> : null}
                  <span className="muted">
                    {" "}
                    ({humanise(a.organisation.kind)}
                    {dateRange(a.startedOn, a.endedOn) ? `; ${dateRange(a.startedOn, a.endedOn)}` : ""}
                    {a.current ? "; current" : "; past"})
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No affiliations you can see.</p>
          )}
        </section>

        <section aria-labelledby="alumni-title" className="section">
          <h2 id="alumni-title" className="heading-m">
            Alumni ties
          </h2>
          {person.alumniTies.length ? (
            <ul className="plain-list">
              {person.alumniTies.map((t) => (
                <li key={t.id} className="plain-list__item">
                  <Link to={`/organisations/${encodeURIComponent(t.university.id)}`}>{t.university.name}</Link>
                  <span>
                    {" – "}
                    {[t.degree, t.subject].filter(Boolean).join(", ") || "Degree not recorded"}
                    {t.graduationYear ? `, ${t.graduationYear}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No alumni ties you can see.</p>
          )}
        </section>

        <InvestorProfiles profiles={person.investorProfiles} emptyText="Not recorded as an investor in the records you can see." />
        <WhoKnows personId={person.id} health={health} myMemberId={viewer.member.id} />
        <IntroductionPaths personId={person.id} personName={person.fullName} canRequest={viewer.role !== "VIEWER"} />
        <Timeline id={person.id} noun="person" />
      </div>

      <aside className="detail-side" aria-label="About this record">
        <RecordPanel
          record={person}
          extra={[
            ["Country", person.place ? countryName(person.place.countryCode) : null],
            ["Last contact", health.lastInteractionAt ? formatDate(health.lastInteractionAt) : "None you can see"],
          ]}
        />
        {ownerOnly.length ? (
          <section aria-labelledby="private-title" className="panel panel--private">
            <h2 id="private-title" className="heading-s">
              Contact and data protection
            </h2>
            <p className="hint">Only {owner.shortName ?? owner.name} can see these details.</p>
            <SummaryList rows={ownerOnly} />
          </section>
        ) : null}
      </aside>
    </div>
  );
}
