import { useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { PersonDocument, type PersonQuery } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { countryName, dateRange, formatDate, formatDateTime, humanise, languageName, placeLabel, withLatin } from "../../ui/format";
import { errorCode } from "../../ui/errors";
import { Empty, Loading, QueryError } from "../../ui/states";
import { SummaryList } from "../../ui/SummaryList";

type Person = NonNullable<PersonQuery["person"]>;

export function PersonPage() {
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(PersonDocument, { variables: { id } });
  // A malformed id in the address is just an address that leads nowhere.
  const notFound = errorCode(error) === "BAD_USER_INPUT" || errorCode(error) === "NOT_FOUND";
  const person = data?.person;

  if (person) {
    return (
      <Page
        title={person.fullName}
        caption={<Link to="/people">People</Link>}
        heading={withLatin(person.fullName, person.nameLatin)}
        actions={<VisibilityBadge visibility={person.visibility} owner={person.ownerMember.name} />}
      >
        <PersonDetails person={person} />
      </Page>
    );
  }
  return (
    <Page title={loading ? "Person" : "Person not found"} caption={<Link to="/people">People</Link>}>
      {loading ? <Loading label="Loading person…" /> : null}
      {error && !notFound ? <QueryError what="This person" error={error} retry={() => void refetch()} /> : null}
      {!loading && (!error || notFound) ? (
        <Empty title="No such person">
          <p>
            This person does not exist, was removed, or is private to another member. <Link to="/people">Back to people</Link>
          </p>
        </Empty>
      ) : null}
    </Page>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const owner = person.ownerMember;
  const ownerOnly: [string, ReactNode][] = [];
  if (person.email) ownerOnly.push(["Email", <a href={`mailto:${person.email}`}>{person.email}</a>]);
  if (person.phone) ownerOnly.push(["Phone", <a href={`tel:${person.phone.replace(/\s+/g, "")}`}>{person.phone}</a>]);
  if (person.lawfulBasis) ownerOnly.push(["Lawful basis", humanise(person.lawfulBasis)]);
  if (person.lawfulBasisNote) ownerOnly.push(["Lawful basis note", person.lawfulBasisNote]);
  if (person.consentAt) ownerOnly.push(["Consent given", formatDateTime(person.consentAt)]);
  if (person.retentionReviewOn) ownerOnly.push(["Retention review due", formatDate(person.retentionReviewOn)]);

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
                  <Link to={`/organisations/${encodeURIComponent(a.organisation.id)}`}>{a.organisation.name}</Link>
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
      </div>

      <aside className="detail-side" aria-label="Record">
        <section aria-labelledby="record-title" className="panel">
          <h2 id="record-title" className="heading-s">
            Record
          </h2>
          <SummaryList
            rows={[
              ["Owner", owner.name],
              ["Shared with", person.visibility === "PRIVATE" ? `${owner.shortName ?? owner.name} only` : "The whole network"],
              ["Country", person.place ? countryName(person.place.countryCode) : null],
              ["Last updated", formatDateTime(person.updatedAt)],
              ["Created", formatDateTime(person.createdAt)],
            ]}
          />
        </section>
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
