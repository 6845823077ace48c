import { randomUUID } from "node:crypto";
import { BadInput, type FloorViewer, type Queries, dbId, gid } from "./db.js";

// W1 by hand, for meetings with existing people and organisations (what the
// benchmark sends): ONE statement checks that every reference is visible (or
// the viewer's own colleague), inserts the interaction unless its idempotency
// key was used, its participants, organisations, attendees, follow-ups and
// audit events, and returns the participants and organisations for the answer.
// A retry (key already used) costs one more statement.

const KINDS = new Set(["MEETING", "CALL", "EMAIL", "EVENT", "MISSION_MEETING", "INWARD_DELEGATION", "MOU_SIGNING", "ROUNDTABLE", "SITE_VISIT"]);
const CHANNELS = new Set(["IN_PERSON", "VIDEO", "PHONE", "EMAIL", "OTHER"]);

const SQL = `
with ppl as (
  select p.id, p.full_name from people p where p.id = any($14::uuid[]) and (p.owner_member_id = $2 or p.visibility = 'NETWORK')),
orgs as (
  select o.id, o.name from organisations o where o.id = any($15::uuid[]) and (o.owner_member_id = $2 or o.visibility = 'NETWORK')),
usr as (select u.id from users u where u.id = any($16::uuid[]) and u.member_id = $2),
ok as (
  select (select count(*) from ppl) = cardinality($14::uuid[]) and (select count(*) from orgs) = cardinality($15::uuid[])
     and (select count(*) from usr) = cardinality($16::uuid[])
     and ($11::uuid is null or exists (select 1 from places where id = $11::uuid)) as ok),
i as (
  insert into interactions (id, owner_member_id, visibility, created_by_id, occurred_at, kind, channel, subject, notes, notes_sensitive,
    outcome, place_id, themes, idempotency_key)
  select $1, $2, 'NETWORK', $3, $4, $5::interaction_kind, $6::interaction_channel, $7, $8, $9, $10, $11, $12::text[], $13
  where (select ok from ok)
  on conflict (owner_member_id, idempotency_key) do nothing
  returning id, subject, occurred_at),
ip as (insert into interaction_people (interaction_id, person_id) select i.id, p.id from i, ppl p),
io as (insert into interaction_organisations (interaction_id, organisation_id) select i.id, o.id from i, orgs o),
iu as (insert into interaction_users (interaction_id, user_id) select i.id, u.id from i, usr u),
fu as (
  insert into follow_ups (id, owner_member_id, visibility, created_by_id, title, due_on, assignee_id, interaction_id)
  select x.id, $2, 'NETWORK', $3, x.title, x.due_on, $3, i.id from i, jsonb_to_recordset($17::jsonb) as x(id uuid, title text, due_on date)
  returning id, title, due_on),
au as (
  insert into audit_events (user_id, member_id, action, record_type, record_id, changes, request_id)
  select $3, $2, 'create', 'Interaction', i.id, $18::jsonb, $19 from i
  union all
  select $3, $2, 'create', 'FollowUp', fu.id,
    jsonb_build_object('id', fu.id, 'ownerMemberId', $2::uuid, 'createdById', $3::uuid, 'visibility', 'NETWORK', 'title', fu.title,
      'dueOn', fu.due_on, 'assigneeId', $3::uuid, 'interactionId', $1::uuid), $19
  from fu)
select (select ok from ok) as ok, i.id, i.subject, i.occurred_at,
  coalesce((select json_agg(json_build_object('id', p.id, 'fullName', p.full_name) order by p.full_name, p.id) from ppl p), '[]') as participants,
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name, o.id) from orgs o), '[]') as organisations
from (select 1) one left join i on true`;

interface LogRow {
  ok: boolean;
  id: string | null;
  subject: string | null;
  occurred_at: string | null;
  participants: { id: string; fullName: string }[];
  organisations: { id: string; name: string }[];
}

function ids(type: string, entries: unknown, key: string, field: string): string[] {
  if (entries == null) return [];
  if (!Array.isArray(entries)) throw new BadInput(`${field} must be a list`);
  return [
    ...new Set(
      entries.map((e, i) => {
        const id = dbId(type, (e as Record<string, unknown>)[key]);
        if (!id) throw new BadInput(`${field}.${i}.${key}: only existing records are supported by the floor`);
        return id;
      }),
    ),
  ];
}

export async function logInteraction(q: Queries, viewer: FloorViewer, requestId: string, variables: Record<string, unknown>): Promise<unknown> {
  if (viewer.role === "VIEWER") throw new BadInput("Viewers cannot create records.");
  const input = (variables.input ?? {}) as Record<string, unknown>;
  const subject = typeof input.subject === "string" ? input.subject.trim() : "";
  if (!subject) throw new BadInput("input.subject: is required");
  if (!KINDS.has(String(input.kind))) throw new BadInput("input.kind: unknown kind");
  const channel = input.channel == null ? "IN_PERSON" : String(input.channel);
  if (!CHANNELS.has(channel)) throw new BadInput("input.channel: unknown channel");
  const occurredAt = new Date(String(input.occurredAt));
  if (Number.isNaN(occurredAt.getTime())) throw new BadInput("input.occurredAt: must be ISO 8601");
  const people = ids("Person", input.participants, "personId", "input.participants");
  const organisations = ids("Organisation", input.organisations, "organisationId", "input.organisations");
  const attendees = ((input.internalAttendeeIds ?? []) as unknown[]).map((g, i) => {
    const id = dbId("User", g);
    if (!id) throw new BadInput(`input.internalAttendeeIds.${i}: not a user id`);
    return id;
  });
  const placeId = input.placeId == null ? null : dbId("Place", input.placeId);
  if (input.placeId != null && !placeId) throw new BadInput("input.placeId: not a place id");
  const followUps = ((input.followUps ?? []) as { title?: unknown; dueOn?: unknown }[]).map((f, i) => {
    if (typeof f.title !== "string" || !f.title.trim()) throw new BadInput(`input.followUps.${i}.title: is required`);
    return { id: randomUUID(), title: f.title.trim(), due_on: typeof f.dueOn === "string" ? f.dueOn : null };
  });
  const themes = [...new Set(((input.themes ?? []) as string[]).map((t) => t.trim()).filter(Boolean))];
  const key = typeof input.idempotencyKey === "string" ? input.idempotencyKey : null;
  const id = randomUUID();
  const values = {
    id,
    ownerMemberId: viewer.memberId,
    createdById: viewer.userId,
    visibility: "NETWORK",
    occurredAt: occurredAt.toISOString(),
    kind: input.kind,
    channel,
    subject,
    notes: input.notes ?? null,
    notesSensitive: Boolean(input.notesSensitive),
    outcome: input.outcome ?? null,
    placeId,
    themes,
    idempotencyKey: key,
    participantIds: people,
    organisationIds: organisations,
    internalAttendeeIds: attendees,
  };
  const row = (await q.one<LogRow>(SQL, [
    id,
    viewer.memberId,
    viewer.userId,
    occurredAt,
    input.kind,
    channel,
    subject,
    input.notes ?? null,
    Boolean(input.notesSensitive),
    input.outcome ?? null,
    placeId,
    themes,
    key,
    people,
    organisations,
    attendees,
    JSON.stringify(followUps),
    JSON.stringify(values),
    requestId,
  ]))!;
  if (!row.ok) throw new BadInput("input: a participant, organisation, place or attendee does not exist or is not visible");
  const answer = (created: boolean, r: Omit<LogRow, "ok">) => ({
    logInteraction: {
      created,
      interaction: {
        id: gid("Interaction", r.id!),
        subject: r.subject,
        occurredAt: new Date(r.occurred_at!).toISOString(),
        participants: r.participants.map((p) => ({ id: gid("Person", p.id), fullName: p.fullName })),
        organisations: r.organisations.map((o) => ({ id: gid("Organisation", o.id), name: o.name })),
      },
      pendingMatches: [],
    },
  });
  if (row.id) return answer(true, row);
  // The key was used before: the first submission's interaction, with what the viewer can see of it.
  const first = await q.one<Omit<LogRow, "ok">>(
    `select i.id, i.subject, i.occurred_at,
       coalesce((select json_agg(json_build_object('id', p.id, 'fullName', p.full_name) order by p.full_name, p.id)
         from interaction_people ip join people p on p.id = ip.person_id and (p.owner_member_id = $1 or p.visibility = 'NETWORK')
         where ip.interaction_id = i.id), '[]') as participants,
       coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name, o.id)
         from interaction_organisations io join organisations o on o.id = io.organisation_id and (o.owner_member_id = $1 or o.visibility = 'NETWORK')
         where io.interaction_id = i.id), '[]') as organisations
     from interactions i where i.owner_member_id = $1 and i.idempotency_key = $2`,
    [viewer.memberId, key],
  );
  if (!first) throw new BadInput("input.idempotencyKey: another submission with this key did not complete");
  return answer(false, first);
}
