import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, notesVisibleSql, visibleSql } from "../../policy/sharing.policy.js";
import { type SearchText, type SearchTypename, fuzzyCte, matchingIds, queryCte } from "./text-query.js";

// One statement answers a search page: the query's forms (q), the fuzzy
// candidates (fz), every visible hit with its score and the visible text its
// snippet is cut from (hits), the page (keyset on score, id), the snippets and
// the records themselves (as JSON, so nothing is fetched again per hit), and
// the total count of visible hits.

/** Private-use characters that mark matches in ts_headline output; stripped from the text first. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** Columns only search reads: kept out of records returned as JSON. */
const SEARCH_COLUMNS = sql`'{search_vector,search_names,search_notes}'::text[]`;

interface KindSpec {
  table: string;
  /** Whether rows have an owner and visibility (places are public reference data). */
  owned: boolean;
  /** The text a snippet is cut from, over alias t: only fields every viewer of the record may read. */
  source: (viewer: Viewer) => SQL;
  /** The vector ranked, over alias t (interactions add their notes where the viewer may read them). */
  vector?: (viewer: Viewer) => SQL;
  /** More ways to match (interaction notes). */
  extraMatches?: (viewer: Viewer) => SQL[];
}

const tags = (column: string) => sql`nullif(array_to_string(t.${sql.identifier(column)}, ', '), '')`;

export const KIND_SPECS: Record<SearchTypename, KindSpec> = {
  Person: {
    table: "people",
    owned: true,
    // Never email, phone or the data-protection fields: owner-only.
    source: () => sql`concat_ws(' · ', t.full_name, t.name_latin, t.job_title, t.bio, ${tags("sectors")})`,
  },
  Organisation: {
    table: "organisations",
    owned: true,
    source: () => sql`concat_ws(' · ', t.name, t.name_latin, t.description, ${tags("sectors")})`,
  },
  Place: {
    table: "places",
    owned: false,
    source: () => sql`concat_ws(' · ', t.name, t.name_latin)`,
  },
  Partnership: {
    table: "partnerships",
    owned: true,
    source: () => sql`concat_ws(' · ', t.name, t.description, ${tags("themes")})`,
  },
  Visit: {
    table: "visits",
    owned: true,
    source: () => sql`concat_ws(' · ', t.title, t.objectives)`,
  },
  Interaction: {
    table: "interactions",
    owned: true,
    source: (viewer) =>
      sql`concat_ws(' · ', t.subject, t.outcome, case when ${notesVisibleSql(viewer, "t")} then t.notes end, ${tags("themes")})`,
    vector: (viewer) => sql`(t.search_vector || case when ${notesVisibleSql(viewer, "t")} then t.search_notes else ''::tsvector end)`,
    // Notes match only where the viewer may read them: sensitive notes of another member never do.
    extraMatches: (viewer) => [
      sql`select n.id from interactions n where n.search_notes @@ (select tsq from q) and ${notesVisibleSql(viewer, "n")}`,
    ],
  },
};

/** The score: full-text rank (length-normalised) plus trigram similarity of the names, rounded for stable paging. */
function scoreSql(vector: SQL): SQL {
  return sql`round((ts_rank(${vector}, (select tsq from q), 1) + similarity((select fold from q), t.search_names))::numeric, 6)`;
}

function branch(viewer: Viewer, typename: SearchTypename): SQL {
  const spec = KIND_SPECS[typename];
  const vector = spec.vector?.(viewer) ?? sql`t.search_vector`;
  const visible = spec.owned ? sql`and ${visibleSql(viewer, "t")}` : sql``;
  return sql`select ${typename}::text as typename, t.id, ${scoreSql(vector)} as score, ${spec.source(viewer)} as src
    from ${sql.identifier(spec.table)} t
    where t.id in ${matchingIds(spec.table, typename, spec.extraMatches?.(viewer) ?? [])}
      and t.archived_at is null ${visible}`;
}

function recordSql(kinds: SearchTypename[]): SQL {
  const arms = kinds.map(
    (k) =>
      sql`when ${k} then (select to_jsonb(x) - ${SEARCH_COLUMNS} from ${sql.identifier(KIND_SPECS[k].table)} x where x.id = page.id)`,
  );
  return sql`case page.typename ${sql.join(arms, sql` `)} end`;
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

/** One page of hits (size + 1 rows, for hasNextPage) plus the total; a row with a null id when the page is empty. */
export function searchPage(
  db: Db,
  viewer: Viewer,
  text: SearchText,
  kinds: SearchTypename[],
  size: number,
  after: SearchCursor | null,
): Promise<SearchRow[]> {
  const keyset = after ? sql`where (h.score, h.id) < (${after.score}::numeric, ${after.id}::uuid)` : sql``;
  return queryRows<SearchRow>(
    db,
    sql`with q as (${queryCte(text)}),
      fz as (${fuzzyCte(text, kinds)}),
      hits as (${sql.join(
        kinds.map((k) => branch(viewer, k)),
        sql` union all `,
      )}),
      page as (select * from hits h ${keyset} order by h.score desc, h.id desc limit ${size + 1})
    select c.total, page.typename, page.id, page.score::text as score,
      ts_headline('public.entente_english'::regconfig, translate(page.src, ${MARK_START + MARK_END}, ''), (select tsq from q), ${HEADLINE_OPTIONS}) as snippet,
      ${recordSql(kinds)} as record
    from (select count(*)::int as total from hits) c left join page on true
    order by page.score desc nulls last, page.id desc`,
  );
}
