import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { isoTime, uuidArray } from "../coordination/sql.js";

// The network around a record, fetched a layer at a time: one statement per
// layer however many nodes it has. Every row is built only from records the
// viewer can see (visibleSql on each owned table, as introductionPaths does),
// and unlike introduction paths there are no opaque links: a private
// interaction, person, organisation or partnership of another member yields
// no row at all.

export type NodeKind = "MEMBER" | "PERSON" | "ORGANISATION" | "PLACE";
export type LinkKind = "INTERACTION" | "AFFILIATION" | "ALUMNI" | "PARTNERSHIP";

export interface LinkRow {
  a_kind: NodeKind;
  a_id: string;
  a_name: string;
  a_latin: string | null;
  b_kind: NodeKind;
  b_id: string;
  b_name: string;
  b_latin: string | null;
  kind: LinkKind;
  strength: number;
  last_at: string | null;
  label: string | null;
}

/** Database ids by node kind. */
export type NodeSets = Record<NodeKind, readonly string[]>;

/**
 * "touching": links with at least one end in the sets (expanding a layer).
 * "within": links with both ends in the sets (the links among the nodes kept).
 */
export type Mode = "touching" | "within";

export interface CentreRow {
  id: string;
  name: string;
  name_latin: string | null;
}

/** A visible, unarchived person or organisation: the centre of a network. */
export function findCentre(db: Db, viewer: Viewer, kind: "PERSON" | "ORGANISATION", id: string) {
  const query =
    kind === "PERSON"
      ? sql`select p.id, p.full_name as name, p.name_latin from people p
            where p.id = ${id} and ${visibleSql(viewer, "p")} and p.archived_at is null`
      : sql`select o.id, o.name, o.name_latin from organisations o
            where o.id = ${id} and ${visibleSql(viewer, "o")} and o.archived_at is null`;
  return queryRows<CentreRow>(db, query);
}

/**
 * `column = any(ids)`, or null when there are no ids. Empty sets are left out
 * of the SQL rather than compared: an OR with a comparison on another table
 * would stop PostgreSQL from using the index on the column that matters.
 */
function anyOf(column: SQL, sets: NodeSets, kind: NodeKind): SQL | null {
  return sets[kind].length ? sql`${column} = any(${uuidArray(sets[kind])})` : null;
}
function either(...conditions: (SQL | null)[]): SQL {
  const present = conditions.filter((c): c is SQL => c !== null);
  return present.length ? sql`(${sql.join(present, sql` or `)})` : sql`false`;
}
function both(mode: Mode, a: SQL | null, b: SQL | null): SQL {
  if (mode === "touching") return either(a, b);
  return a && b ? sql`(${a} and ${b})` : sql`false`;
}
/** A party of either kind (alias.kind, alias.id) in the sets, or null when there are no organisations or places. */
function partyIn(sets: NodeSets, alias: string): SQL | null {
  const a = sql.identifier(alias);
  const orgs = anyOf(sql`${a}.id`, sets, "ORGANISATION");
  const places = anyOf(sql`${a}.id`, sets, "PLACE");
  if (!orgs && !places) return null;
  return either(orgs && sql`(${a}.kind = 'ORGANISATION' and ${orgs})`, places && sql`(${a}.kind = 'PLACE' and ${places})`);
}

/** Member ↔ person or organisation through the viewer's visible interactions. */
function interactionLinks(viewer: Viewer, subject: "PERSON" | "ORGANISATION", sets: NodeSets, mode: Mode): SQL {
  const person = subject === "PERSON";
  const link = person ? sql`interaction_people` : sql`interaction_organisations`;
  const column = person ? sql`l.person_id` : sql`l.organisation_id`;
  const table = person ? sql`people` : sql`organisations`;
  const name = person ? sql`s.full_name` : sql`s.name`;
  return sql`select 'MEMBER'::text as a_kind, m.id as a_id, m.name as a_name, null::text as a_latin,
      ${subject}::text as b_kind, s.id as b_id, ${name} as b_name, s.name_latin as b_latin,
      'INTERACTION'::text as kind, count(*)::int as strength, ${isoTime(sql`max(i.occurred_at)`)} as last_at, null::text as label
    from ${link} l
    join interactions i on i.id = l.interaction_id and ${visibleSql(viewer, "i")} and i.archived_at is null
    join ${table} s on s.id = ${column} and ${visibleSql(viewer, "s")} and s.archived_at is null
    join members m on m.id = i.owner_member_id
    where ${both(mode, anyOf(sql`i.owner_member_id`, sets, "MEMBER"), anyOf(column, sets, subject))}
    group by m.id, m.name, s.id, ${name}, s.name_latin`;
}

/** Person ↔ organisation: affiliations and alumni ties share the person's visibility; the organisation must be visible too. */
function personOrganisationLinks(viewer: Viewer, kind: "AFFILIATION" | "ALUMNI", sets: NodeSets, mode: Mode): SQL {
  const affiliation = kind === "AFFILIATION";
  const table = affiliation ? sql`affiliations` : sql`alumni_ties`;
  const orgColumn = affiliation ? sql`t.organisation_id` : sql`t.university_id`;
  const label = affiliation
    ? sql`concat_ws(', ', t.role, case when t.ended_on < current_date then 'until ' || extract(year from t.ended_on)::text end)`
    : sql`concat_ws(', ', t.degree, t.subject, t.graduation_year::text)`;
  return sql`select 'PERSON'::text, p.id, p.full_name, p.name_latin, 'ORGANISATION'::text, o.id, o.name, o.name_latin,
      ${kind}::text, 1, null::text, string_agg(nullif(${label}, ''), '; ')
    from ${table} t
    join people p on p.id = t.person_id and ${visibleSql(viewer, "p")} and p.archived_at is null
    join organisations o on o.id = ${orgColumn} and ${visibleSql(viewer, "o")} and o.archived_at is null
    where ${both(mode, anyOf(sql`t.person_id`, sets, "PERSON"), anyOf(orgColumn, sets, "ORGANISATION"))}
    group by p.id, p.full_name, p.name_latin, o.id, o.name, o.name_latin`;
}

/**
 * The parties (visible organisations and places) of the visible, current
 * partnerships that have a party in the sets: the two partnership link kinds
 * below read this CTE.
 */
function partiesCte(viewer: Viewer, sets: NodeSets): SQL {
  return sql`near as (
      select distinct q.partnership_id from partnership_parties q
      where ${either(anyOf(sql`q.organisation_id`, sets, "ORGANISATION"), anyOf(sql`q.place_id`, sets, "PLACE"))}
    ),
    parties as (
      select pt.id as partnership_id, pt.name as partnership, pt.owner_member_id, pt.lead_member_id,
        case when o.id is not null then 'ORGANISATION' else 'PLACE' end as kind,
        coalesce(o.id, pl.id) as id, coalesce(o.name, pl.name) as name, coalesce(o.name_latin, pl.name_latin) as name_latin
      from near
      join partnerships pt on pt.id = near.partnership_id and ${visibleSql(viewer, "pt")} and pt.archived_at is null and pt.status <> 'ENDED'
      join partnership_parties q on q.partnership_id = pt.id
      left join organisations o on o.id = q.organisation_id and ${visibleSql(viewer, "o")} and o.archived_at is null
      left join places pl on pl.id = q.place_id and pl.archived_at is null
      where o.id is not null or pl.id is not null
    )`;
}

function partnershipLinks(sets: NodeSets, mode: Mode): SQL[] {
  return [
    // Party ↔ party, each pair once (ordered by kind and id).
    sql`select p1.kind, p1.id, p1.name, p1.name_latin, p2.kind, p2.id, p2.name, p2.name_latin,
        'PARTNERSHIP'::text, count(distinct p1.partnership_id)::int, null::text, string_agg(distinct p1.partnership, '; ')
      from parties p1
      join parties p2 on p2.partnership_id = p1.partnership_id and (p1.kind, p1.id) < (p2.kind, p2.id)
      where ${both(mode, partyIn(sets, "p1"), partyIn(sets, "p2"))}
      group by p1.kind, p1.id, p1.name, p1.name_latin, p2.kind, p2.id, p2.name, p2.name_latin`,
    // The member that records or leads a partnership ↔ each party.
    sql`select 'MEMBER'::text, m.id, m.name, null::text, p.kind, p.id, p.name, p.name_latin,
        'PARTNERSHIP'::text, count(distinct p.partnership_id)::int, null::text, string_agg(distinct p.partnership, '; ')
      from parties p
      join members m on m.id = p.owner_member_id or m.id = p.lead_member_id
      where ${both(mode, anyOf(sql`m.id`, sets, "MEMBER"), partyIn(sets, "p"))}
      group by m.id, m.name, p.kind, p.id, p.name, p.name_latin`,
  ];
}

/** Links touching, or within, the sets: strongest and most recent first (then by name, so ties are stable), at most `limit`. One statement. */
export function links(db: Db, viewer: Viewer, sets: NodeSets, mode: Mode, limit: number) {
  const parts = [
    interactionLinks(viewer, "PERSON", sets, mode),
    interactionLinks(viewer, "ORGANISATION", sets, mode),
    personOrganisationLinks(viewer, "AFFILIATION", sets, mode),
    personOrganisationLinks(viewer, "ALUMNI", sets, mode),
    ...partnershipLinks(sets, mode),
  ];
  return queryRows<LinkRow>(
    db,
    sql`with ${partiesCte(viewer, sets)}
      select * from (${sql.join(parts, sql` union all `)}) e
      order by e.strength desc, e.last_at desc nulls last, e.kind, e.a_name, e.b_name, e.a_id, e.b_id
      limit ${limit}`,
  );
}
