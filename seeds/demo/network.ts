import { and, inArray, isNull } from "drizzle-orm";
import { hashPassword } from "../../server/auth/passwords.js";
import { parseConfig } from "../../server/config.js";
import { type Context, createContext } from "../../server/context.js";
import type { Db } from "../../server/db/client.js";
import { members, places as placesTable, users } from "../../server/db/tables/index.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import * as followUps from "../../server/modules/follow-ups/follow-ups.service.js";
import * as interactions from "../../server/modules/interactions/interactions.service.js";
import * as investors from "../../server/modules/investors/investors.service.js";
import * as opportunities from "../../server/modules/opportunities/opportunities.service.js";
import * as organisations from "../../server/modules/organisations/organisations.service.js";
import * as partnerships from "../../server/modules/partnerships/partnerships.service.js";
import * as people from "../../server/modules/people/people.service.js";
import * as places from "../../server/modules/places/places.service.js";
import * as priorities from "../../server/modules/priorities/priorities.service.js";
import * as visits from "../../server/modules/visits/visits.service.js";
import type { Role } from "../../server/policy/sharing.policy.js";
import { ensureCountries } from "../places/countries.js";
import { DEMO_PASSWORD, type DemoUser, demoMembers, demoUsers, presentDemoUsers } from "./accounts.js";
import { alumniData, firmsData } from "./content/alumni.js";
import { FICTIONAL_CONTACT, contactsData } from "./content/contacts.js";
import { type MemberKey, demoStaff, writerOf } from "./content/members.js";
import { FICTIONAL_ORGANISATION, organisationsData } from "./content/organisations.js";
import { partnershipsData } from "./content/partnerships.js";
import { type CityData, type RegionData, cities, regions } from "./content/places.js";
import { prioritiesData } from "./content/priorities.js";
import { followUpsData, interactionsData, opportunitiesData, visitsData } from "./content/visits.js";

/**
 * Loads the demo network in one transaction: all of it or nothing. Members and
 * users are inserted directly (there is no service for creating members);
 * every other record goes through the same services as production writes,
 * signed in as a demo user of the member that records it.
 */
export async function loadDemoNetwork(db: Db): Promise<DemoUser[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const demo = new DemoNetwork(joinOuterTransaction(tx as unknown as Db), passwordHash);
    await demo.membersAndUsers();
    await demo.places();
    await demo.organisations();
    await demo.people();
    await demo.partnerships();
    await demo.priorities();
    await demo.visits();
    await demo.interactions();
    await demo.opportunities();
    await demo.followUps();
  });
  return presentDemoUsers(db);
}

/**
 * The services open their own transaction for each write, which inside the
 * load's transaction Drizzle turns into a savepoint (two more statements per
 * write). Here they join the load's transaction instead: the load is all or
 * nothing, and nothing in it is caught and retried, so a savepoint would never
 * be rolled back to on its own.
 */
function joinOuterTransaction(tx: Db): Db {
  const joined: Db = new Proxy(tx, {
    get(target, property) {
      if (property === "transaction") return <T>(fn: (inner: Db) => Promise<T>) => fn(joined);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return joined;
}

const gid = (type: string, id: string) => toGlobalId(type, id);

/** Today plus a number of months, as YYYY-MM-DD (UTC), as the people service dates retention reviews. */
function monthsFromToday(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Looks a key up in a map filled earlier in the load; a missing key is a bug in the demo data. */
function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo network: unknown ${what} "${key}"`);
  return id;
}

class DemoNetwork {
  private readonly config = parseConfig({ NODE_ENV: "development" });
  private readonly memberIds = new Map<string, string>();
  private readonly userIds = new Map<string, string>();
  private readonly contexts = new Map<string, Context>();
  private readonly accounts = new Map<string, { memberKey: string; memberId: string; role: Role; email: string }>();
  private readonly placeIds = new Map<string, string>();
  private readonly organisationIds = new Map<string, string>();
  private readonly personIds = new Map<string, string>();
  private readonly partnershipIds = new Map<string, string>();
  private readonly visitIds = new Map<string, string>();
  private readonly interactionIds = new Map<string, string>();
  private readonly opportunityIds = new Map<string, string>();
  private readonly alumniByMemberCity = new Map<string, string[]>();
  /** Each member's retention review date for new personal records (its retention policy from today). */
  private readonly retentionReviewOn = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly passwordHash: string,
  ) {}

  /** The signed-in context of one demo account (a sign-in key or a staff key). */
  private as(userKey: string): Context {
    const cached = this.contexts.get(userKey);
    if (cached) return cached;
    const account = this.accounts.get(userKey);
    const userId = this.userIds.get(userKey);
    if (!account || !userId) throw new Error(`demo network: unknown account "${userKey}"`);
    const ctx = createContext({
      db: this.db,
      config: this.config,
      viewer: { userId, memberId: account.memberId, role: account.role, email: account.email, sessionId: "demo-seed" },
      requestId: "demo-seed",
    });
    this.contexts.set(userKey, ctx);
    return ctx;
  }

  /**
   * A transaction is one connection. Some services look up an input's
   * references in parallel, one query per kind; loading them here first, one
   * kind at a time, lets those look-ups hit the context's cache instead of
   * queueing concurrent queries on the connection.
   */
  private async prime(ctx: Context, ids: { places?: string[]; organisations?: string[]; people?: string[]; visits?: string[]; users?: string[] }) {
    if (ids.places?.length) await ctx.loaders.places.byId.loadMany(ids.places);
    if (ids.organisations?.length) await ctx.loaders.organisations.byId.loadMany(ids.organisations);
    if (ids.people?.length) await ctx.loaders.people.byId.loadMany(ids.people);
    if (ids.visits?.length) await ctx.loaders.visits.byId.loadMany(ids.visits);
    if (ids.users?.length) await ctx.loaders.members.userById.loadMany(ids.users);
  }

  private writer(member: MemberKey): Context {
    return this.as(writerOf[member]);
  }

  private member(key: MemberKey): string {
    return gid("Member", lookup(this.memberIds, key, "member"));
  }
  private place(key: string): string {
    return gid("Place", lookup(this.placeIds, key, "place"));
  }
  private organisation(key: string): string {
    return gid("Organisation", lookup(this.organisationIds, key, "organisation"));
  }
  private person(key: string): string {
    return gid("Person", lookup(this.personIds, key, "person"));
  }
  private user(key: string, member: MemberKey): string {
    const account = this.accounts.get(key);
    if (!account || account.memberKey !== member) throw new Error(`demo network: "${key}" is not a user of ${member}`);
    return gid("User", lookup(this.userIds, key, "user"));
  }

  async membersAndUsers(): Promise<void> {
    const memberRows = await this.db
      .insert(members)
      .values(demoMembers.map((m) => ({ name: m.name, shortName: m.shortName, kind: m.kind, website: m.website })))
      .returning({ id: members.id, name: members.name, retentionMonths: members.retentionMonths });
    const byName = new Map(memberRows.map((r) => [r.name, r]));
    for (const m of demoMembers) {
      const row = byName.get(m.name)!;
      this.memberIds.set(m.key, row.id);
      this.retentionReviewOn.set(m.key, monthsFromToday(row.retentionMonths));
    }

    const accounts = [
      ...demoUsers.map((u) => ({ key: u.key, member: u.key, email: u.email, name: u.name, role: u.role, jobTitle: u.jobTitle })),
      ...demoStaff.map((u) => ({ key: u.key, member: u.member, email: u.email, name: u.name, role: u.role, jobTitle: u.jobTitle })),
    ];
    const userRows = await this.db
      .insert(users)
      .values(
        accounts.map((a) => ({
          email: a.email,
          name: a.name,
          jobTitle: a.jobTitle,
          role: a.role,
          memberId: lookup(this.memberIds, a.member, "member"),
          passwordHash: this.passwordHash,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const idByEmail = new Map(userRows.map((r) => [r.email, r.id]));
    for (const a of accounts) {
      const memberId = lookup(this.memberIds, a.member, "member");
      this.userIds.set(a.key, idByEmail.get(a.email)!);
      this.accounts.set(a.key, { memberKey: a.member, memberId, role: a.role, email: a.email });
    }
  }

  /**
   * Every ISO country (maintained package), then the regions and cities the
   * demo uses. Places are shared reference data: one already present (same
   * kind, country and name) is reused rather than duplicated.
   */
  async places(): Promise<void> {
    const countryIds = await ensureCountries(this.db);
    const existing = await this.db
      .select({ id: placesTable.id, kind: placesTable.kind, name: placesTable.name, nameLatin: placesTable.nameLatin, countryCode: placesTable.countryCode })
      .from(placesTable)
      .where(and(inArray(placesTable.kind, ["REGION", "CITY"]), isNull(placesTable.archivedAt)));
    const known = new Map<string, string>();
    for (const p of existing) {
      for (const name of [p.name, p.nameLatin]) {
        if (name) known.set(`${p.kind}:${p.countryCode}:${name.toLowerCase()}`, p.id);
      }
    }
    const ctx = this.as("unit");
    const ensure = async (kind: "REGION" | "CITY", data: RegionData | CityData, parentId: string) => {
      const found = known.get(`${kind}:${data.countryCode}:${data.name.toLowerCase()}`);
      if (found) return found;
      const row = await places.create(ctx, {
        kind,
        name: data.name,
        nameLatin: data.nameLatin ?? null,
        countryCode: data.countryCode,
        parentId: gid("Place", parentId),
        latitude: data.latitude,
        longitude: data.longitude,
      });
      return row.id;
    };
    for (const region of regions) {
      const country = lookup(countryIds, region.countryCode, "country");
      this.placeIds.set(region.key, await ensure("REGION", region, country));
    }
    for (const city of cities) {
      const parent = city.region ? lookup(this.placeIds, city.region, "region") : lookup(countryIds, city.countryCode, "country");
      this.placeIds.set(city.key, await ensure("CITY", city, parent));
    }
  }

  async organisations(): Promise<void> {
    for (const o of organisationsData) {
      const ctx = this.writer(o.owner);
      const row = await organisations.create(ctx, {
        name: o.name,
        nameLatin: o.nameLatin ?? null,
        kind: o.kind,
        placeId: this.place(o.city),
        sectors: o.sectors ?? [],
        website: o.website ?? null,
        description: o.description ?? null,
        parentId: o.parent ? this.organisation(o.parent) : null,
        visibility: o.visibility ?? "NETWORK",
      });
      this.organisationIds.set(o.key, row.id);
      if (o.investor) {
        await investors.create(ctx, { organisationId: gid("Organisation", row.id), ...o.investor, visibility: o.visibility ?? "NETWORK" });
      }
    }
    // The alumni's fictional investment firms, recorded once for the whole network.
    const unit = this.writer("unit");
    for (const f of firmsData) {
      const row = await organisations.create(unit, {
        name: f.name,
        kind: "INVESTOR",
        placeId: this.place(f.city),
        sectors: f.sectors,
        website: f.website,
        description: FICTIONAL_ORGANISATION,
      });
      this.organisationIds.set(f.key, row.id);
    }
    await this.prime(unit, { organisations: firmsData.map((f) => lookup(this.organisationIds, f.key, "organisation")) });
    for (const f of firmsData) {
      await investors.create(unit, { organisationId: this.organisation(f.key), ...f.investor });
    }
  }

  async people(): Promise<void> {
    for (const c of contactsData) {
      const row = await people.create(this.writer(c.owner), {
        fullName: c.fullName,
        nameLatin: c.nameLatin ?? null,
        jobTitle: c.jobTitle,
        placeId: this.place(c.city),
        languages: c.languages,
        sectors: c.sectors ?? [],
        bio: FICTIONAL_CONTACT,
        email: c.email,
        phone: c.phone ?? null,
        retentionReviewOn: lookup(this.retentionReviewOn, c.owner, "member"),
        visibility: c.visibility ?? "NETWORK",
        affiliations: [{ organisationId: this.organisation(c.organisation), role: c.role }],
      });
      this.personIds.set(c.key, row.id);
    }
    for (const a of alumniData) {
      const row = await people.create(this.writer(a.owner), {
        fullName: a.fullName,
        nameLatin: a.nameLatin ?? null,
        jobTitle: a.jobTitle,
        placeId: this.place(a.city),
        languages: a.languages,
        sectors: a.sectors,
        bio: a.bio,
        email: a.email,
        phone: a.phone ?? null,
        lawfulBasis: a.lawfulBasis,
        consentAt: a.consentAt ? new Date(a.consentAt) : null,
        retentionReviewOn: lookup(this.retentionReviewOn, a.owner, "member"),
        visibility: a.visibility,
        ...(a.firm ? { affiliations: [{ organisationId: this.organisation(a.firm.key), role: a.firm.role }] } : {}),
        alumniTies: a.ties.map((t) => ({
          universityId: this.organisation(t.university),
          degree: t.degree,
          subject: t.subject,
          graduationYear: t.graduationYear,
        })),
      });
      this.personIds.set(a.key, row.id);
      const cityKey = `${a.owner}:${a.city}`;
      this.alumniByMemberCity.set(cityKey, [...(this.alumniByMemberCity.get(cityKey) ?? []), a.key]);
    }
    // Investor profiles once the people exist: each member's alumni are looked up in one query.
    for (const member of new Set(alumniData.map((a) => a.owner))) {
      const ctx = this.writer(member);
      const mine = alumniData.filter((a) => a.owner === member);
      await this.prime(ctx, { people: mine.map((a) => lookup(this.personIds, a.key, "person")) });
      for (const a of mine) {
        await investors.create(ctx, { personId: this.person(a.key), ...a.investor, visibility: a.visibility });
      }
    }
  }

  async partnerships(): Promise<void> {
    for (const p of partnershipsData) {
      const ctx = this.writer(p.owner);
      await this.prime(ctx, {
        places: p.parties.flatMap((party) => (party.place ? [lookup(this.placeIds, party.place, "place")] : [])),
        organisations: p.parties.flatMap((party) => (party.organisation ? [lookup(this.organisationIds, party.organisation, "organisation")] : [])),
      });
      const row = await partnerships.create(ctx, {
        name: p.name,
        kind: p.kind,
        status: p.status,
        signedOn: p.signedOn ?? null,
        themes: p.themes,
        leadMemberId: p.lead ? this.member(p.lead) : null,
        description: p.description,
        visibility: "NETWORK",
        parties: p.parties.map((party) => ({
          side: party.side,
          placeId: party.place ? this.place(party.place) : null,
          organisationId: party.organisation ? this.organisation(party.organisation) : null,
        })),
      });
      this.partnershipIds.set(p.key, row.id);
    }
  }

  async priorities(): Promise<void> {
    for (const p of prioritiesData) {
      await priorities.create(this.writer(p.owner), {
        name: p.name,
        scope: p.scope,
        countryCode: p.countryCode ?? null,
        sector: p.sector ?? null,
        weight: p.weight,
        description: p.description,
        visibility: p.visibility ?? "NETWORK",
      });
    }
  }

  async visits(): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    for (const v of visitsData) {
      const row = await visits.create(this.writer(v.owner), {
        title: v.title,
        direction: v.direction,
        // The visits are real; their status follows the calendar of whoever loads the demo.
        status: v.endsOn < today ? "COMPLETED" : "CONFIRMED",
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        leadMemberId: this.member(v.lead),
        participatingMemberIds: v.participants.map((m) => this.member(m)),
        destinationIds: v.destinations.map((d) => this.place(d)),
        objectives: v.objectives,
        visibility: v.visibility ?? "NETWORK",
      });
      this.visitIds.set(v.key, row.id);
    }
  }

  async interactions(): Promise<void> {
    for (const i of interactionsData) {
      const alumni = i.alumniIn ? (this.alumniByMemberCity.get(`${i.owner}:${i.alumniIn.city}`) ?? []).slice(0, i.alumniIn.count) : [];
      if (i.alumniIn && alumni.length === 0) throw new Error(`demo network: no alumni of ${i.owner} in ${i.alumniIn.city}`);
      const ctx = this.as(i.loggedBy);
      const attendees = [i.loggedBy, ...(i.attendees ?? [])];
      await this.prime(ctx, {
        places: [lookup(this.placeIds, i.place, "place")],
        visits: i.visit ? [lookup(this.visitIds, i.visit, "visit")] : [],
        people: [...(i.participants ?? []), ...alumni].map((k) => lookup(this.personIds, k, "person")),
        organisations: (i.organisations ?? []).map((k) => lookup(this.organisationIds, k, "organisation")),
        users: attendees.map((k) => lookup(this.userIds, k, "user")),
      });
      const row = await interactions.create(ctx, {
        occurredAt: new Date(i.occurredAt),
        kind: i.kind,
        channel: i.channel ?? "IN_PERSON",
        subject: i.subject,
        notes: i.notes ?? null,
        notesSensitive: i.notesSensitive ?? false,
        outcome: i.outcome ?? null,
        placeId: this.place(i.place),
        visitId: i.visit ? gid("Visit", lookup(this.visitIds, i.visit, "visit")) : null,
        themes: i.themes,
        participantIds: [...(i.participants ?? []), ...alumni].map((p) => this.person(p)),
        organisationIds: (i.organisations ?? []).map((o) => this.organisation(o)),
        internalAttendeeIds: attendees.map((u) => this.user(u, i.owner)),
        visibility: i.visibility ?? "NETWORK",
      });
      this.interactionIds.set(i.key, row.id);
    }
  }

  async opportunities(): Promise<void> {
    for (const o of opportunitiesData) {
      const row = await opportunities.create(this.writer(o.owner), {
        title: o.title,
        organisationId: o.organisation ? this.organisation(o.organisation) : null,
        personId: o.person ? this.person(o.person) : null,
        sector: o.sector,
        stage: o.stage,
        capitalValueGbp: o.capitalValueGbp ?? null,
        jobs: o.jobs ?? null,
        likelihood: o.likelihood ?? null,
        landOn: o.landOn ?? null,
        visibility: o.visibility ?? "NETWORK",
      });
      this.opportunityIds.set(o.key, row.id);
    }
  }

  async followUps(): Promise<void> {
    for (const f of followUpsData) {
      const about = f.about ?? {};
      await followUps.create(this.writer(f.owner), {
        title: f.title,
        dueOn: f.dueOn,
        assigneeId: this.user(f.assignee, f.owner),
        status: f.status,
        interactionId: about.interaction ? gid("Interaction", lookup(this.interactionIds, about.interaction, "interaction")) : null,
        partnershipId: about.partnership ? gid("Partnership", lookup(this.partnershipIds, about.partnership, "partnership")) : null,
        visitId: about.visit ? gid("Visit", lookup(this.visitIds, about.visit, "visit")) : null,
        opportunityId: about.opportunity ? gid("Opportunity", lookup(this.opportunityIds, about.opportunity, "opportunity")) : null,
        personId: about.person ? this.person(about.person) : null,
        organisationId: about.organisation ? this.organisation(about.organisation) : null,
        visibility: f.visibility ?? "NETWORK",
      });
    }
  }
}
