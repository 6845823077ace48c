import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { sourceRecordId } from "./imports.keys.js";

// Resolving the references in a batch of imported rows, one query per kind of
// reference per batch: places by id or name; organisations, people and
// interactions by the member's external id or the id they had in the file they
// were imported from (or, for organisations, an exact visible name).

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

/** The ids a reference may stand for: a record created from a row with that id in its file, or the Entente id itself. */
function candidateIds(viewer: Viewer, entity: string, values: string[]): { derived: Map<string, string>; direct: string[] } {
  const derived = new Map(values.map((v) => [v, sourceRecordId(viewer.memberId, entity, v)]));
  return { derived, direct: values.filter((v) => UUID.test(v)).map((v) => v.toLowerCase()) };
}

/**
 * Organisations named in a batch: the member's own by external id or by id in the file they
 * were imported from, then an organisation the viewer can see by its Entente id or by its exact
 * (case- and accent-insensitive) name, preferring the member's own when several share the name.
 */
export async function resolveOrganisations(db: Db, viewer: Viewer, values: string[]): Promise<Map<string, RefAnswer>> {
  const unique = [...new Set(values)];
  const answers = new Map<string, RefAnswer>();
  if (!unique.length) return answers;
  const names = unique.map(normaliseName);
  const { derived, direct } = candidateIds(viewer, "ORGANISATIONS", unique);
  const rows = await queryRows<{ id: string; external_id: string | null; key: string; owner_member_id: string }>(
    db,
    sql`select o.id, o.external_id, unaccent(lower(o.name)) as key, o.owner_member_id
        from organisations o
        where o.archived_at is null and (
          (o.owner_member_id = ${viewer.memberId} and (o.external_id = any(${sql.param(unique)}::text[]) or o.id = any(${sql.param([...derived.values()])}::uuid[])))
          or ((unaccent(lower(o.name)) = any(${sql.param(names)}::text[]) or o.id = any(${sql.param(direct)}::uuid[])) and ${visibleSql(viewer, "o")}))`,
  );
  for (const value of unique) {
    const mine = (r: (typeof rows)[number]) => r.owner_member_id === viewer.memberId;
    const own = rows.find((r) => mine(r) && r.external_id === value) ?? rows.find((r) => mine(r) && r.id === derived.get(value));
    const byId = UUID.test(value) ? rows.find((r) => r.id === value.toLowerCase()) : undefined;
    if (own ?? byId) {
      answers.set(value, { id: (own ?? byId)!.id });
      continue;
    }
    const key = normaliseName(value);
    let named = rows.filter((r) => normaliseName(r.key) === key);
    if (named.length > 1) {
      const ours = named.filter(mine);
      if (ours.length) named = ours;
    }
    if (named.length === 1) answers.set(value, { id: named[0]!.id });
    else if (named.length > 1) answers.set(value, { problem: "more than one organisation has this name: use its external id" });
    else answers.set(value, { problem: "no organisation with this external id, id or name was found" });
  }
  return answers;
}

/** The member's own records of a table by external id, id in the file they came from, or Entente id. */
async function resolveOwn(db: Db, viewer: Viewer, table: "people" | "interactions", entity: string, values: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(values)];
  if (!unique.length) return new Map();
  const { derived, direct } = candidateIds(viewer, entity, unique);
  const rows = await queryRows<{ id: string; external_id: string | null }>(
    db,
    sql`select id, external_id from ${sql.identifier(table)}
        where owner_member_id = ${viewer.memberId} and archived_at is null
          and (external_id = any(${sql.param(unique)}::text[]) or id = any(${sql.param([...derived.values(), ...direct])}::uuid[]))`,
  );
  const byExternalId = new Map(rows.filter((r) => r.external_id !== null).map((r) => [r.external_id!, r.id]));
  const ids = new Set(rows.map((r) => r.id));
  const answers = new Map<string, string>();
  for (const value of unique) {
    const id = byExternalId.get(value) ?? [derived.get(value)!, value.toLowerCase()].find((c) => ids.has(c));
    if (id) answers.set(value, id);
  }
  return answers;
}

/** The member's own people by external id, id in the file they were imported from, or Entente id. */
export function resolvePeople(db: Db, viewer: Viewer, values: string[]): Promise<Map<string, string>> {
  return resolveOwn(db, viewer, "people", "PEOPLE", values);
}

/** The member's own interactions by external id, id in the file they were imported from, or Entente id. */
export function resolveInteractions(db: Db, viewer: Viewer, values: string[]): Promise<Map<string, string>> {
  return resolveOwn(db, viewer, "interactions", "INTERACTIONS", values);
}
