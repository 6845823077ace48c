import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { DEMO_PASSWORD, demoUsers } from "../../seeds/demo/accounts.js";
import { seedDemoIfEmpty } from "../../seeds/demo/index.js";
import { type TestServer, startTestServer } from "../support/server.js";

// The demo network loads (through the services, in one transaction) into a
// fresh database, every reference in it resolves, a second start does not load
// it again, and a new user signing in as the East Midlands mayor's office finds
// what the demo promises.

const LOAD_TIMEOUT = 300_000;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoIfEmpty(server.db);
}, LOAD_TIMEOUT);

afterAll(async () => {
  await server?.stop();
}, 60_000);

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(server.db, query);
  return Number(row?.n ?? 0);
}

describe("demo network: what it contains", () => {
  it("has the ten members, each with users of different roles", async () => {
    const rows = await queryRows<{ name: string; users: number | string; roles: number | string }>(
      server.db,
      sql`select m.name, count(u.id) as users, count(distinct u.role) as roles
          from members m join users u on u.member_id = m.id group by m.name order by m.name`,
    );
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "West Midlands Combined Authority",
        "East Midlands Combined County Authority",
        "Greater Manchester Combined Authority",
        "Derbyshire County Council",
        "University of Birmingham",
        "University of Nottingham",
        "Loughborough University",
        "Midlands Innovation",
        "DBT Midlands Trade Envoy Office",
        "Network Coordination Unit",
      ]),
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      expect(Number(r.users)).toBeGreaterThanOrEqual(2);
      expect(Number(r.roles)).toBeGreaterThanOrEqual(2);
    }
  });

  it("keeps the four demo sign-ins as they were", async () => {
    const rows = await queryRows<{ email: string; role: string; member: string }>(
      server.db,
      sql`select u.email, u.role, m.name as member from users u join members m on m.id = u.member_id
          where u.email in ('envoy@wmca.demo', 'intl@bham.demo', 'mayor.office@emca.demo', 'admin@entente.demo')
          order by u.email`,
    );
    expect(rows).toEqual([
      { email: "admin@entente.demo", role: "ADMIN", member: "Network Coordination Unit" },
      { email: "envoy@wmca.demo", role: "EDITOR", member: "West Midlands Combined Authority" },
      { email: "intl@bham.demo", role: "EDITOR", member: "University of Birmingham" },
      { email: "mayor.office@emca.demo", role: "EDITOR", member: "East Midlands Combined County Authority" },
    ]);
  });

  it("has every country, the English mayoral combined authority areas and located cities", async () => {
    expect(await count(sql`select count(*) as n from places where kind = 'COUNTRY'`)).toBeGreaterThanOrEqual(200);
    const regions = await queryRows<{ name: string }>(
      server.db,
      sql`select r.name from places r join places gb on gb.id = r.parent_id and gb.kind = 'COUNTRY' and gb.country_code = 'GB'
          where r.kind = 'REGION'`,
    );
    expect(regions.map((r) => r.name)).toEqual(
      expect.arrayContaining(["West Midlands", "East Midlands", "Greater Manchester", "Liverpool City Region", "West Yorkshire", "North East"]),
    );
    expect(await count(sql`select count(*) as n from places where kind = 'CITY'`)).toBeGreaterThanOrEqual(100);
    expect(await count(sql`select count(*) as n from places where latitude is null or longitude is null`)).toBe(0);
    expect(await count(sql`select count(*) as n from places where kind <> 'COUNTRY' and parent_id is null`)).toBe(0);
    // A place's parent is in the same country.
    expect(
      await count(sql`select count(*) as n from places c join places p on p.id = c.parent_id where p.country_code <> c.country_code`),
    ).toBe(0);
  });

  it("has the named partnerships with their signed dates and parties", async () => {
    const rows = await queryRows<{ name: string; signed_on: string | null; kind: string }>(
      server.db,
      sql`select name, signed_on::text as signed_on, kind from partnerships`,
    );
    const signed = new Map(rows.map((r) => [r.name, r.signed_on]));
    expect(signed.get("Toyota City Partnership")).toBe("1998-11-16");
    expect(signed.get("Birmingham–Chicago sister cities")).toBe("1993-01-01");
    expect(signed.get("Birmingham–Frankfurt partner cities")).toBe("1966-01-01");
    expect(signed.get("Manchester–Wuhan sister cities")).toBe("1986-01-01");
    expect(signed.get("Manchester–Chemnitz sister cities")).toBe("1983-01-01");
    expect(signed.get("Manchester–Los Angeles sister cities")).toBe("2009-01-01");
    expect(signed.get("Nottingham–Karlsruhe sister cities")).toBe("1969-01-01");
    expect(signed.get("Nottingham–Ningbo sister cities")).toBe("2005-01-01");
    expect(signed.get("Derby–Osnabrück sister cities")).toBe("1976-01-01");
    expect(signed.get("Derby–Hefei memorandum of understanding")).toBe("2016-01-01");
    expect(signed.get("Leeds–Lille partner cities")).toBe("1968-01-01");
    expect(signed.get("Leeds–Durban partner cities")).toBe("1998-01-01");
    expect(signed.get("Liverpool–Cologne sister cities")).toBe("1952-01-01");
    expect(signed.get("Bristol–Hannover sister cities")).toBe("1947-01-01");
    expect(signed.get("Bristol–Guangzhou sister cities")).toBe("2001-01-01");
    expect(signed.get("Leicester–Krefeld sister cities")).toBe("1969-05-14");
    expect(signed.get("Leicester–Chongqing sister cities")).toBe("1993-01-01");
    expect(signed.get("Greater Manchester–Osaka memorandum of understanding")).toBe("2023-12-04");
    expect(signed.has("Greater Manchester–Metropole Ruhr memorandum of understanding")).toBe(true);
    for (const name of ["Birmingham–Lyon", "Birmingham–Leipzig", "Birmingham–Milan", "Birmingham–Guangzhou", "Birmingham–Johannesburg", "Leeds–Dortmund", "Leeds–Hangzhou", "Leeds–Brno", "Liverpool–Dublin", "Liverpool–Shanghai", "Bristol–Bordeaux", "Bristol–Porto", "Leicester–Strasbourg", "Leicester–Rajkot"]) {
      expect(rows.some((r) => r.name.startsWith(name))).toBe(true);
    }

    const parties = await queryRows<{ side: string; party: string }>(
      server.db,
      sql`select pp.side, coalesce(o.name, pl.name_latin, pl.name) as party
          from partnership_parties pp join partnerships p on p.id = pp.partnership_id
          left join organisations o on o.id = pp.organisation_id left join places pl on pl.id = pp.place_id
          where p.name = 'Toyota City Partnership' order by pp.side, party`,
    );
    // The party_side enum puts the UK side first.
    expect(parties).toEqual([
      { side: "UK", party: "Derby City Council" },
      { side: "UK", party: "Derbyshire County Council" },
      { side: "UK", party: "South Derbyshire District Council" },
      { side: "INTERNATIONAL", party: "Toyota City Government" },
    ]);
    const toyota = await queryRows<{ themes: string[] }>(server.db, sql`select themes from partnerships where name = 'Toyota City Partnership'`);
    expect(toyota[0]!.themes).toEqual(["economy", "environment", "education", "culture", "sport"]);
  });

  it("has the campaign's markets and sectors as national and member priorities", async () => {
    const national = await queryRows<{ country_code: string | null; sector: string | null }>(
      server.db,
      sql`select country_code, sector from priorities where scope = 'NATIONAL'`,
    );
    expect(national.map((p) => p.country_code).filter(Boolean).sort()).toEqual(["AU", "DE", "JP", "KR", "SG", "US"]);
    expect(national.map((p) => p.sector).filter(Boolean).sort()).toEqual(
      ["agri-tech", "creative and digital", "health and life sciences", "transport technologies", "zero-carbon energy"],
    );
    expect(await count(sql`select count(*) as n from priorities where scope = 'MEMBER'`)).toBeGreaterThanOrEqual(5);
  });

  it("has the four visits with their dates and destinations", async () => {
    const rows = await queryRows<{ title: string; direction: string; starts_on: string; ends_on: string; destinations: string }>(
      server.db,
      sql`select v.title, v.direction, v.starts_on::text as starts_on, v.ends_on::text as ends_on,
                 string_agg(coalesce(p.name_latin, p.name), ', ' order by d.position) as destinations
          from visits v join visit_destinations d on d.visit_id = v.id join places p on p.id = d.place_id
          group by v.id order by v.starts_on`,
    );
    expect(rows).toEqual([
      { title: "Toyota City delegation to Derby: 25th anniversary", direction: "INBOUND", starts_on: "2023-10-27", ends_on: "2023-10-30", destinations: "Derby" },
      { title: "East Midlands delegation to Japan", direction: "OUTBOUND", starts_on: "2026-01-19", ends_on: "2026-01-23", destinations: "Tokyo, Toyota City, Nagoya" },
      { title: "Mayor of the West Midlands in China", direction: "OUTBOUND", starts_on: "2026-01-28", ends_on: "2026-01-31", destinations: "Beijing, Shanghai" },
      { title: "West Midlands mission to India", direction: "OUTBOUND", starts_on: "2026-02-22", ends_on: "2026-02-27", destinations: "Ahmedabad, Mumbai, Bengaluru" },
    ]);
  });

  it("has interactions, follow-ups and opportunities around the visits, from several members, some private", async () => {
    const interactions = await queryRows<{ members: number | string; private: number | string; on_visits: number | string; sensitive: number | string }>(
      server.db,
      sql`select count(distinct owner_member_id) as members, count(*) filter (where visibility = 'PRIVATE') as private,
                 count(*) filter (where visit_id is not null) as on_visits, count(*) filter (where notes_sensitive) as sensitive
          from interactions`,
    );
    expect(Number(interactions[0]!.members)).toBeGreaterThanOrEqual(5);
    expect(Number(interactions[0]!.private)).toBeGreaterThanOrEqual(2);
    expect(Number(interactions[0]!.on_visits)).toBeGreaterThanOrEqual(15);
    expect(Number(interactions[0]!.sensitive)).toBeGreaterThanOrEqual(2);
    expect(await count(sql`select count(*) as n from follow_ups`)).toBeGreaterThanOrEqual(10);
    expect(await count(sql`select count(*) as n from follow_ups where visibility = 'PRIVATE'`)).toBeGreaterThanOrEqual(1);
    expect(await count(sql`select count(*) as n from opportunities`)).toBeGreaterThanOrEqual(8);
    expect(await count(sql`select count(*) as n from opportunities where visibility = 'PRIVATE'`)).toBeGreaterThanOrEqual(1);
    // Every interaction is logged by a user of the member that owns it.
    expect(
      await count(sql`select count(*) as n from interactions i join users u on u.id = i.created_by_id where u.member_id <> i.owner_member_id`),
    ).toBe(0);
  });

  it("has hundreds of people, among them hundreds of fictional alumni investors across many countries", async () => {
    expect(await count(sql`select count(*) as n from people`)).toBeGreaterThanOrEqual(300);
    expect(
      await count(sql`select count(distinct p.id) as n from people p
                      join alumni_ties t on t.person_id = p.id join investor_profiles ip on ip.person_id = p.id`),
    ).toBeGreaterThanOrEqual(200);
    expect(
      await count(sql`select count(distinct pl.country_code) as n from people p join alumni_ties t on t.person_id = p.id join places pl on pl.id = p.place_id`),
    ).toBeGreaterThanOrEqual(30);
    expect(await count(sql`select count(distinct s) as n from investor_profiles, unnest(sectors) s`)).toBeGreaterThanOrEqual(8);
    // Private individuals are obviously fictional: .example addresses, and a bio that says so.
    expect(await count(sql`select count(*) as n from people where email is not null and email not like '%.example'`)).toBe(0);
    expect(await count(sql`select count(*) as n from people where bio not like '%Fictional%'`)).toBe(0);
  });

  it("writes non-Latin names with a Latin transliteration", async () => {
    const rows = await queryRows<{ full_name: string; name_latin: string | null }>(server.db, sql`select full_name, name_latin from people`);
    const scripts: [string, RegExp][] = [
      ["Japanese", /[\p{Script=Hiragana}\p{Script=Katakana}]|^\p{Script=Han}+ \p{Script=Han}+$/u],
      ["Chinese", /^\p{Script=Han}{2,4}$/u],
      ["Korean", /\p{Script=Hangul}/u],
      ["Hindi", /\p{Script=Devanagari}/u],
      ["Arabic", /\p{Script=Arabic}/u],
    ];
    for (const [script, pattern] of scripts) {
      const matching = rows.filter((r) => pattern.test(r.full_name));
      expect({ script, atLeastThree: matching.length >= 3 }).toEqual({ script, atLeastThree: true });
      for (const r of matching) expect(r.name_latin).toMatch(/^[\p{Script=Latin}' -]+$/u);
    }
    // And nobody written only in Latin script carries a needless transliteration.
    expect(rows.filter((r) => r.name_latin && /^[\p{Script=Latin}' .-]+$/u.test(r.full_name))).toEqual([]);
  });
});

describe("demo network: every reference resolves", () => {
  it("every foreign key points at an existing row", async () => {
    const keys = await queryRows<{ child: string; column_name: string; parent: string; parent_column: string }>(
      server.db,
      sql`select c.conrelid::regclass::text as child, a.attname as column_name,
                 c.confrelid::regclass::text as parent, pa.attname as parent_column
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
          where c.contype = 'f' and array_length(c.conkey, 1) = 1 and c.connamespace = 'public'::regnamespace`,
    );
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      const dangling = await count(
        sql.raw(`select count(*) as n from ${k.child} c where c.${k.column_name} is not null
                 and not exists (select 1 from ${k.parent} p where p.${k.parent_column} = c.${k.column_name})`),
      );
      expect({ key: `${k.child}.${k.column_name}`, dangling }).toEqual({ key: `${k.child}.${k.column_name}`, dangling: 0 });
    }
  });

  it("country codes resolve to countries, and alumni ties to universities", async () => {
    expect(
      await count(sql`select count(*) as n from places p where not exists
                      (select 1 from places c where c.kind = 'COUNTRY' and c.country_code = p.country_code)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from priorities p where p.country_code is not null and not exists
                      (select 1 from places c where c.kind = 'COUNTRY' and c.country_code = p.country_code)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from alumni_ties t join organisations o on o.id = t.university_id where o.kind <> 'UNIVERSITY'`),
    ).toBe(0);
  });

  it("no record points at another member's private record", async () => {
    // A reference is usable by the record's owner: the target is shared, or the owner's own.
    const leaks: [string, ReturnType<typeof sql>][] = [
      ["organisation parent", sql`select count(*) as n from organisations c join organisations p on p.id = c.parent_id
        where p.visibility = 'PRIVATE' and p.owner_member_id <> c.owner_member_id`],
      ["affiliation", sql`select count(*) as n from affiliations a join people p on p.id = a.person_id join organisations o on o.id = a.organisation_id
        where o.visibility = 'PRIVATE' and o.owner_member_id <> p.owner_member_id`],
      ["alumni tie", sql`select count(*) as n from alumni_ties a join people p on p.id = a.person_id join organisations o on o.id = a.university_id
        where o.visibility = 'PRIVATE' and o.owner_member_id <> p.owner_member_id`],
      ["partnership party", sql`select count(*) as n from partnership_parties pp join partnerships p on p.id = pp.partnership_id
        join organisations o on o.id = pp.organisation_id where o.visibility = 'PRIVATE' and o.owner_member_id <> p.owner_member_id`],
      ["interaction participant", sql`select count(*) as n from interaction_people ip join interactions i on i.id = ip.interaction_id
        join people p on p.id = ip.person_id where p.visibility = 'PRIVATE' and p.owner_member_id <> i.owner_member_id`],
      ["interaction organisation", sql`select count(*) as n from interaction_organisations io join interactions i on i.id = io.interaction_id
        join organisations o on o.id = io.organisation_id where o.visibility = 'PRIVATE' and o.owner_member_id <> i.owner_member_id`],
      ["interaction visit", sql`select count(*) as n from interactions i join visits v on v.id = i.visit_id
        where v.visibility = 'PRIVATE' and v.owner_member_id <> i.owner_member_id`],
      ["interaction attendee", sql`select count(*) as n from interaction_users iu join interactions i on i.id = iu.interaction_id
        join users u on u.id = iu.user_id where u.member_id <> i.owner_member_id`],
      ["opportunity", sql`select count(*) as n from opportunities op left join organisations o on o.id = op.organisation_id
        left join people p on p.id = op.person_id
        where (o.visibility = 'PRIVATE' and o.owner_member_id <> op.owner_member_id)
           or (p.visibility = 'PRIVATE' and p.owner_member_id <> op.owner_member_id)`],
      ["investor profile", sql`select count(*) as n from investor_profiles ip left join organisations o on o.id = ip.organisation_id
        left join people p on p.id = ip.person_id
        where (o.visibility = 'PRIVATE' and o.owner_member_id <> ip.owner_member_id)
           or (p.visibility = 'PRIVATE' and p.owner_member_id <> ip.owner_member_id)`],
      ["follow-up assignee", sql`select count(*) as n from follow_ups f join users u on u.id = f.assignee_id where u.member_id <> f.owner_member_id`],
      ["follow-up subject", sql`select count(*) as n from follow_ups f
        left join interactions i on i.id = f.interaction_id left join opportunities o on o.id = f.opportunity_id
        left join visits v on v.id = f.visit_id left join partnerships p on p.id = f.partnership_id
        where (i.visibility = 'PRIVATE' and i.owner_member_id <> f.owner_member_id)
           or (o.visibility = 'PRIVATE' and o.owner_member_id <> f.owner_member_id)
           or (v.visibility = 'PRIVATE' and v.owner_member_id <> f.owner_member_id)
           or (p.visibility = 'PRIVATE' and p.owner_member_id <> f.owner_member_id)`],
    ];
    for (const [what, query] of leaks) expect({ what, leaks: await count(query) }).toEqual({ what, leaks: 0 });
  });

  it("records every write in the audit log", async () => {
    for (const table of ["organisations", "people", "partnerships", "visits", "interactions", "opportunities", "follow_ups", "priorities", "investor_profiles"]) {
      const unaudited = await count(
        sql.raw(`select count(*) as n from ${table} t where not exists
                 (select 1 from audit_events a where a.record_id = t.id and a.action = 'create')`),
      );
      expect({ table, unaudited }).toEqual({ table, unaudited: 0 });
    }
  });
});

describe("demo network: loading again", () => {
  it("seedDemoIfEmpty leaves a seeded database alone and reports the sign-ins", async () => {
    const tables = ["members", "users", "places", "organisations", "people", "partnerships", "visits", "interactions", "investor_profiles"];
    const before = await Promise.all(tables.map((t) => count(sql.raw(`select count(*) as n from ${t}`))));
    const result = await seedDemoIfEmpty(server.db);
    const after = await Promise.all(tables.map((t) => count(sql.raw(`select count(*) as n from ${t}`))));
    expect(after).toEqual(before);
    expect(result.password).toBe(DEMO_PASSWORD);
    expect(result.users.map((u) => u.email).sort()).toEqual(demoUsers.map((u) => u.email).sort());
  });
});

describe("demo network over HTTP: a new user signing in as the East Midlands mayor's office", () => {
  let token: string;

  beforeAll(async () => {
    const res = await server.gql<{ login: { accessToken: string } }>(
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email: "mayor.office@emca.demo", password: DEMO_PASSWORD },
    );
    expect(res.errors).toBeUndefined();
    token = res.data!.login.accessToken;
  });

  const partnershipsQuery = `query ($query: String) {
    partnerships(filter: { query: $query }, first: 10) {
      totalCount
      nodes { name signedOn kind themes parties { side place { name nameLatin } organisation { name } } }
    }
  }`;
  type Partnerships = {
    partnerships: {
      totalCount: number;
      nodes: { name: string; signedOn: string | null; kind: string; themes: string[]; parties: { side: string; place: { name: string; nameLatin: string | null } | null; organisation: { name: string } | null }[] }[];
    };
  };

  it.each([
    ["Toyota City Partnership", "1998-11-16"],
    ["Birmingham–Chicago", "1993-01-01"],
    ["Manchester–Wuhan", "1986-01-01"],
    ["Nottingham–Karlsruhe", "1969-01-01"],
    ["Derby–Osnabrück", "1976-01-01"],
  ])("finds %s", async (query, signedOn) => {
    const res = await server.gql<Partnerships>(partnershipsQuery, { query }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.partnerships.totalCount).toBe(1);
    const [p] = res.data!.partnerships.nodes;
    expect(p!.signedOn).toBe(signedOn);
    expect(p!.parties.some((party) => party.side === "UK")).toBe(true);
    expect(p!.parties.some((party) => party.side === "INTERNATIONAL")).toBe(true);
  });

  it("sees the Toyota City Partnership's parties and themes", async () => {
    const res = await server.gql<Partnerships>(partnershipsQuery, { query: "Toyota City" }, token);
    const [p] = res.data!.partnerships.nodes;
    expect(p!.themes).toEqual(["economy", "environment", "education", "culture", "sport"]);
    expect(p!.parties.map((party) => party.organisation?.name).sort()).toEqual([
      "Derby City Council",
      "Derbyshire County Council",
      "South Derbyshire District Council",
      "Toyota City Government",
    ]);
  });

  it("finds the India mission with its destinations", async () => {
    const res = await server.gql<{ visits: { totalCount: number; nodes: { title: string; startsOn: string; endsOn: string; destinations: { nameLatin: string | null; name: string }[] }[] } }>(
      `{ visits(filter: { query: "India" }) { totalCount nodes { title startsOn endsOn destinations { name nameLatin } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.visits.nodes).toEqual([
      {
        title: "West Midlands mission to India",
        startsOn: "2026-02-22",
        endsOn: "2026-02-27",
        destinations: [
          { name: "Ahmedabad", nameLatin: null },
          { name: "Mumbai", nameLatin: null },
          { name: "Bengaluru", nameLatin: null },
        ],
      },
    ]);
  });

  it("finds hundreds of people, but not other members' private records", async () => {
    const res = await server.gql<{ people: { totalCount: number }; interactions: { totalCount: number }; investorProfiles: { totalCount: number } }>(
      `{ people(first: 1) { totalCount } interactions(first: 1) { totalCount } investorProfiles(first: 1) { totalCount } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.people.totalCount).toBeGreaterThanOrEqual(250);
    expect(res.data!.investorProfiles.totalCount).toBeGreaterThanOrEqual(200);

    const visible = (table: string) =>
      count(
        sql.raw(`select count(*) as n from ${table} t join members m on m.name = 'East Midlands Combined County Authority'
                 where t.archived_at is null and (t.visibility = 'NETWORK' or t.owner_member_id = m.id)`),
      );
    expect(res.data!.people.totalCount).toBe(await visible("people"));
    expect(res.data!.interactions.totalCount).toBe(await visible("interactions"));
    expect(res.data!.interactions.totalCount).toBeLessThan(await count(sql`select count(*) as n from interactions`));
  });

  it("finds contacts by their Latin transliteration", async () => {
    const res = await server.gql<{ people: { nodes: { fullName: string; nameLatin: string | null }[] } }>(
      `{ people(filter: { query: "Suzuki Misaki" }) { nodes { fullName nameLatin } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.people.nodes).toContainEqual({ fullName: "鈴木 美咲", nameLatin: "Suzuki Misaki" });
  });
});
