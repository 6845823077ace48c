import { MARK_END, MARK_START } from "../../server/modules/search/search.repository.js";
import { snippetHtml } from "../../server/modules/search/snippets.js";
import { BadInput, type FloorViewer, type Queries, gid } from "./db.js";

// search by hand, over every kind, in ONE statement: full-text matches of the
// query's words (simple and English forms, word prefixes) among the records
// the viewer may read, then — only when that finds fewer than 50 — typo-
// tolerant name matches (the database's entente_search_fuzzy) and names that
// contain the query; scored, one page, with a highlighted extract and the
// record's name. The snippet's HTML marking is the app's own helper, so the
// two answers can be compared character for character.

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

interface Kind {
  typename: string;
  table: string;
  owned: boolean;
  /** Snippet source over alias t ($1 is the viewer's member). */
  source: string;
  vector: string;
  matches: string;
  name: string;
}

const notesVisible = "(not t.notes_sensitive or t.owner_member_id = $1)";
const KINDS: Kind[] = [
  { typename: "Person", table: "people", owned: true, source: "concat_ws(' · ', t.full_name, t.name_latin, t.job_title, t.bio, nullif(array_to_string(t.sectors, ', '), ''))", vector: "t.search_vector", matches: "t.search_vector @@ (select tsq from q)", name: "t.full_name" },
  { typename: "Organisation", table: "organisations", owned: true, source: "concat_ws(' · ', t.name, t.name_latin, t.description, nullif(array_to_string(t.sectors, ', '), ''))", vector: "t.search_vector", matches: "t.search_vector @@ (select tsq from q)", name: "t.name" },
  { typename: "Place", table: "places", owned: false, source: "concat_ws(' · ', t.name, t.name_latin)", vector: "t.search_vector", matches: "t.search_vector @@ (select tsq from q)", name: "t.name" },
  { typename: "Partnership", table: "partnerships", owned: true, source: "concat_ws(' · ', t.name, t.description, nullif(array_to_string(t.themes, ', '), ''))", vector: "t.search_vector", matches: "t.search_vector @@ (select tsq from q)", name: "t.name" },
  { typename: "Visit", table: "visits", owned: true, source: "concat_ws(' · ', t.title, t.objectives)", vector: "t.search_vector", matches: "t.search_vector @@ (select tsq from q)", name: "t.title" },
  {
    typename: "Interaction",
    table: "interactions",
    owned: true,
    source: `concat_ws(' · ', t.subject, t.outcome, case when ${notesVisible} then t.notes end, nullif(array_to_string(t.themes, ', '), ''))`,
    vector: `(t.search_vector || case when ${notesVisible} then t.search_notes else ''::tsvector end)`,
    matches: `(t.search_vector @@ (select tsq from q) or (t.search_notes @@ (select tsq from q) and ${notesVisible}))`,
    name: "t.subject",
  },
];
const NAME_FIELD: Record<string, string> = { Person: "fullName", Organisation: "name", Place: "name", Partnership: "name", Visit: "title", Interaction: "subject" };

const findable = (k: Kind) => (k.owned ? "t.archived_at is null and (t.owner_member_id = $1 or t.visibility = 'NETWORK')" : "t.archived_at is null");
const caseOf = (arm: (k: Kind) => string) => `case page.typename ${KINDS.map((k) => `when '${k.typename}' then (${arm(k)})`).join(" ")} end`;

/** The statement for `n` query terms ($3…$(2+n)); $2 is the page size + 1. */
function statement(n: number, fuzzy: boolean, substring: boolean): string {
  const param = (k: number) => `$${3 + k}`;
  const p = { fold: `$${3 + n}`, pattern: `$${4 + n}`, lead: `$${5 + n}`, words: `$${6 + n}` };
  const terms = Array.from({ length: n }, (_, k) => param(k));
  const content = n === 0 ? "''::tsquery" : terms
    .map((t) => `(case when numnode(to_tsquery('public.entente_english', ${t})) = 0 then ''::tsquery else to_tsquery('public.entente_simple', ${t}) || to_tsquery('public.entente_english', ${t}) end)`)
    .join(" && ");
  const allSimple = n === 0 ? "''::tsquery" : terms.map((t) => `to_tsquery('public.entente_simple', ${t})`).join(" && ");
  const fts = KINDS.map(
    (k) => `select '${k.typename}'::text as typename, t.id,
      round((1 + ts_rank(${k.vector}, (select tsq from q), 1)
        + case when t.search_names = (select fold from q) then 1
               when position(' ' || (select fold from q) in ' ' || t.search_names) > 0 then 0.5 else 0 end)::numeric, 6) as score
      from ${k.table} t where ${k.matches} and ${findable(k)}`,
  ).join(" union all ");
  const fz = fuzzy
    ? `select hit_kind, hit_id from public.entente_search_fuzzy(lower(public.immutable_unaccent(${p.lead}::text)),
         (select array_agg(lower(public.immutable_unaccent(w))) from unnest(${p.words}::text[]) w),
         '{Person,Organisation,Place,Partnership,Visit}'::text[])`
    : "select null::text as hit_kind, null::uuid as hit_id where false";
  const sub = substring
    ? KINDS.map((k) => `select '${k.typename}'::text as kind, t.id from ${k.table} t where t.search_names like (select pattern from q)`).join(" union all ")
    : "select null::text as kind, null::uuid as id where false";
  const extra = KINDS.map(
    (k) => `select '${k.typename}'::text as typename, t.id, round(similarity((select fold from q), t.search_names)::numeric, 6) as score
      from ${k.table} t join extra e on e.kind = '${k.typename}' and e.id = t.id where ${findable(k)}`,
  ).join(" union all ");
  return `with q as (
      select case when numnode(c.q) = 0 then ${allSimple} else c.q end as tsq,
        lower(public.immutable_unaccent(${p.fold}::text)) as fold, lower(public.immutable_unaccent(${p.pattern}::text)) as pattern
      from (select ${content} as q) c),
    fts as (${fts}),
    fz as (select * from (${fz}) f where (select count(*) from fts) < 50),
    sub as (select * from (${sub}) s where (select count(*) from fts) < 50),
    extra as ((select hit_kind as kind, hit_id as id from fz union select kind, id from sub) except select typename, id from fts),
    hits as (select * from fts union all ${extra}),
    page as (select * from hits h order by h.score desc, h.id desc limit $2)
    select c.total, page.typename, page.id, page.score::text as score,
      ts_headline('public.entente_english'::regconfig, translate(${caseOf((k) => `select ${k.source} from ${k.table} t where t.id = page.id`)}, '${MARK_START}${MARK_END}', ''),
        (select tsq from q), '${HEADLINE}') as snippet,
      ${caseOf((k) => `select ${k.name} from ${k.table} t where t.id = page.id`)} as name
    from (select count(*)::int as total from hits) c left join page on true
    order by page.score desc nulls last, page.id desc`;
}

/** The query's words, as the API splits them: NFKC, lower case, letters/marks/digits, at most 10 of 60 characters. */
export function parseTerms(query: string): { literal: string; terms: string[] } {
  const literal = query.normalize("NFKC").trim().replace(/\s+/g, " ");
  if (!literal) throw new BadInput("query: must not be empty.");
  if ([...literal].length > 200) throw new BadInput("query: must be at most 200 characters.");
  const words = literal
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => [...w].slice(0, 60).join(""));
  return { literal, terms: [...new Set(words)].slice(0, 10) };
}

const cursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");
const KIND_NAME: Record<string, string> = {
  Person: "PERSON",
  Organisation: "ORGANISATION",
  Place: "PLACE",
  Partnership: "PARTNERSHIP",
  Visit: "VISIT",
  Interaction: "INTERACTION",
};

export async function search(q: Queries, viewer: FloorViewer, body: Record<string, unknown>): Promise<unknown> {
  if (typeof body.query !== "string") throw new BadInput("query must be a string");
  if (body.kinds != null) throw new BadInput("kinds: the floor searches every kind, as the benchmark does");
  const first = Math.min(typeof body.first === "number" ? body.first : 20, 100);
  const { literal, terms } = parseTerms(body.query);
  const tsTerms = terms.map((t) => `'${t}'${/\p{L}/u.test(t) && [...t].length >= 2 ? ":*" : ""}`);
  const fuzzyWords = terms.filter((t) => [...t].length >= 3);
  const lead = fuzzyWords.reduce((a, b) => ([...b].length > [...a].length ? b : a), fuzzyWords[0] ?? "");
  const substring = [...literal].length >= 3;
  const pattern = substring ? `%${literal.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const fuzzy = fuzzyWords.length > 0;
  // Only the parameters the statement uses (PostgreSQL cannot type an unused one).
  const params: unknown[] = [viewer.memberId, first + 1, ...tsTerms, terms.join(" "), pattern];
  if (fuzzy) params.push(lead, `{${fuzzyWords.map((w) => `"${w}"`).join(",")}}`);
  const rows = await q.rows<{ total: number; typename: string | null; id: string | null; score: string | null; snippet: string | null; name: string | null }>(
    statement(terms.length, fuzzy, substring),
    params,
  );
  const hits = rows.filter((r) => r.id !== null && r.typename !== null);
  const page = hits.slice(0, first);
  const last = page.at(-1);
  return {
    search: {
      totalCount: rows[0]?.total ?? 0,
      pageInfo: { hasNextPage: hits.length > first, endCursor: last ? cursor(last.score!, last.id!) : null },
      nodes: page.map((r) => ({
        kind: KIND_NAME[r.typename!],
        score: Number(r.score),
        snippet: snippetHtml(r.snippet, terms),
        record: { id: gid(r.typename!, r.id!), [NAME_FIELD[r.typename!]!]: r.name },
      })),
    },
  };
}
