import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { COUNTRIES, ensureCountries } from "../../seeds/places/countries.js";
import { type Dataset, datasetDigest, generateDataset, loadDataset, writeCsv } from "../../seeds/generate/index.js";
import { type TestDatabase, openTestDatabase } from "../support/databases.js";

const HASH = "$argon2id$test-only-not-a-real-hash";

describe("generator determinism", () => {
  it("gives byte-identical data for the same seed and different data for another", () => {
    const a = datasetDigest(generateDataset({ scale: "S", seed: 7, passwordHash: HASH }));
    const b = datasetDigest(generateDataset({ scale: "S", seed: 7, passwordHash: HASH }));
    const c = datasetDigest(generateDataset({ scale: "S", seed: 8, passwordHash: HASH }));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).not.toBe(a.sha256);
    expect(b.rows).toEqual(a.rows);
    expect(a.rows.interactions).toBe(800);
    expect(a.rows.people).toBe(240);
  });

  it("shapes the data like a real network: skewed activity, many scripts, both visibilities, worldwide", () => {
    const { world } = generateDataset({ scale: "M", fraction: 0.05, passwordHash: HASH });
    const perOrganisation = new Map<number, number>();
    for (let i = 0; i < world.counts.interactions; i++) {
      for (const o of world.interactionAt(i).organisations) perOrganisation.set(o, (perOrganisation.get(o) ?? 0) + 1);
    }
    const counts = [...perOrganisation.values()].sort((a, b) => b - a);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(counts[0]!).toBeGreaterThan(5 * median);

    const people = world.people;
    expect(people.some((p) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(p.fullName) && p.nameLatin)).toBe(true); // CJK
    expect(people.some((p) => /[\uac00-\ud7af]/.test(p.fullName) && p.nameLatin)).toBe(true); // Korean
    expect(people.some((p) => /[\u0600-\u06ff]/.test(p.fullName) && p.nameLatin)).toBe(true); // Arabic
    expect(people.some((p) => /[\u0900-\u097f]/.test(p.fullName) && p.nameLatin)).toBe(true); // Devanagari
    expect(new Set(people.map((p) => p.visibility))).toEqual(new Set(["PRIVATE", "NETWORK"]));
    expect(new Set(people.map((p) => p.countryCode)).size).toBeGreaterThan(40);
    expect(people.some((p) => p.alumni.length > 0 && p.investor)).toBe(true);
  });

  it("has every ISO 3166-1 country with coordinates", () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    for (const code of ["GB", "JP", "IN", "US", "NG", "BR", "AQ"]) expect(COUNTRIES.some((c) => c.code === code)).toBe(true);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(c.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.longitude)).toBeLessThanOrEqual(180);
    }
  });
});

describe("loading a slice of M", () => {
  let test: TestDatabase;
  let dataset: Dataset;
  let csvDir: string;

  const count = async (query: string) => {
    const [row] = await queryRows<{ n: string | number }>(test.database.db, sql.raw(query));
    return Number(row!.n);
  };
  const catalog = () =>
    queryRows<{ name: string; def: string }>(
      test.database.db,
      sql`select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema()
          union all
          select conname, pg_get_constraintdef(oid) from pg_constraint where connamespace = current_schema()::regnamespace
          order by 1, 2`,
    );

  beforeAll(async () => {
    test = await openTestDatabase();
    dataset = generateDataset({ scale: "M", fraction: 0.01, seed: 42, passwordHash: HASH });
    csvDir = await mkdtemp(join(tmpdir(), "entente-gen-csv-"));
  });
  afterAll(async () => {
    await test.drop();
    await rm(csvDir, { recursive: true, force: true });
  });

  it("loads every table, recreating the dropped indexes and constraints exactly", async () => {
    const before = await catalog();
    const result = await loadDataset(test.database, dataset.world, dataset.tables, { rebuildIndexes: true, csvDir });
    expect(result.skipped).toBe(false);
    expect(await catalog()).toEqual(before);

    const c = dataset.world.counts;
    expect(await count(`select count(*) as n from members where name like '%[gen M-42 f0.01]'`)).toBe(c.members);
    expect(await count(`select count(*) as n from users where email like '%.gen-m-42-f0-01.example'`)).toBe(c.users);
    expect(await count(`select count(*) as n from people`)).toBe(c.people);
    expect(await count(`select count(*) as n from organisations`)).toBe(c.organisations);
    expect(await count(`select count(*) as n from interactions`)).toBe(c.interactions);
    expect(await count(`select count(*) as n from places where kind = 'COUNTRY'`)).toBe(COUNTRIES.length);
    expect(await count(`select count(*) as n from places where kind = 'CITY'`)).toBeGreaterThan(1000);
    for (const [table, n] of Object.entries(result.rows)) {
      if (table !== "places") expect(await count(`select count(*) as n from ${table}`)).toBe(n);
    }
    // The briefing's read model (its triggers paused for the load) was rebuilt exactly, and its triggers are back on.
    const stats = `select person_id, owner_member_id, visibility, interactions, last_at from person_interaction_stats`;
    const recomputed = `select ip.person_id, i.owner_member_id, i.visibility, count(*)::int, max(i.occurred_at)
      from interaction_people ip join interactions i on i.id = ip.interaction_id and i.archived_at is null group by 1, 2, 3`;
    expect(await count(`select count(*) as n from person_interaction_stats`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from ((${stats}) except (${recomputed})) x`)).toBe(0);
    expect(await count(`select count(*) as n from ((${recomputed}) except (${stats})) x`)).toBe(0);
    expect(await count(`select count(*) as n from pg_trigger where tgname like 'person_interaction_stats_%' and tgenabled = 'D'`)).toBe(0);
  });

  it("resolves every foreign key", async () => {
    const fks = await queryRows<{ child: string; parent: string; columns: string[]; refs: string[] }>(
      test.database.db,
      sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
                 array(select attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by i)::text[] as columns,
                 array(select attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by i)::text[] as refs
          from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(40);
    for (const fk of fks) {
      const join = fk.columns.map((col, i) => `p."${fk.refs[i]}" = x."${col}"`).join(" and ");
      const notNull = fk.columns.map((col) => `x."${col}" is not null`).join(" and ");
      const orphans = await count(`select count(*) as n from ${fk.child} x where ${notNull} and not exists (select 1 from ${fk.parent} p where ${join})`);
      expect({ fk: `${fk.child}(${fk.columns.join(",")})`, orphans }).toEqual({ fk: `${fk.child}(${fk.columns.join(",")})`, orphans: 0 });
    }
  });

  it("never links a record to another member's private record", async () => {
    const leaks = await count(`
      select (select count(*) from interaction_people ip join interactions i on i.id = ip.interaction_id join people p on p.id = ip.person_id
              where p.visibility = 'PRIVATE' and p.owner_member_id <> i.owner_member_id)
           + (select count(*) from interaction_organisations io join interactions i on i.id = io.interaction_id join organisations o on o.id = io.organisation_id
              where o.visibility = 'PRIVATE' and o.owner_member_id <> i.owner_member_id)
           + (select count(*) from affiliations a join people p on p.id = a.person_id join organisations o on o.id = a.organisation_id
              where o.visibility = 'PRIVATE' and o.owner_member_id <> p.owner_member_id)
           + (select count(*) from opportunities x join organisations o on o.id = x.organisation_id
              where o.visibility = 'PRIVATE' and o.owner_member_id <> x.owner_member_id) as n`);
    expect(leaks).toBe(0);
    expect(await count(`select count(*) as n from alumni_ties t join organisations u on u.id = t.university_id where u.kind <> 'UNIVERSITY'`)).toBe(0);
    expect(await count(`select count(*) as n from users u join interactions i on i.created_by_id = u.id where u.member_id <> i.owner_member_id`)).toBe(0);
  });

  it("answers the product's queries: alumni investors, visits with destinations, open follow-ups", async () => {
    expect(
      await count(`select count(distinct t.person_id) as n from alumni_ties t join investor_profiles ip on ip.person_id = t.person_id`),
    ).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from visits v where exists (select 1 from visit_destinations d where d.visit_id = v.id)`)).toBe(
      dataset.world.counts.visits,
    );
    expect(await count(`select count(*) as n from follow_ups where status = 'OPEN'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from interactions where visibility = 'PRIVATE'`)).toBeGreaterThan(0);
  });

  it("does not duplicate anything when run again", async () => {
    const before = await count(`select count(*) as n from interactions`);
    const again = await loadDataset(test.database, dataset.world, dataset.tables);
    expect(again.skipped).toBe(true);
    expect(await count(`select count(*) as n from interactions`)).toBe(before);
    expect(await count(`select count(*) as n from places where kind = 'COUNTRY'`)).toBe(COUNTRIES.length);
    const ids = await ensureCountries(test.database.db);
    expect(ids.size).toBe(COUNTRIES.length);
    expect(await count(`select count(*) as n from places where kind = 'COUNTRY'`)).toBe(COUNTRIES.length);
  });

  it("wrote the same data as CSV, with external ids", async () => {
    const files = (await readdir(csvDir)).sort();
    expect(files).toEqual(expect.arrayContaining(["people.csv", "organisations.csv", "interactions.csv", "places.csv", "follow_ups.csv"]));
    const interactions = (await readFile(join(csvDir, "interactions.csv"), "utf8")).trimEnd().split("\n");
    expect(interactions[0]).toContain("external_id");
    expect(interactions.length - 1).toBe(dataset.world.counts.interactions);
    const people = (await readFile(join(csvDir, "people.csv"), "utf8")).trimEnd().split("\n");
    expect(people[0]!.split(",")).toContain("external_id");
    expect(people[0]).not.toContain("password_hash");

    const again = await mkdtemp(join(tmpdir(), "entente-gen-csv-"));
    try {
      await writeCsv(dataset.tables, again);
      for (const file of ["people.csv", "interactions.csv", "interaction_people.csv"]) {
        expect(await readFile(join(again, file), "utf8")).toBe(await readFile(join(csvDir, file), "utf8"));
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});
