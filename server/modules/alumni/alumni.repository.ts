import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { type SearchText, fuzzyCte, matchingIds, queryCte } from "../search/text-query.js";

// alumniInvestors in one statement: the universities, the alumni among the
// people the viewer can see, their investor profiles that pass the filters
// (their own, and those of investor organisations they currently work for),
// what the viewer can see of their interactions, the score, one page (keyset on
// score, id), the records as JSON and the total count.
//
// Score (0–100) = 100 × (0.6 × fit + 0.4 × warmth), rounded to 2 decimals:
//   fit    = weighted mean of the criteria that apply —
//            sector  (weight 0.5, when there are target sectors): share of the target sectors
//                    (the filter's, else the national and your member's priority sectors)
//                    that the matching profiles invest in;
//            ticket  (weight 0.25, when the filter has a ticket range): 1 when the investor's
//                    range lies inside the range asked for, 0.5 when it only overlaps;
//            market  (weight 0.25): 1 when the person is based in a priority market
//                    (a national priority, or one of your member's, with a country), else 0;
//   warmth = the larger of e^(−days/180) since your member's latest interaction with the person
//            and 0.6 × e^(−days/180) since anyone's latest interaction you can see; 0 with none.
// Only records the viewer can see count: private records of other members never
// change who matches, the scores or the total.

export const INVESTOR_TYPES = [
  "ANGEL",
  "VENTURE_CAPITAL",
  "PRIVATE_EQUITY",
  "CORPORATE",
  "SOVEREIGN_WEALTH",
  "FAMILY_OFFICE",
  "INSTITUTIONAL",
  "OTHER",
] as const;
export type InvestorType = (typeof INVESTOR_TYPES)[number];

export interface AlumniFilter {
  /** An organisation id; null: any member university. */
  universityId: string | null;
  countryCodes: string[];
  placeId: string | null;
  sectors: string[];
  investorTypes: InvestorType[];
  ticketMinGbp: number | null;
  ticketMaxGbp: number | null;
  graduationYearFrom: number | null;
  graduationYearTo: number | null;
  text: SearchText | null;
}

export interface AlumniCursor {
  score: string;
  id: string;
}

export interface AlumniRow {
  total: number;
  id: string | null;
  score: string | null;
  fit: number | null;
  warmth: number | null;
  country_code: string | null;
  market_name: string | null;
  types: string[] | null;
  all_sectors: string[] | null;
  matched_sectors: string[] | null;
  target_count: number | null;
  tmin: number | null;
  tmax: number | null;
  via: string[] | null;
  last_at: string | Date | null;
  last_own_at: string | Date | null;
  last_member_id: string | null;
  recent_count: number | null;
  person: unknown;
  ties: unknown;
  profiles: unknown;
  known_by: unknown;
}

/** A sector as a padded list of folded words: " health and life sciences ". Containment of these is word-aligned. */
function sectorKey(value: SQL): SQL {
  return sql`(' ' || trim(regexp_replace(lower(public.immutable_unaccent(${value})), '[^[:alnum:]]+', ' ', 'g')) || ' ')`;
}
const sectorMatches = (sector: SQL, key: SQL) => sql`${sectorKey(sector)} like '%' || ${key} || '%'`;

/**
 * CTE body: the organisations that are a member university's own record. Computed
 * once: tested row by row (`root.id in (o.id, o.parent_id)`) it compared every
 * university with every member's record, 0.15 s on the L dataset.
 */
function memberRootsSql(): SQL {
  return sql`select root.id from organisations root join members m on m.id = root.owner_member_id
    where root.kind = 'UNIVERSITY' and m.kind = 'UNIVERSITY' and m.archived_at is null
      and (lower(root.name) = lower(m.name) or lower(root.website) = lower(m.website))`;
}

/**
 * CTE body: the universities searched (id, name) — the one asked for, or every member
 * university's own record and its campuses. The two halves are index lookups (by id, by
 * parent_id) joined in a union: one OR over both kept the planner to a scan of every
 * organisation, estimated at a thousand universities instead of twenty, which in turn
 * made it scan every person rather than look up the few thousand alumni.
 */
function unisSql(viewer: Viewer, universityId: string | null): SQL {
  const live = sql`o.kind = 'UNIVERSITY' and o.archived_at is null and ${visibleSql(viewer, "o")}`;
  if (universityId) return sql`select o.id, o.name from organisations o where o.id = ${universityId} and ${live}`;
  return sql`select o.id, o.name from member_roots r join organisations o on o.id = r.id where ${live}
    union
    select o.id, o.name from member_roots r join organisations o on o.parent_id = r.id where ${live}`;
}

/** National priorities and the viewer's member's own, that the viewer can see. */
function prioritiesSql(viewer: Viewer): SQL {
  return sql`pr.archived_at is null and ${visibleSql(viewer, "pr")} and (pr.scope = 'NATIONAL' or pr.owner_member_id = ${viewer.memberId})`;
}

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`}::text[]`;

/** One page of results (size + 1 rows) plus the total; a row with a null id when the page is empty. */
export function alumniPage(db: Db, viewer: Viewer, f: AlumniFilter, size: number, after: AlumniCursor | null): Promise<AlumniRow[]> {
  return queryRows<AlumniRow>(db, alumniPageSql(viewer, f, size, after));
}

/** The statement behind alumniPage (exported for EXPLAIN in benchmarks). */
export function alumniPageSql(viewer: Viewer, f: AlumniFilter, size: number, after: AlumniCursor | null): SQL {
  const me = viewer.memberId;
  const ticketFilter = f.ticketMinGbp !== null || f.ticketMaxGbp !== null;

  const targets =
    f.sectors.length > 0
      ? sql`select distinct ${sectorKey(sql`s`)} as key from unnest(${textArray(f.sectors)}) s`
      : sql`select distinct ${sectorKey(sql`pr.sector`)} as key from priorities pr where pr.sector is not null and ${prioritiesSql(viewer)}`;

  const graduation: SQL[] = [];
  if (f.graduationYearFrom !== null) graduation.push(sql`and t.graduation_year >= ${f.graduationYearFrom}`);
  if (f.graduationYearTo !== null) graduation.push(sql`and t.graduation_year <= ${f.graduationYearTo}`);

  const person: SQL[] = [];
  if (f.countryCodes.length) person.push(sql`and pl.country_code::text = any(${textArray(f.countryCodes)})`);
  if (f.placeId) {
    person.push(sql`and p.place_id in (select c1.id from places c1 left join places c2 on c2.id = c1.parent_id
      where ${f.placeId} in (c1.id, c1.parent_id, c2.parent_id))`);
  }
  if (f.text) person.push(sql`and p.id in ${matchingIds("people", "Person")}`);

  const livePerson = sql`p.archived_at is null and ${visibleSql(viewer, "p")}`;

  const profile: SQL[] = [];
  if (f.investorTypes.length) profile.push(sql`and f.investor_type = any(${textArray(f.investorTypes)})`);
  if (ticketFilter) profile.push(sql`and num_nonnulls(f.ticket_min_gbp, f.ticket_max_gbp) > 0`);
  if (f.ticketMinGbp !== null) profile.push(sql`and (f.ticket_max_gbp is null or f.ticket_max_gbp >= ${f.ticketMinGbp})`);
  if (f.ticketMaxGbp !== null) profile.push(sql`and (f.ticket_min_gbp is null or f.ticket_min_gbp <= ${f.ticketMaxGbp})`);
  if (f.sectors.length) profile.push(sql`and f.sectors && (select coalesce(array_agg(h.sector), '{}') from hit_sectors h)`);

  const ticketInside = sql`((${f.ticketMinGbp}::bigint is null or (b.tmin is not null and b.tmin >= ${f.ticketMinGbp}::bigint))
    and (${f.ticketMaxGbp}::bigint is null or (b.tmax is not null and b.tmax <= ${f.ticketMaxGbp}::bigint)))`;
  const keyset = after ? sql`where (s.score, s.id) < (${after.score}::numeric, ${after.id}::uuid)` : sql``;
  const text = f.text;

  return sql`with
    ${text ? sql`q as (${queryCte(text)}), fz as (${fuzzyCte(text, ["Person"])}),` : sql``}
    targets as (${targets}),
    target_count as (select count(*)::int as n from targets),
    ${f.universityId ? sql`` : sql`member_roots as (${memberRootsSql()}),`}
    markets as (
      select pr.country_code, (array_agg(pr.name order by pr.weight desc, pr.name))[1] as name
      from priorities pr where pr.country_code is not null and ${prioritiesSql(viewer)}
      group by pr.country_code),
    unis as (${unisSql(viewer, f.universityId)}),
    -- Only who the alumni are here; their ties become JSON for the page's 20 alone (below):
    -- building it for every alumnus of every member university cost a third of the statement.
    ties as (
      select distinct t.person_id
      from alumni_ties t join unis u on u.id = t.university_id
      where true ${sql.join(graduation, sql` `)}),
    -- Whose investor profiles to read. With a filter on the person (where they are, text),
    -- the people that pass it, found through that filter's index; without one, every
    -- alumnus, before anything of the person is read: the profile filters leave a few
    -- hundred of several thousand alumni, and only theirs are looked up in people (cand,
    -- below), where a lookup per alumnus cost a third of the statement.
    alumni as (${
      person.length
        ? sql`select p.id as person_id from people p join ties on ties.person_id = p.id left join places pl on pl.id = p.place_id
            where ${livePerson} ${sql.join(person, sql` `)}`
        : sql`select ties.person_id from ties`
    }),
    profiles as (
      select t.person_id, ip.id as profile_id, ip.owner_member_id, ip.investor_type::text as investor_type, ip.sectors,
             ip.ticket_min_gbp, ip.ticket_max_gbp, null::text as via
      from alumni t join investor_profiles ip on ip.person_id = t.person_id
      where ip.archived_at is null and ${visibleSql(viewer, "ip")}
      union all
      select t.person_id, ip.id, ip.owner_member_id, ip.investor_type::text, ip.sectors, ip.ticket_min_gbp, ip.ticket_max_gbp, o.name
      from alumni t
      join affiliations af on af.person_id = t.person_id and (af.ended_on is null or af.ended_on >= current_date)
      join organisations o on o.id = af.organisation_id and o.archived_at is null and ${visibleSql(viewer, "o")}
      join investor_profiles ip on ip.organisation_id = o.id
      where ip.archived_at is null and ${visibleSql(viewer, "ip")}),
    -- Which target each sector of these profiles matches, worked out once per distinct sector
    -- (about twenty): matching it per profile and per person (accent folding and a
    -- regular expression each time) cost a tenth of the statement.
    sector_hits as (
      select x.sector, tg.key
      from (select distinct s as sector from profiles f, unnest(f.sectors) s) x join targets tg on ${sectorMatches(sql`x.sector`, sql`tg.key`)}),
    hit_sectors as (select distinct h.sector from sector_hits h),
    matching as (select * from profiles f where true ${sql.join(profile, sql` `)}),
    -- The people behind the matching profiles (any person filter was applied in alumni).
    cand as (
      select p.id, p.owner_member_id, pl.country_code
      from people p left join places pl on pl.id = p.place_id
      where p.id in (select f.person_id from matching f) and ${livePerson}),
    -- One row per person, carrying everything later steps need, so no step joins two CTEs.
    pf as (
      select f.person_id as id, c.owner_member_id as person_owner, c.country_code,
        array_agg(distinct f.investor_type order by f.investor_type) as types,
        min(f.ticket_min_gbp) as tmin, max(f.ticket_max_gbp) as tmax,
        coalesce(array_agg(distinct f.via order by f.via) filter (where f.via is not null), '{}') as via,
        jsonb_agg(distinct to_jsonb(ipr)) as profiles,
        array_agg(distinct f.owner_member_id) as owners,
        coalesce(array_agg(distinct s.sector order by s.sector) filter (where s.sector is not null), '{}') as all_sectors
      -- The profiles' JSON for those people alone, not for every alumnus's.
      from matching f join cand c on c.id = f.person_id join investor_profiles ipr on ipr.id = f.profile_id
      left join lateral unnest(f.sectors) as s(sector) on true
      group by f.person_id, c.owner_member_id, c.country_code),
    -- Materialised: the steps below read matched_targets several times, and an inlined
    -- step would run its subqueries once per reference.
    base as materialized (
      select pf.*, mk.name as market_name,
        coalesce(array(select s from unnest(pf.all_sectors) s where s in (select h.sector from hit_sectors h) order by s), '{}') as matched_sectors,
        (select count(distinct h.key) from sector_hits h where h.sector = any(pf.all_sectors))::int as matched_targets,
        ct.last_at, ct.last_own_at, ct.last_member_id, coalesce(ct.recent_count, 0) as recent_count,
        array(select distinct x from unnest(pf.owners || coalesce(ct.members, '{}'::uuid[]) || pf.person_owner) x) as known_ids
      from pf
      left join markets mk on mk.country_code = pf.country_code
      -- What the viewer can see of the interactions with the person (through the person index).
      left join lateral (
        select max(i.occurred_at) as last_at,
          max(i.occurred_at) filter (where i.owner_member_id = ${me}) as last_own_at,
          (array_agg(i.owner_member_id order by i.occurred_at desc, i.id desc))[1] as last_member_id,
          (count(*) filter (where i.occurred_at >= now() - interval '365 days'))::int as recent_count,
          array_agg(distinct i.owner_member_id) as members
        from interaction_people ipp join interactions i on i.id = ipp.interaction_id
        where ipp.person_id = pf.id and i.archived_at is null and ${visibleSql(viewer, "i")}) ct on true),
    weighted as (
      select b.*,
        tc.n as target_count,
        case when tc.n > 0 then 0.5 else 0 end as w_sector,
        ${ticketFilter ? sql`0.25` : sql`0`}::numeric as w_ticket,
        case when tc.n > 0 then b.matched_targets::numeric / tc.n else 0 end as sector_fit,
        case when ${ticketInside} then 1 else 0.5 end as ticket_fit,
        case when b.market_name is not null then 1 else 0 end as market_fit,
        greatest(
          case when b.last_own_at is null then 0 else exp(-greatest(current_date - b.last_own_at::date, 0) / 180.0) end,
          case when b.last_at is null then 0 else 0.6 * exp(-greatest(current_date - b.last_at::date, 0) / 180.0) end) as warmth_raw
      from base b cross join target_count tc),
    scored as (
      select w.*,
        round(((w.w_sector * w.sector_fit + w.w_ticket * w.ticket_fit + 0.25 * w.market_fit) / (w.w_sector + w.w_ticket + 0.25))::numeric, 4) as fit,
        round(w.warmth_raw::numeric, 4) as warmth
      from weighted w),
    ranked as (select sc.*, round(100 * (0.6 * sc.fit + 0.4 * sc.warmth), 2) as score from scored sc),
    page as (select * from ranked s ${keyset} order by s.score desc, s.id desc limit ${size + 1})
    select c.total, page.id, page.score::text as score, page.fit::float8 as fit, page.warmth::float8 as warmth,
      page.country_code, page.market_name, page.types, page.all_sectors, page.matched_sectors,
      page.target_count, page.tmin::float8 as tmin, page.tmax::float8 as tmax, page.via, page.last_at, page.last_own_at, page.last_member_id, page.recent_count,
      (select to_jsonb(p) - '{search_vector,search_names}'::text[] from people p where p.id = page.id) as person,
      (select jsonb_agg(to_jsonb(t) || jsonb_build_object('university_name', u.name) order by t.graduation_year nulls last, t.id)
        from alumni_ties t join unis u on u.id = t.university_id
        where t.person_id = page.id ${sql.join(graduation, sql` `)}) as ties,
      page.profiles,
      (select jsonb_agg(to_jsonb(m) order by m.name, m.id) from members m where m.id = any(page.known_ids)) as known_by
    from (select count(*)::int as total from ranked) c left join page on true
    order by page.score desc nulls last, page.id desc`;
}
