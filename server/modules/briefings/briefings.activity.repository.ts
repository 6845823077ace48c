import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { isoTime, uuidArray } from "../coordination/sql.js";
import { type BriefingScope, briefingCtes } from "./briefings.repository.js";

// The briefing's activity sections: interactions, open follow-ups and
// opportunities, alumni, investors and priorities. One statement each, capped.

export interface InteractionRowJson {
  id: string;
  occurred_at: string;
  kind: string;
  channel: string;
  subject: string;
  notes: string | null;
  notes_sensitive: boolean;
  outcome: string | null;
  themes: string[];
  owner_member_id: string;
  visibility: "PRIVATE" | "NETWORK";
  member_name: string;
  logged_by: string | null;
  place_id: string | null;
  place_name: string | null;
  place_latin: string | null;
  on_visit: boolean;
  participants: unknown;
  organisations: unknown;
  total: number;
}

/**
 * Every member's visible interactions there (or on the visit) since `since`,
 * newest first, at most 100, with the total: the newest 100 of the scope's
 * recent interactions (resolveScope ordered them). Notes come with their
 * sensitivity flag: the service applies the policy before anything leaves the server.
 */
export function interactions(db: Db, viewer: Viewer, s: BriefingScope) {
  // A disabled account's name shows only to its own member's admins (as for user(id)).
  const adminOf = viewer.role === "ADMIN" ? viewer.memberId : null;
  return queryRows<InteractionRowJson>(
    db,
    sql`select vi.id, ${isoTime(sql`vi.occurred_at`)} as occurred_at, vi.kind::text, vi.channel::text, vi.subject, vi.notes, vi.notes_sensitive,
        vi.outcome, vi.themes, vi.owner_member_id, vi.visibility::text, m.name as member_name,
        case when u.disabled_at is null or u.member_id = ${adminOf}::uuid then u.name end as logged_by,
        pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin,
        (vi.visit_id is not distinct from ${s.visitId}::uuid and vi.visit_id is not null) as on_visit,
        coalesce((select json_agg(json_build_object('id', p.id, 'name', p.full_name, 'nameLatin', p.name_latin) order by lower(p.full_name), p.id)
                  from interaction_people ip join people p on p.id = ip.person_id and ${visibleSql(viewer, "p")}
                  where ip.interaction_id = vi.id), '[]') as participants,
        coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'nameLatin', o.name_latin) order by lower(o.name), o.id)
                  from interaction_organisations io join organisations o on o.id = io.organisation_id and ${visibleSql(viewer, "o")}
                  where io.interaction_id = vi.id), '[]') as organisations,
        ${s.recent.length}::int as total
      from interactions vi
      join members m on m.id = vi.owner_member_id
      left join users u on u.id = vi.created_by_id
      left join places pl on pl.id = vi.place_id
      where vi.id = any(${uuidArray(s.recent.slice(0, 100))})
      order by vi.occurred_at desc, vi.id desc`,
  );
}

export interface FollowUpRowJson {
  id: string;
  title: string;
  due_on: string | null;
  owner_member_id: string;
  member_name: string;
  assignee: string | null;
  about_type: "Interaction" | "Person" | "Organisation" | "Partnership" | "Visit" | "Opportunity" | null;
  about_id: string | null;
  about_name: string | null;
  about_latin: string | null;
}

/** Visible open follow-ups about a visible record there (or about the visit), soonest due first. */
export function followUps(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<FollowUpRowJson>(
    db,
    sql`${briefingCtes(viewer, s)},
      fc as (
        select f.id from follow_ups f where f.interaction_id = any(${uuidArray(s.interactions)})
        union select f.id from follow_ups f join people p on p.id = f.person_id and ${visibleSql(viewer, "p")}
          where p.place_id in (select place_id from scope)
        union select f.id from follow_ups f join organisations o on o.id = f.organisation_id and ${visibleSql(viewer, "o")}
          where o.place_id in (select place_id from scope)
        union select f.id from follow_ups f join sp on sp.id = f.partnership_id
        union select f.id from follow_ups f where f.visit_id = ${s.visitId}::uuid
        union select f.id from follow_ups f join visit_destinations d on d.visit_id = f.visit_id
          where d.place_id in (select place_id from scope)
        union select f.id from follow_ups f join sopp on sopp.id = f.opportunity_id
      ),
      -- The candidates first (a few hundred), then what each is about: planned the other way
      -- round, every open follow-up met its interaction before most were dropped.
      fo as materialized (
        select f.* from follow_ups f join fc on fc.id = f.id
        where ${visibleSql(viewer, "f")} and f.archived_at is null and f.status = 'OPEN'
      )
      select f.id, f.title, f.due_on::text, f.owner_member_id, m.name as member_name,
        case when u.disabled_at is null then u.name end as assignee,
        case when i.id is not null then 'Interaction' when p.id is not null then 'Person' when o.id is not null then 'Organisation'
             when pt.id is not null then 'Partnership' when v.id is not null then 'Visit' when op.id is not null then 'Opportunity' end as about_type,
        coalesce(i.id, p.id, o.id, pt.id, v.id, op.id) as about_id,
        coalesce(i.subject, p.full_name, o.name, pt.name, v.title, op.title) as about_name,
        coalesce(p.name_latin, o.name_latin) as about_latin
      from fo f
      join members m on m.id = f.owner_member_id
      left join users u on u.id = f.assignee_id
      left join interactions i on i.id = f.interaction_id and ${visibleSql(viewer, "i")} and i.archived_at is null
      left join people p on p.id = f.person_id and ${visibleSql(viewer, "p")}
      left join organisations o on o.id = f.organisation_id and ${visibleSql(viewer, "o")}
      left join partnerships pt on pt.id = f.partnership_id and ${visibleSql(viewer, "pt")}
      left join visits v on v.id = f.visit_id and ${visibleSql(viewer, "v")}
      left join opportunities op on op.id = f.opportunity_id and ${visibleSql(viewer, "op")}
      -- What it is about must be visible too: a hidden record cannot place a follow-up there.
      where coalesce(i.id, p.id, o.id, pt.id, v.id, op.id) is not null
      order by f.due_on nulls last, f.id
      limit 50`,
  );
}

export interface OpportunityRowJson {
  id: string;
  title: string;
  stage: string;
  sector: string | null;
  capital_value_gbp: number | null;
  jobs: number | null;
  likelihood: number | null;
  land_on: string | null;
  owner_member_id: string;
  member_name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_latin: string | null;
  person_id: string | null;
  person_name: string | null;
  person_latin: string | null;
}

/** Visible open opportunities with a visible organisation or person there. */
export function opportunities(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<OpportunityRowJson>(
    db,
    sql`${briefingCtes(viewer, s)}
      select op.id, op.title, op.stage::text, op.sector, op.capital_value_gbp::float8 as capital_value_gbp, op.jobs, op.likelihood,
        op.land_on::text, op.owner_member_id, m.name as member_name,
        o.id as organisation_id, o.name as organisation_name, o.name_latin as organisation_latin,
        pe.id as person_id, pe.full_name as person_name, pe.name_latin as person_latin
      from opportunities op
      join sopp on sopp.id = op.id
      join members m on m.id = op.owner_member_id
      left join organisations o on o.id = op.organisation_id and ${visibleSql(viewer, "o")}
      left join people pe on pe.id = op.person_id and ${visibleSql(viewer, "pe")}
      order by op.land_on nulls last, lower(op.title), op.id
      limit 50`,
  );
}

export interface AlumnusRowJson {
  person_id: string;
  full_name: string;
  name_latin: string | null;
  job_title: string | null;
  place_id: string;
  place_name: string;
  place_latin: string | null;
  university_id: string;
  university_name: string;
  university_latin: string | null;
  degree: string | null;
  subject: string | null;
  graduation_year: number | null;
  owner_member_id: string;
  member_name: string;
}

/** Visible alumni (of universities the viewer can see) based there. */
export function alumni(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<AlumnusRowJson>(
    db,
    sql`${briefingCtes(viewer, s)}
      select p.id as person_id, p.full_name, p.name_latin, p.job_title, pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin,
        u.id as university_id, u.name as university_name, u.name_latin as university_latin, t.degree, t.subject, t.graduation_year,
        p.owner_member_id, m.name as member_name
      from alumni_ties t
      join people p on p.id = t.person_id and ${visibleSql(viewer, "p")} and p.archived_at is null
      join organisations u on u.id = t.university_id and ${visibleSql(viewer, "u")}
      join places pl on pl.id = p.place_id
      join members m on m.id = p.owner_member_id
      where p.place_id in (select place_id from scope)
      order by lower(u.name), lower(p.full_name), t.graduation_year nulls last, t.id
      limit 50`,
  );
}

export interface InvestorRowJson {
  id: string;
  investor_type: string;
  sectors: string[];
  ticket_min_gbp: number | null;
  ticket_max_gbp: number | null;
  stages: string[];
  owner_member_id: string;
  member_name: string;
  subject_type: "Person" | "Organisation";
  subject_id: string;
  subject_name: string;
  subject_latin: string | null;
  place_id: string;
  place_name: string;
  place_latin: string | null;
}

/** Visible investor profiles whose (visible) person or organisation is based there, largest tickets first. */
export function investors(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<InvestorRowJson>(
    db,
    sql`${briefingCtes(viewer, s)},
      -- A profile has exactly one subject (investor_profiles_one_subject): reached from the
      -- people and organisations based there, not by joining every profile to its subject.
      here as (
        select ip.id from investor_profiles ip
        join people p on p.id = ip.person_id and ${visibleSql(viewer, "p")} and p.archived_at is null
        where p.place_id in (select place_id from scope)
        union
        select ip.id from investor_profiles ip
        join organisations o on o.id = ip.organisation_id and ${visibleSql(viewer, "o")} and o.archived_at is null
        where o.place_id in (select place_id from scope)
      )
      select ip.id, ip.investor_type::text, ip.sectors, ip.ticket_min_gbp::float8 as ticket_min_gbp, ip.ticket_max_gbp::float8 as ticket_max_gbp,
        ip.stages, ip.owner_member_id, m.name as member_name,
        case when p.id is not null then 'Person' else 'Organisation' end as subject_type,
        coalesce(p.id, o.id) as subject_id, coalesce(p.full_name, o.name) as subject_name, coalesce(p.name_latin, o.name_latin) as subject_latin,
        pl.id as place_id, pl.name as place_name, pl.name_latin as place_latin
      from investor_profiles ip
      left join people p on p.id = ip.person_id and ${visibleSql(viewer, "p")} and p.archived_at is null
      left join organisations o on o.id = ip.organisation_id and ${visibleSql(viewer, "o")} and o.archived_at is null
      join places pl on pl.id = coalesce(p.place_id, o.place_id)
      join members m on m.id = ip.owner_member_id
      where ip.id in (select id from here) and ${visibleSql(viewer, "ip")} and ip.archived_at is null and (p.id is not null or o.id is not null)
        and pl.id in (select place_id from scope)
      order by ip.ticket_max_gbp desc nulls last, lower(coalesce(p.full_name, o.name)), ip.id
      limit 50`,
  );
}

export interface PriorityRowJson {
  id: string;
  name: string;
  scope: "NATIONAL" | "MEMBER";
  country_code: string | null;
  sector: string | null;
  weight: number;
  description: string | null;
  owner_member_id: string;
  member_name: string;
}

/**
 * Visible priorities for the destinations' countries, and sector priorities for
 * sectors there (organisations, open opportunities, recent interaction themes).
 */
export function priorities(db: Db, viewer: Viewer, s: BriefingScope) {
  return queryRows<PriorityRowJson>(
    db,
    sql`${briefingCtes(viewer, s, { vi: true })},
      sectors as (
        select lower(x) as sector from organisations o cross join unnest(o.sectors) x
          where o.place_id in (select place_id from scope) and ${visibleSql(viewer, "o")} and o.archived_at is null
        union select lower(op.sector) from opportunities op join sopp on sopp.id = op.id where op.sector is not null
        union select lower(x) from vi cross join unnest(vi.themes) x
      )
      select pr.id, pr.name, pr.scope::text, pr.country_code::text, pr.sector, pr.weight, pr.description, pr.owner_member_id, m.name as member_name
      from priorities pr
      join members m on m.id = pr.owner_member_id
      where ${visibleSql(viewer, "pr")} and pr.archived_at is null and (
        pr.country_code in (select d.country_code from dest d)
        or (pr.country_code is null and lower(pr.sector) in (select sector from sectors))
      )
      order by (pr.scope = 'NATIONAL') desc, pr.weight desc, lower(pr.name), pr.id
      limit 50`,
  );
}
