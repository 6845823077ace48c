import { type Context, viewerOf } from "../../context.js";
import { badInput } from "../../errors.js";
import type * as G from "../../graphql/generated.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { canSeeNotes } from "../../policy/sharing.policy.js";
import * as alertsRepo from "../coordination/alerts.repository.js";
import { overdueAlerts, partnershipAlerts, rankAlerts, sharedContactAlerts, travelAlerts } from "../coordination/alerts.js";
import { addDays, addMonths, daysBetween, json, longDate, nextAnniversary, ordinal, ref, refOrNull, refsOf, today } from "../coordination/sql.js";
import * as activity from "./briefings.activity.repository.js";
import * as repo from "./briefings.repository.js";

// The briefing pack: a fixed number of statements (the visit, the interactions in
// scope, nine sections and two coordination checks) however many destinations and
// records there are.

/** The briefing as the service builds it; `markdown` is rendered on demand. */
export type BriefingModel = Omit<G.Briefing, "markdown" | "__typename">;

interface PlaceJson {
  id: string;
  name: string;
  nameLatin: string | null;
  kind: G.PlaceKind;
  countryCode: string;
  country: string | null;
}

interface Trip {
  title: string;
  visit: G.BriefingVisit | null;
  visitId: string | null;
  from: string;
  to: string;
  objectives: string | null;
  destinations: PlaceJson[];
  /** The places the destinations cover. */
  covered: string[];
  /** Visits of this member are "ours" in the travel check. */
  usMemberId: string;
}

const BIO_LENGTH = 400;

export function shortBio(bio: string | null): string | null {
  if (!bio || bio.length <= BIO_LENGTH) return bio;
  const cut = bio.slice(0, BIO_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), BIO_LENGTH - 40)).trimEnd()}…`;
}

/** The briefing for a visit the viewer can see; null when it is missing or not visible. */
export async function visitBriefing(ctx: Context, visitId: string): Promise<BriefingModel | null> {
  const viewer = viewerOf(ctx);
  const [row] = await repo.findVisit(ctx.db, viewer, visitId);
  if (!row) return null;
  return build(ctx, {
    title: row.title,
    visitId: row.id,
    visit: {
      id: toGlobalId("Visit", row.id),
      title: row.title,
      direction: row.direction,
      status: row.status,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      leadMember: ref("Member", row.lead_member_id, row.lead_name),
      participatingMembers: refsOf("Member", row.participants),
      ownerMember: ref("Member", row.owner_member_id, row.owner_name),
      visibility: row.visibility,
    },
    from: row.starts_on,
    to: row.ends_on,
    objectives: row.objectives,
    destinations: json<PlaceJson[]>(row.destinations),
    covered: row.covered,
    usMemberId: row.owner_member_id,
  });
}

/** The briefing for a trip to a place (a city, region or country) from..to. */
export async function placeBriefing(ctx: Context, placeId: string, from: string, to: string): Promise<BriefingModel | null> {
  const viewer = viewerOf(ctx);
  if (to < from) throw badInput("to", "to must not be before from.");
  if (daysBetween(from, to) > 60) throw badInput("to", "to: a trip may last at most 60 days.");
  const [row] = await repo.findPlace(ctx.db, placeId);
  if (!row) return null;
  const place = json<PlaceJson>(row.place);
  return build(ctx, {
    title: place.nameLatin && place.nameLatin !== place.name ? `${place.name} (${place.nameLatin})` : place.name,
    visitId: null,
    visit: null,
    from,
    to,
    objectives: null,
    destinations: [place],
    covered: row.covered,
    usMemberId: viewer.memberId,
  });
}

async function build(ctx: Context, trip: Trip): Promise<BriefingModel> {
  const viewer = viewerOf(ctx);
  const on = today();
  const since = addMonths(trip.from, -24);
  const where = { placeIds: trip.destinations.map((d) => d.id), covered: trip.covered, visitId: trip.visitId, since };
  const scope: repo.BriefingScope = { ...where, today: on, ...(await repo.resolveScope(ctx.db, viewer, where)) };
  const until = trip.to > on ? trip.to : on;
  const [partnerships, organisations, people, interactions, followUps, opportunities, alumni, investors, priorities, travel, contacts] =
    await Promise.all([
      repo.partnerships(ctx.db, viewer, scope),
      repo.organisations(ctx.db, viewer, scope),
      repo.people(ctx.db, viewer, scope),
      activity.interactions(ctx.db, viewer, scope),
      activity.followUps(ctx.db, viewer, scope),
      activity.opportunities(ctx.db, viewer, scope),
      activity.alumni(ctx.db, viewer, scope),
      activity.investors(ctx.db, viewer, scope),
      activity.priorities(ctx.db, viewer, scope),
      alertsRepo.travelOverlaps(
        ctx.db,
        viewer,
        { kind: "trip", visitId: trip.visitId, title: trip.title, from: trip.from, to: trip.to, placeIds: scope.placeIds },
        trip.usMemberId,
        50,
      ),
      alertsRepo.sharedContacts(ctx.db, viewer, { kind: "places", placeIds: scope.placeIds, covered: scope.covered }, addMonths(trip.from, -12), until, 20),
    ]);

  const partnershipList: G.BriefingPartnership[] = partnerships.map((p) => {
    const anniversary = p.signed_on ? nextAnniversary(p.signed_on, on) : null;
    return {
      id: toGlobalId("Partnership", p.id),
      name: p.name,
      kind: p.kind as G.PartnershipKind,
      status: p.status as G.PartnershipStatus,
      signedOn: p.signed_on,
      renewalDueOn: p.renewal_due_on,
      nextAnniversaryOn: anniversary?.on ?? null,
      anniversaryYears: anniversary?.years ?? null,
      themes: p.themes,
      description: p.description,
      leadMember: refOrNull("Member", p.lead_member_id, p.lead_name),
      ownerMember: ref("Member", p.owner_member_id, p.owner_name),
      parties: json<{ side: G.PartySide; type: "Place" | "Organisation"; id: string; name: string; nameLatin: string | null }[]>(p.parties).map(
        (q) => ({ side: q.side, party: ref(q.type, q.id, q.name, q.nameLatin) }),
      ),
      lastInteractionAt: p.last_at,
      recentInteractions: p.recent,
    };
  });

  const followUpList: G.BriefingFollowUp[] = followUps.map((f) => ({
    id: toGlobalId("FollowUp", f.id),
    title: f.title,
    dueOn: f.due_on,
    overdue: f.due_on !== null && f.due_on < on,
    ownerMember: ref("Member", f.owner_member_id, f.member_name),
    assignee: f.assignee,
    about: f.about_type ? refOrNull(f.about_type, f.about_id, f.about_name, f.about_latin) : null,
  }));

  const interactionList: G.BriefingInteraction[] = interactions.map((i) => ({
    id: toGlobalId("Interaction", i.id),
    occurredAt: i.occurred_at,
    kind: i.kind as G.InteractionKind,
    channel: i.channel as G.InteractionChannel,
    subject: i.subject,
    // Sensitive notes: the owner member only, even on a NETWORK record.
    notes: canSeeNotes(viewer, { ownerMemberId: i.owner_member_id, visibility: i.visibility, notesSensitive: i.notes_sensitive }) ? i.notes : null,
    outcome: i.outcome,
    place: refOrNull("Place", i.place_id, i.place_name, i.place_latin),
    themes: i.themes,
    member: ref("Member", i.owner_member_id, i.member_name),
    loggedBy: i.logged_by,
    participants: refsOf("Person", i.participants),
    organisations: refsOf("Organisation", i.organisations),
    onThisVisit: i.on_visit,
  }));

  const facts = partnershipList.map((p, n) => ({
    id: partnerships[n]!.id,
    name: p.name,
    status: p.status,
    signedOn: p.signedOn ?? null,
    renewalDueOn: p.renewalDueOn ?? null,
    lastInteractionAt: p.lastInteractionAt ? String(p.lastInteractionAt) : null,
    members: [p.leadMember ?? p.ownerMember],
  }));
  const warnings = rankAlerts([
    ...travelAlerts(travel, null),
    ...sharedContactAlerts(contacts),
    ...partnershipAlerts(facts, on, addDays(until, 90)),
    ...overdueAlerts(
      followUps
        .filter((f) => f.due_on !== null && f.due_on < on)
        .map((f) => ({ id: f.id, title: f.title, dueOn: f.due_on!, assignee: f.assignee, member: ref("Member", f.owner_member_id, f.member_name) })),
    ),
  ]);

  return {
    title: trip.title,
    visit: trip.visit,
    from: trip.from,
    to: trip.to,
    since,
    generatedAt: new Date(),
    objectives: trip.objectives,
    destinations: trip.destinations.map((d) => ({
      place: ref("Place", d.id, d.name, d.nameLatin),
      kind: d.kind,
      countryCode: d.countryCode.trim(),
      country: d.country,
    })),
    partnerships: partnershipList,
    organisations: organisations.map((o) => ({
      id: toGlobalId("Organisation", o.id),
      name: o.name,
      nameLatin: o.name_latin,
      kind: o.kind as G.OrganisationKind,
      place: ref("Place", o.place_id, o.place_name, o.place_latin),
      sectors: o.sectors,
      website: o.website,
      description: o.description,
      ownerMember: ref("Member", o.owner_member_id, o.owner_name),
      partner: o.partner,
      recentInteractions: o.recent,
      lastInteractionAt: o.last_at,
    })),
    people: people.map((p) => ({
      id: toGlobalId("Person", p.id),
      fullName: p.full_name,
      nameLatin: p.name_latin,
      jobTitle: p.job_title,
      bio: shortBio(p.bio),
      place: refOrNull("Place", p.place_id, p.place_name, p.place_latin),
      languages: p.languages,
      sectors: p.sectors,
      affiliations: json<{ id: string; name: string; nameLatin: string | null; role: string | null; current: boolean }[]>(p.affiliations).map((a) => ({
        organisation: ref("Organisation", a.id, a.name, a.nameLatin),
        role: a.role,
        current: a.current,
      })),
      knownBy: json<{ id: string; name: string; interactions: number; lastMetAt: string }[]>(p.known_by).map((k) => ({
        member: ref("Member", k.id, k.name),
        interactions: k.interactions,
        lastMetAt: k.lastMetAt,
      })),
      lastMetAt: p.last_at,
      ownerMember: ref("Member", p.owner_member_id, p.owner_name),
    })),
    interactions: interactionList,
    interactionTotal: interactions[0]?.total ?? 0,
    followUps: followUpList,
    opportunities: opportunities.map((o) => ({
      id: toGlobalId("Opportunity", o.id),
      title: o.title,
      stage: o.stage as G.OpportunityStage,
      sector: o.sector,
      capitalValueGbp: o.capital_value_gbp,
      jobs: o.jobs,
      likelihood: o.likelihood,
      landOn: o.land_on,
      ownerMember: ref("Member", o.owner_member_id, o.member_name),
      organisation: refOrNull("Organisation", o.organisation_id, o.organisation_name, o.organisation_latin),
      person: refOrNull("Person", o.person_id, o.person_name, o.person_latin),
    })),
    alumni: alumni.map((a) => ({
      person: ref("Person", a.person_id, a.full_name, a.name_latin),
      jobTitle: a.job_title,
      place: ref("Place", a.place_id, a.place_name, a.place_latin),
      university: ref("Organisation", a.university_id, a.university_name, a.university_latin),
      degree: a.degree,
      subject: a.subject,
      graduationYear: a.graduation_year,
      ownerMember: ref("Member", a.owner_member_id, a.member_name),
    })),
    investors: investors.map((i) => ({
      id: toGlobalId("InvestorProfile", i.id),
      subject: ref(i.subject_type, i.subject_id, i.subject_name, i.subject_latin),
      investorType: i.investor_type as G.InvestorType,
      sectors: i.sectors,
      ticketMinGbp: i.ticket_min_gbp,
      ticketMaxGbp: i.ticket_max_gbp,
      stages: i.stages,
      place: ref("Place", i.place_id, i.place_name, i.place_latin),
      ownerMember: ref("Member", i.owner_member_id, i.member_name),
    })),
    priorities: priorities.map((p) => ({
      id: toGlobalId("Priority", p.id),
      name: p.name,
      scope: p.scope,
      countryCode: p.country_code,
      sector: p.sector,
      weight: p.weight,
      description: p.description,
      ownerMember: ref("Member", p.owner_member_id, p.member_name),
    })),
    warnings,
    pointsToTake: pointsToTake(followUpList, interactionList, partnershipList, on, addDays(until, 90)),
  };
}

/** What to raise on the trip: open follow-ups, recent outcomes, partnership dates. */
export function pointsToTake(
  followUps: G.BriefingFollowUp[],
  interactions: G.BriefingInteraction[],
  partnerships: G.BriefingPartnership[],
  on: string,
  horizon: string,
): G.BriefingPoint[] {
  const points: G.BriefingPoint[] = [];
  const due = [...followUps].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
  for (const f of due.slice(0, 6)) {
    const who = f.assignee ? `${f.assignee}, ${f.ownerMember.name}` : f.ownerMember.name;
    const when = f.dueOn ? `${f.overdue ? "overdue since" : "due"} ${longDate(f.dueOn)}` : "no due date";
    points.push({ text: `Follow up: ${f.title} (${who}; ${when}).`, source: "FOLLOW_UP", date: f.dueOn ?? null });
  }
  for (const i of interactions.filter((x) => x.outcome).slice(0, 6)) {
    const with_ = [...i.organisations, ...i.participants].map((r) => r.name);
    const day = String(i.occurredAt).slice(0, 10);
    points.push({
      text: `${with_.length ? `${with_.slice(0, 3).join(", ")}: ` : ""}${i.outcome!.trim().replace(/\.$/, "")} (${i.member.name}, ${longDate(day)}).`,
      source: "OUTCOME",
      date: day,
    });
  }
  for (const p of partnerships) {
    if (p.nextAnniversaryOn && p.anniversaryYears && p.nextAnniversaryOn <= horizon) {
      points.push({
        text: `${p.name}: ${ordinal(p.anniversaryYears)} anniversary on ${longDate(p.nextAnniversaryOn)}.`,
        source: "PARTNERSHIP",
        date: p.nextAnniversaryOn,
      });
    }
    if (p.renewalDueOn && p.renewalDueOn >= on && p.renewalDueOn <= horizon) {
      points.push({ text: `${p.name}: renewal due on ${longDate(p.renewalDueOn)}.`, source: "PARTNERSHIP", date: p.renewalDueOn });
    }
  }
  return points;
}
