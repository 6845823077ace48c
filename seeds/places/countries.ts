import { sql } from "drizzle-orm";
import { createRequire } from "node:module";
import type { Countries } from "world-countries";
import { type Db, queryRows } from "../../server/db/client.js";

// Country reference data comes from the maintained `world-countries` package
// (mledoze/countries, ODbL): every ISO 3166-1 alpha-2 code, the common English
// name and a representative latitude/longitude. It also lists Kosovo (XK), a
// user-assigned code that the UK and the EU use; it is kept so contacts there
// have a country.

export interface Country {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: string;
  officialName: string;
  latitude: number;
  longitude: number;
  /** e.g. "Europe", "Asia", "Africa", "Americas", "Oceania", "Antarctic" */
  region: string;
  /** e.g. "Western Africa", "South America", "Eastern Asia" */
  subregion: string;
  /** ISO 639-3 codes of the official languages */
  languages: string[];
  /** International dialling prefixes, e.g. ["+44"], ["+1201", "+1202", …] */
  dialCodes: string[];
  capital: string | null;
}

// The package is CommonJS whose typings declare an ES default export; require
// gives the array itself under every loader (Node, tsx, Jest).
const worldCountries = createRequire(import.meta.url)("world-countries") as Countries;

export const COUNTRIES: readonly Country[] = worldCountries
  .map((c) => ({
    code: c.cca2,
    name: c.name.common,
    officialName: c.name.official,
    latitude: c.latlng[0],
    longitude: c.latlng[1],
    region: c.region,
    subregion: c.subregion,
    languages: Object.keys(c.languages).sort(),
    dialCodes: c.idd.root ? (c.idd.suffixes.length > 0 ? c.idd.suffixes.map((s) => `${c.idd.root}${s}`) : [c.idd.root]) : [],
    capital: c.capital[0] ?? null,
  }))
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

export const countriesByCode: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryByCode(code: string): Country {
  const country = countriesByCode.get(code);
  if (!country) throw new Error(`Unknown ISO 3166-1 alpha-2 country code: ${code}`);
  return country;
}

/**
 * Inserts every country that has no (unarchived) COUNTRY place yet, in one
 * statement, and returns ISO code → place id for all of them. Safe to run any
 * number of times: existing countries (and their ids) are kept.
 */
export async function ensureCountries(db: Db): Promise<Map<string, string>> {
  const payload = JSON.stringify(
    COUNTRIES.map((c) => ({ code: c.code, name: c.name, latitude: c.latitude, longitude: c.longitude })),
  );
  await db.execute(sql`
    insert into places (kind, name, country_code, latitude, longitude)
    select 'COUNTRY', c.name, c.code, c.latitude, c.longitude
    from json_to_recordset(${payload}::json) as c(code text, name text, latitude float8, longitude float8)
    where not exists (
      select 1 from places p
      where p.kind = 'COUNTRY' and p.country_code = c.code and p.archived_at is null
    )
    order by c.code`);
  const rows = await queryRows<{ id: string; country_code: string }>(
    db,
    sql`select id, country_code from places
        where kind = 'COUNTRY' and archived_at is null
        order by country_code, created_at, id`,
  );
  const ids = new Map<string, string>();
  for (const row of rows) if (!ids.has(row.country_code)) ids.set(row.country_code, row.id);
  return ids;
}
