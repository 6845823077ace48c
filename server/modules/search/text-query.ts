import { type SQL, sql } from "drizzle-orm";
import { badInput } from "../../errors.js";
import { likePattern } from "../shared/text.js";

// Free-text matching shared by search and alumniInvestors. A record matches a
// query when any of these holds:
//   1. full text: every word of the query (a prefix of a word, from 2 letters)
//      is in the record's stored search_vector, in either the "simple" or the
//      English (stemmed) form; English stop words are skipped. The text search
//      configurations entente_simple / entente_english fold accents first.
//   2. fuzzy: every word of 3+ characters is trigram-similar (word_similarity
//      >= 0.5) to the record's folded names (search_names; not interaction
//      subjects), so "Brimingham" finds Birmingham. Done by
//      entente_search_fuzzy(), which sets that threshold for itself only.
//   3. substring (queries of 3+ characters): the folded names contain the query
//      literally; %, _ and \ in the query are ordinary characters.
// search (search.repository.ts) tries 2 and 3 only when 1 finds few visible
// records; alumniInvestors' free text uses all three at once (matchingIds).
// Owner-only fields (email, phone, data-protection notes) are in none of the
// search columns, and interaction notes live in a separate search_notes vector
// that is consulted only where the viewer may read the notes.

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 60;
/** Below this many characters a query only matches whole words (and word prefixes). */
const MIN_FUZZY_LENGTH = 3;

export interface SearchText {
  /** The query as typed: NFKC-normalised, trimmed, inner whitespace collapsed. */
  literal: string;
  /** Its words (letters, marks and digits), lower-cased and de-duplicated. */
  terms: string[];
}

/** Validates and splits a free-text query; an empty or overlong query is bad input naming `field`. */
export function parseSearchText(query: string, field: string): SearchText {
  const literal = query.normalize("NFKC").trim().replace(/\s+/g, " ");
  if (!literal) throw badInput(field, `${field}: must not be empty.`);
  if ([...literal].length > MAX_QUERY_LENGTH) {
    throw badInput(field, `${field}: must be at most ${MAX_QUERY_LENGTH} characters.`);
  }
  const words = literal
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => [...w].slice(0, MAX_TERM_LENGTH).join(""));
  return { literal, terms: [...new Set(words)].slice(0, MAX_TERMS) };
}

const SIMPLE = sql`'public.entente_simple'::regconfig`;
const ENGLISH = sql`'public.entente_english'::regconfig`;

/**
 * The tsquery for the terms: each term as (simple | english) — a prefix match
 * when it has a letter and 2+ characters — all ANDed. A term that is an English
 * stop word ("of", "in") is left out, unless every term is one. Terms hold
 * letters, marks and digits only, so quoting them cannot change the syntax.
 */
export function tsQuerySql(terms: string[]): SQL {
  if (terms.length === 0) return sql`''::tsquery`;
  const parts = terms.map((term) => {
    const text = `'${term}'${/\p{L}/u.test(term) && [...term].length >= 2 ? ":*" : ""}`;
    return { simple: sql`to_tsquery(${SIMPLE}, ${text})`, english: sql`to_tsquery(${ENGLISH}, ${text})` };
  });
  const content = sql.join(
    parts.map((p) => sql`(case when numnode(${p.english}) = 0 then ''::tsquery else ${p.simple} || ${p.english} end)`),
    sql` && `,
  );
  const allSimple = sql.join(
    parts.map((p) => p.simple),
    sql` && `,
  );
  return sql`(select case when numnode(c.q) = 0 then ${allSimple} else c.q end from (select ${content} as q) c)`;
}

/** Folded text (lower case, no accents), as the search_names columns hold it. */
export function foldSql(value: SQL | string): SQL {
  return sql`lower(public.immutable_unaccent(${value}))`;
}

/** The words long enough to be matched approximately. */
function fuzzyTerms(text: SearchText): string[] {
  return text.terms.filter((t) => [...t].length >= MIN_FUZZY_LENGTH);
}

/** A text[] literal of words (letters, marks and digits only, so quoting them is safe). */
const wordArray = (words: string[]) => sql`${`{${words.map((w) => `"${w}"`).join(",")}}`}::text[]`;

function substringEligible(text: SearchText): boolean {
  return [...text.literal].length >= MIN_FUZZY_LENGTH;
}

/**
 * One-row CTE body `q` with the query's forms: tsq (tsquery), fold (folded
 * words, for trigram similarity) and pattern (a LIKE pattern of the folded
 * literal query, or null when the query is too short for substring matching).
 */
export function queryCte(text: SearchText): SQL {
  const pattern = substringEligible(text) ? foldSql(likePattern(text.literal)) : sql`null::text`;
  return sql`select ${tsQuerySql(text.terms)} as tsq, ${foldSql(text.terms.join(" "))} as fold, ${pattern} as pattern`;
}

/** Search kinds as the fuzzy function and hits name them (GraphQL type names). */
export type SearchTypename = "Person" | "Organisation" | "Place" | "Partnership" | "Visit" | "Interaction";

/**
 * CTE body `fz`: (hit_kind, hit_id) of records of the given kinds whose names are
 * trigram-similar to the query. Visibility is applied by the caller's join.
 */
export function fuzzyCte(text: SearchText, requested: SearchTypename[]): SQL {
  const words = fuzzyTerms(text);
  // Typos are forgiven in names; interaction subjects (the largest table) are matched by words and substrings only.
  const kinds = requested.filter((k) => k !== "Interaction");
  if (words.length === 0 || kinds.length === 0) return sql`select null::text as hit_kind, null::uuid as hit_id where false`;
  // The longest word drives the trigram index; every word must be similar to the names.
  const lead = words.reduce((a, b) => ([...b].length > [...a].length ? b : a));
  return sql`select hit_kind, hit_id from public.entente_search_fuzzy(${foldSql(lead)},
    (select array_agg(${foldSql(sql`w`)}) from unnest(${wordArray(words)}) w), ${wordArray(kinds)})`;
}

/**
 * Ids of `table` rows whose text matches (full text, fuzzy or substring), as a
 * subquery over the q and fz CTEs; each arm can use its own index. Visibility is
 * the caller's.
 */
export function matchingIds(table: string, typename: SearchTypename): SQL {
  const t = sql.identifier(table);
  return sql`(
    select id from ${t} where search_vector @@ (select tsq from q)
    union select hit_id from fz where hit_kind = ${typename}
    union select id from ${t} where search_names like (select pattern from q)
  )`;
}
