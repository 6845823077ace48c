import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { day } from "./sql.js";

// Engagement against priorities: one aggregate statement per kind of record
// (interactions, visits, opportunities), counting only records the viewer can
// see. Each statement returns, per dimension (a priority, a market, a sector),
// one row per member and one network-wide row (member_id null, each record once).

export interface PriorityRow {
  id: string;
  name: string;
  scope: "NATIONAL" | "MEMBER";
  country_code: string | null;
  sector: string | null;
  weight: number;
  owner_member_id: string;
  owner_name: string;
  country_name: string | null;
}

export function visiblePriorities(db: Db, viewer: Viewer) {
  return queryRows<PriorityRow>(
    db,
    sql`select pr.id, pr.name, pr.scope::text, pr.country_code::text, pr.sector, pr.weight, pr.owner_member_id, m.name as owner_name,
               (select c.name from places c where c.kind = 'COUNTRY' and c.country_code = pr.country_code order by c.created_at, c.id limit 1) as country_name
        from priorities pr join members m on m.id = pr.owner_member_id
        where ${visibleSql(viewer, "pr")} and pr.archived_at is null
        order by (pr.scope = 'NATIONAL') desc, pr.weight desc, lower(pr.name), pr.id`,
  );
}

export type Dimension = "PRIORITY" | "MARKET" | "SECTOR";

export interface EngagementRow {
  dim: Dimension;
  key: string;
  member_id: string | null;
  member_name: string | null;
  country_name: string | null;
  n: number;
  value: number;
  jobs: number;
}

/**
 * `facts` is a CTE of (id, member_id, countries text[], sectors text[], value, jobs):
 * one row per record and member it counts for, sectors lower-cased.
 */
function dimensions(viewer: Viewer, facts: SQL): SQL {
  return sql`with pr as (
      select pr.id, pr.country_code::text as country_code, lower(pr.sector) as sector
      from priorities pr where ${visibleSql(viewer, "pr")} and pr.archived_at is null
    ),
    known_sectors as (
      select sector from pr where sector is not null
      union select lower(op.sector) from opportunities op
        where ${visibleSql(viewer, "op")} and op.archived_at is null and op.sector is not null
    ),
    facts as (${facts}),
    one as (select distinct on (id) id, value, jobs from facts order by id),
    dims as (
      select 'PRIORITY'::text as dim, pr.id::text as key, f.member_id, f.id
      from pr join facts f on (pr.country_code is null or pr.country_code = any(f.countries))
                          and (pr.sector is null or pr.sector = any(f.sectors))
      union all
      select 'MARKET', c, f.member_id, f.id from facts f cross join unnest(f.countries) c
      union all
      select 'SECTOR', s, f.member_id, f.id from facts f cross join unnest(f.sectors) s where s in (select sector from known_sectors)
    ),
    totals as (
      select d.dim, d.key, d.member_id, count(distinct d.id)::int as n,
             coalesce(sum(one.value), 0)::float8 as value, coalesce(sum(one.jobs), 0)::int as jobs
      from (select distinct dim, key, member_id, id from dims) d join one on one.id = d.id
      group by grouping sets ((d.dim, d.key, d.member_id), (d.dim, d.key))
    )
    select t.dim, t.key, t.member_id, m.name as member_name,
           case when t.dim = 'MARKET' then (select c.name from places c where c.kind = 'COUNTRY' and c.country_code = t.key
                                             order by c.created_at, c.id limit 1) end as country_name,
           t.n, t.value, t.jobs
    from totals t left join members m on m.id = t.member_id`;
}

const period = (from: string, to: string) => ({ from: day(from), to: day(to) });

export function interactionEngagement(db: Db, viewer: Viewer, from: string, to: string) {
  const p = period(from, to);
  return queryRows<EngagementRow>(
    db,
    dimensions(
      viewer,
      sql`select i.id, i.owner_member_id as member_id, array_remove(array[pl.country_code::text], null) as countries,
          array(select lower(t) from unnest(i.themes) t
                union select lower(s) from interaction_organisations io
                  join organisations o on o.id = io.organisation_id and ${visibleSql(viewer, "o")}
                  cross join unnest(o.sectors) s where io.interaction_id = i.id) as sectors,
          0::bigint as value, 0 as jobs
        from interactions i left join places pl on pl.id = i.place_id
        where ${visibleSql(viewer, "i")} and i.archived_at is null and i.occurred_at >= ${p.from} and i.occurred_at < ${p.to} + 1`,
    ),
  );
}

/** Visits count for their lead member and each participating member. */
export function visitEngagement(db: Db, viewer: Viewer, from: string, to: string) {
  const p = period(from, to);
  return queryRows<EngagementRow>(
    db,
    dimensions(
      viewer,
      sql`select v.id, vm.member_id,
          array(select distinct pl.country_code::text from visit_destinations d join places pl on pl.id = d.place_id where d.visit_id = v.id) as countries,
          array(select distinct lower(t) from interactions i cross join unnest(i.themes) t
                where i.visit_id = v.id and ${visibleSql(viewer, "i")} and i.archived_at is null) as sectors,
          0::bigint as value, 0 as jobs
        from visits v
        cross join lateral (select v.lead_member_id as member_id union select m.member_id from visit_members m where m.visit_id = v.id) vm
        where ${visibleSql(viewer, "v")} and v.archived_at is null and v.status <> 'CANCELLED'
          and v.ends_on >= ${p.from} and v.starts_on <= ${p.to}`,
    ),
  );
}

/** Opportunities created or expected to land in the period; their market is a visible organisation's or person's. */
export function opportunityEngagement(db: Db, viewer: Viewer, from: string, to: string) {
  const p = period(from, to);
  return queryRows<EngagementRow>(
    db,
    dimensions(
      viewer,
      sql`select op.id, op.owner_member_id as member_id,
          array(select distinct pl.country_code::text from places pl where pl.id in (
            select o.place_id from organisations o where o.id = op.organisation_id and ${visibleSql(viewer, "o")}
            union select pe.place_id from people pe where pe.id = op.person_id and ${visibleSql(viewer, "pe")})) as countries,
          array(select lower(op.sector) where op.sector is not null
                union select lower(s) from organisations o cross join unnest(o.sectors) s
                  where o.id = op.organisation_id and ${visibleSql(viewer, "o")}) as sectors,
          coalesce(op.capital_value_gbp, 0) as value, coalesce(op.jobs, 0) as jobs
        from opportunities op
        where ${visibleSql(viewer, "op")} and op.archived_at is null
          and ((op.created_at >= ${p.from} and op.created_at < ${p.to} + 1) or op.land_on between ${p.from} and ${p.to})`,
    ),
  );
}
