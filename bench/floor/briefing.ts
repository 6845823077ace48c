import { overdueAlerts, partnershipAlerts, rankAlerts, sharedContactAlerts, travelAlerts } from "../../server/modules/coordination/alerts.js";
import type { SharedContactRow, TravelRow } from "../../server/modules/coordination/alerts.repository.js";
import { type Ref, addDays, addMonths, nextAnniversary, ref, refOrNull, refsOf, today } from "../../server/modules/coordination/sql.js";
import type * as R from "../../server/modules/briefings/briefings.repository.js";
import type * as A from "../../server/modules/briefings/briefings.activity.repository.js";
import { pointsToTake, shortBio } from "../../server/modules/briefings/briefings.service.js";
import { PACK_SQL, SCOPE_SQL, VISIT_SQL } from "./briefing-sql.js";
import { type FloorViewer, type Queries, gid } from "./db.js";

// visitBriefing by hand: three statements (briefing-sql.ts) return the visit,
// the interactions in scope and every section's rows; this turns them into the answer. The wording of warnings and
// points to take comes from the app's own pure helpers (coordination/alerts,
// briefings.service), so the two answers can be compared line by line; all the
// data access is the floor's own.

interface VisitRow {
  visit: Omit<R.VisitRowJson, "destinations" | "participants" | "covered"> & { destinations: PlaceJson[]; participants: { id: string; name: string }[] };
  covered: string[];
}

interface PackRow {
  partnerships: R.PartnershipRowJson[];
  organisations: R.OrganisationRowJson[];
  people: R.PersonRowJson[];
  interactions: A.InteractionRowJson[];
  follow_ups: A.FollowUpRowJson[];
  opportunities: A.OpportunityRowJson[];
  alumni: A.AlumnusRowJson[];
  investors: A.InvestorRowJson[];
  priorities: A.PriorityRowJson[];
  travel: TravelRow[];
  contacts: SharedContactRow[];
}

interface PlaceJson {
  id: string;
  name: string;
  nameLatin: string | null;
  kind: string;
  countryCode: string;
  country: string | null;
}

/** DateTime as the API prints it (ISO with milliseconds). */
const instant = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
const refOut = (r: Ref | null) => (r ? { id: r.id, name: r.name, nameLatin: r.nameLatin ?? null } : null);

export async function visitBriefing(q: Queries, viewer: FloorViewer, visitId: string | null): Promise<unknown> {
  if (!visitId) return { visitBriefing: null };
  const on = today();
  const found = await q.one<VisitRow>(VISIT_SQL, [visitId, viewer.memberId]);
  if (!found) return { visitBriefing: null };
  const v = found.visit;
  const from = v.starts_on;
  const to = v.ends_on;
  const until = to > on ? to : on;
  const since = addMonths(from, -24);
  const scope = (await q.one<{ interactions: string[]; recent: string[] }>(SCOPE_SQL, [visitId, viewer.memberId, found.covered, since]))!;
  const row = (await q.one<PackRow>(PACK_SQL, [
    visitId,
    viewer.memberId,
    viewer.role === "ADMIN" ? viewer.memberId : null,
    on,
    found.covered,
    scope.interactions,
    scope.recent,
    v.destinations.map((d) => d.id),
    since,
    addMonths(from, -12),
    until,
    v.title,
    from,
    to,
    v.owner_member_id,
  ]))!;

  const partnerships = row.partnerships.map((p) => {
    const anniversary = p.signed_on ? nextAnniversary(p.signed_on, on) : null;
    return {
      id: gid("Partnership", p.id),
      name: p.name,
      kind: p.kind,
      status: p.status,
      signedOn: p.signed_on,
      renewalDueOn: p.renewal_due_on,
      nextAnniversaryOn: anniversary?.on ?? null,
      anniversaryYears: anniversary?.years ?? null,
      themes: p.themes,
      description: p.description,
      lastInteractionAt: p.last_at,
      recentInteractions: p.recent,
      leadMember: refOrNull("Member", p.lead_member_id, p.lead_name),
      ownerMember: ref("Member", p.owner_member_id, p.owner_name),
      parties: p.parties as unknown as { side: string; type: "Place" | "Organisation"; id: string; name: string; nameLatin: string | null }[],
      rawId: p.id,
    };
  });
  const followUps = row.follow_ups.map((f) => ({
    id: gid("FollowUp", f.id),
    title: f.title,
    dueOn: f.due_on,
    overdue: f.due_on !== null && f.due_on < on,
    ownerMember: ref("Member", f.owner_member_id, f.member_name),
    assignee: f.assignee,
    about: f.about_type ? refOrNull(f.about_type, f.about_id, f.about_name, f.about_latin) : null,
  }));
  const interactions = row.interactions.map((i) => ({
    id: gid("Interaction", i.id),
    occurredAt: i.occurred_at,
    kind: i.kind,
    channel: i.channel,
    subject: i.subject,
    // Sensitive notes: the owner member only.
    notes: !i.notes_sensitive || i.owner_member_id === viewer.memberId ? i.notes : null,
    outcome: i.outcome,
    onThisVisit: i.on_visit,
    place: refOrNull("Place", i.place_id, i.place_name, i.place_latin),
    member: ref("Member", i.owner_member_id, i.member_name),
    participants: refsOf("Person", i.participants),
    organisations: refsOf("Organisation", i.organisations),
    themes: i.themes,
    loggedBy: i.logged_by,
  }));

  const facts = partnerships.map((p) => ({
    id: p.rawId,
    name: p.name,
    status: p.status,
    signedOn: p.signedOn ?? null,
    renewalDueOn: p.renewalDueOn ?? null,
    lastInteractionAt: p.lastInteractionAt ? String(p.lastInteractionAt) : null,
    members: [p.leadMember ?? p.ownerMember],
  }));
  const warnings = rankAlerts([
    ...travelAlerts(row.travel, null),
    ...sharedContactAlerts(row.contacts),
    ...partnershipAlerts(facts, on, addDays(until, 90)),
    ...overdueAlerts(
      followUps.filter((f) => f.overdue).map((f) => ({ id: dbIdOf(f.id), title: f.title, dueOn: f.dueOn!, assignee: f.assignee, member: f.ownerMember })),
    ),
  ]);
  const points = pointsToTake(
    followUps.map((f) => ({ ...f, __typename: "BriefingFollowUp" as const })) as Parameters<typeof pointsToTake>[0],
    interactions as unknown as Parameters<typeof pointsToTake>[1],
    partnerships as unknown as Parameters<typeof pointsToTake>[2],
    on,
    addDays(until, 90),
  );

  return {
    visitBriefing: {
      title: v.title,
      from,
      to,
      since,
      generatedAt: new Date().toISOString(),
      objectives: v.objectives,
      interactionTotal: row.interactions[0]?.total ?? 0,
      visit: {
        id: gid("Visit", v.id),
        title: v.title,
        direction: v.direction,
        status: v.status,
        startsOn: v.starts_on,
        endsOn: v.ends_on,
        leadMember: refOut(ref("Member", v.lead_member_id, v.lead_name)),
        participatingMembers: v.participants.map((m) => refOut(ref("Member", m.id, m.name))),
      },
      destinations: v.destinations.map((d) => ({
        kind: d.kind,
        countryCode: d.countryCode.trim(),
        country: d.country,
        place: refOut(ref("Place", d.id, d.name, d.nameLatin)),
      })),
      pointsToTake: points.map((p) => ({ text: p.text, source: p.source, date: p.date ?? null })),
      warnings: warnings.map((w) => ({ key: w.key, severity: w.severity, message: w.message, date: w.date })),
      priorities: row.priorities.map((p) => ({
        id: gid("Priority", p.id),
        name: p.name,
        scope: p.scope,
        countryCode: p.country_code,
        sector: p.sector,
        weight: p.weight,
        description: p.description,
        ownerMember: refOut(ref("Member", p.owner_member_id, p.member_name)),
      })),
      partnerships: partnerships.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        status: p.status,
        signedOn: p.signedOn,
        renewalDueOn: p.renewalDueOn,
        nextAnniversaryOn: p.nextAnniversaryOn,
        anniversaryYears: p.anniversaryYears,
        themes: p.themes,
        description: p.description,
        lastInteractionAt: instant(p.lastInteractionAt),
        recentInteractions: p.recentInteractions,
        ownerMember: refOut(p.ownerMember),
        parties: p.parties.map((x) => ({ side: x.side, party: refOut(ref(x.type, x.id, x.name, x.nameLatin)) })),
      })),
      organisations: row.organisations.map((o) => ({
        id: gid("Organisation", o.id),
        name: o.name,
        nameLatin: o.name_latin,
        kind: o.kind,
        sectors: o.sectors,
        website: o.website,
        description: o.description,
        partner: o.partner,
        recentInteractions: o.recent,
        lastInteractionAt: instant(o.last_at),
        place: refOut(ref("Place", o.place_id, o.place_name, o.place_latin)),
        ownerMember: refOut(ref("Member", o.owner_member_id, o.owner_name)),
      })),
      people: row.people.map((p) => ({
        id: gid("Person", p.id),
        fullName: p.full_name,
        nameLatin: p.name_latin,
        jobTitle: p.job_title,
        bio: shortBio(p.bio),
        languages: p.languages,
        sectors: p.sectors,
        lastMetAt: instant(p.last_at),
        place: refOut(refOrNull("Place", p.place_id, p.place_name, p.place_latin)),
        affiliations: (p.affiliations as { id: string; name: string; nameLatin: string | null; role: string | null; current: boolean }[]).map((a) => ({
          role: a.role,
          current: a.current,
          organisation: refOut(ref("Organisation", a.id, a.name, a.nameLatin)),
        })),
        knownBy: (p.known_by as { id: string; name: string; interactions: number; lastMetAt: string }[]).map((k) => ({
          interactions: k.interactions,
          lastMetAt: instant(k.lastMetAt),
          member: refOut(ref("Member", k.id, k.name)),
        })),
      })),
      interactions: interactions.map((i) => ({
        id: i.id,
        occurredAt: instant(i.occurredAt),
        kind: i.kind,
        channel: i.channel,
        subject: i.subject,
        notes: i.notes,
        outcome: i.outcome,
        onThisVisit: i.onThisVisit,
        place: refOut(i.place),
        member: refOut(i.member),
        participants: i.participants.map(refOut),
        organisations: i.organisations.map(refOut),
      })),
      followUps: followUps.map((f) => ({
        id: f.id,
        title: f.title,
        dueOn: f.dueOn,
        overdue: f.overdue,
        assignee: f.assignee,
        ownerMember: refOut(f.ownerMember),
        about: refOut(f.about),
      })),
      opportunities: row.opportunities.map((o) => ({
        id: gid("Opportunity", o.id),
        title: o.title,
        stage: o.stage,
        sector: o.sector,
        capitalValueGbp: o.capital_value_gbp,
        jobs: o.jobs,
        likelihood: o.likelihood,
        landOn: o.land_on,
        ownerMember: refOut(ref("Member", o.owner_member_id, o.member_name)),
        organisation: refOut(refOrNull("Organisation", o.organisation_id, o.organisation_name, o.organisation_latin)),
        person: refOut(refOrNull("Person", o.person_id, o.person_name, o.person_latin)),
      })),
      alumni: row.alumni.map((a) => ({
        jobTitle: a.job_title,
        degree: a.degree,
        subject: a.subject,
        graduationYear: a.graduation_year,
        person: refOut(ref("Person", a.person_id, a.full_name, a.name_latin)),
        university: refOut(ref("Organisation", a.university_id, a.university_name, a.university_latin)),
        place: refOut(ref("Place", a.place_id, a.place_name, a.place_latin)),
      })),
      investors: row.investors.map((i) => ({
        id: gid("InvestorProfile", i.id),
        investorType: i.investor_type,
        sectors: i.sectors,
        ticketMinGbp: i.ticket_min_gbp,
        ticketMaxGbp: i.ticket_max_gbp,
        subject: refOut(ref(i.subject_type, i.subject_id, i.subject_name, i.subject_latin)),
        place: refOut(ref("Place", i.place_id, i.place_name, i.place_latin)),
      })),
    },
  };
}

/** The database id inside a global id this module made. */
function dbIdOf(globalId: string): string {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1);
}
