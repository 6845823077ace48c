import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, notesVisibleSql, visibleSql } from "../../policy/sharing.policy.js";
import { type SearchText, type SearchTypename, fuzzyCte, queryCte } from "./text-query.js";

// One statement answers a search page:
//   q      the query's forms (tsquery, folded words, LIKE pattern)
//   fts    visible full-text matches of every kind, scored
//   candidates  typo-tolerant and substring candidates that full text did not
//          find — only when full text found fewer than FALLBACK_BELOW visible
//          records (a typo, or part of a name), so a common word does not also
//          pay for every approximate match
//   extra  the visible candidates, scored
//   page   one page of fts and extra (keyset on score, id), then its snippets
//          and records (as JSON, so nothing is fetched again per hit) and the
//          total count.
// The fallback decision counts visible records only: another member's private
// records never change what a viewer gets.
//
// Cost on a common word (a sector matches a quarter of a million interactions
// at L): every match must still be read, ranked and counted, so the statement
// does nothing else per match. The fallback test reads at most FALLBACK_BELOW
// matches, and nothing behind it (typo and substring candidates, the EXCEPT
// against the matches) runs once full text has found that many; the matches
// are materialised once and read by the count and by the page's top-N sort.

/** Private-use characters that mark matches in ts_headline output; stripped from the text first. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** Columns only search reads: kept out of records returned as JSON. */
const SEARCH_COLUMNS = sql`'{search_vector,search_names,search_notes}'::text[]`;
/** Typo and substring matching run when full text finds fewer visible records than this. */
export const FALLBACK_BELOW = 50;

interface KindSpec {
  table: string;
  /** Whether rows have an owner and visibility (places are public reference data). */
  owned: boolean;
  /** The text a snippet is cut from, over alias t: only fields every viewer of the record may read. */
  source: (viewer: Viewer) => SQL;
  /** ts_rank of the record's vector and the query, over alias t (interactions add their notes where the viewer may read them). */
  rank: (viewer: Viewer) => SQL;
  /** The full-text condition, over alias t. */
  matches: (viewer: Viewer) => SQL;
}

const tags = (column: string) => sql`nullif(array_to_string(t.${sql.identifier(column)}, ', '), '')`;
const tsRank = (vector: SQL) => sql`ts_rank(${vector}, (select tsq from q), 1)`;
const rank = () => tsRank(sql`t.search_vector`);
const matches = () => sql`t.search_vector @@ (select tsq from q)`;

export const KIND_SPECS: Record<SearchTypename, KindSpec> = {
  Person: {
    table: "people",
    owned: true,
    // Never email, phone or the data-protection fields: owner-only.
    source: () => sql`concat_ws(' · ', t.full_name, t.name_latin, t.job_title, t.bio, ${tags("sectors")})`,
    rank,
    matches,
  },
  Organisation: {
    table: "organisations",
    owned: true,
    source: () => sql`concat_ws(' · ', t.name, t.name_latin, t.description, ${tags("sectors")})`,
    rank,
    matches,
  },
  Place: {
    table: "places",
    owned: false,
    source: () => sql`concat_ws(' · ', t.name, t.name_latin)`,
    rank,
    matches,
  },
  Partnership: {
    table: "partnerships",
    owned: true,
    source: () => sql`concat_ws(' · ', t.name, t.description, ${tags("themes")})`,
    rank,
    matches,
  },
  Visit: {
    table: "visits",
    owned: true,
    source: () => sql`concat_ws(' · ', t.title, t.objectives)`,
    rank,
    matches,
  },
  Interaction: {
    table: "interactions",
    owned: true,
    source: (viewer) =>
      sql`concat_ws(' · ', t.subject, t.outcome, case when ${notesVisibleSql(viewer, "t")} then t.notes end, ${tags("themes")})`,
    // Ranked over the vector with the notes appended, where the viewer may read them. Appending
    // empty notes changes nothing (tsvector || '' is the vector itself), so the concatenation, a
    // copy of both vectors, is skipped for the many interactions without notes.
    rank: (viewer) =>
      sql`case when ${notesVisibleSql(viewer, "t")} and length(t.search_notes) > 0
        then ${tsRank(sql`(t.search_vector || t.search_notes)`)} else ${tsRank(sql`t.search_vector`)} end`,
    // Notes match only where the viewer may read them: sensitive notes of another member never do.
    matches: (viewer) =>
      sql`(t.search_vector @@ (select tsq from q) or (t.search_notes @@ (select tsq from q) and ${notesVisibleSql(viewer, "t")}))`,
  },
};

/** Rows of a kind the viewer may find: visible (places are public) and not archived, over alias t. */
function findable(viewer: Viewer, spec: KindSpec): SQL {
  return spec.owned ? sql`t.archived_at is null and ${visibleSql(viewer, "t")}` : sql`t.archived_at is null`;
}

const fromKind = (spec: KindSpec) => sql`from ${sql.identifier(spec.table)} t`;

// Scores, rounded for stable paging. Word matches score above 1: 1 + the full-text
// rank (length-normalised) + 1 when the name is the query, 0.5 when a word of the
// name (or Latin name) starts with it. Approximate matches (typos, text inside a
// name) score the trigram similarity of the names (0 to 1), so they always follow
// the word matches.
function wordScoreSql(rank: SQL): SQL {
  return sql`round((1 + ${rank}
    + case when t.search_names = (select fold from q) then 1
           when position(' ' || (select fold from q) in ' ' || t.search_names) > 0 then 0.5 else 0 end)::numeric, 6)`;
}
const approximateScoreSql = () => sql`round(similarity((select fold from q), t.search_names)::numeric, 6)`;

function unionAll(parts: SQL[]): SQL {
  return sql.join(parts, sql` union all `);
}

function caseByKind(kinds: SearchTypename[], arm: (kind: SearchTypename, spec: KindSpec) => SQL): SQL {
  return sql`case page.typename ${sql.join(
    kinds.map((k) => sql`when ${k} then (${arm(k, KIND_SPECS[k])})`),
    sql` `,
  )} end`;
}

export interface SearchCursor {
  score: string;
  id: string;
}

export interface SearchRow {
  total: number;
  typename: SearchTypename | null;
  id: string | null;
  score: string | null;
  snippet: string | null;
  record: unknown;
}

/** The statement behind searchPage (exported for EXPLAIN in benchmarks). */
export function searchPageSql(viewer: Viewer, text: SearchText, kinds: SearchTypename[], size: number, after: SearchCursor | null): SQL {
  const keyset = after ? sql`where (h.score, h.id) < (${after.score}::numeric, ${after.id}::uuid)` : sql``;
  // Reads at most FALLBACK_BELOW matches (the CTE is computed as it is read).
  const fallback = sql`(select count(*) from (select 1 from fts limit ${FALLBACK_BELOW}) f) < ${FALLBACK_BELOW}`;
  // Full-text matches are scored in the same scan that finds them; fallback candidates are scored apart.
  const fts = unionAll(
    kinds.map((k) => {
      const spec = KIND_SPECS[k];
      return sql`select ${k}::text as typename, t.id, ${wordScoreSql(spec.rank(viewer))} as score
        ${fromKind(spec)} where ${spec.matches(viewer)} and ${findable(viewer, spec)}`;
    }),
  );
  const substring = unionAll(
    kinds.map((k) => sql`select ${k}::text as kind, t.id ${fromKind(KIND_SPECS[k])} where t.search_names like (select pattern from q)`),
  );
  const extraHits = unionAll(
    kinds.map((k) => {
      const spec = KIND_SPECS[k];
      return sql`select ${k}::text as typename, t.id, ${approximateScoreSql()} as score
        ${fromKind(spec)} join candidates e on e.kind = ${k} and e.id = t.id
        where ${findable(viewer, spec)}`;
    }),
  );
  const snippet = caseByKind(kinds, (_, spec) => sql`select ${spec.source(viewer)} ${fromKind(spec)} where t.id = page.id`);
  const record = caseByKind(kinds, (_, spec) => sql`select to_jsonb(t) - ${SEARCH_COLUMNS} ${fromKind(spec)} where t.id = page.id`);
  return sql`with q as (${queryCte(text)}),
      fts as (${fts}),
      candidates as (select * from (
        (select hit_kind as kind, hit_id as id from (${fuzzyCte(text, kinds)}) f union select kind, id from (${substring}) s)
        except select typename, id from fts) c where ${fallback}),
      extra as (${extraHits}),
      page as (select * from (select * from fts union all select * from extra) h ${keyset}
        order by h.score desc, h.id desc limit ${size + 1})
    select c.total, page.typename, page.id, page.score::text as score,
      ts_headline('public.entente_english'::regconfig, translate(${snippet}, ${MARK_START + MARK_END}, ''), (select tsq from q), ${HEADLINE_OPTIONS}) as snippet,
      ${record} as record
    from (select ((select count(*) from fts) + (select count(*) from extra))::int as total) c left join page on true
    order by page.score desc nulls last, page.id desc`;
}

/** One page of hits (size + 1 rows, for hasNextPage) plus the total; a row with a null id when the page is empty. */
export function searchPage(
  db: Db,
  viewer: Viewer,
  text: SearchText,
  kinds: SearchTypename[],
  size: number,
  after: SearchCursor | null,
): Promise<SearchRow[]> {
  return queryRows<SearchRow>(db, searchPageSql(viewer, text, kinds, size, after));
}
