import { GENERATED_PASSWORD } from "../../seeds/generate/index.js";
import type { BenchSql } from "../lib/sql.js";
import type { BenchViewer } from "./types.js";

// Realistic ids, picked from the loaded database before the server starts
// (PGlite allows one process at a time). Every pick is deterministic: sampled
// by a hash of the id and the bench seed, not by random(), so two runs on the
// same data drive the same requests.

export interface ViewerFixtures {
  viewer: BenchViewer;
  /** People this viewer can see, with a current visible affiliation when they have one. */
  people: { id: string; organisationId: string | null }[];
  /** Active colleagues (internal attendees). */
  colleagues: string[];
}

export interface AlumniSeedRow {
  sectors: string[];
  investor_type: string;
  ticket_min_gbp: number | null;
  ticket_max_gbp: number | null;
  country_code: string | null;
  university_id: string;
  graduation_year: number | null;
}

export interface Fixtures {
  viewers: ViewerFixtures[];
  cities: string[];
  countries: string[];
  alumni: AlumniSeedRow[];
  searchWords: { surnames: string[]; fullNames: string[]; organisationWords: string[]; cities: string[]; sectors: string[] };
  /**
   * NETWORK visits (any viewer sees them), by recent activity where they go: the busiest
   * visits to cities, the busiest to whole countries (a country covers every place in it),
   * and the quietest.
   */
  visits: { busy: string[]; country: string[]; quiet: string[] };
  /** NETWORK people who took part in interactions: half sampled by activity, half uniformly. */
  persons: string[];
}

const SALT = "entente-bench";

export async function pickFixtures(sql: BenchSql, viewerCount = 12): Promise<Fixtures> {
  // One editor per member, members spread over kinds (universities, councils, envoys…).
  const viewerRows = await sql.query<{ user_id: string; member_id: string; member_kind: string; email: string }>(
    `with one as (
       select distinct on (m.id) u.id as user_id, m.id as member_id, m.kind::text as member_kind, u.email
       from members m join users u on u.member_id = m.id
       where u.role = 'EDITOR' and u.disabled_at is null and m.archived_at is null
       order by m.id, u.email)
     select user_id, member_id, member_kind, email
     from (select one.*, row_number() over (partition by member_kind order by member_id) as k from one) x
     order by k, member_kind, member_id
     limit $1`,
    [viewerCount],
  );
  if (viewerRows.length === 0) throw new Error("fixtures: the database has no active editors (is the dataset loaded?)");

  const viewers: ViewerFixtures[] = [];
  for (const v of viewerRows) {
    const people = await sql.query<{ id: string; organisation_id: string | null }>(
      `select p.id,
         (select a.organisation_id from affiliations a join organisations o on o.id = a.organisation_id
          where a.person_id = p.id and (a.ended_on is null or a.ended_on >= current_date) and o.archived_at is null
            and (o.owner_member_id = $1 or o.visibility = 'NETWORK')
          order by a.organisation_id limit 1) as organisation_id
       from people p
       where p.archived_at is null and (p.owner_member_id = $1 or p.visibility = 'NETWORK')
       order by md5(p.id::text || $2) limit 300`,
      [v.member_id, SALT],
    );
    const colleagues = await sql.query<{ id: string }>(
      `select id from users where member_id = $1 and id <> $2 and disabled_at is null order by id limit 5`,
      [v.member_id, v.user_id],
    );
    viewers.push({
      viewer: { userId: v.user_id, memberId: v.member_id, memberKind: v.member_kind, email: v.email, token: "" },
      people: people.map((p) => ({ id: p.id, organisationId: p.organisation_id })),
      colleagues: colleagues.map((c) => c.id),
    });
  }

  const cities = (await sql.query<{ id: string }>(`select id from places where kind = 'CITY' and archived_at is null order by md5(id::text || $1) limit 200`, [SALT])).map((r) => r.id);
  const countries = (
    await sql.query<{ country_code: string }>(
      `select pl.country_code::text as country_code from people p join places pl on pl.id = p.place_id
       group by pl.country_code order by count(*) desc limit 40`,
    )
  ).map((r) => r.country_code.trim());

  const alumni = await sql.query<AlumniSeedRow>(
    `select ip.sectors, ip.investor_type::text as investor_type, ip.ticket_min_gbp::float8 as ticket_min_gbp,
       ip.ticket_max_gbp::float8 as ticket_max_gbp, trim(pl.country_code::text) as country_code, t.university_id, t.graduation_year
     from alumni_ties t
     join people p on p.id = t.person_id and p.archived_at is null and p.visibility = 'NETWORK'
     join investor_profiles ip on ip.person_id = p.id and ip.archived_at is null and ip.visibility = 'NETWORK'
     join organisations u on u.id = t.university_id and u.visibility = 'NETWORK'
     left join places pl on pl.id = p.place_id
     order by md5(t.id::text || $1) limit 120`,
    [SALT],
  );

  const people = await sql.query<{ full_name: string; name_latin: string | null }>(
    `select full_name, name_latin from people where visibility = 'NETWORK' and archived_at is null order by md5(id::text || $1) limit 80`,
    [SALT],
  );
  const organisations = await sql.query<{ name: string }>(
    `select name from organisations where visibility = 'NETWORK' and archived_at is null order by md5(id::text || $1) limit 60`,
    [SALT],
  );
  const cityNames = await sql.query<{ name: string }>(
    `select name from places where kind = 'CITY' order by md5(id::text || $1) limit 40`,
    [SALT],
  );
  const sectors = await sql.query<{ sector: string }>(`select distinct unnest(sectors) as sector from investor_profiles order by 1`);

  const visitActivity = await sql.query<{ id: string; activity: number; country: boolean }>(
    `with vd as (
       select v.id, d.place_id, pl.kind, pl.country_code
       from visits v join visit_destinations d on d.visit_id = v.id join places pl on pl.id = d.place_id
       where v.archived_at is null and v.visibility = 'NETWORK'),
     per_place as (
       select place_id, count(*) as n from interactions
       where place_id is not null and occurred_at >= now() - interval '36 months' group by place_id),
     per_country as (select pl.country_code, sum(pp.n) as n from per_place pp join places pl on pl.id = pp.place_id group by pl.country_code)
     select vd.id, sum(case when vd.kind = 'COUNTRY' then coalesce(pc.n, 0) else coalesce(pp.n, 0) end)::int as activity,
       bool_or(vd.kind = 'COUNTRY') as country
     from vd left join per_place pp on pp.place_id = vd.place_id left join per_country pc on pc.country_code = vd.country_code
     group by vd.id order by activity desc, vd.id`,
  );
  // Ten of each: a briefing is the heaviest request (seconds for a busy country), and each
  // is checked once before measuring.
  const cityVisits = visitActivity.filter((v) => !v.country);
  const busy = cityVisits.slice(0, 10).map((v) => v.id);
  const country = visitActivity.filter((v) => v.country).slice(0, 10).map((v) => v.id);
  const quiet = cityVisits.slice(-10).map((v) => v.id);

  // By activity: a person met often is looked up often.
  const active = await sql.query<{ person_id: string }>(
    `select distinct ip.person_id from interaction_people ip tablesample system (2) repeatable (7)
     join people p on p.id = ip.person_id and p.archived_at is null and p.visibility = 'NETWORK'
     order by ip.person_id limit 100`,
  );
  const uniform = await sql.query<{ id: string }>(
    `select p.id from people p where p.archived_at is null and p.visibility = 'NETWORK'
       and exists (select 1 from interaction_people ip where ip.person_id = p.id)
     order by md5(p.id::text || $1) limit 100`,
    [SALT],
  );
  const persons = [...new Set(interleave(active.map((r) => r.person_id), uniform.map((r) => r.id)))];

  return {
    viewers,
    cities,
    countries,
    alumni,
    searchWords: {
      surnames: people.map((p) => lastWord(p.name_latin ?? p.full_name)).filter((w) => w.length >= 3),
      fullNames: people.slice(0, 20).map((p) => p.name_latin ?? p.full_name),
      organisationWords: organisations.map((o) => longestWord(o.name)).filter((w) => w.length >= 4),
      cities: cityNames.map((c) => c.name),
      sectors: sectors.map((s) => s.sector),
    },
    visits: { busy, country, quiet },
    persons,
  };
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

const words = (text: string) => text.split(/[^\p{L}\p{M}\p{N}'-]+/u).filter(Boolean);
const lastWord = (text: string) => words(text).at(-1) ?? text;
const longestWord = (text: string) =>
  words(text.replace(/\[.*?\]/g, "")).reduce((a, b) => ([...b].length > [...a].length ? b : a), "");

/** Signs every viewer in through the API (the real login mutation) and stores the tokens. */
export async function signIn(fixtures: Fixtures, serverUrl: string): Promise<void> {
  for (const v of fixtures.viewers) {
    const res = await fetch(`${serverUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }",
        variables: { email: v.viewer.email, password: GENERATED_PASSWORD },
      }),
    });
    const body = (await res.json()) as { data?: { login?: { accessToken?: string } }; errors?: { message: string }[] };
    const token = body.data?.login?.accessToken;
    if (!token) throw new Error(`sign-in as ${v.viewer.email} failed: ${body.errors?.[0]?.message ?? res.status}`);
    v.viewer.token = token;
  }
}
