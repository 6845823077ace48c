import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import type { OrganisationRow, PersonRow } from "../../db/rows.js";
import { organisations, people } from "../../db/tables/index.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { rowFrom } from "../shared/raw-rows.js";

// Likely duplicates, found in SQL with pg_trgm over names folded by the functions of
// migration 0004_matching (entente_fold: lower case, no accents; entente_name_key: folded
// words in sorted order). Trigram similarity ignores word order and tolerates small typos;
// the name key catches exact matches in any script and word order; Latin transliterations
// are matched like names. Every query is filtered by the viewer's visibility in SQL, and
// several queries are answered in one statement (one lateral search per query).

export type MatchReason = "NAME" | "LATIN_NAME" | "EMAIL" | "ORGANISATION" | "COUNTRY";

export interface Match<R> {
  /** Which of the queries this answers. */
  index: number;
  row: R;
  /** 0..1, higher is more likely the same. */
  score: number;
  reasons: MatchReason[];
}

export interface PersonQuery {
  name: string | null;
  email: string | null;
  organisationName: string | null;
  countryCode: string | null;
}

export interface OrganisationQuery {
  name: string;
  countryCode: string | null;
}

/** A name must be at least this similar (0..1) for a record to be offered as a likely duplicate. */
export const MIN_NAME_SCORE = 0.45;
/** Words found inside a longer name (word_similarity) count for a little less than whole-name similarity. */
const WORD_WEIGHT = 0.8;

/** How similar a stored name column is to the query's folded name: 1 for the same words in any order. */
function nameScore(column: SQL): SQL {
  return sql`coalesce(case
      when q.key <> '' and public.entente_name_key(${column}) = q.key then 1::real
      else greatest(similarity(public.entente_fold(${column}), q.fold),
                    word_similarity(q.fold, public.entente_fold(${column})) * ${sql.raw(String(WORD_WEIGHT))})
    end, 0)`;
}

/** Rows worth scoring: the trigram (GIN) and name-key (btree) indexes answer these. */
function nameCandidate(column: SQL): SQL {
  return sql`(public.entente_fold(${column}) % q.fold or q.fold <% public.entente_fold(${column})
    or public.entente_name_key(${column}) = q.key)`;
}

function reasons(raw: Record<string, unknown>): MatchReason[] {
  const list: MatchReason[] = [];
  if (Number(raw._full_score) >= MIN_NAME_SCORE) list.push("NAME");
  if (Number(raw._latin_score) >= MIN_NAME_SCORE) list.push("LATIN_NAME");
  if (raw._email === true) list.push("EMAIL");
  if (raw._organisation === true) list.push("ORGANISATION");
  if (raw._country === true) list.push("COUNTRY");
  return list;
}

const round = (n: unknown) => Math.round(Number(n) * 1000) / 1000;

/**
 * Likely duplicates of several people at once, best first, at most `limit` per query.
 * Email counts only among the viewer's own member's records: another member's contact
 * details are not theirs to match against.
 */
export async function matchPeople(db: Db, viewer: Viewer, queries: PersonQuery[], limit: number): Promise<Match<PersonRow>[]> {
  if (!queries.length) return [];
  const input = JSON.stringify(
    queries.map((q, idx) => ({ idx, name: q.name, email: q.email, org: q.organisationName, country: q.countryCode })),
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with q as (
      select x.idx, public.entente_fold(x.name) as fold, public.entente_name_key(x.name) as key, x.email,
             public.entente_fold(x.org) as org, upper(x.country) as country
      -- The limit tells the planner how few queries there are (it assumes 100 rows of a function).
      from (select * from jsonb_to_recordset(${input}::jsonb) as r(idx int, name text, email citext, org text, country text)
            limit ${queries.length}) x
    )
    select q.idx as _idx, m.*
    from q cross join lateral (
      select c.*, s.score as _score from (
        select p.*, n.full_score as _full_score, n.latin_score as _latin_score,
          greatest(n.full_score, n.latin_score) as _name_score,
          coalesce(q.email is not null and p.owner_member_id = ${viewer.memberId} and p.email = q.email, false) as _email,
          (q.org is not null and exists (
            select 1 from affiliations a join organisations o on o.id = a.organisation_id
            where a.person_id = p.id and ${visibleSql(viewer, "o")}
              and (similarity(public.entente_fold(o.name), q.org) >= 0.5
                or word_similarity(q.org, public.entente_fold(o.name)) >= 0.6
                or similarity(public.entente_fold(o.name_latin), q.org) >= 0.5))) as _organisation,
          (q.country is not null and (
            exists (select 1 from places pl where pl.id = p.place_id and pl.country_code = q.country)
            or exists (
              select 1 from affiliations a join organisations o on o.id = a.organisation_id join places pl on pl.id = o.place_id
              where a.person_id = p.id and ${visibleSql(viewer, "o")} and pl.country_code = q.country))) as _country
        from people p
        cross join lateral (select ${nameScore(sql`p.full_name`)} as full_score, ${nameScore(sql`p.name_latin`)} as latin_score) n
        where ${visibleSql(viewer, "p")} and p.archived_at is null
          and (${nameCandidate(sql`p.full_name`)} or ${nameCandidate(sql`p.name_latin`)}
            or (q.email is not null and p.owner_member_id = ${viewer.memberId} and p.email = q.email))
      ) c
      cross join lateral (select case when c._email then 1
        else c._name_score * 0.85 + case when c._organisation then 0.1 else 0 end + case when c._country then 0.05 else 0 end
        end as score) s
      where c._name_score >= ${MIN_NAME_SCORE} or c._email
      order by s.score desc, lower(c.full_name), c.id
      limit ${limit}
    ) m
    order by q.idx, m._score desc, lower(m.full_name), m.id`,
  );
  return rows.map((raw) => ({
    index: Number(raw._idx),
    row: rowFrom(people, raw),
    score: round(raw._score),
    reasons: reasons(raw),
  }));
}

/** Likely duplicates of several organisations at once, best first, at most `limit` per query. */
export async function matchOrganisations(
  db: Db,
  viewer: Viewer,
  queries: OrganisationQuery[],
  limit: number,
): Promise<Match<OrganisationRow>[]> {
  if (!queries.length) return [];
  const input = JSON.stringify(queries.map((q, idx) => ({ idx, name: q.name, country: q.countryCode })));
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with q as (
      select x.idx, public.entente_fold(x.name) as fold, public.entente_name_key(x.name) as key, upper(x.country) as country
      from (select * from jsonb_to_recordset(${input}::jsonb) as r(idx int, name text, country text) limit ${queries.length}) x
    )
    select q.idx as _idx, m.*
    from q cross join lateral (
      select c.*, c._name_score * 0.9 + case when c._country then 0.1 else 0 end as _score from (
        select o.*, n.full_score as _full_score, n.latin_score as _latin_score,
          greatest(n.full_score, n.latin_score) as _name_score,
          (q.country is not null and exists (
            select 1 from places pl where pl.id = o.place_id and pl.country_code = q.country)) as _country
        from organisations o
        cross join lateral (select ${nameScore(sql`o.name`)} as full_score, ${nameScore(sql`o.name_latin`)} as latin_score) n
        where ${visibleSql(viewer, "o")} and o.archived_at is null
          and (${nameCandidate(sql`o.name`)} or ${nameCandidate(sql`o.name_latin`)})
      ) c
      where c._name_score >= ${MIN_NAME_SCORE}
      order by _score desc, lower(c.name), c.id
      limit ${limit}
    ) m
    order by q.idx, m._score desc, lower(m.name), m.id`,
  );
  return rows.map((raw) => ({
    index: Number(raw._idx),
    row: rowFrom(organisations, raw),
    score: round(raw._score),
    reasons: reasons(raw),
  }));
}
