import { getTableName, isTable } from "drizzle-orm";
import { type PgTable, getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "../../server/db/tables/index.js";
import { type InteractionModel, type Visibility, World, fill, isoDate, isoTimestamp, pad } from "./model.js";
import type { Random } from "./random.js";
import * as words from "./vocabulary.js";

// The generated world as table rows, in dependency (foreign key) order, with
// the exact column names of the Drizzle tables. Rows stream: large tables are
// produced lazily, never held in memory.

export type Cell = string | number | boolean | null | readonly string[];
export type Row = Record<string, Cell>;

export interface TableData {
  /** SQL table name */
  table: string;
  columns: readonly string[];
  /** Columns that hold place ids (canonical ids, remapped to the database's own places on load). */
  placeColumns: readonly string[];
  /** Exact row count when known up front, otherwise an estimate. */
  expectedRows: number;
  exact: boolean;
  /** CSV file name (without extension) and the external id given to each row there. */
  csv: { file: string; externalId?: (row: Row, index: number) => string };
  rows(): Iterable<Row>;
}

const DAY = 86_400_000;
const VERSIONED = ["version", "archived_at", "created_at", "updated_at"] as const;
const TIMESTAMPED = ["created_at", "updated_at"] as const;
const OWNED = ["owner_member_id", "visibility", "created_by_id"] as const;

function versioned(createdAt: number): Row {
  const at = isoTimestamp(createdAt);
  return { version: 1, archived_at: null, created_at: at, updated_at: at };
}

function timestamped(createdAt: number): Row {
  const at = isoTimestamp(createdAt);
  return { created_at: at, updated_at: at };
}

const schemaTables = new Map<string, PgTable>();
for (const value of Object.values(schema) as unknown[]) {
  if (isTable(value)) schemaTables.set(getTableName(value), value as PgTable);
}

/**
 * The columns to write: those the generator produces that the Drizzle table
 * has. A required column (NOT NULL, no default) the generator does not
 * produce means the schema moved on: fail loudly rather than load bad rows.
 */
function schemaColumns(name: string, produced: readonly string[]): string[] {
  const t = schemaTables.get(name);
  if (!t) throw new Error(`generator: no table "${name}" in server/db/tables`);
  const config = getTableConfig(t);
  const known = new Set(config.columns.map((c) => c.name));
  const missing = config.columns.filter((c) => c.notNull && !c.hasDefault && !produced.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) throw new Error(`generator: table "${name}" needs columns it does not produce: ${missing.join(", ")}`);
  return produced.filter((c) => known.has(c));
}

function table(
  name: string,
  produced: readonly string[],
  expectedRows: number,
  rows: () => Iterable<Row>,
  options: { placeColumns?: string[]; exact?: boolean; csvPrefix?: string } = {},
): TableData {
  const prefix = options.csvPrefix;
  const columns = schemaColumns(name, produced);
  return {
    table: name,
    columns,
    placeColumns: options.placeColumns ?? [],
    expectedRows,
    exact: options.exact ?? true,
    csv: {
      file: name,
      externalId: columns.includes("external_id") || !prefix ? undefined : (_row, index) => `${prefix}${pad(index)}`,
    },
    rows,
  };
}

export function buildTables(world: World): TableData[] {
  const { members, users, organisations, people, visits, partnerships, counts } = world;
  const memberId = (i: number) => members[i]!.id;
  const userId = (i: number) => users[i]!.id;
  const orgId = (i: number) => organisations[i]!.id;
  const personId = (i: number) => people[i]!.id;
  const base = world.anchorMs - 8 * 365 * DAY;

  const owned = (r: { owner: number; visibility: Visibility; createdBy: number }): Row => ({
    owner_member_id: memberId(r.owner),
    visibility: r.visibility,
    created_by_id: userId(r.createdBy),
  });

  const placeColumns = ["id", "kind", "name", "name_latin", "country_code", "parent_id", "latitude", "longitude", ...VERSIONED];
  const places = table(
    "places",
    placeColumns,
    world.countries.length + world.cities.length,
    function* () {
      for (const p of [...world.countries, ...world.cities]) {
        yield {
          id: p.id,
          kind: p.kind,
          name: p.name,
          name_latin: null,
          country_code: p.countryCode,
          parent_id: p.parentId,
          latitude: p.latitude,
          longitude: p.longitude,
          ...versioned(base),
        };
      }
    },
    { placeColumns: ["id", "parent_id"] },
  );

  const memberTable = table(
    "members",
    ["id", "name", "short_name", "kind", "website", "retention_months", ...VERSIONED],
    members.length,
    function* () {
      for (const m of members) {
        yield { id: m.id, name: m.name, short_name: m.shortName, kind: m.kind, website: m.website, retention_months: m.retentionMonths, ...versioned(base) };
      }
    },
    { csvPrefix: "M" },
  );

  const userTable = table(
    "users",
    ["id", "email", "name", "password_hash", "member_id", "role", "job_title", "disabled_at", "last_login_at", ...VERSIONED],
    users.length,
    function* () {
      for (const u of users) {
        yield {
          id: u.id,
          email: u.email,
          name: u.name,
          password_hash: world.passwordHash,
          member_id: memberId(u.member),
          role: u.role,
          job_title: u.jobTitle,
          disabled_at: null,
          last_login_at: null,
          ...versioned(base),
        };
      }
    },
    { csvPrefix: "U" },
  );

  const organisationTable = table(
    "organisations",
    ["id", ...OWNED, "name", "name_latin", "kind", "place_id", "sectors", "website", "description", "parent_id", "external_id", ...VERSIONED],
    organisations.length,
    function* () {
      for (const o of organisations) {
        yield {
          id: o.id,
          ...owned(o),
          name: o.name,
          name_latin: o.nameLatin,
          kind: o.kind,
          place_id: o.place.id,
          sectors: o.sectors,
          website: o.website,
          description: o.description,
          parent_id: o.parent === null ? null : orgId(o.parent),
          external_id: o.externalId,
          ...versioned(o.createdAt),
        };
      }
    },
    { placeColumns: ["place_id"] },
  );

  const peopleTable = table(
    "people",
    [
      "id", ...OWNED, "full_name", "name_latin", "job_title", "place_id", "languages", "sectors", "bio", "email", "phone",
      "lawful_basis", "lawful_basis_note", "consent_at", "retention_review_on", "external_id", ...VERSIONED,
    ],
    people.length,
    function* () {
      for (const p of people) {
        yield {
          id: p.id,
          ...owned(p),
          full_name: p.fullName,
          name_latin: p.nameLatin,
          job_title: p.jobTitle,
          place_id: p.place.id,
          languages: p.languages,
          sectors: p.sectors,
          bio: p.bio,
          email: p.email,
          phone: p.phone,
          lawful_basis: p.lawfulBasis,
          lawful_basis_note: p.lawfulBasisNote,
          consent_at: p.consentAt === null ? null : isoTimestamp(p.consentAt),
          retention_review_on: p.retentionReviewOn,
          external_id: p.externalId,
          ...versioned(p.createdAt),
        };
      }
    },
    { placeColumns: ["place_id"] },
  );

  const affiliationCount = people.reduce((n, p) => n + p.affiliations.length, 0);
  const affiliationTable = table(
    "affiliations",
    ["id", "person_id", "organisation_id", "role", "started_on", "ended_on", ...TIMESTAMPED],
    affiliationCount,
    function* () {
      for (const p of people) {
        for (const [j, a] of p.affiliations.entries()) {
          yield {
            id: world.ids.of("affiliation", p.index * 4 + j),
            person_id: p.id,
            organisation_id: orgId(a.organisation),
            role: a.role,
            started_on: a.startedOn,
            ended_on: a.endedOn,
            ...timestamped(p.createdAt),
          };
        }
      }
    },
    { csvPrefix: "AF" },
  );

  const alumniCount = people.reduce((n, p) => n + p.alumni.length, 0);
  const alumniTable = table(
    "alumni_ties",
    ["id", "person_id", "university_id", "degree", "subject", "graduation_year", ...TIMESTAMPED],
    alumniCount,
    function* () {
      for (const p of people) {
        for (const [j, a] of p.alumni.entries()) {
          yield {
            id: world.ids.of("alumni", p.index * 2 + j),
            person_id: p.id,
            university_id: orgId(a.university),
            degree: a.degree,
            subject: a.subject,
            graduation_year: a.graduationYear,
            ...timestamped(p.createdAt),
          };
        }
      }
    },
    { csvPrefix: "AT" },
  );

  // Investor profiles: investor people, then most investor organisations.
  const investorPeople = people.filter((p) => p.investor);
  const investorOrgs = organisations.filter((o) => o.kind === "INVESTOR" && world.stream("investor-org", o.index).chance(0.8));
  const investorTable = table(
    "investor_profiles",
    ["id", ...OWNED, "person_id", "organisation_id", "investor_type", "sectors", "ticket_min_gbp", "ticket_max_gbp", "stages", "notes", ...VERSIONED],
    investorPeople.length + investorOrgs.length,
    function* () {
      let j = 0;
      const profile = (rng: Random, subject: { owner: number; visibility: Visibility; createdBy: number; sectors: string[]; createdAt: number }, person: boolean) => {
        const type = person
          ? rng.pick(["ANGEL", "ANGEL", "FAMILY_OFFICE", "VENTURE_CAPITAL", "OTHER"] as const)
          : rng.pick(["VENTURE_CAPITAL", "PRIVATE_EQUITY", "CORPORATE", "SOVEREIGN_WEALTH", "FAMILY_OFFICE", "INSTITUTIONAL"] as const);
        const min = Math.round(Math.pow(10, 4.5 + rng.float() * 3) / 1000) * 1000;
        const max = min * rng.range(2, 40);
        return {
          ...owned({ owner: subject.owner, visibility: subject.visibility === "PRIVATE" || rng.chance(0.15) ? "PRIVATE" : "NETWORK", createdBy: subject.createdBy }),
          investor_type: type,
          sectors: rng.sample([...subject.sectors, ...words.SECTORS], rng.range(1, 3)).filter((s, i, all) => all.indexOf(s) === i),
          ticket_min_gbp: rng.chance(0.9) ? min : null,
          ticket_max_gbp: rng.chance(0.9) ? max : null,
          stages: rng.sample(words.INVESTOR_STAGES, rng.range(1, 3)),
          notes: rng.chance(0.3) ? "Prefers co-investment alongside a UK lead investor." : null,
          ...versioned(subject.createdAt + DAY),
        };
      };
      for (const p of investorPeople) {
        const rng = world.stream("investor", j);
        yield { id: world.ids.of("investor", j), person_id: p.id, organisation_id: null, ...profile(rng, p, true) };
        j++;
      }
      for (const o of investorOrgs) {
        const rng = world.stream("investor", j);
        yield { id: world.ids.of("investor", j), person_id: null, organisation_id: o.id, ...profile(rng, o, false) };
        j++;
      }
    },
    { csvPrefix: "IP" },
  );

  const partnershipTable = table(
    "partnerships",
    ["id", ...OWNED, "name", "kind", "status", "signed_on", "renewal_due_on", "themes", "lead_member_id", "description", ...VERSIONED],
    partnerships.length,
    function* () {
      for (const p of partnerships) {
        yield {
          id: p.id,
          ...owned(p),
          name: p.name,
          kind: p.kind,
          status: p.status,
          signed_on: p.signedOn,
          renewal_due_on: p.renewalDueOn,
          themes: p.themes,
          lead_member_id: memberId(p.owner),
          description: p.description,
          ...versioned(p.createdAt),
        };
      }
    },
    { csvPrefix: "PS" },
  );

  const partyTable = table(
    "partnership_parties",
    ["id", "partnership_id", "side", "place_id", "organisation_id", ...TIMESTAMPED],
    partnerships.reduce((n, p) => n + p.parties.length, 0),
    function* () {
      for (const p of partnerships) {
        for (const [j, party] of p.parties.entries()) {
          yield {
            id: world.ids.of("party", p.index * 4 + j),
            partnership_id: p.id,
            side: party.side,
            place_id: party.place?.id ?? null,
            organisation_id: party.organisation === null ? null : orgId(party.organisation),
            ...timestamped(p.createdAt),
          };
        }
      }
    },
    { placeColumns: ["place_id"], csvPrefix: "PP" },
  );

  const visitTable = table(
    "visits",
    ["id", ...OWNED, "title", "direction", "status", "starts_on", "ends_on", "lead_member_id", "objectives", ...VERSIONED],
    visits.length,
    function* () {
      for (const v of visits) {
        yield {
          id: v.id,
          ...owned(v),
          title: v.title,
          direction: v.direction,
          status: v.status,
          starts_on: isoDate(v.startsOn),
          ends_on: isoDate(v.endsOn),
          lead_member_id: memberId(v.lead),
          objectives: v.objectives,
          ...versioned(v.createdAt),
        };
      }
    },
    { csvPrefix: "V" },
  );

  const destinationTable = table(
    "visit_destinations",
    ["visit_id", "place_id", "position"],
    visits.reduce((n, v) => n + v.destinations.length, 0),
    function* () {
      for (const v of visits) {
        for (const [position, place] of v.destinations.entries()) yield { visit_id: v.id, place_id: place.id, position };
      }
    },
    { placeColumns: ["place_id"] },
  );

  const visitMemberTable = table(
    "visit_members",
    ["visit_id", "member_id"],
    visits.reduce((n, v) => n + v.members.length, 0),
    function* () {
      for (const v of visits) for (const m of v.members) yield { visit_id: v.id, member_id: memberId(m) };
    },
  );

  const nInteractions = counts.interactions;
  // Participants of every interaction, kept compactly (-1 = none) as the
  // interactions stream past, so the three join tables need not derive the
  // million interactions again.
  const joins = {
    people: new Int32Array(nInteractions * 3).fill(-1),
    users: new Int32Array(nInteractions * 2).fill(-1),
    organisations: new Int32Array(nInteractions * 3).fill(-1),
    complete: false,
  };
  const remember = (x: InteractionModel) => {
    x.people.forEach((p, j) => (joins.people[x.index * 3 + j] = p));
    x.users.forEach((u, j) => (joins.users[x.index * 2 + j] = u));
    x.organisations.forEach((o, j) => (joins.organisations[x.index * 3 + j] = o));
  };
  function* eachInteraction(): Generator<InteractionModel> {
    for (let i = 0; i < nInteractions; i++) {
      const x = world.interactionAt(i);
      if (!joins.complete) remember(x);
      yield x;
    }
    joins.complete = true;
  }
  function* joinRows(list: "people" | "users" | "organisations", stride: number, make: (interaction: string, k: number) => Row): Generator<Row> {
    if (!joins.complete) for (const _ of eachInteraction());
    const values = joins[list];
    for (let i = 0; i < nInteractions; i++) {
      const interaction = world.ids.of("interaction", i);
      for (let j = 0; j < stride; j++) {
        const k = values[i * stride + j]!;
        if (k >= 0) yield make(interaction, k);
      }
    }
  }

  const interactionTable = table(
    "interactions",
    [
      "id", ...OWNED, "occurred_at", "kind", "channel", "subject", "notes", "notes_sensitive", "outcome", "place_id", "visit_id",
      "themes", "idempotency_key", "external_id", ...VERSIONED,
    ],
    nInteractions,
    function* () {
      for (const x of eachInteraction()) {
        yield {
          id: x.id,
          ...owned(x),
          occurred_at: isoTimestamp(x.occurredAt),
          kind: x.kind,
          channel: x.channel,
          subject: x.subject,
          notes: x.notes,
          notes_sensitive: x.notesSensitive,
          outcome: x.outcome,
          place_id: x.place?.id ?? null,
          visit_id: x.visit === null ? null : visits[x.visit]!.id,
          themes: x.themes,
          idempotency_key: x.idempotencyKey,
          external_id: `I${pad(x.index)}`,
          ...versioned(x.createdAt),
        };
      }
    },
    { placeColumns: ["place_id"], csvPrefix: "I" },
  );

  const interactionPeople = table(
    "interaction_people",
    ["interaction_id", "person_id"],
    Math.round(nInteractions * 1.45),
    () => joinRows("people", 3, (interaction, p) => ({ interaction_id: interaction, person_id: personId(p) })),
    { exact: false },
  );

  const interactionUsers = table(
    "interaction_users",
    ["interaction_id", "user_id"],
    Math.round(nInteractions * 1.25),
    () => joinRows("users", 2, (interaction, u) => ({ interaction_id: interaction, user_id: userId(u) })),
    { exact: false },
  );

  const interactionOrganisations = table(
    "interaction_organisations",
    ["interaction_id", "organisation_id"],
    Math.round(nInteractions * 1.35),
    () => joinRows("organisations", 3, (interaction, o) => ({ interaction_id: interaction, organisation_id: orgId(o) })),
    { exact: false },
  );

  const opportunityRows: Row[] = [];
  const opportunityOwners: { owner: number; visibility: Visibility; createdBy: number; createdAt: number; organisation: number }[] = [];
  const stages = ["PROSPECT", "PROSPECT", "PROSPECT", "ACTIVE", "ACTIVE", "ACTIVE", "VERIFY_WIN", "WON", "WON", "LOST"] as const;
  for (let k = 0; k < counts.opportunities; k++) {
    const rng = world.stream("opportunity", k);
    const owner = world.memberFor(rng);
    const organisation = world.commercialOrganisation(rng, owner);
    const org = organisations[organisation]!;
    const person = rng.chance(0.6) ? world.staffMember(rng, organisation, owner) : null;
    const stage = rng.pick(stages);
    const sector = rng.pick(org.sectors.length > 0 ? org.sectors : [...words.SECTORS]);
    const createdAt = world.randomCreatedAt(rng);
    const visibility: Visibility = rng.chance(0.4) ? "PRIVATE" : "NETWORK";
    const createdBy = world.editor(rng, owner);
    const likelihood = stage === "WON" ? 100 : stage === "LOST" ? 0 : stage === "VERIFY_WIN" ? rng.range(70, 95) : stage === "ACTIVE" ? rng.range(30, 70) : rng.range(5, 40);
    const land = stage === "WON" || stage === "LOST" ? createdAt + rng.range(60, 700) * DAY : world.anchorMs + rng.range(30, 900) * DAY;
    opportunityOwners.push({ owner, visibility, createdBy, createdAt, organisation });
    opportunityRows.push({
      id: world.ids.of("opportunity", k),
      ...owned({ owner, visibility, createdBy }),
      title: fill(rng.pick(words.OPPORTUNITY_TITLES), { org: org.nameLatin ?? org.name, sector }),
      organisation_id: org.id,
      person_id: person === null ? null : personId(person),
      sector,
      stage,
      capital_value_gbp: Math.round(Math.pow(10, 5.4 + rng.float() * 4) / 10_000) * 10_000,
      jobs: rng.chance(0.8) ? rng.range(5, 1500) : null,
      likelihood,
      land_on: isoDate(Math.min(land, world.anchorMs + 900 * DAY)),
      ...versioned(createdAt),
    });
  }
  const opportunityTable = table(
    "opportunities",
    ["id", ...OWNED, "title", "organisation_id", "person_id", "sector", "stage", "capital_value_gbp", "jobs", "likelihood", "land_on", ...VERSIONED],
    opportunityRows.length,
    () => opportunityRows,
    { csvPrefix: "OP" },
  );

  const followUpColumns = [
    "id", ...OWNED, "title", "due_on", "assignee_id", "status", "completed_at", "interaction_id", "person_id", "organisation_id",
    "partnership_id", "visit_id", "opportunity_id", ...VERSIONED,
  ];
  const followUp = (
    rng: Random,
    id: string,
    about: { owner: number; visibility: Visibility; createdBy: number },
    raisedAt: number,
    refs: Partial<Record<"interaction_id" | "person_id" | "organisation_id" | "partnership_id" | "visit_id" | "opportunity_id", string>>,
  ): Row => {
    const due = raisedAt + rng.range(3, 45) * DAY;
    const overdue = due < world.anchorMs;
    const roll = rng.float();
    const status = !overdue ? (roll < 0.1 ? "DONE" : "OPEN") : roll < 0.8 ? "DONE" : roll < 0.86 ? "CANCELLED" : "OPEN";
    const assignee = world.editor(rng, about.owner);
    return {
      id,
      ...owned(about),
      title: rng.pick(words.FOLLOW_UP_TITLES),
      due_on: isoDate(due),
      assignee_id: userId(assignee),
      status,
      completed_at:
        status === "DONE" ? isoTimestamp(Math.max(raisedAt + 2 * 3_600_000, Math.min(due + rng.range(-10, 5) * DAY, world.anchorMs - 3_600_000))) : null,
      interaction_id: refs.interaction_id ?? null,
      person_id: refs.person_id ?? null,
      organisation_id: refs.organisation_id ?? null,
      partnership_id: refs.partnership_id ?? null,
      visit_id: refs.visit_id ?? null,
      opportunity_id: refs.opportunity_id ?? null,
      ...versioned(Math.min(raisedAt + 3_600_000, world.anchorMs)),
    };
  };
  const nFromInteractions = counts.interactionFollowUps;
  const nFromRecords = counts.recordFollowUps;
  const followUpTable = table(
    "follow_ups",
    followUpColumns,
    nFromInteractions + nFromRecords,
    function* () {
      for (let k = 0; k < nFromInteractions; k++) {
        const x = world.interactionAt(Math.floor((k * nInteractions) / nFromInteractions));
        const rng = world.stream("follow-up-interaction", k);
        yield followUp(rng, world.ids.of("follow-up", k), x, x.occurredAt, { interaction_id: x.id });
      }
      for (let k = 0; k < nFromRecords; k++) {
        const rng = world.stream("follow-up-record", k);
        const id = world.ids.of("follow-up", nFromInteractions + k);
        const roll = rng.float();
        if (roll < 0.4 && opportunityOwners.length > 0) {
          const o = rng.int(opportunityOwners.length);
          const about = opportunityOwners[o]!;
          yield followUp(rng, id, about, about.createdAt + rng.range(0, 200) * DAY, { opportunity_id: opportunityRows[o]!.id as string });
        } else if (roll < 0.65) {
          const p = people[rng.int(people.length)]!;
          yield followUp(rng, id, p, p.createdAt + rng.range(0, 400) * DAY, { person_id: p.id });
        } else if (roll < 0.8) {
          const p = partnerships[rng.int(partnerships.length)]!;
          yield followUp(rng, id, p, p.createdAt + rng.range(0, 400) * DAY, { partnership_id: p.id });
        } else if (roll < 0.9) {
          const v = visits[rng.int(visits.length)]!;
          yield followUp(rng, id, v, v.createdAt + rng.range(0, 60) * DAY, { visit_id: v.id });
        } else {
          const owner = world.memberFor(rng);
          yield followUp(rng, id, { owner, visibility: "PRIVATE", createdBy: world.editor(rng, owner) }, world.anchorMs - rng.range(0, 120) * DAY, {});
        }
      }
    },
    { csvPrefix: "F" },
  );

  const priorityRows: Row[] = [];
  {
    const unit = members.find((m) => m.kind === "NETWORK_UNIT") ?? members[0]!;
    const rng = world.stream("priorities");
    const national = ["US", "CN", "IN", "JP", "DE", "SA", "AE", "KR", "BR", "CA", "AU", "SG", "FR", "NG", "MX", "ID"];
    for (let k = 0; k < counts.nationalPriorities; k++) {
      const country = national[k % national.length]!;
      const sector = rng.chance(0.5) ? rng.pick(words.SECTORS) : null;
      priorityRows.push({
        id: world.ids.of("priority", priorityRows.length),
        ...owned({ owner: unit.index, visibility: "NETWORK", createdBy: unit.editors[0]! }),
        name: `National priority: ${world.countryPlace(country).name}${sector ? ` – ${sector}` : ""}`,
        scope: "NATIONAL",
        country_code: country,
        sector,
        weight: rng.range(5, 10),
        description: "From the national Sub-national Diplomacy Strategy.",
        ...versioned(base),
      });
    }
    for (const m of members) {
      const n = rng.range(2, 5);
      for (let k = 0; k < n; k++) {
        const hasCountry = rng.chance(0.8);
        const country = hasCountry ? world.foreignCountry(rng).code : null;
        const sector = !hasCountry || rng.chance(0.5) ? rng.pick(words.SECTORS) : null;
        priorityRows.push({
          id: world.ids.of("priority", priorityRows.length),
          ...owned({ owner: m.index, visibility: rng.chance(0.7) ? "NETWORK" : "PRIVATE", createdBy: m.editors[0]! }),
          name: [country ? world.countryPlace(country).name : null, sector].filter(Boolean).join(" – "),
          scope: "MEMBER",
          country_code: country,
          sector,
          weight: rng.range(1, 10),
          description: null,
          ...versioned(base + rng.range(0, 365) * DAY),
        });
      }
    }
  }
  const priorityTable = table(
    "priorities",
    ["id", ...OWNED, "name", "scope", "country_code", "sector", "weight", "description", ...VERSIONED],
    priorityRows.length,
    () => priorityRows,
    { csvPrefix: "PR" },
  );

  return [
    places,
    memberTable,
    userTable,
    organisationTable,
    peopleTable,
    affiliationTable,
    alumniTable,
    investorTable,
    partnershipTable,
    partyTable,
    visitTable,
    destinationTable,
    visitMemberTable,
    interactionTable,
    interactionPeople,
    interactionUsers,
    interactionOrganisations,
    opportunityTable,
    followUpTable,
    priorityTable,
  ];
}
