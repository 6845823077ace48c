import { useQuery } from "@apollo/client/react";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth/AuthProvider";
import { type RefFragment, VisitBriefingDocument, type VisitBriefingQuery } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { downloadFile } from "../../ui/download";
import { countryName, dateRange, formatDate, formatDateTime, humanise } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import "./visits.css";

type Briefing = NonNullable<VisitBriefingQuery["visitBriefing"]>;
type Alumnus = Briefing["alumni"][number];

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const name = (r: RefFragment) => (r.nameLatin && r.nameLatin !== r.name ? `${r.name} (${r.nameLatin})` : r.name);
const names = (rs: readonly RefFragment[]) => rs.map(name).join(", ");

// Ticket sizes read as investors quote them: "£500K to £5M".
const gbpShort = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", notation: "compact", maximumFractionDigits: 1 });

function ticket(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min == null && max == null) return null;
  if (min != null && max != null) return `${gbpShort.format(min)} to ${gbpShort.format(max)}`;
  return min != null ? `from ${gbpShort.format(min)}` : `up to ${gbpShort.format(max ?? 0)}`;
}

export function VisitBriefingPage() {
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(VisitBriefingDocument, { variables: { visitId: id } });
  const { accessToken } = useAuth();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const briefing = data?.visitBriefing;

  async function download() {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(`/briefings/${encodeURIComponent(id)}.md`, await accessToken(), "briefing.md");
    } catch (err) {
      setDownloadError(err instanceof Error ? err.message : String(err));
    } finally {
      setDownloading(false);
    }
  }

  if (loading && !briefing) return <Page title="Briefing"><Loading label="Preparing the briefing…" /></Page>;
  if (error) return <Page title="Briefing"><QueryError what="The briefing" error={error} retry={() => void refetch()} /></Page>;
  if (!briefing) {
    return (
      <Page title="Briefing not found">
        <p>
          There is no visit at this address that you can see. <Link to="/visits">Back to visits</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={`Briefing: ${briefing.title}`}
      heading={briefing.title}
      caption="Briefing pack"
      actions={
        <div className="button-group no-print">
          {briefing.visit ? (
            <Link className="button button--secondary" to={`/visits/${encodeURIComponent(briefing.visit.id)}`}>
              Visit details
            </Link>
          ) : null}
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="button button--secondary" onClick={() => void download()} disabled={downloading}>
            {downloading ? "Preparing…" : "Download Markdown"}
          </button>
        </div>
      }
    >
      {downloadError ? (
        <p className="error-message no-print" role="alert">
          The Markdown could not be downloaded: {downloadError}
        </p>
      ) : null}
      <div className="briefing">
        <Overview briefing={briefing} />
        <Section id="points" title="Points to take" empty="Nothing outstanding to raise." items={briefing.pointsToTake}>
          {(p) => (
            <li key={`${p.source}:${p.text}`}>
              {p.text}
              {p.date && !p.text.includes(formatDate(p.date)) ? <span className="muted"> ({formatDate(p.date)})</span> : null}
            </li>
          )}
        </Section>
        <Section id="warnings" title="Coordination warnings" empty="No warnings." items={briefing.warnings}>
          {(w) => (
            <li key={w.key}>
              <strong>{humanise(w.severity)}:</strong> {w.message}
              {w.date && !w.message.includes(formatDate(w.date)) ? <span className="muted"> ({formatDate(w.date)})</span> : null}
            </li>
          )}
        </Section>
        <Section id="priorities" title="Priorities" empty="No priorities apply." items={briefing.priorities}>
          {(p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> · {humanise(p.scope)}
              {p.sector ? ` · ${p.sector}` : ""}
              {p.countryCode ? ` · ${countryName(p.countryCode)}` : ""}
              {p.description ? <p className="briefing__detail briefing__clamp">{p.description}</p> : null}
            </li>
          )}
        </Section>
        <Section id="partnerships" title="Partnerships" empty="No partnerships in these places." items={briefing.partnerships}>
          {(p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> · {humanise(p.kind)} · {humanise(p.status)}
              {p.signedOn ? ` · signed ${formatDate(p.signedOn)}` : ""}
              {p.renewalDueOn ? ` · renewal due ${formatDate(p.renewalDueOn)}` : ""}
              {p.nextAnniversaryOn && p.anniversaryYears ? ` · ${p.anniversaryYears}th anniversary ${formatDate(p.nextAnniversaryOn)}` : ""}
              <p className="briefing__detail">
                Parties: {p.parties.map((x) => `${name(x.party)} (${humanise(x.side)})`).join(", ") || "none recorded"}
                {p.lastInteractionAt ? ` · last contact ${formatDate(p.lastInteractionAt)}` : ""}
              </p>
              {p.description ? <p className="briefing__detail">{p.description}</p> : null}
            </li>
          )}
        </Section>
        <Section id="people" title="People to know" empty="No contacts in these places yet." items={briefing.people}>
          {(p) => <PersonCard key={p.id} person={p} />}
        </Section>
        <Section id="organisations" title="Organisations" empty="No organisations in these places yet." items={briefing.organisations}>
          {(o) => (
            <li key={o.id}>
              <strong>{o.nameLatin && o.nameLatin !== o.name ? `${o.name} (${o.nameLatin})` : o.name}</strong> · {humanise(o.kind)}
              {o.partner ? " · partner" : ""}
              {o.place ? ` · ${name(o.place)}` : ""}
              {o.sectors.length ? <p className="briefing__detail">Sectors: {o.sectors.join(", ")}</p> : null}
              <p className="briefing__detail">
                {o.recentInteractions} recent interactions{o.lastInteractionAt ? `, last ${formatDate(o.lastInteractionAt)}` : ""}
              </p>
            </li>
          )}
        </Section>
        <Section
          id="interactions"
          title={`Meeting history (${briefing.interactions.length} of ${briefing.interactionTotal} since ${formatDate(briefing.since)})`}
          empty="No meetings recorded."
          items={briefing.interactions}
        >
          {(i) => (
            <li key={i.id}>
              <strong>{formatDate(i.occurredAt)}</strong> · {humanise(i.kind)} · {i.subject} · {name(i.member)}
              {i.onThisVisit ? " · on this visit" : ""}
              {i.participants.length || i.outcome ? (
                <p className="briefing__detail">
                  {[i.participants.length ? `With ${names(i.participants)}.` : "", i.outcome ? `Outcome: ${i.outcome}` : ""].filter(Boolean).join(" ")}
                </p>
              ) : null}
              {i.notes ? <p className="briefing__detail briefing__notes">{i.notes}</p> : null}
            </li>
          )}
        </Section>
        <Section id="follow-ups" title="Open follow-ups" empty="No open follow-ups." items={briefing.followUps}>
          {(f) => (
            <li key={f.id}>
              {f.title}
              {f.dueOn ? ` · due ${formatDate(f.dueOn)}` : ""}
              {f.overdue ? <strong> (overdue)</strong> : null}
              {f.about ? ` · about ${name(f.about)}` : ""}
              {f.assignee ? ` · ${f.assignee}` : ""} · {name(f.ownerMember)}
            </li>
          )}
        </Section>
        <Section id="opportunities" title="Opportunities" empty="No open opportunities." items={briefing.opportunities}>
          {(o) => (
            <li key={o.id}>
              <strong>{o.title}</strong> · {humanise(o.stage)}
              {o.sector ? ` · ${o.sector}` : ""}
              {o.capitalValueGbp != null ? ` · ${gbp.format(o.capitalValueGbp)}` : ""}
              {o.jobs != null ? ` · ${o.jobs} jobs` : ""}
              {o.likelihood != null ? ` · ${o.likelihood}% likely` : ""}
              {o.organisation ? ` · ${name(o.organisation)}` : ""} · {name(o.ownerMember)}
            </li>
          )}
        </Section>
        <Section id="alumni" title="Alumni" empty="No alumni recorded in these places." items={groupAlumni(briefing.alumni)}>
          {(group) => (
            <li key={group[0]?.person.id}>
              <strong>{group[0] ? name(group[0].person) : ""}</strong>
              {group[0]?.jobTitle ? `, ${group[0].jobTitle}` : ""} ·{" "}
              {group.map((a) => [name(a.university), a.degree, a.subject, a.graduationYear].filter((x) => x != null && x !== "").join(", ")).join("; ")}
            </li>
          )}
        </Section>
        <Section id="investors" title="Investors" empty="No investors recorded in these places." items={briefing.investors}>
          {(i) => (
            <li key={i.id}>
              <strong>{name(i.subject)}</strong> · {humanise(i.investorType)}
              {ticket(i.ticketMinGbp, i.ticketMaxGbp) ? ` · ${ticket(i.ticketMinGbp, i.ticketMaxGbp) ?? ""}` : ""}
              {i.sectors.length ? ` · ${i.sectors.join(", ")}` : ""}
            </li>
          )}
        </Section>
        <p className="muted briefing__generated">Generated {formatDateTime(briefing.generatedAt)}. Only records you can see are included.</p>
      </div>
    </Page>
  );
}

function Overview({ briefing }: { briefing: Briefing }) {
  const v = briefing.visit;
  return (
    <section className="briefing__section" aria-labelledby="briefing-overview">
      <h2 id="briefing-overview" className="heading-m">
        Overview
      </h2>
      <dl className="why">
        <div className="why__row">
          <dt>Dates</dt>
          <dd>{dateRange(briefing.from, briefing.to)}</dd>
        </div>
        {v ? (
          <>
            <div className="why__row">
              <dt>Visit</dt>
              <dd>
                {humanise(v.direction)} · {humanise(v.status)}
              </dd>
            </div>
            <div className="why__row">
              <dt>Led by</dt>
              <dd>{name(v.leadMember)}</dd>
            </div>
            {v.participatingMembers.length ? (
              <div className="why__row">
                <dt>With</dt>
                <dd>{names(v.participatingMembers)}</dd>
              </div>
            ) : null}
          </>
        ) : null}
        <div className="why__row">
          <dt>Destinations</dt>
          <dd>{briefing.destinations.map((d) => `${name(d.place)} (${d.country ?? countryName(d.countryCode)})`).join(", ") || "None recorded"}</dd>
        </div>
      </dl>
      {briefing.objectives ? (
        <>
          <h3 className="heading-s">Objectives</h3>
          <p className="briefing__objectives">{briefing.objectives}</p>
        </>
      ) : null}
    </section>
  );
}

/** One line per alumnus, their degrees together (the pack lists a tie per degree). */
function groupAlumni(alumni: readonly Alumnus[]): Alumnus[][] {
  const groups = new Map<string, Alumnus[]>();
  for (const a of alumni) groups.set(a.person.id, [...(groups.get(a.person.id) ?? []), a]);
  return [...groups.values()];
}

function PersonCard({ person: p }: { person: Briefing["people"][number] }) {
  const current = p.affiliations.filter((a) => a.current);
  // The job title usually is the role at the first current affiliation: say it once, with the
  // organisation; and leave out affiliations the job title already names.
  const [first, ...others] = current;
  const merged = first && p.jobTitle && first.role === p.jobTitle && !p.jobTitle.includes(first.organisation.name) ? first : null;
  const rest = (merged ? others : current).filter((a) => !(p.jobTitle ?? "").includes(a.organisation.name));
  return (
    <li className="briefing__card">
      <strong>{p.nameLatin && p.nameLatin !== p.fullName ? `${p.fullName} (${p.nameLatin})` : p.fullName}</strong>
      {p.jobTitle ? `, ${p.jobTitle}` : ""}
      {merged ? `, ${name(merged.organisation)}` : ""}
      {p.place ? ` · ${name(p.place)}` : ""}
      {rest.length ? <p className="briefing__detail">{rest.map((a) => (a.role ? `${a.role}, ${name(a.organisation)}` : name(a.organisation))).join("; ")}</p> : null}
      {p.knownBy.length ? (
        <p className="briefing__detail">
          Known by {p.knownBy.map((k) => `${name(k.member)} (${k.interactions === 1 ? "1 meeting" : `${k.interactions} meetings`}, last ${shortDate.format(new Date(k.lastMetAt))})`).join(", ")}
        </p>
      ) : null}
      {p.bio ? <p className="briefing__detail briefing__bio">{p.bio}</p> : null}
    </li>
  );
}

function Section<T>({ id, title, empty, items, children }: { id: string; title: string; empty: string; items: readonly T[]; children: (item: T) => ReactNode }) {
  return (
    <section className={`briefing__section briefing__section--${id}`} aria-labelledby={`briefing-${id}`}>
      <h2 id={`briefing-${id}`} className="heading-m">
        {title}
      </h2>
      {items.length ? <ul className="briefing__list">{items.map(children)}</ul> : <p className="muted">{empty}</p>}
    </section>
  );
}
