import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { coveredPlacesSql, partnershipActivity, scopeCte } from "../coordination/alerts.repository.js";
import { day, isoTime, uuidArray } from "../coordination/sql.js";

// The briefing's sections, one statement each whatever the number of
// destinations or records: every destination is covered at once through the
// `scope` CTE, nested lists come back as JSON, and every list is capped.
// Every record is filtered through the policy (visibleSql) in SQL; owner-only
// fields (email, phone) are never selected.

export interface BriefingScope {
  /** The destinations: each covers itself, a region's cities or a whole country. */
  placeIds: string[];
  /** The places they cover (resolved with the visit or place, see scopeCte). */
  covered: string[];
  /** The briefing's visit (its interactions and follow-ups belong to it wherever they took place). */
  visitId: string | null;
  /** Interactions from this day count as recent (24 months before the trip). */
  since: string;
  /** Today, for current affiliations. */
  today: string;
  /** Every interaction there or on the visit, visible or not (resolveScope). */
  interactions: string[];
  /** The ones the viewer can see since `since`, newest first (resolveScope). */
  recent: string[];
}

/**
 * The interactions a briefing is about, resolved once for every section (one
 * statement): every interaction at the places covered or on the visit, or with
 * an organisation or person the viewer can see based there; and of those, the
 * visible, live ones since `since`, newest first. The sections get them as
 * arrays: computed in each section instead, this union ran five times per
 * briefing, and its size was guessed (thousands for a quiet city) so the
 * planner scanned whole tables.
 */
export async function resolveScope(
  db: Db,
  viewer: Viewer,
  s: Omit<BriefingScope, "today" | "interactions" | "recent">,
): Promise<{ interactions: string[]; recent: string[] }> {
  const [row] = await queryRows<{ interactions: string[]; recent: string[] }>(
    db,
    sql`with ${scopeCte(s.placeIds, s.covered)},
    si as (
      select i.id from interactions i where i.place_id in (select place_id from scope)
      union select i.id from interactions i where i.visit_id = ${s.visitId}::uuid
      union select io.interaction_id from interaction_organisations io
        join organisations o on o.id = io.organisation_id and ${visibleSql(viewer, "o")}
        where o.place_id in (select place_id from scope)
      union select ip.interaction_id from interaction_people ip
        join people p on p.id = ip.person_id and ${visibleSql(viewer, "p")}
        where p.place_id in (select place_id from scope)
    )
    select array(select id from si) as interactions,
      array(select i.id from interactions i join si on si.id = i.id
            where ${visibleSql(viewer, "i")} and i.archived_at is null and i.occurred_at >= ${day(s.since)}
            order by i.occurred_at desc, i.id desc) as recent`,
  );
  return { interactions: row?.interactions ?? [], recent: row?.recent ?? [] };
}

/**
 * The CTEs every section may use (PostgreSQL skips the ones a statement does not read):
 * scope(place_id); sp: partnerships with a party there; sopp: visible open
 * opportunities there; and when asked for, vi: the visible, recent interactions. Those
 * are tens of thousands of ids in a busy city: a statement that does not read them
 * should not send and parse them (sections that need the scope's interactions take
 * s.interactions or s.recent as one array, where the planner sees its size).
 */
export function briefingCtes(viewer: Viewer, s: BriefingScope, uses: { vi?: boolean } = {}): SQL {
  // In vi, archived_at repeats resolveScope's test so the covering index (id) applies.
  return sql`with ${scopeCte(s.placeIds, s.covered)},
    ${uses.vi ? sql`vi as (select i.* from interactions i where i.id = any(${uuidArray(s.recent)}) and i.archived_at is null),` : sql``}
    sp as (
      select distinct q.partnership_id as id from partnership_parties q
      left join organisations o on o.id = q.organisation_id and ${visibleSql(viewer, "o")}
      where coalesce(q.place_id, o.place_id) in (select place_id from scope)
    ),
    -- From the places in scope to their organisations' and people's opportunities (not
    -- every open opportunity to its place): the cost follows the destination, not the table.
    sopp as (
      select op.id from opportunities op
      join organisations o on o.id = op.organisation_id and ${visibleSql(viewer, "o")}
      where o.place_id in (select place_id from scope)
        and ${visibleSql(viewer, "op")} and op.archived_at is null and op.stage in ('PROSPECT', 'ACTIVE', 'VERIFY_WIN')
      union
      select op.id from opportunities op
      join people pe on pe.id = op.person_id and ${visibleSql(viewer, "pe")}
      where pe.place_id in (select place_id from scope)
        and ${visibleSql(viewer, "op")} and op.archived_at is null and op.stage in ('PROSPECT', 'ACTIVE', 'VERIFY_WIN')
    )`;
}

/** A place with its country's name, as JSON: { id, name, nameLatin, kind, countryCode, country }. */
const placeJson = (alias: string) => {
  const p = sql.identifier(alias);
  return sql`json_build_object('id', ${p}.id, 'name', ${p}.name, 'nameLatin', ${p}.name_latin, 'kind', ${p}.kind,
    'countryCode', ${p}.country_code,
    'country', (select c.name from places c where c.kind = 'COUNTRY' and c.country_code = ${p}.country_code order by c.created_at, c.id limit 1))`;
};

export interface VisitRowJson {
  id: string;
  title: string;
  direction: "OUTBOUND" | "INBOUND";
  status: "PLANNED" | "CONFIRMED" | "COMPLETED" | "CANCELLED";
  starts_on: string;
  ends_on: string;
  objectives: string | null;
  visibility: "PRIVATE" | "NETWORK";
  lead_member_id: string;
  lead_name: string;
  owner_member_id: string;
  owner_name: string;
  destinations: unknown;
  participants: unknown;
  /** The places the destinations cover. */
  covered: string[];
}

/** The visit, if visible, with its destinations (itinerary order) and members. */
export function findVisit(db: Db, viewer: Viewer, visitId: string) {
  return queryRows<VisitRowJson>(
    db,
    sql`select v.id, v.title, v.direction::text, v.status::text, v.starts_on::text, v.ends_on::text, v.objectives, v.visibility::text,
        v.lead_member_id, lm.name as lead_name, v.owner_member_id, om.name as owner_name,
        coalesce((select json_agg(${placeJson("pl")} order by d.position, pl.id)
                  from visit_destinations d join places pl on pl.id = d.place_id where d.visit_id = v.id), '[]') as destinations,
        coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by lower(m.name), m.id)
                  from visit_members vm join members m on m.id = vm.member_id where vm.visit_id = v.id), '[]') as participants,
        ${coveredPlacesSql(sql`array(select d.place_id from visit_destinations d where d.visit_id = v.id)`)} as covered
      from visits v
      join members lm on lm.id = v.lead_member_id
      join members om on om.id = v.owner_member_id
      where v.id = ${visitId} and ${visibleSql(viewer, "v")}`,
  );
}

/** A place (public reference data) with its country's name, and the places it covers. */
export function findPlace(db: Db, placeId: string) {
  return queryRows<{ place: unknown; covered: string[] }>(
    db,
    sql`select ${placeJson("pl")} as place, ${coveredPlacesSql(sql`array[pl.id]`)} as covered from places pl where pl.id = ${placeId}`,
  );
}

export interface PartnershipRowJson {
  id: string;
  name: string;
  kind: string;
  status: string;
  signed_on: string | null;
  renewal_due_on: string | null;
  themes: string[];
  description: string | null;
  owner_member_id: string;
  owner_name: string;
  lead_member_id: string | null;
  lead_name: string | null;
  last_at: string | null;
  recent: number;
  parties: unknown;
}

export function partnerships(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<PartnershipRowJson>(
    db,
    sql`${briefingCtes(viewer, s)}
      select p.id, p.name, p.kind::text, p.status::text, p.signed_on::text, p.renewal_due_on::text, p.themes, p.description,
        p.owner_member_id, om.name as owner_name, p.lead_member_id, lm.name as lead_name, act.last_at, coalesce(act.recent, 0) as recent,
        coalesce((
          select json_agg(json_build_object('side', q.side, 'type', case when q.place_id is null then 'Organisation' else 'Place' end,
                   'id', coalesce(q.place_id, q.organisation_id), 'name', coalesce(pl.name, o.name), 'nameLatin', coalesce(pl.name_latin, o.name_latin))
                 order by q.side, lower(coalesce(pl.name, o.name)), q.id)
          from partnership_parties q
          left join places pl on pl.id = q.place_id
          left join organisations o on o.id = q.organisation_id and ${visibleSql(viewer, "o")}
          where q.partnership_id = p.id and (pl.id is not null or o.id is not null)), '[]') as parties
      from partnerships p
      join sp on sp.id = p.id
      join members om on om.id = p.owner_member_id
      left join members lm on lm.id = p.lead_member_id
      ${partnershipActivity(viewer, s.since)}
      where ${visibleSql(viewer, "p")} and p.archived_at is null
      order by case p.status when 'ACTIVE' then 0 when 'PROPOSED' then 1 when 'DORMANT' then 2 else 3 end, lower(p.name), p.id
      limit 50`,
  );
}

export interface OrganisationRowJson {
  id: string;
  name: string;
  name_latin: string | null;
  kind: string;
  sectors: string[];
  website: string | null;
  description: string | null;
  place_id: string;
  place_name: string;
  place_latin: string | null;
  owner_member_id: string;
  owner_name: string;
  partner: boolean;
  recent: number;
  last_at: string | null;
}

/** Visible organisations there, the most engaged (then partners) first. */
export function organisations(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<OrganisationRowJson>(
    db,
    sql`${briefingCtes(viewer, s)},
      -- The recent visible interactions with each organisation listed. Every interaction
      -- with a visible organisation there is in scope (resolveScope), so this starts from
      -- the organisations (their links, by the covering indexes) and not from the scope's
      -- recent interactions, which a busy city counts in tens of thousands.
      act as (
        select io.organisation_id, count(*)::int as n, max(i.occurred_at) as last_at
        from organisations o
        join interaction_organisations io on io.organisation_id = o.id
        join interactions i on i.id = io.interaction_id
        where o.place_id in (select place_id from scope) and ${visibleSql(viewer, "o")} and o.archived_at is null
          and ${visibleSql(viewer, "i")} and i.archived_at is null and i.occurred_at >= ${day(s.since)}
        group by io.organisation_id
      )
      select o.id, o.name, o.name_latin, o.kind::text, o.sectors, o.website, o.description,
        pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin, o.owner_member_id, m.name as owner_name,
        exists (select 1 from partnership_parties q join partnerships pt on pt.id = q.partnership_id
                where q.organisation_id = o.id and ${visibleSql(viewer, "pt")} and pt.archived_at is null) as partner,
        coalesce(a.n, 0) as recent, ${isoTime(sql`a.last_at`)} as last_at
      from organisations o
      join places pl on pl.id = o.place_id
      join members m on m.id = o.owner_member_id
      left join act a on a.organisation_id = o.id
      where o.place_id in (select place_id from scope) and ${visibleSql(viewer, "o")} and o.archived_at is null
      order by recent desc, partner desc, lower(o.name), o.id
      limit 30`,
  );
}

export interface PersonRowJson {
  id: string;
  full_name: string;
  name_latin: string | null;
  job_title: string | null;
  bio: string | null;
  languages: string[];
  sectors: string[];
  place_id: string | null;
  place_name: string | null;
  place_latin: string | null;
  owner_member_id: string;
  owner_name: string;
  last_at: string | null;
  known_by: unknown;
  affiliations: unknown;
}

/**
 * Key people: visible people there, with a current affiliation there, or met
 * there recently; the most met first. Who knows them comes from the visible
 * interactions only.
 */
export function people(db: Db, viewer: Viewer, s: BriefingScope) {
  const current = sql`(a.ended_on is null or a.ended_on >= ${day(s.today)})`;
  return queryRows<PersonRowJson>(
    db,
    sql`${briefingCtes(viewer, s)},
      cand as (
        select p.id from people p where p.place_id in (select place_id from scope)
        union select a.person_id from affiliations a join organisations o on o.id = a.organisation_id and ${visibleSql(viewer, "o")}
          where o.place_id in (select place_id from scope) and ${current}
        -- By the links' primary key: the recent ids are the visible, live ones already.
        union select ip.person_id from interaction_people ip where ip.interaction_id = any(${uuidArray(s.recent)})
      ),
      -- How often the viewer may have seen each candidate met, from the read model
      -- (migration 0014) instead of their whole history. visibleSql's rule (the viewer's
      -- member's own, or NETWORK), split into disjoint parts of one row each: every
      -- member's NETWORK interactions, plus the viewer's member's PRIVATE ones.
      tot as (
        select c.id as person_id, coalesce(t.network_interactions, 0) + coalesce(own.interactions, 0) as total,
          greatest(t.network_last_at, own.last_at) as last_at
        from cand c
        left join person_interaction_totals t on t.person_id = c.id
        left join person_interaction_stats own
          on own.person_id = c.id and own.owner_member_id = ${viewer.memberId} and own.visibility = 'PRIVATE'
      ),
      ranked as (
        select p.id, p.full_name, p.name_latin, p.job_title, p.bio, p.languages, p.sectors, p.place_id, p.owner_member_id,
          tot.total, tot.last_at
        from people p join tot on tot.person_id = p.id
        where ${visibleSql(viewer, "p")} and p.archived_at is null
        order by total desc, last_at desc nulls last, lower(p.full_name), p.id
        limit 30
      ),
      -- Who knows them: per owner member, the interactions the viewer may see (the policy
      -- over the read model's owner and visibility), for the 30 people shown.
      met as (
        select s.person_id, s.owner_member_id, sum(s.interactions)::int as n, max(s.last_at) as last_at
        from person_interaction_stats s
        where s.person_id in (select id from ranked) and ${visibleSql(viewer, "s")}
        group by s.person_id, s.owner_member_id
      ),
      kb as (
        select met.person_id,
          json_agg(json_build_object('id', m.id, 'name', m.name, 'interactions', met.n, 'lastMetAt', ${isoTime(sql`met.last_at`)})
            order by met.last_at desc, lower(m.name)) as known_by
        from met join members m on m.id = met.owner_member_id
        group by met.person_id
      )
      select r.id, r.full_name, r.name_latin, r.job_title, r.bio, r.languages, r.sectors,
        pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin, r.owner_member_id, om.name as owner_name,
        ${isoTime(sql`r.last_at`)} as last_at,
        coalesce(kb.known_by, '[]') as known_by,
        coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'nameLatin', o.name_latin, 'role', a.role, 'current', ${current})
                    order by ${current} desc, a.started_on desc nulls last, lower(o.name), a.id)
                  from affiliations a join organisations o on o.id = a.organisation_id and ${visibleSql(viewer, "o")} and o.archived_at is null
                  where a.person_id = r.id), '[]') as affiliations
      from ranked r
      left join kb on kb.person_id = r.id
      left join places pl on pl.id = r.place_id
      join members om on om.id = r.owner_member_id
      order by r.total desc, r.last_at desc nulls last, lower(r.full_name), r.id`,
  );
}
