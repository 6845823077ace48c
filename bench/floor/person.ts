import { type FloorViewer, type Queries, gid } from "./db.js";

// W4 by hand: the person, their place and owner member, their affiliations
// with organisations the viewer can see, and the 50 newest timeline entries
// with the total, in ONE statement. Visibility is the sharing policy's rule
// written inline: owner member, or shared with the network.

const cursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

interface Row {
  person: Record<string, unknown> | null;
  place: Record<string, unknown> | null;
  owner: Record<string, unknown> | null;
  affiliations: Record<string, unknown>[];
  total: number;
  entries: { kind: string; id: string; key: string; row: Record<string, unknown> }[];
}

const SQL = `
with p as (
  select * from people where id = $1 and (owner_member_id = $2 or visibility = 'NETWORK')),
scope as (
  select i.id, i.occurred_at, i.visit_id
  from interaction_people ip join interactions i on i.id = ip.interaction_id
  where ip.person_id = (select id from p) and (i.owner_member_id = $2 or i.visibility = 'NETWORK') and i.archived_at is null),
entries as (
  select 'INTERACTION' as kind, s.id::text as id, s.occurred_at as at from scope s
  union all
  select 'VISIT', v.id::text, v.starts_on::timestamp at time zone 'UTC' from visits v
  where v.id in (select visit_id from scope where visit_id is not null)
    and (v.owner_member_id = $2 or v.visibility = 'NETWORK') and v.archived_at is null
  union all
  select 'FOLLOW_UP', f.id::text,
    case when f.status = 'DONE' and f.completed_at is not null then f.completed_at
         when f.due_on is not null then f.due_on::timestamp at time zone 'UTC' else f.created_at end
  from follow_ups f
  where f.id in (select f1.id from follow_ups f1 where f1.interaction_id in (select id from scope)
                 union select f2.id from follow_ups f2 where f2.person_id = (select id from p))
    and (f.owner_member_id = $2 or f.visibility = 'NETWORK') and f.archived_at is null
  union all
  select 'CHANGE', e.id::text, e.at from audit_events e where e.record_type = 'Person' and e.record_id = (select id from p)),
page as (select * from entries x order by x.at desc, x.kind || ':' || x.id desc limit 51)
select
  (select json_build_object('id', p.id, 'fullName', p.full_name, 'nameLatin', p.name_latin, 'jobTitle', p.job_title,
     'languages', p.languages, 'sectors', p.sectors, 'bio', p.bio, 'email', p.email, 'phone', p.phone,
     'visibility', p.visibility, 'ownerMemberId', p.owner_member_id, 'version', p.version, 'placeId', p.place_id) from p) as person,
  (select json_build_object('id', pl.id, 'name', pl.name, 'nameLatin', pl.name_latin, 'kind', pl.kind, 'countryCode', trim(pl.country_code::text))
   from places pl where pl.id = (select place_id from p)) as place,
  (select json_build_object('id', m.id, 'name', m.name, 'shortName', m.short_name) from members m where m.id = (select owner_member_id from p)) as owner,
  coalesce((
    select json_agg(json_build_object('id', a.id, 'role', a.role, 'startedOn', a.started_on, 'endedOn', a.ended_on,
        'current', a.ended_on is null or a.ended_on >= current_date,
        'organisation', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind))
      order by a.started_on, a.id)
    from affiliations a join organisations o on o.id = a.organisation_id and (o.owner_member_id = $2 or o.visibility = 'NETWORK')
    where a.person_id = (select id from p)), '[]') as affiliations,
  (select count(*) from entries)::int as total,
  coalesce((
    select json_agg(json_build_object('kind', x.kind, 'id', x.id,
        'key', to_char(x.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'row', case x.kind
          when 'INTERACTION' then (select json_build_object('id', i.id, 'occurredAt', i.occurred_at, 'kind', i.kind, 'subject', i.subject, 'outcome', i.outcome)
                                   from interactions i where i.id = x.id::uuid)
          when 'FOLLOW_UP' then (select json_build_object('id', f.id, 'title', f.title, 'dueOn', f.due_on, 'status', f.status)
                                 from follow_ups f where f.id = x.id::uuid)
          when 'VISIT' then (select json_build_object('id', v.id, 'title', v.title, 'startsOn', v.starts_on, 'endsOn', v.ends_on)
                             from visits v where v.id = x.id::uuid)
          else (select json_build_object('action', e.action, 'changes', e.changes) from audit_events e where e.id = x.id::bigint) end)
      order by x.at desc, x.kind || ':' || x.id desc)
    from page x), '[]') as entries`;

/** The names of the fields a change touched (never their values), as the API shows them. */
function changedFields(action: string, changes: Record<string, unknown> | null): string[] {
  if (action === "update") return Object.keys(changes ?? {}).sort();
  if (action === "merge") return Object.keys((changes?.fields ?? {}) as Record<string, unknown>).sort();
  return [];
}

export async function personProfile(q: Queries, viewer: FloorViewer, personId: string | null): Promise<unknown> {
  if (!personId) return { person: null };
  const row = await q.one<Row>(SQL, [personId, viewer.memberId]);
  const p = row?.person;
  if (!row || !p) return { person: null };
  const own = p.ownerMemberId === viewer.memberId;
  const page = row.entries.slice(0, 50);
  const nodes = page.map((e) => {
    const r = e.row;
    return {
      kind: e.kind,
      at: new Date(e.key).toISOString(),
      interaction:
        e.kind === "INTERACTION"
          ? { id: gid("Interaction", String(r.id)), occurredAt: iso(r.occurredAt as string), kind: r.kind, subject: r.subject, outcome: r.outcome }
          : null,
      followUp: e.kind === "FOLLOW_UP" ? { id: gid("FollowUp", String(r.id)), title: r.title, dueOn: r.dueOn, status: r.status } : null,
      visit: e.kind === "VISIT" ? { id: gid("Visit", String(r.id)), title: r.title, startsOn: r.startsOn, endsOn: r.endsOn } : null,
      change: e.kind === "CHANGE" ? { action: r.action, fields: changedFields(String(r.action), r.changes as Record<string, unknown> | null) } : null,
    };
  });
  const last = page.at(-1);
  return {
    person: {
      id: gid("Person", String(p.id)),
      fullName: p.fullName,
      nameLatin: p.nameLatin,
      jobTitle: p.jobTitle,
      languages: p.languages,
      sectors: p.sectors,
      bio: p.bio,
      email: own ? p.email : null,
      phone: own ? p.phone : null,
      visibility: p.visibility,
      canEdit: own && viewer.role !== "VIEWER",
      version: p.version,
      place: row.place ? { ...row.place, id: gid("Place", String(row.place.id)) } : null,
      ownerMember: row.owner ? { ...row.owner, id: gid("Member", String(row.owner.id)) } : null,
      affiliations: row.affiliations.map((a) => ({
        ...a,
        id: gid("Affiliation", String(a.id)),
        organisation: { ...(a.organisation as Record<string, unknown>), id: gid("Organisation", String((a.organisation as { id: string }).id)) },
      })),
      timeline: {
        totalCount: row.total,
        pageInfo: { hasNextPage: row.entries.length > 50, endCursor: last ? cursor(last.key, `${last.kind}:${last.id}`) : null },
        nodes,
      },
    },
  };
}
