import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";

// Resolving the references in a batch of imported rows, one query per kind of
// reference per batch: places by id or name, organisations and people by the
// member's external id (or, for organisations, an exact visible name).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lower case, accents removed, spaces collapsed: how names are compared. */
export function normaliseName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export interface PlaceQuery {
  place: string | null;
  countryCode: string | null;
}

export type PlaceAnswer = { placeId: string } | { problem: string };

const KIND_RANK: Record<string, number> = { CITY: 0, REGION: 1, COUNTRY: 2 };

/** Places by id, by name (within the country when one is given), or the country itself. */
export async function resolvePlaces(db: Db, queries: PlaceQuery[]): Promise<PlaceAnswer[]> {
  const ids = [...new Set(queries.map((q) => q.place).filter((p): p is string => p !== null && UUID.test(p)))].map((p) => p.toLowerCase());
  const names = [...new Set(queries.map((q) => q.place).filter((p): p is string => p !== null && !UUID.test(p)).map(normaliseName))];
  const countries = [...new Set(queries.map((q) => q.countryCode).filter((c): c is string => c !== null))];
  if (!ids.length && !names.length && !countries.length) return queries.map(() => ({ problem: "" }));
  const rows = await queryRows<{ id: string; kind: string; country_code: string; key: string | null; key_latin: string | null }>(
    db,
    sql`select id, kind, country_code, unaccent(lower(name)) as key, unaccent(lower(name_latin)) as key_latin
        from places
        where archived_at is null and (
          id = any(${sql.param(ids)}::uuid[])
          or unaccent(lower(name)) = any(${sql.param(names)}::text[])
          or unaccent(lower(name_latin)) = any(${sql.param(names)}::text[])
          or (kind = 'COUNTRY' and country_code = any(${sql.param(countries)}::text[])))`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return queries.map((q) => {
    if (q.place && UUID.test(q.place)) {
      const hit = byId.get(q.place.toLowerCase());
      if (hit && (!q.countryCode || hit.country_code === q.countryCode)) return { placeId: hit.id };
      return { problem: "no place with this id was found" };
    }
    if (q.place) {
      const key = normaliseName(q.place);
      const candidates = rows
        .filter((r) => (r.key !== null && normaliseName(r.key) === key) || (r.key_latin !== null && normaliseName(r.key_latin) === key))
        .filter((r) => !q.countryCode || r.country_code === q.countryCode)
        .sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9));
      if (!candidates.length) return { problem: q.countryCode ? `no place of this name was found in ${q.countryCode}` : "no place of this name was found" };
      const best = candidates.filter((c) => c.kind === candidates[0]!.kind);
      if (new Set(best.map((c) => c.country_code)).size > 1) return { problem: "more than one place has this name: add a country code column" };
      return { placeId: best[0]!.id };
    }
    if (q.countryCode) {
      const country = rows.find((r) => r.kind === "COUNTRY" && r.country_code === q.countryCode);
      return country ? { placeId: country.id } : { problem: `no country with the code ${q.countryCode}` };
    }
    return { problem: "" };
  });
}

export type RefAnswer = { id: string } | { problem: string };

/**
 * Organisations named in a batch: the member's own external id first, then an
 * exact (case- and accent-insensitive) name among organisations the viewer can
 * see, preferring the member's own when several share the name.
 */
export async function resolveOrganisations(db: Db, viewer: Viewer, values: string[]): Promise<Map<string, RefAnswer>> {
  const unique = [...new Set(values)];
  const answers = new Map<string, RefAnswer>();
  if (!unique.length) return answers;
  const names = unique.map(normaliseName);
  const rows = await queryRows<{ id: string; external_id: string | null; key: string; owner_member_id: string }>(
    db,
    sql`select o.id, o.external_id, unaccent(lower(o.name)) as key, o.owner_member_id
        from organisations o
        where o.archived_at is null and (
          (o.owner_member_id = ${viewer.memberId} and o.external_id = any(${sql.param(unique)}::text[]))
          or ((unaccent(lower(o.name)) = any(${sql.param(names)}::text[])) and ${visibleSql(viewer, "o")}))`,
  );
  for (const value of unique) {
    const own = rows.find((r) => r.owner_member_id === viewer.memberId && r.external_id === value);
    if (own) {
      answers.set(value, { id: own.id });
      continue;
    }
    const key = normaliseName(value);
    let named = rows.filter((r) => normaliseName(r.key) === key);
    if (named.length > 1) {
      const mine = named.filter((r) => r.owner_member_id === viewer.memberId);
      if (mine.length) named = mine;
    }
    if (named.length === 1) answers.set(value, { id: named[0]!.id });
    else if (named.length > 1) answers.set(value, { problem: "more than one organisation has this name: use its external id" });
    else answers.set(value, { problem: "no organisation with this external id or name was found" });
  }
  return answers;
}

/** The member's own people by external id. */
export async function resolvePeople(db: Db, viewer: Viewer, values: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(values)];
  if (!unique.length) return new Map();
  const rows = await queryRows<{ id: string; external_id: string }>(
    db,
    sql`select id, external_id from people
        where owner_member_id = ${viewer.memberId} and archived_at is null and external_id = any(${sql.param(unique)}::text[])`,
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}
