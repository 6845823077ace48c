import { randomUUID } from "node:crypto";
import { type SQL, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import { queryRows } from "../../db/client.js";
import type { InteractionRow, OrganisationRow, PersonRow } from "../../db/rows.js";
import {
  affiliations,
  auditEvents,
  followUps,
  interactionOrganisations,
  interactionPeople,
  interactionUsers,
  interactions,
  organisations,
  people,
} from "../../db/tables/index.js";
import { badInput, conflict } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";
import { type Viewer, assertCanCreate, visibleSql } from "../../policy/sharing.policy.js";
import * as matching from "../matching/matching.service.js";
import { rowFrom } from "../shared/raw-rows.js";
import { parseInput, v } from "../shared/validation.js";

// Job 1: an envoy logs a contact in under a minute, from a phone on a bad connection.
// One mutation carries the whole meeting: existing or new people and organisations,
// internal attendees and follow-ups. It costs a fixed handful of statements whatever
// the number of participants: one to resolve every reference (and spot a retry), one
// per kind of duplicate check, and ONE statement that writes everything — interaction,
// new organisations and people, affiliations, links, follow-ups and audit events — so
// it commits or fails as a whole. A client-generated idempotency key makes a retried
// submission return the first one's interaction instead of creating another.

const visibility = z.enum(["PRIVATE", "NETWORK"]);
const optionalId = z.string().nullish();

const NewOrganisation = z.object({
  name: v.name,
  nameLatin: v.optionalText(300),
  kind: z.enum(organisations.kind.enumValues).nullish(),
  placeId: optionalId,
  website: v.url.nullish(),
  visibility: visibility.nullish(),
  createAnyway: z.boolean().nullish(),
});
const OrganisationEntry = z.object({ organisationId: optionalId, new: NewOrganisation.nullish() });
const NewContact = z.object({
  fullName: v.name,
  nameLatin: v.optionalText(300),
  jobTitle: v.optionalText(300),
  email: v.email.nullish(),
  phone: z.string().trim().regex(/^[+\d][\d\s().-]{4,30}$/, "must be a phone number").nullish(),
  placeId: optionalId,
  organisation: OrganisationEntry.nullish(),
  role: v.optionalText(200),
  visibility: visibility.nullish(),
  createAnyway: z.boolean().nullish(),
});
const Participant = z.object({ personId: optionalId, new: NewContact.nullish() });
const FollowUp = z.object({ title: v.name, dueOn: v.date.nullish(), assigneeId: optionalId });
const LogInteraction = z.object({
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").nullish(),
  occurredAt: z.date(),
  kind: z.enum(interactions.kind.enumValues),
  channel: z.enum(interactions.channel.enumValues).nullish(),
  subject: v.name,
  notes: v.optionalText(20000),
  notesSensitive: z.boolean().nullish(),
  outcome: v.optionalText(5000),
  placeId: optionalId,
  visitId: optionalId,
  themes: v.tags.nullish(),
  visibility: visibility.nullish(),
  participants: z.array(Participant).max(100, "must have at most 100 entries").nullish(),
  organisations: z.array(OrganisationEntry).max(50, "must have at most 50 entries").nullish(),
  internalAttendeeIds: z.array(z.string()).max(50, "must have at most 50 entries").nullish(),
  followUps: z.array(FollowUp).max(20, "must have at most 20 entries").nullish(),
});
type LogInput = z.infer<typeof LogInteraction>;
type OrganisationEntryInput = z.infer<typeof OrganisationEntry>;

export interface InlineMatch {
  field: string;
  name: string;
  people: matching.Match<PersonRow>[];
  organisations: matching.Match<OrganisationRow>[];
}

export interface LogResult {
  interaction: InteractionRow | null;
  created: boolean;
  pendingMatches: InlineMatch[];
}

/** Folded words in sorted order, as entente_name_key does in SQL: one new organisation per name per request. */
const nameKey = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter(Boolean)
    .sort()
    .join(" ");

/** Exactly one of two alternatives in an input entry. */
function oneOf(field: string, a: unknown, b: unknown, names: [string, string]): void {
  if ((a == null) === (b == null)) throw badInput(field, `${field}: give either ${names[0]} or ${names[1]}.`);
}

/** A reference the request needs, with the input field to blame when it does not resolve. */
interface Ref {
  id: string;
  field: string;
}

interface NewOrganisationPlan {
  id: string;
  field: string;
  key: string;
  data: z.infer<typeof NewOrganisation>;
  placeId: string | null;
  createAnyway: boolean;
}
interface NewPersonPlan {
  id: string;
  field: string;
  data: z.infer<typeof NewContact>;
  placeId: string | null;
  organisationId: string | null;
  /** For the duplicate check: the organisation's name when known. */
  organisationName: string | null;
}

/** Everything the input refers to, by kind, and the new records it asks for. */
class Plan {
  people: Ref[] = [];
  organisations: Ref[] = [];
  places: Ref[] = [];
  visits: Ref[] = [];
  attendees: Ref[] = [];
  assignees: Ref[] = [];
  newOrganisations: NewOrganisationPlan[] = [];
  newPeople: NewPersonPlan[] = [];
  placeId: string | null = null;
  visitId: string | null = null;
  /** Per follow-up: undefined (not given: the viewer), null (unassigned) or a user id. */
  assigneeIds: (string | null | undefined)[] = [];
  private byKey = new Map<string, NewOrganisationPlan>();

  ref(list: Ref[], kind: string, globalId: string, field: string): string {
    const id = refOf(kind, globalId, field);
    list.push({ id, field });
    return id;
  }

  /** An organisation entry: an existing one (checked later) or a new one, deduplicated by name. */
  organisation(entry: OrganisationEntryInput, field: string): { id: string; name: string | null } {
    oneOf(field, entry.organisationId, entry.new, ["organisationId", "new"]);
    if (entry.organisationId) return { id: this.ref(this.organisations, "Organisation", entry.organisationId, `${field}.organisationId`), name: null };
    const data = entry.new!;
    const key = nameKey(data.name);
    const same = this.byKey.get(key);
    if (same) {
      same.createAnyway ||= Boolean(data.createAnyway);
      return { id: same.id, name: same.data.name };
    }
    const plan: NewOrganisationPlan = {
      id: randomUUID(),
      field: `${field}.new`,
      key,
      data,
      placeId: data.placeId ? this.ref(this.places, "Place", data.placeId, `${field}.new.placeId`) : null,
      createAnyway: Boolean(data.createAnyway),
    };
    this.byKey.set(key, plan);
    this.newOrganisations.push(plan);
    return { id: plan.id, name: data.name };
  }
}

function plan(input: LogInput): { plan: Plan; personIds: string[]; organisationIds: string[] } {
  const p = new Plan();
  const personIds: string[] = [];
  const organisationIds: string[] = [];
  if (input.placeId) p.placeId = p.ref(p.places, "Place", input.placeId, "input.placeId");
  if (input.visitId) p.visitId = p.ref(p.visits, "Visit", input.visitId, "input.visitId");
  (input.participants ?? []).forEach((entry, i) => {
    const field = `input.participants.${i}`;
    oneOf(field, entry.personId, entry.new, ["personId", "new"]);
    if (entry.personId) {
      personIds.push(p.ref(p.people, "Person", entry.personId, `${field}.personId`));
      return;
    }
    const data = entry.new!;
    const organisation = data.organisation ? p.organisation(data.organisation, `${field}.new.organisation`) : null;
    if (organisation) organisationIds.push(organisation.id);
    const person: NewPersonPlan = {
      id: randomUUID(),
      field: `${field}.new`,
      data,
      placeId: data.placeId ? p.ref(p.places, "Place", data.placeId, `${field}.new.placeId`) : null,
      organisationId: organisation?.id ?? null,
      organisationName: organisation?.name ?? null,
    };
    p.newPeople.push(person);
    personIds.push(person.id);
  });
  (input.organisations ?? []).forEach((entry, i) => organisationIds.push(p.organisation(entry, `input.organisations.${i}`).id));
  (input.internalAttendeeIds ?? []).forEach((id, i) => p.ref(p.attendees, "User", id, `input.internalAttendeeIds.${i}`));
  p.assigneeIds = (input.followUps ?? []).map((f, i) =>
    f.assigneeId != null ? p.ref(p.assignees, "User", f.assigneeId, `input.followUps.${i}.assigneeId`) : f.assigneeId,
  );
  return { plan: p, personIds: [...new Set(personIds)], organisationIds: [...new Set(organisationIds)] };
}

const uuids = (refs: Ref[]) => sql`${`{${[...new Set(refs.map((r) => r.id))].join(",")}}`}::uuid[]`;

interface Resolved {
  existing: string | null;
  retentionMonths: number;
  /** The referenced people the viewer can see, by id, in the participants list's order (name, id). */
  people: Map<string, PersonRow>;
  /** The referenced organisations the viewer can see, in the organisations list's order. */
  organisations: Map<string, OrganisationRow>;
  places: Map<string, string>;
  visits: Set<string>;
  users: Map<string, boolean>;
}

/** Search columns are for search alone: left out of the rows this statement returns. */
const SEARCH_COLUMNS = sql`'{search_vector,search_names}'::text[]`;

/**
 * One statement: a retry's interaction, the member's retention period, and which references
 * the viewer can use — the people and organisations as whole rows, so the answer's
 * participants and organisations need no statements of their own (see logInteraction).
 */
async function resolve(ctx: Context, viewer: Viewer, p: Plan, key: string | null): Promise<Resolved> {
  const users = [...p.attendees, ...p.assignees];
  const [row] = await queryRows<{
    existing: string | null;
    retention_months: number | null;
    people: Record<string, unknown>[];
    organisations: Record<string, unknown>[];
    places: { id: string; country: string }[];
    visits: string[];
    users: { id: string; active: boolean }[];
  }>(
    ctx.db,
    sql`select
      (select i.id from interactions i where i.owner_member_id = ${viewer.memberId} and i.idempotency_key = ${key}) as existing,
      (select m.retention_months from members m where m.id = ${viewer.memberId}) as retention_months,
      coalesce((select jsonb_agg(to_jsonb(p) - ${SEARCH_COLUMNS} order by lower(p.full_name), p.id) from people p
        where p.id = any(${uuids(p.people)}) and ${visibleSql(viewer, "p")}), '[]') as people,
      coalesce((select jsonb_agg(to_jsonb(o) - ${SEARCH_COLUMNS} order by lower(o.name), o.id) from organisations o
        where o.id = any(${uuids(p.organisations)}) and ${visibleSql(viewer, "o")}), '[]') as organisations,
      coalesce((select jsonb_agg(jsonb_build_object('id', pl.id, 'country', pl.country_code)) from places pl
        where pl.id = any(${uuids(p.places)})), '[]') as places,
      coalesce((select jsonb_agg(v.id) from visits v where v.id = any(${uuids(p.visits)}) and ${visibleSql(viewer, "v")}), '[]') as visits,
      coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'active', u.disabled_at is null)) from users u
        where u.id = any(${uuids(users)}) and u.member_id = ${viewer.memberId}), '[]') as users`,
  );
  return {
    existing: row?.existing ?? null,
    retentionMonths: row?.retention_months ?? 24,
    people: new Map((row?.people ?? []).map((json) => rowFrom(people, json)).map((person) => [person.id, person])),
    organisations: new Map((row?.organisations ?? []).map((json) => rowFrom(organisations, json)).map((o) => [o.id, o])),
    places: new Map((row?.places ?? []).map((pl) => [pl.id, pl.country])),
    visits: new Set(row?.visits ?? []),
    users: new Map((row?.users ?? []).map((u) => [u.id, u.active])),
  };
}

/** Every reference must be a record the viewer can see (a missing and an invisible one read the same). */
function check(p: Plan, r: Resolved): void {
  const fail = (ref: Ref, what: string) => {
    throw badInput(ref.field, `${ref.field}: ${what}`);
  };
  for (const ref of p.places) if (!r.places.has(ref.id)) fail(ref, "no such place.");
  for (const ref of p.visits) if (!r.visits.has(ref.id)) fail(ref, "no such visit.");
  for (const ref of p.people) if (!r.people.has(ref.id)) fail(ref, "no such person.");
  for (const ref of p.organisations) if (!r.organisations.has(ref.id)) fail(ref, "no such organisation.");
  for (const ref of p.attendees) if (!r.users.has(ref.id)) fail(ref, "no such user in your member.");
  for (const ref of p.assignees) if (!r.users.get(ref.id)) fail(ref, "must be an active user of your member.");
}

/** Likely duplicates of the new people and organisations the user has not already confirmed (two statements at most). */
async function pendingMatches(ctx: Context, p: Plan, r: Resolved): Promise<InlineMatch[]> {
  const people = p.newPeople.filter((n) => !n.data.createAnyway);
  const orgs = p.newOrganisations.filter((n) => !n.createAnyway);
  const [personMatches, organisationMatches] = await Promise.all([
    people.length
      ? matching.likelyPeople(
          ctx,
          people.map((n) => ({
            name: n.data.fullName,
            email: n.data.email ?? null,
            organisationName: n.organisationName ?? (n.organisationId ? (r.organisations.get(n.organisationId)?.name ?? null) : null),
            countryCode: n.placeId ? (r.places.get(n.placeId) ?? null) : null,
          })),
        )
      : [],
    orgs.length
      ? matching.likelyOrganisations(
          ctx,
          orgs.map((n) => ({ name: n.data.name, countryCode: n.placeId ? (r.places.get(n.placeId) ?? null) : null })),
        )
      : [],
  ]);
  const pending: InlineMatch[] = [];
  people.forEach((n, i) => {
    const found = personMatches[i] ?? [];
    if (found.length) pending.push({ field: n.field, name: n.data.fullName, people: found, organisations: [] });
  });
  orgs.forEach((n, i) => {
    const found = organisationMatches[i] ?? [];
    if (found.length) pending.push({ field: n.field, name: n.data.name, people: [], organisations: found });
  });
  return pending;
}

/** Column values keyed by property name → a JSON document keyed by column name, for jsonb_populate_record(set). */
function columnJson(table: PgTable, rows: Record<string, unknown>[]): { columns: SQL; json: string } {
  const all = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const names = keys.map((k) => all[k]!.name);
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((k, i) => [names[i], row[k] ?? null]))));
  return { columns: sql.join(names.map((n) => sql.identifier(n)), sql`, `), json };
}

/** A CTE inserting `rows` into `table`, only when the interaction itself was inserted (not a retry). */
function insertCte(name: string, table: PgTable, tableName: string, rows: Record<string, unknown>[]): SQL | null {
  if (!rows.length) return null;
  const { columns, json } = columnJson(table, rows);
  return sql`${sql.identifier(name)} as (insert into ${sql.identifier(tableName)} (${columns})
    select ${columns} from jsonb_populate_recordset(null::${sql.identifier(tableName)}, ${json}::jsonb)
    where exists (select from i))`;
}

function addMonths(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The whole write as one statement: it inserts everything or, on a retry's idempotency key, nothing. */
async function write(
  ctx: Context,
  viewer: Viewer,
  input: LogInput,
  p: Plan,
  r: Resolved,
  personIds: string[],
  organisationIds: string[],
): Promise<InteractionRow | null> {
  const vis = input.visibility ?? "NETWORK";
  const owned = { ownerMemberId: viewer.memberId, createdById: viewer.userId };
  const interactionId = randomUUID();
  const userIds = [...new Set(p.attendees.map((a) => a.id))];
  const interaction = {
    id: interactionId,
    ...owned,
    visibility: vis,
    occurredAt: input.occurredAt,
    kind: input.kind,
    channel: input.channel ?? "IN_PERSON",
    subject: input.subject,
    notes: input.notes ?? null,
    notesSensitive: input.notesSensitive ?? false,
    outcome: input.outcome ?? null,
    placeId: p.placeId,
    visitId: p.visitId,
    themes: input.themes ?? [],
    idempotencyKey: input.idempotencyKey ?? null,
  };
  const newOrganisations = p.newOrganisations.map((o) => ({
    id: o.id,
    ...owned,
    visibility: o.data.visibility ?? vis,
    name: o.data.name,
    nameLatin: o.data.nameLatin ?? null,
    kind: o.data.kind ?? "OTHER",
    placeId: o.placeId,
    website: o.data.website ?? null,
  }));
  const retentionReviewOn = addMonths(r.retentionMonths);
  const newPeople = p.newPeople.map((n) => ({
    id: n.id,
    ...owned,
    visibility: n.data.visibility ?? vis,
    fullName: n.data.fullName,
    nameLatin: n.data.nameLatin ?? null,
    // A role given without an organisation is the person's job title.
    jobTitle: n.data.jobTitle ?? (n.organisationId ? null : (n.data.role ?? null)),
    placeId: n.placeId,
    email: n.data.email ?? null,
    phone: n.data.phone ?? null,
    retentionReviewOn,
  }));
  const newAffiliations = p.newPeople
    .filter((n) => n.organisationId)
    .map((n) => ({ personId: n.id, organisationId: n.organisationId!, role: n.data.role ?? null }));
  const newFollowUps = (input.followUps ?? []).map((f, i) => ({
    id: randomUUID(),
    ...owned,
    visibility: vis,
    title: f.title,
    dueOn: f.dueOn ?? null,
    // As createFollowUp: yours unless given; null leaves it unassigned.
    assigneeId: p.assigneeIds[i] === undefined ? viewer.userId : p.assigneeIds[i],
    interactionId,
  }));
  const audit = (recordType: string, values: Record<string, unknown>) => ({
    userId: viewer.userId,
    memberId: viewer.memberId,
    action: "create",
    recordType,
    recordId: values.id,
    changes: values,
    requestId: ctx.requestId,
  });
  const audits = [
    audit("Interaction", { ...interaction, participantIds: personIds, organisationIds, internalAttendeeIds: userIds }),
    ...newOrganisations.map((o) => audit("Organisation", o)),
    ...newPeople.map((n) => audit("Person", { ...n, affiliations: newAffiliations.filter((a) => a.personId === n.id) })),
    ...newFollowUps.map((f) => audit("FollowUp", f)),
  ];
  const { columns, json } = columnJson(interactions, [interaction]);
  const ctes = [
    sql`i as (insert into interactions (${columns})
      select ${columns} from jsonb_populate_recordset(null::interactions, ${json}::jsonb)
      on conflict (owner_member_id, idempotency_key) do nothing
      returning *)`,
    insertCte("new_organisations", organisations, "organisations", newOrganisations),
    insertCte("new_people", people, "people", newPeople),
    insertCte("new_affiliations", affiliations, "affiliations", newAffiliations),
    insertCte("new_participants", interactionPeople, "interaction_people", personIds.map((personId) => ({ interactionId, personId }))),
    insertCte(
      "new_organisation_links",
      interactionOrganisations,
      "interaction_organisations",
      organisationIds.map((organisationId) => ({ interactionId, organisationId })),
    ),
    insertCte("new_attendees", interactionUsers, "interaction_users", userIds.map((userId) => ({ interactionId, userId }))),
    insertCte("new_follow_ups", followUps, "follow_ups", newFollowUps),
    insertCte("new_audit_events", auditEvents, "audit_events", audits),
  ].filter((c): c is SQL => c !== null);
  const [row] = await queryRows<Record<string, unknown>>(ctx.db, sql`with ${sql.join(ctes, sql`, `)} select * from i`);
  return row ? rowFrom(interactions, row) : null;
}

/**
 * The new interaction's participants and organisations are exactly the references resolve()
 * read (every one visible, or the write would not have happened), already in the loaders'
 * order: they answer Interaction.participants and .organisations without two more
 * statements. Not when the meeting brought new people or organisations (rows resolve() has
 * not seen): then the loaders read them as usual.
 */
function primeLinks(ctx: Context, interactionId: string, p: Plan, r: Resolved): void {
  if (p.newPeople.length || p.newOrganisations.length) return;
  ctx.loaders.interactions.participantsByInteraction.prime(
    interactionId,
    [...r.people.values()].map((person) => ({ interactionId, person })),
  );
  ctx.loaders.interactions.organisationsByInteraction.prime(
    interactionId,
    [...r.organisations.values()].map((organisation) => ({ interactionId, organisation })),
  );
}

/** The interaction a submission with this key created, if any. */
async function findByKey(ctx: Context, viewer: Viewer, key: string): Promise<InteractionRow | null> {
  const [row] = await queryRows<Record<string, unknown>>(
    ctx.db,
    sql`select * from interactions where owner_member_id = ${viewer.memberId} and idempotency_key = ${key}`,
  );
  return row ? rowFrom(interactions, row) : null;
}

/** After an insert that conflicted on the key: the winner has committed (READ COMMITTED sees it now). */
async function existingFor(ctx: Context, viewer: Viewer, key: string): Promise<InteractionRow> {
  const row = await findByKey(ctx, viewer, key);
  if (!row) throw conflict("Another submission with this idempotency key did not complete. Try again.");
  return row;
}

export async function logInteraction(ctx: Context, input: unknown): Promise<LogResult> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const data = parseInput(LogInteraction, input);
  const { plan: p, personIds, organisationIds } = plan(data);
  const key = data.idempotencyKey ?? null;
  const resolved = await resolve(ctx, viewer, p, key);
  // A retry returns what the first submission created, before anything else is checked.
  if (resolved.existing) {
    const existing = await ctx.loaders.interactions.byId.load(resolved.existing);
    if (existing) return { interaction: existing, created: false, pendingMatches: [] };
  }
  check(p, resolved);
  const pending = await pendingMatches(ctx, p, resolved);
  if (pending.length) {
    // A concurrent submission with the same key may have committed since we looked, creating
    // the very records matched now: then this is a retry, not a possible duplicate.
    const committed = key ? await findByKey(ctx, viewer, key) : null;
    if (committed) return { interaction: committed, created: false, pendingMatches: [] };
    return { interaction: null, created: false, pendingMatches: pending };
  }
  const created = await write(ctx, viewer, data, p, resolved, personIds, organisationIds);
  if (created) {
    primeLinks(ctx, created.id, p, resolved);
    return { interaction: created, created: true, pendingMatches: [] };
  }
  return { interaction: await existingFor(ctx, viewer, key!), created: false, pendingMatches: [] };
}
