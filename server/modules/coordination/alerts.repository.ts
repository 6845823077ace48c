import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { day, isoTime, uuidArray } from "./sql.js";

// Coordination signals, one bounded statement each. Every record that is
// described is filtered through the policy here; records the viewer cannot see
// only ever contribute the name of their owner member (and nothing else).

/** "Our" side of a travel check: visits of a member, or the dates and places of one trip. */
export type OurTrips =
  | { kind: "member"; memberId: string; today: string }
  | { kind: "trip"; visitId: string | null; title: string; from: string; to: string; placeIds: string[] };

export interface TravelRow {
  our_visit_id: string | null;
  our_title: string;
  our_from: string;
  our_to: string;
  /** Null unless the viewer can see the other visit (then also its title and dates). */
  their_visit_id: string | null;
  their_title: string | null;
  their_from: string | null;
  their_to: string | null;
  same_city: boolean;
  place_id: string;
  place_name: string;
  place_name_latin: string | null;
  country_code: string;
  /** The country's place record, when there is one. */
  country_id: string | null;
  country_name: string | null;
  /** The other visit's members; only its owner member when the viewer cannot see it. */
  members: unknown;
}

function oursCte(viewer: Viewer, ours: OurTrips): SQL {
  if (ours.kind === "trip") {
    return sql`select ${ours.visitId}::uuid as visit_id, ${ours.title}::text as title, ${day(ours.from)} as starts_on,
        ${day(ours.to)} as ends_on, pl.id as place_id, pl.country_code
      from places pl where pl.id = any(${uuidArray(ours.placeIds)})`;
  }
  return sql`select v.id as visit_id, v.title, v.starts_on, v.ends_on, d.place_id, pl.country_code
    from visits v
    join visit_destinations d on d.visit_id = v.id
    join places pl on pl.id = d.place_id
    where ${visibleSql(viewer, "v")} and v.archived_at is null and v.status <> 'CANCELLED' and v.ends_on >= ${day(ours.today)}
      and (v.owner_member_id = ${ours.memberId} or v.lead_member_id = ${ours.memberId}
           or exists (select 1 from visit_members vm where vm.visit_id = v.id and vm.member_id = ${ours.memberId}))`;
}

/**
 * Other members' visits within 14 days of ours to the same city or country
 * (one row per pair of visits, the most specific shared place). `usMemberId`'s
 * own visits are not "other".
 */
export function travelOverlaps(db: Db, viewer: Viewer, ours: OurTrips, usMemberId: string, limit: number) {
  return queryRows<TravelRow>(
    db,
    sql`with ours as (${oursCte(viewer, ours)}),
    theirs as (
      select v.id, ${visibleSql(viewer, "v")} as vis, v.owner_member_id, v.lead_member_id, v.title, v.starts_on, v.ends_on,
             d.place_id, pl.country_code
      from visits v
      join visit_destinations d on d.visit_id = v.id
      join places pl on pl.id = d.place_id
      where v.archived_at is null and v.status <> 'CANCELLED' and v.owner_member_id <> ${usMemberId}
        and v.ends_on >= (select min(starts_on) from ours) - 14 and v.starts_on <= (select max(ends_on) from ours) + 14
    ),
    pairs as (
      select distinct on (o.visit_id, t.id)
             o.visit_id as our_visit_id, o.title as our_title, o.starts_on as our_starts, o.ends_on as our_ends, t.*,
             (t.place_id = o.place_id) as same_city, o.place_id as our_place_id, o.country_code as our_country
      from ours o
      join theirs t on t.id is distinct from o.visit_id
        and t.starts_on <= o.ends_on + 14 and t.ends_on >= o.starts_on - 14
        and (t.place_id = o.place_id or t.country_code = o.country_code)
      order by o.visit_id, t.id, (t.place_id = o.place_id) desc, o.place_id
    )
    select p.our_visit_id, p.our_title, p.our_starts::text as our_from, p.our_ends::text as our_to,
           case when p.vis then p.id end as their_visit_id,
           case when p.vis then p.title end as their_title,
           case when p.vis then p.starts_on::text end as their_from,
           case when p.vis then p.ends_on::text end as their_to,
           p.same_city, sp.id as place_id, sp.name as place_name, sp.name_latin as place_name_latin,
           p.our_country::text as country_code, cn.id as country_id, cn.name as country_name,
           (select json_agg(json_build_object('id', m.id, 'name', m.name) order by lower(m.name), m.id) from members m
             where m.id = p.owner_member_id
                or (p.vis and (m.id = p.lead_member_id or m.id in (select vm.member_id from visit_members vm where vm.visit_id = p.id)))) as members
    from pairs p
    join places sp on sp.id = p.our_place_id
    left join lateral (
      select c.id, c.name from places c where c.kind = 'COUNTRY' and c.country_code = p.our_country order by c.created_at, c.id limit 1
    ) cn on true
    order by p.our_starts, p.our_title, p.starts_on, p.same_city desc
    limit ${limit}`,
  );
}

/** Which contacts a shared-contact check looks at. */
export type ContactScope =
  | { kind: "member"; memberId: string }
  | { kind: "places"; placeIds: string[]; covered?: string[] };

export interface SharedContactRow {
  subject_type: "Organisation" | "Person";
  subject_id: string;
  name: string;
  name_latin: string | null;
  /** [{ id, name, lastVisibleAt }]: lastVisibleAt only from interactions the viewer can see. */
  members: unknown;
  last_visible_at: string | null;
}

/**
 * Visible organisations and people that two or more members contacted within 30
 * days of each other, in [from, to]. For a member: only subjects it contacted itself.
 */
export function sharedContacts(db: Db, viewer: Viewer, scope: ContactScope, from: string, to: string, limit: number) {
  const window = sql`i.archived_at is null and i.occurred_at >= ${day(from)} and i.occurred_at < ${day(to)} + 1`;
  const subjectFilter = (alias: string, link: SQL, linkColumn: SQL) =>
    scope.kind === "places"
      ? sql`${sql.identifier(alias)}.place_id in (select sc.place_id from scope sc)`
      : sql`${sql.identifier(alias)}.id in (select ${linkColumn} from ${link} join interactions i on i.id = l2.interaction_id
            where i.owner_member_id = ${scope.memberId} and ${window})`;
  return queryRows<SharedContactRow>(
    db,
    sql`with ${scope.kind === "places" ? scopeCte(scope.placeIds, scope.covered) : scopeCte([])},
    contacts as (
      select 'Organisation'::text as subject_type, io.organisation_id as subject_id, i.owner_member_id as member_id, i.occurred_at,
             ${visibleSql(viewer, "i")} as vis, i.id as interaction_id
      from interaction_organisations io
      join interactions i on i.id = io.interaction_id
      join organisations s on s.id = io.organisation_id and ${visibleSql(viewer, "s")} and s.archived_at is null
      where ${window} and ${subjectFilter("s", sql`interaction_organisations l2`, sql`l2.organisation_id`)}
      union all
      select 'Person'::text, ip.person_id, i.owner_member_id, i.occurred_at, ${visibleSql(viewer, "i")}, i.id
      from interaction_people ip
      join interactions i on i.id = ip.interaction_id
      join people s on s.id = ip.person_id and ${visibleSql(viewer, "s")} and s.archived_at is null
      where ${window} and ${subjectFilter("s", sql`interaction_people l2`, sql`l2.person_id`)}
    ),
    -- A contact is shared when another member's contact with the subject falls within 30
    -- days of it. In each subject's contacts by time, the nearest other member's contacts
    -- are the end of the previous run of one member's contacts and the start of the next:
    -- three sorts instead of a self-join (which compared every pair, 50k contacts in a
    -- busy city) or a min/max over a 60-day frame (recomputed per row).
    -- (interaction_id makes the order total, so every window below sees the same one.)
    neighbours as (
      select c.*, lag(c.member_id) over w as prev_member, lag(c.occurred_at) over w as prev_at,
             lead(c.member_id) over w as next_member, lead(c.occurred_at) over w as next_at
      from contacts c
      window w as (partition by c.subject_id order by c.occurred_at, c.member_id, c.interaction_id)
    ),
    runs as (
      select n.*, count(*) filter (where n.prev_member is distinct from n.member_id)
               over (partition by n.subject_id order by n.occurred_at, n.member_id, n.interaction_id rows unbounded preceding) as run
      from neighbours n
    ),
    framed as (
      select r.*,
             max(r.prev_at) filter (where r.prev_member is distinct from r.member_id) over (partition by r.subject_id, r.run) as other_before,
             max(r.next_at) filter (where r.next_member is distinct from r.member_id) over (partition by r.subject_id, r.run) as other_after
      from runs r
    ),
    shared as (
      select c.subject_type, c.subject_id, c.member_id, max(c.occurred_at) filter (where c.vis) as last_visible
      from framed c
      where c.other_before >= c.occurred_at - interval '30 days' or c.other_after <= c.occurred_at + interval '30 days'
      group by c.subject_type, c.subject_id, c.member_id
    ),
    subjects as (
      select sh.subject_type, sh.subject_id,
             json_agg(json_build_object('id', m.id, 'name', m.name, 'lastVisibleAt', ${isoTime(sql`sh.last_visible`)}) order by lower(m.name), m.id) as members,
             max(sh.last_visible) as last_visible
      from shared sh
      join members m on m.id = sh.member_id
      group by sh.subject_type, sh.subject_id
      ${scope.kind === "member" ? sql`having bool_or(sh.member_id = ${scope.memberId})` : sql``}
    )
    select s.subject_type, s.subject_id, coalesce(o.name, p.full_name) as name, coalesce(o.name_latin, p.name_latin) as name_latin,
           s.members, ${isoTime(sql`s.last_visible`)} as last_visible_at
    from subjects s
    left join organisations o on s.subject_type = 'Organisation' and o.id = s.subject_id
    left join people p on s.subject_type = 'Person' and p.id = s.subject_id
    order by s.last_visible desc nulls last, 3, 2
    limit ${limit}`,
  );
}

/**
 * The places a set of destinations covers: each place itself, the cities of a
 * region, every place of a country (by country code). As the CTE `scope(place_id)`.
 * `covered`, when the caller resolved it already (coveredPlacesSql), is used as
 * is: the planner then knows how many places there are. Derived in the same
 * statement it guesses 14 whether it is 1 city or 42, and the guess decided
 * between index lookups and whole-table scans (a quiet briefing on the L dataset
 * took 3 s instead of 30 ms).
 */
export function scopeCte(placeIds: readonly string[], covered?: readonly string[]): SQL {
  const dest = sql`dest as (select d.id, d.kind, d.country_code from places d where d.id = any(${uuidArray(placeIds)}))`;
  if (covered) return sql`${dest}, scope as (select unnest(${uuidArray(covered)}) as place_id)`;
  return sql`${dest},
    scope as (
      select id as place_id from dest
      union select p.id from places p join dest d on d.kind = 'COUNTRY' and p.country_code = d.country_code
      union select p.id from places p join dest d on d.kind = 'REGION' and p.parent_id = d.id
    )`;
}

/** The ids of the places destinations cover (scopeCte's scope), as a uuid[] expression over `destinations` (uuid[]). */
export function coveredPlacesSql(destinations: SQL): SQL {
  return sql`array(
    select d.id from places d where d.id = any(${destinations})
    union select p.id from places p join places d on d.id = any(${destinations}) and d.kind = 'COUNTRY' and p.country_code = d.country_code
    union select p.id from places p join places d on d.id = any(${destinations}) and d.kind = 'REGION' and p.parent_id = d.id)`;
}

/**
 * A partnership's activity: the latest visible interaction with an international
 * party (an organisation party the viewer can see, or in a party place or its
 * cities), and how many since `since`. A lateral join over alias `p`.
 */
export function partnershipActivity(viewer: Viewer, since: string): SQL {
  return sql`left join lateral (
    select ${isoTime(sql`max(i.occurred_at)`)} as last_at, count(*) filter (where i.occurred_at >= ${day(since)})::int as recent
    from interactions i
    where i.archived_at is null and ${visibleSql(viewer, "i")} and i.id in (
      select io.interaction_id from partnership_parties q
        join organisations qo on qo.id = q.organisation_id and ${visibleSql(viewer, "qo")}
        join interaction_organisations io on io.organisation_id = q.organisation_id
        where q.partnership_id = p.id and q.side = 'INTERNATIONAL'
      union
      select i2.id from partnership_parties q join interactions i2 on i2.place_id = q.place_id
        where q.partnership_id = p.id and q.side = 'INTERNATIONAL'
      union
      select i3.id from partnership_parties q join places qc on qc.parent_id = q.place_id join interactions i3 on i3.place_id = qc.id
        where q.partnership_id = p.id and q.side = 'INTERNATIONAL'
    )
  ) act on true`;
}

export interface PartnershipSignalRow {
  id: string;
  name: string;
  status: string;
  signed_on: string | null;
  renewal_due_on: string | null;
  last_at: string | null;
  lead_member_id: string | null;
  owner_member_id: string;
  member_name: string;
}

/**
 * Partnerships a member leads (or owns, when no lead is named) that are dormant
 * (active, signed over 12 months ago, no visible interaction for 12 months), or
 * have an anniversary or a renewal in [today, today + 90 days].
 */
export function partnershipSignals(db: Db, viewer: Viewer, memberId: string, on: string, yearAgo: string, limit: number) {
  return queryRows<PartnershipSignalRow>(
    db,
    sql`select p.id, p.name, p.status::text, p.signed_on::text, p.renewal_due_on::text, act.last_at,
           p.lead_member_id, p.owner_member_id, m.name as member_name
    from partnerships p
    join members m on m.id = coalesce(p.lead_member_id, p.owner_member_id)
    ${partnershipActivity(viewer, yearAgo)}
    cross join lateral (
      select case when p.signed_on < ${day(on)}
        then (p.signed_on + make_interval(years => (extract(year from age(${day(on)} - 1, p.signed_on))::int + 1)))::date end as next_on
    ) ann
    where ${visibleSql(viewer, "p")} and p.archived_at is null and p.status <> 'ENDED'
      and coalesce(p.lead_member_id, p.owner_member_id) = ${memberId}
      and (
        (p.status = 'ACTIVE' and (p.signed_on is null or p.signed_on <= ${day(yearAgo)})
          and (act.last_at is null or act.last_at::timestamptz < ${day(yearAgo)}))
        or ann.next_on between ${day(on)} and ${day(on)} + 90
        or p.renewal_due_on between ${day(on)} and ${day(on)} + 90
      )
    order by lower(p.name), p.id
    limit ${limit}`,
  );
}

export interface OverdueRow {
  id: string;
  title: string;
  due_on: string;
  assignee: string | null;
  member_id: string;
  member_name: string;
}

/** A member's own open follow-ups past their due date, oldest first. */
export function overdueFollowUps(db: Db, memberId: string, on: string, limit: number) {
  return queryRows<OverdueRow>(
    db,
    sql`select f.id, f.title, f.due_on::text, u.name as assignee, m.id as member_id, m.name as member_name
    from follow_ups f
    join members m on m.id = f.owner_member_id
    left join users u on u.id = f.assignee_id and u.disabled_at is null
    where f.owner_member_id = ${memberId} and f.archived_at is null and f.status = 'OPEN' and f.due_on < ${day(on)}
    order by f.due_on, f.id
    limit ${limit}`,
  );
}
