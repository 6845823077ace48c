import { formatTicket } from "../../server/modules/alumni/alumni.service.js";
import { BadInput, type FloorViewer, type Queries, dbId, gid } from "./db.js";

// alumniInvestors by hand: one statement finds the alumni (of one university,
// or of any member university) whose own investor profile, or that of an
// investor organisation they work for now, passes the filter — all of it
// visible to the viewer — scores them (fit and warmth, as documented in the
// README), and returns one page with the total. The wording of fitReasons is
// built here from the row, as the app does.

const SQL = `
with
targets as (
  select distinct ' ' || trim(regexp_replace(lower(public.immutable_unaccent(s)), '[^[:alnum:]]+', ' ', 'g')) || ' ' as key
  from unnest(case when cardinality($2::text[]) > 0 then $2::text[] else array(
    select pr.sector from priorities pr
    where pr.sector is not null and pr.archived_at is null and (pr.owner_member_id = $1 or pr.visibility = 'NETWORK')
      and (pr.scope = 'NATIONAL' or pr.owner_member_id = $1)) end) s),
target_count as (select count(*)::int as n from targets),
markets as (
  select pr.country_code, (array_agg(pr.name order by pr.weight desc, pr.name))[1] as name
  from priorities pr
  where pr.country_code is not null and pr.archived_at is null and (pr.owner_member_id = $1 or pr.visibility = 'NETWORK')
    and (pr.scope = 'NATIONAL' or pr.owner_member_id = $1)
  group by pr.country_code),
member_roots as (
  select root.id from organisations root join members m on m.id = root.owner_member_id
  where root.kind = 'UNIVERSITY' and m.kind = 'UNIVERSITY' and m.archived_at is null
    and (lower(root.name) = lower(m.name) or lower(root.website) = lower(m.website))),
unis as (
  select o.id, o.name from organisations o
  where o.kind = 'UNIVERSITY' and o.archived_at is null and (o.owner_member_id = $1 or o.visibility = 'NETWORK')
    and case when $3::uuid is not null then o.id = $3::uuid
             else o.id in (select id from member_roots) or o.parent_id in (select id from member_roots) end),
ties as (
  select distinct t.person_id
  from alumni_ties t join unis u on u.id = t.university_id
  where ($8::int is null or t.graduation_year >= $8::int) and ($9::int is null or t.graduation_year <= $9::int)),
cand as (
  select p.id, p.owner_member_id, pl.country_code
  from people p join ties on ties.person_id = p.id left join places pl on pl.id = p.place_id
  where p.archived_at is null and (p.owner_member_id = $1 or p.visibility = 'NETWORK')
    and (cardinality($4::text[]) = 0 or pl.country_code::text = any($4::text[]))
    and ($10::uuid is null or p.place_id in (
      select c1.id from places c1 left join places c2 on c2.id = c1.parent_id where $10::uuid in (c1.id, c1.parent_id, c2.parent_id)))),
profiles as (
  select c.id as person_id, c.owner_member_id as person_owner, c.country_code, ip.id as profile_id, ip.owner_member_id,
    ip.investor_type::text as investor_type, ip.sectors, ip.ticket_min_gbp, ip.ticket_max_gbp, null::text as via
  from cand c join investor_profiles ip on ip.person_id = c.id
  where ip.archived_at is null and (ip.owner_member_id = $1 or ip.visibility = 'NETWORK')
  union all
  select c.id, c.owner_member_id, c.country_code, ip.id, ip.owner_member_id, ip.investor_type::text, ip.sectors,
    ip.ticket_min_gbp, ip.ticket_max_gbp, o.name
  from cand c
  join affiliations af on af.person_id = c.id and (af.ended_on is null or af.ended_on >= current_date)
  join organisations o on o.id = af.organisation_id and o.archived_at is null and (o.owner_member_id = $1 or o.visibility = 'NETWORK')
  join investor_profiles ip on ip.organisation_id = o.id
  where ip.archived_at is null and (ip.owner_member_id = $1 or ip.visibility = 'NETWORK')),
matching as (
  select * from profiles f
  where (cardinality($5::text[]) = 0 or f.investor_type = any($5::text[]))
    and (($6::bigint is null and $7::bigint is null) or num_nonnulls(f.ticket_min_gbp, f.ticket_max_gbp) > 0)
    and ($6::bigint is null or f.ticket_max_gbp is null or f.ticket_max_gbp >= $6::bigint)
    and ($7::bigint is null or f.ticket_min_gbp is null or f.ticket_min_gbp <= $7::bigint)
    and (cardinality($2::text[]) = 0 or exists (
      select 1 from unnest(f.sectors) s, targets tg
      where ' ' || trim(regexp_replace(lower(public.immutable_unaccent(s)), '[^[:alnum:]]+', ' ', 'g')) || ' ' like '%' || tg.key || '%'))),
per_person as (
  select f.person_id as id, f.person_owner, f.country_code,
    array_agg(distinct f.investor_type order by f.investor_type) as types,
    min(f.ticket_min_gbp) as tmin, max(f.ticket_max_gbp) as tmax,
    coalesce(array_agg(distinct f.via order by f.via) filter (where f.via is not null), '{}') as via,
    array_agg(distinct f.owner_member_id) as owners,
    coalesce(array_agg(distinct s.sector order by s.sector) filter (where s.sector is not null), '{}') as all_sectors
  from matching f left join lateral unnest(f.sectors) as s(sector) on true
  group by f.person_id, f.person_owner, f.country_code),
scored as materialized (
  select pp.*, mk.name as market_name, ct.last_at, ct.last_own_at, ct.last_member_id, coalesce(ct.recent_count, 0) as recent_count,
    coalesce(array(select s from unnest(pp.all_sectors) s where exists (select 1 from targets tg
      where ' ' || trim(regexp_replace(lower(public.immutable_unaccent(s)), '[^[:alnum:]]+', ' ', 'g')) || ' ' like '%' || tg.key || '%') order by s), '{}')
      as matched_sectors,
    (select count(*) from targets tg where exists (select 1 from unnest(pp.all_sectors) s
      where ' ' || trim(regexp_replace(lower(public.immutable_unaccent(s)), '[^[:alnum:]]+', ' ', 'g')) || ' ' like '%' || tg.key || '%'))::int as matched_targets,
    array(select distinct x from unnest(pp.owners || coalesce(ct.members, '{}'::uuid[]) || pp.person_owner) x) as known_ids
  from per_person pp
  left join markets mk on mk.country_code = pp.country_code
  left join lateral (
    select max(i.occurred_at) as last_at, max(i.occurred_at) filter (where i.owner_member_id = $1) as last_own_at,
      (array_agg(i.owner_member_id order by i.occurred_at desc, i.id desc))[1] as last_member_id,
      (count(*) filter (where i.occurred_at >= now() - interval '365 days'))::int as recent_count,
      array_agg(distinct i.owner_member_id) as members
    from interaction_people x join interactions i on i.id = x.interaction_id
    where x.person_id = pp.id and i.archived_at is null and (i.owner_member_id = $1 or i.visibility = 'NETWORK')) ct on true),
fitted as (
  select s.*,
    round(((case when tc.n > 0 then 0.5 * s.matched_targets::numeric / tc.n else 0 end
            + case when $6::bigint is null and $7::bigint is null then 0
                   when ($6::bigint is null or (s.tmin is not null and s.tmin >= $6::bigint)) and ($7::bigint is null or (s.tmax is not null and s.tmax <= $7::bigint)) then 0.25
                   else 0.125 end
            + case when s.market_name is not null then 0.25 else 0 end)
          / ((case when tc.n > 0 then 0.5 else 0 end) + (case when $6::bigint is null and $7::bigint is null then 0 else 0.25 end) + 0.25))::numeric, 4) as fit,
    round(greatest(
      case when s.last_own_at is null then 0 else exp(-greatest(current_date - s.last_own_at::date, 0) / 180.0) end,
      case when s.last_at is null then 0 else 0.6 * exp(-greatest(current_date - s.last_at::date, 0) / 180.0) end)::numeric, 4) as warmth
  from scored s, target_count tc),
ranked as (select f.*, round(100 * (0.6 * f.fit + 0.4 * f.warmth), 2) as score from fitted f),
page as (select * from ranked order by score desc, id desc limit $11)
select (select count(*) from ranked)::int as total,
  coalesce((select json_agg(json_build_object(
      'id', pg.id, 'score', pg.score, 'fit', pg.fit, 'warmth', pg.warmth, 'countryCode', trim(pg.country_code::text), 'marketName', pg.market_name,
      'types', pg.types, 'allSectors', pg.all_sectors, 'matchedSectors', pg.matched_sectors, 'tmin', pg.tmin, 'tmax', pg.tmax, 'via', pg.via,
      'lastAt', pg.last_at, 'lastOwnAt', pg.last_own_at, 'lastMemberId', pg.last_member_id, 'recentCount', pg.recent_count,
      'person', (select json_build_object('id', p.id, 'fullName', p.full_name, 'jobTitle', p.job_title) from people p where p.id = pg.id),
      'ties', (select jsonb_agg(jsonb_build_object('id', t.id, 'degree', t.degree, 'subject', t.subject, 'graduationYear', t.graduation_year,
                 'universityId', u.id, 'universityName', u.name) order by t.graduation_year nulls last, t.id)
               from alumni_ties t join unis u on u.id = t.university_id
               where t.person_id = pg.id and ($8::int is null or t.graduation_year >= $8::int) and ($9::int is null or t.graduation_year <= $9::int)),
      'knownBy', (select json_agg(json_build_object('id', m.id, 'name', m.name, 'shortName', m.short_name) order by m.name, m.id)
                  from members m where m.id = any(pg.known_ids)))
    order by pg.score desc, pg.id desc) from page pg), '[]') as nodes`;

interface Node {
  id: string;
  score: number;
  fit: number;
  warmth: number;
  countryCode: string | null;
  marketName: string | null;
  types: string[];
  allSectors: string[];
  matchedSectors: string[];
  tmin: number | null;
  tmax: number | null;
  via: string[];
  lastAt: string | null;
  lastOwnAt: string | null;
  lastMemberId: string | null;
  recentCount: number;
  person: { id: string; fullName: string; jobTitle: string | null };
  ties: { id: string; degree: string | null; subject: string | null; graduationYear: number | null; universityId: string; universityName: string }[];
  knownBy: { id: string; name: string; shortName: string | null }[];
}

interface Filter {
  sectors: string[];
  ticketMinGbp: number | null;
  ticketMaxGbp: number | null;
}

const day = (d: string) => new Date(d).toISOString().slice(0, 10);
const list = (value: unknown, field: string): string[] => {
  if (value == null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new BadInput(`${field} must be a list of strings`);
  return [...new Set((value as string[]).map((v) => v.trim()))];
};
const optionalNumber = (value: unknown, field: string): number | null => {
  if (value == null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new BadInput(`${field} must be a number`);
  return value;
};

/** fitReasons, worded as the API words them. */
function reasons(f: Filter, n: Node): string[] {
  const out: string[] = [];
  for (const t of n.ties) {
    const detail = [t.degree, t.subject].filter(Boolean).join(" ");
    const year = t.graduationYear ? `${detail ? ", " : ""}${t.graduationYear}` : "";
    out.push(`Alumni of ${t.universityName}${detail || year ? ` (${detail}${year})` : ""}`);
  }
  if (n.matchedSectors.length) {
    out.push(f.sectors.length ? `Invests in ${n.matchedSectors.join(", ")} (asked for ${f.sectors.join(", ")})` : `Invests in priority sectors: ${n.matchedSectors.join(", ")}`);
  } else if (n.allSectors.length) {
    out.push(`Invests in ${n.allSectors.join(", ")}`);
  }
  const ticket = formatTicket(n.tmin, n.tmax);
  const asked = formatTicket(f.ticketMinGbp, f.ticketMaxGbp);
  if (ticket) {
    const inside =
      (f.ticketMinGbp === null || (n.tmin !== null && n.tmin >= f.ticketMinGbp)) && (f.ticketMaxGbp === null || (n.tmax !== null && n.tmax <= f.ticketMaxGbp));
    out.push(asked ? `Ticket ${ticket} ${inside ? "within" : "overlaps"} ${asked}` : `Ticket ${ticket}`);
  } else {
    out.push("Ticket size not recorded");
  }
  if (n.via.length) out.push(`Invests through ${n.via.join(", ")}`);
  if (n.marketName !== null) out.push(`Based in a priority market: ${n.countryCode} (${n.marketName})`);
  else if (n.countryCode) out.push(`Based in ${n.countryCode}`);
  const names = new Map(n.knownBy.map((k) => [k.id, k.shortName ?? k.name]));
  if (n.lastOwnAt) out.push(`Your member last met them on ${day(n.lastOwnAt)}`);
  else if (n.lastAt) out.push(`Last contact on ${day(n.lastAt)} by ${names.get(n.lastMemberId ?? "") ?? "another member"}`);
  else out.push("No contact recorded yet");
  if (n.recentCount > 0) out.push(`${n.recentCount} interaction${n.recentCount === 1 ? "" : "s"} you can see in the last 12 months`);
  if (n.knownBy.length) out.push(`Known to ${n.knownBy.map((k) => k.shortName ?? k.name).join(", ")}`);
  return out;
}

const cursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");

export async function alumniInvestors(q: Queries, viewer: FloorViewer, body: Record<string, unknown>): Promise<unknown> {
  const f = (body.filter ?? {}) as Record<string, unknown>;
  if (f.query != null) throw new BadInput("filter.query: free text is not part of the floor's workload");
  const first = Math.min(typeof body.first === "number" ? body.first : 20, 100);
  const universityId = f.universityId == null ? null : dbId("Organisation", f.universityId);
  if (f.universityId != null && !universityId) throw new BadInput("filter.universityId must be the id of an Organisation");
  const placeId = f.placeId == null ? null : dbId("Place", f.placeId);
  const filter: Filter = {
    sectors: list(f.sectors, "filter.sectors"),
    ticketMinGbp: optionalNumber(f.ticketMinGbp, "filter.ticketMinGbp"),
    ticketMaxGbp: optionalNumber(f.ticketMaxGbp, "filter.ticketMaxGbp"),
  };
  const row = await q.one<{ total: number; nodes: Node[] }>(SQL, [
    viewer.memberId,
    filter.sectors,
    universityId,
    list(f.countryCodes, "filter.countryCodes").map((c) => c.toUpperCase()),
    list(f.investorTypes, "filter.investorTypes"),
    filter.ticketMinGbp,
    filter.ticketMaxGbp,
    optionalNumber(f.graduationYearFrom, "filter.graduationYearFrom"),
    optionalNumber(f.graduationYearTo, "filter.graduationYearTo"),
    placeId,
    first + 1,
  ]);
  const all = row!.nodes;
  const page = all.slice(0, first);
  const nodes = page.map((n) => ({
    score: Number(n.score),
    fit: Number(n.fit),
    warmth: Number(n.warmth),
    fitReasons: reasons(filter, n),
    matchedSectors: n.matchedSectors,
    sectors: n.allSectors,
    investorTypes: n.types,
    ticketMinGbp: n.tmin === null ? null : Number(n.tmin),
    ticketMaxGbp: n.tmax === null ? null : Number(n.tmax),
    countryCode: n.countryCode,
    priorityMarket: n.marketName !== null,
    lastContactAt: n.lastAt === null ? null : new Date(n.lastAt).toISOString(),
    recentInteractionCount: n.recentCount,
    knownBy: n.knownBy.map((k) => ({ ...k, id: gid("Member", k.id) })),
    alumniTies: n.ties.map((t) => ({
      id: gid("AlumniTie", t.id),
      degree: t.degree,
      subject: t.subject,
      graduationYear: t.graduationYear,
      university: { id: gid("Organisation", t.universityId), name: t.universityName },
    })),
    person: { ...n.person, id: gid("Person", n.person.id) },
  }));
  const last = page.at(-1);
  return {
    alumniInvestors: {
      totalCount: row!.total,
      pageInfo: { hasNextPage: all.length > first, endCursor: last ? cursor(String(last.score), last.id) : null },
      nodes,
    },
  };
}
