// The floor's visitBriefing: three statements. (1) The visit, its destinations
// and the places they cover; (2) the interactions there and, of those, the ones
// the viewer can see since the window opened, newest first; (3) every section at
// once, each a JSON array in one result row, with the places and interactions
// passed in as arrays, so the planner knows their sizes (a quiet city and a whole
// country need different plans). Parameters are listed with each statement.

/** The sharing rule for alias: the viewer's member ($2) owns it, or it is shared with the network. */
const visible = (alias: string) => `(${alias}.owner_member_id = $2 or ${alias}.visibility = 'NETWORK')`;
const iso = (expr: string) => `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const place = (alias: string) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'nameLatin', ${alias}.name_latin, 'kind', ${alias}.kind,
  'countryCode', ${alias}.country_code,
  'country', (select c.name from places c where c.kind = 'COUNTRY' and c.country_code = ${alias}.country_code order by c.created_at, c.id limit 1))`;

/** $1 visit id, $2 viewer's member. */
export const VISIT_SQL = `
select json_build_object('id', v.id, 'title', v.title, 'direction', v.direction::text, 'status', v.status::text, 'starts_on', v.starts_on::text,
    'ends_on', v.ends_on::text, 'objectives', v.objectives, 'visibility', v.visibility::text, 'lead_member_id', v.lead_member_id, 'lead_name', lm.name,
    'owner_member_id', v.owner_member_id, 'owner_name', om.name,
    'destinations', coalesce((select json_agg(${place("pl")} order by d.position, pl.id)
                              from visit_destinations d join places pl on pl.id = d.place_id where d.visit_id = v.id), '[]'),
    'participants', coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by lower(m.name), m.id)
                              from visit_members vm join members m on m.id = vm.member_id where vm.visit_id = v.id), '[]')) as visit,
  array(
    select d.id from places d join visit_destinations vd on vd.place_id = d.id and vd.visit_id = v.id
    union select p.id from places p join visit_destinations vd on vd.visit_id = v.id join places d on d.id = vd.place_id
      where d.kind = 'COUNTRY' and p.country_code = d.country_code
    union select p.id from places p join visit_destinations vd on vd.visit_id = v.id join places d on d.id = vd.place_id
      where d.kind = 'REGION' and p.parent_id = d.id) as covered
from visits v join members lm on lm.id = v.lead_member_id join members om on om.id = v.owner_member_id
where v.id = $1 and ${visible("v")}`;

/** $1 visit id, $2 viewer's member, $3 covered places, $4 since. */
export const SCOPE_SQL = `
with scope as (select unnest($3::uuid[]) as place_id),
si as (
  select i.id from interactions i where i.place_id in (select place_id from scope)
  union select i.id from interactions i where i.visit_id = $1::uuid
  union select io.interaction_id from interaction_organisations io
    join organisations o on o.id = io.organisation_id and ${visible("o")} where o.place_id in (select place_id from scope)
  union select ip.interaction_id from interaction_people ip
    join people p on p.id = ip.person_id and ${visible("p")} where p.place_id in (select place_id from scope))
select array(select id from si) as interactions,
  array(select i.id from interactions i join si on si.id = i.id
        where ${visible("i")} and i.archived_at is null and i.occurred_at >= $4::date
        order by i.occurred_at desc, i.id desc) as recent`;

// The pack's parameters: $1 visit id, $2 viewer's member, $3 the viewer's member when an admin,
// $4 today, $5 covered places, $6 interactions there, $7 recent visible ones (newest first),
// $8 destination places, $9 since, $10 shared-contacts window start, $11 until, $12 the visit's
// title, $13 its first day, $14 its last day, $15 its owner member.
const CTES = `
trip as (
  select $12::text as title, $13::date as from_on, $14::date as to_on, $9::date as since, $10::date as contacts_from,
    $11::date as until, $15::uuid as us),
dest as (select pl.id, pl.kind, pl.country_code from places pl where pl.id = any($8::uuid[])),
scope as (select unnest($5::uuid[]) as place_id),
si as (select unnest($6::uuid[]) as id),
vi as (select i.* from interactions i where i.id = any($7::uuid[]) and i.archived_at is null),
sp as (
  select distinct q.partnership_id as id from partnership_parties q
  left join organisations o on o.id = q.organisation_id and ${visible("o")}
  where coalesce(q.place_id, o.place_id) in (select place_id from scope)),
sopp as (
  select op.id from opportunities op join organisations o on o.id = op.organisation_id and ${visible("o")}
  where o.place_id in (select place_id from scope) and ${visible("op")} and op.archived_at is null and op.stage in ('PROSPECT', 'ACTIVE', 'VERIFY_WIN')
  union
  select op.id from opportunities op join people pe on pe.id = op.person_id and ${visible("pe")}
  where pe.place_id in (select place_id from scope) and ${visible("op")} and op.archived_at is null and op.stage in ('PROSPECT', 'ACTIVE', 'VERIFY_WIN'))`;

const PARTNERSHIPS = `
select p.id, p.name, p.kind::text as kind, p.status::text as status, p.signed_on::text as signed_on, p.renewal_due_on::text as renewal_due_on,
  p.themes, p.description, p.owner_member_id, om.name as owner_name, p.lead_member_id, lm.name as lead_name, act.last_at, coalesce(act.recent, 0) as recent,
  coalesce((
    select json_agg(json_build_object('side', q.side, 'type', case when q.place_id is null then 'Organisation' else 'Place' end,
             'id', coalesce(q.place_id, q.organisation_id), 'name', coalesce(pl.name, o.name), 'nameLatin', coalesce(pl.name_latin, o.name_latin))
           order by q.side, lower(coalesce(pl.name, o.name)), q.id)
    from partnership_parties q
    left join places pl on pl.id = q.place_id
    left join organisations o on o.id = q.organisation_id and ${visible("o")}
    where q.partnership_id = p.id and (pl.id is not null or o.id is not null)), '[]') as parties
from partnerships p
join sp on sp.id = p.id
join members om on om.id = p.owner_member_id
left join members lm on lm.id = p.lead_member_id
left join lateral (
  select ${iso("max(i.occurred_at)")} as last_at, count(*) filter (where i.occurred_at >= (select since from trip))::int as recent
  from interactions i
  where i.archived_at is null and ${visible("i")} and i.id in (
    select io.interaction_id from partnership_parties q
      join organisations qo on qo.id = q.organisation_id and ${visible("qo")}
      join interaction_organisations io on io.organisation_id = q.organisation_id
      where q.partnership_id = p.id and q.side = 'INTERNATIONAL'
    union select i2.id from partnership_parties q join interactions i2 on i2.place_id = q.place_id
      where q.partnership_id = p.id and q.side = 'INTERNATIONAL'
    union select i3.id from partnership_parties q join places qc on qc.parent_id = q.place_id join interactions i3 on i3.place_id = qc.id
      where q.partnership_id = p.id and q.side = 'INTERNATIONAL')) act on true
where ${visible("p")} and p.archived_at is null
order by case p.status when 'ACTIVE' then 0 when 'PROPOSED' then 1 when 'DORMANT' then 2 else 3 end, lower(p.name), p.id
limit 50`;

const ORGANISATIONS = `
select o.id, o.name, o.name_latin, o.kind::text as kind, o.sectors, o.website, o.description,
  pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin, o.owner_member_id, m.name as owner_name,
  exists (select 1 from partnership_parties q join partnerships pt on pt.id = q.partnership_id
          where q.organisation_id = o.id and ${visible("pt")} and pt.archived_at is null) as partner,
  coalesce(a.n, 0) as recent, ${iso("a.last_at")} as last_at
from organisations o
join places pl on pl.id = o.place_id
join members m on m.id = o.owner_member_id
left join (
  select io.organisation_id, count(*)::int as n, max(vi.occurred_at) as last_at
  from interaction_organisations io join vi on vi.id = io.interaction_id group by io.organisation_id) a on a.organisation_id = o.id
where o.place_id in (select place_id from scope) and ${visible("o")} and o.archived_at is null
order by recent desc, partner desc, lower(o.name), o.id
limit 30`;

const current = "(a.ended_on is null or a.ended_on >= $4::date)";
const PEOPLE = `
with cand as (
  select p.id from people p where p.place_id in (select place_id from scope)
  union select a.person_id from affiliations a join organisations o on o.id = a.organisation_id and ${visible("o")}
    where o.place_id in (select place_id from scope) and ${current}
  union select ip.person_id from interaction_people ip join vi on vi.id = ip.interaction_id),
met as (
  select ip.person_id, i.owner_member_id, count(*)::int as n, max(i.occurred_at) as last_at
  from interaction_people ip join interactions i on i.id = ip.interaction_id
  where ip.person_id in (select id from cand) and ${visible("i")} and i.archived_at is null
  group by ip.person_id, i.owner_member_id),
tot as (select met.person_id, sum(met.n)::int as total, max(met.last_at) as last_at from met group by met.person_id),
ranked as (
  select p.id, p.full_name, p.name_latin, p.job_title, p.bio, p.languages, p.sectors, p.place_id, p.owner_member_id,
    coalesce(tot.total, 0) as total, tot.last_at
  from people p join cand on cand.id = p.id left join tot on tot.person_id = p.id
  where ${visible("p")} and p.archived_at is null
  order by total desc, last_at desc nulls last, lower(p.full_name), p.id
  limit 30),
kb as (
  select met.person_id,
    json_agg(json_build_object('id', m.id, 'name', m.name, 'interactions', met.n, 'lastMetAt', ${iso("met.last_at")})
      order by met.last_at desc, lower(m.name)) as known_by
  from met join members m on m.id = met.owner_member_id
  where met.person_id in (select id from ranked)
  group by met.person_id)
select r.id, r.full_name, r.name_latin, r.job_title, r.bio, r.languages, r.sectors,
  pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin, r.owner_member_id, om.name as owner_name,
  ${iso("r.last_at")} as last_at, coalesce(kb.known_by, '[]') as known_by,
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'nameLatin', o.name_latin, 'role', a.role, 'current', ${current})
              order by ${current} desc, a.started_on desc nulls last, lower(o.name), a.id)
            from affiliations a join organisations o on o.id = a.organisation_id and ${visible("o")} and o.archived_at is null
            where a.person_id = r.id), '[]') as affiliations
from ranked r
left join kb on kb.person_id = r.id
left join places pl on pl.id = r.place_id
join members om on om.id = r.owner_member_id
order by r.total desc, r.last_at desc nulls last, lower(r.full_name), r.id`;

const INTERACTIONS = `
select vi.id, ${iso("vi.occurred_at")} as occurred_at, vi.kind::text as kind, vi.channel::text as channel, vi.subject, vi.notes, vi.notes_sensitive,
  vi.outcome, vi.themes, vi.owner_member_id, vi.visibility::text as visibility, m.name as member_name,
  case when u.disabled_at is null or u.member_id = $3::uuid then u.name end as logged_by,
  pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin,
  (vi.visit_id is not distinct from $1::uuid and vi.visit_id is not null) as on_visit,
  coalesce((select json_agg(json_build_object('id', p.id, 'name', p.full_name, 'nameLatin', p.name_latin) order by lower(p.full_name), p.id)
            from interaction_people ip join people p on p.id = ip.person_id and ${visible("p")} where ip.interaction_id = vi.id), '[]') as participants,
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'nameLatin', o.name_latin) order by lower(o.name), o.id)
            from interaction_organisations io join organisations o on o.id = io.organisation_id and ${visible("o")}
            where io.interaction_id = vi.id), '[]') as organisations,
  cardinality($7::uuid[]) as total
from interactions vi
join members m on m.id = vi.owner_member_id
left join users u on u.id = vi.created_by_id
left join places pl on pl.id = vi.place_id
where vi.id = any(($7::uuid[])[1:100])
order by vi.occurred_at desc, vi.id desc`;

const FOLLOW_UPS = `
with fc as (
  select f.id from follow_ups f join si on si.id = f.interaction_id
  union select f.id from follow_ups f join people p on p.id = f.person_id and ${visible("p")} where p.place_id in (select place_id from scope)
  union select f.id from follow_ups f join organisations o on o.id = f.organisation_id and ${visible("o")} where o.place_id in (select place_id from scope)
  union select f.id from follow_ups f join sp on sp.id = f.partnership_id
  union select f.id from follow_ups f where f.visit_id = $1::uuid
  union select f.id from follow_ups f join visit_destinations d on d.visit_id = f.visit_id where d.place_id in (select place_id from scope)
  union select f.id from follow_ups f join sopp on sopp.id = f.opportunity_id)
select f.id, f.title, f.due_on::text as due_on, f.owner_member_id, m.name as member_name,
  case when u.disabled_at is null then u.name end as assignee,
  case when i.id is not null then 'Interaction' when p.id is not null then 'Person' when o.id is not null then 'Organisation'
       when pt.id is not null then 'Partnership' when v.id is not null then 'Visit' when op.id is not null then 'Opportunity' end as about_type,
  coalesce(i.id, p.id, o.id, pt.id, v.id, op.id) as about_id,
  coalesce(i.subject, p.full_name, o.name, pt.name, v.title, op.title) as about_name,
  coalesce(p.name_latin, o.name_latin) as about_latin
from follow_ups f
join fc on fc.id = f.id
join members m on m.id = f.owner_member_id
left join users u on u.id = f.assignee_id
left join interactions i on i.id = f.interaction_id and ${visible("i")} and i.archived_at is null
left join people p on p.id = f.person_id and ${visible("p")}
left join organisations o on o.id = f.organisation_id and ${visible("o")}
left join partnerships pt on pt.id = f.partnership_id and ${visible("pt")}
left join visits v on v.id = f.visit_id and ${visible("v")}
left join opportunities op on op.id = f.opportunity_id and ${visible("op")}
where ${visible("f")} and f.archived_at is null and f.status = 'OPEN' and coalesce(i.id, p.id, o.id, pt.id, v.id, op.id) is not null
order by f.due_on nulls last, f.id
limit 50`;

const OPPORTUNITIES = `
select op.id, op.title, op.stage::text as stage, op.sector, op.capital_value_gbp::float8 as capital_value_gbp, op.jobs, op.likelihood,
  op.land_on::text as land_on, op.owner_member_id, m.name as member_name,
  o.id as organisation_id, o.name as organisation_name, o.name_latin as organisation_latin,
  pe.id as person_id, pe.full_name as person_name, pe.name_latin as person_latin
from opportunities op
join sopp on sopp.id = op.id
join members m on m.id = op.owner_member_id
left join organisations o on o.id = op.organisation_id and ${visible("o")}
left join people pe on pe.id = op.person_id and ${visible("pe")}
order by op.land_on nulls last, lower(op.title), op.id
limit 50`;

const ALUMNI = `
select p.id as person_id, p.full_name, p.name_latin, p.job_title, pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin,
  u.id as university_id, u.name as university_name, u.name_latin as university_latin, t.degree, t.subject, t.graduation_year,
  p.owner_member_id, m.name as member_name
from alumni_ties t
join people p on p.id = t.person_id and ${visible("p")} and p.archived_at is null
join organisations u on u.id = t.university_id and ${visible("u")}
join places pl on pl.id = p.place_id
join members m on m.id = p.owner_member_id
where p.place_id in (select place_id from scope)
order by lower(u.name), lower(p.full_name), t.graduation_year nulls last, t.id
limit 50`;

const INVESTORS = `
select ip.id, ip.investor_type::text as investor_type, ip.sectors, ip.ticket_min_gbp::float8 as ticket_min_gbp, ip.ticket_max_gbp::float8 as ticket_max_gbp,
  ip.stages, ip.owner_member_id, m.name as member_name,
  case when p.id is not null then 'Person' else 'Organisation' end as subject_type,
  coalesce(p.id, o.id) as subject_id, coalesce(p.full_name, o.name) as subject_name, coalesce(p.name_latin, o.name_latin) as subject_latin,
  pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin
from investor_profiles ip
left join people p on p.id = ip.person_id and ${visible("p")} and p.archived_at is null
left join organisations o on o.id = ip.organisation_id and ${visible("o")} and o.archived_at is null
join places pl on pl.id = coalesce(p.place_id, o.place_id)
join members m on m.id = ip.owner_member_id
where ip.id in (
    select x.id from investor_profiles x join people xp on xp.id = x.person_id where xp.place_id in (select place_id from scope)
    union select x.id from investor_profiles x join organisations xo on xo.id = x.organisation_id where xo.place_id in (select place_id from scope))
  and ${visible("ip")} and ip.archived_at is null and (p.id is not null or o.id is not null) and pl.id in (select place_id from scope)
order by ip.ticket_max_gbp desc nulls last, lower(coalesce(p.full_name, o.name)), ip.id
limit 50`;

const PRIORITIES = `
with sectors as (
  select lower(x) as sector from organisations o cross join unnest(o.sectors) x
    where o.place_id in (select place_id from scope) and ${visible("o")} and o.archived_at is null
  union select lower(op.sector) from opportunities op join sopp on sopp.id = op.id where op.sector is not null
  union select lower(x) from vi cross join unnest(vi.themes) x)
select pr.id, pr.name, pr.scope::text as scope, pr.country_code::text as country_code, pr.sector, pr.weight, pr.description, pr.owner_member_id,
  m.name as member_name
from priorities pr
join members m on m.id = pr.owner_member_id
where ${visible("pr")} and pr.archived_at is null and (
  pr.country_code in (select d.country_code from dest d) or (pr.country_code is null and lower(pr.sector) in (select sector from sectors)))
order by (pr.scope = 'NATIONAL') desc, pr.weight desc, lower(pr.name), pr.id
limit 50`;

const TRAVEL = `
with ours as (
  select $1::uuid as visit_id, (select title from trip) as title, (select from_on from trip) as starts_on, (select to_on from trip) as ends_on,
    pl.id as place_id, pl.country_code
  from places pl where pl.id in (select id from dest)),
theirs as (
  select v.id, ${visible("v")} as vis, v.owner_member_id, v.lead_member_id, v.title, v.starts_on, v.ends_on, d.place_id, pl.country_code
  from visits v join visit_destinations d on d.visit_id = v.id join places pl on pl.id = d.place_id
  where v.archived_at is null and v.status <> 'CANCELLED' and v.owner_member_id <> (select us from trip)
    and v.ends_on >= (select min(starts_on) from ours) - 14 and v.starts_on <= (select max(ends_on) from ours) + 14),
pairs as (
  select distinct on (o.visit_id, t.id)
    o.visit_id as our_visit_id, o.title as our_title, o.starts_on as our_starts, o.ends_on as our_ends, t.*,
    (t.place_id = o.place_id) as same_city, o.place_id as our_place_id, o.country_code as our_country
  from ours o
  join theirs t on t.id is distinct from o.visit_id and t.starts_on <= o.ends_on + 14 and t.ends_on >= o.starts_on - 14
    and (t.place_id = o.place_id or t.country_code = o.country_code)
  order by o.visit_id, t.id, (t.place_id = o.place_id) desc, o.place_id)
select p.our_visit_id, p.our_title, p.our_starts::text as our_from, p.our_ends::text as our_to,
  case when p.vis then p.id end as their_visit_id, case when p.vis then p.title end as their_title,
  case when p.vis then p.starts_on::text end as their_from, case when p.vis then p.ends_on::text end as their_to,
  p.same_city, sp.id as place_id, sp.name as place_name, sp.name_latin as place_name_latin,
  p.our_country::text as country_code, cn.id as country_id, cn.name as country_name,
  (select json_agg(json_build_object('id', m.id, 'name', m.name) order by lower(m.name), m.id) from members m
    where m.id = p.owner_member_id
       or (p.vis and (m.id = p.lead_member_id or m.id in (select vm.member_id from visit_members vm where vm.visit_id = p.id)))) as members
from pairs p
join places sp on sp.id = p.our_place_id
left join lateral (select c.id, c.name from places c where c.kind = 'COUNTRY' and c.country_code = p.our_country order by c.created_at, c.id limit 1) cn on true
order by p.our_starts, p.our_title, p.starts_on, p.same_city desc
limit 50`;

const window = "i.archived_at is null and i.occurred_at >= (select contacts_from from trip) and i.occurred_at < (select until from trip) + 1";
const CONTACTS = `
with contacts as (
  select 'Organisation'::text as subject_type, io.organisation_id as subject_id, i.owner_member_id as member_id, i.occurred_at, ${visible("i")} as vis
  from interaction_organisations io
  join interactions i on i.id = io.interaction_id
  join organisations s on s.id = io.organisation_id and ${visible("s")} and s.archived_at is null
  where ${window} and s.place_id in (select sc.place_id from scope sc)
  union all
  select 'Person'::text, ip.person_id, i.owner_member_id, i.occurred_at, ${visible("i")}
  from interaction_people ip
  join interactions i on i.id = ip.interaction_id
  join people s on s.id = ip.person_id and ${visible("s")} and s.archived_at is null
  where ${window} and s.place_id in (select sc.place_id from scope sc)),
shared as (
  select c.subject_type, c.subject_id, c.member_id, max(c.occurred_at) filter (where c.vis) as last_visible
  from contacts c
  where exists (select 1 from contacts d where d.subject_id = c.subject_id and d.member_id <> c.member_id
                  and d.occurred_at between c.occurred_at - interval '30 days' and c.occurred_at + interval '30 days')
  group by c.subject_type, c.subject_id, c.member_id)
select sh.subject_type, sh.subject_id, coalesce(o.name, p.full_name) as name, coalesce(o.name_latin, p.name_latin) as name_latin,
  json_agg(json_build_object('id', m.id, 'name', m.name, 'lastVisibleAt', ${iso("sh.last_visible")}) order by lower(m.name), m.id) as members,
  ${iso("max(sh.last_visible)")} as last_visible_at
from shared sh
join members m on m.id = sh.member_id
left join organisations o on sh.subject_type = 'Organisation' and o.id = sh.subject_id
left join people p on sh.subject_type = 'Person' and p.id = sh.subject_id
group by sh.subject_type, sh.subject_id, o.name, o.name_latin, p.full_name, p.name_latin
order by max(sh.last_visible) desc nulls last, 3, 2
limit 20`;

const section = (body: string) => `coalesce((select json_agg(to_json(x)) from (${body}) x), '[]')`;

export const PACK_SQL = `
with ${CTES}
select
  ${section(PARTNERSHIPS)} as partnerships,
  ${section(ORGANISATIONS)} as organisations,
  ${section(PEOPLE)} as people,
  ${section(INTERACTIONS)} as interactions,
  ${section(FOLLOW_UPS)} as follow_ups,
  ${section(OPPORTUNITIES)} as opportunities,
  ${section(ALUMNI)} as alumni,
  ${section(INVESTORS)} as investors,
  ${section(PRIORITIES)} as priorities,
  ${section(TRAVEL)} as travel,
  ${section(CONTACTS)} as contacts`;
