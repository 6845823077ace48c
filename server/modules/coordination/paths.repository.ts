import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { isoTime, uuidArray } from "./sql.js";

// The introduction graph around a person, fetched a layer at a time (one
// statement per layer). Nodes are members, people and organisations; every
// person and organisation in it is one the viewer can see. Links that come only
// from records the viewer cannot see are RELATIONSHIP edges: the member is
// named, nothing else (no count, date or record).

export type NodeType = "MEMBER" | "PERSON" | "ORGANISATION";
export type EdgeKind = "INTERACTION" | "AFFILIATION" | "ALUMNI" | "PARTNERSHIP" | "RELATIONSHIP";

export interface EdgeRow {
  a_type: NodeType;
  a_id: string;
  a_name: string;
  a_latin: string | null;
  b_type: NodeType;
  b_id: string;
  b_name: string;
  b_latin: string | null;
  kind: EdgeKind;
  strength: number;
  last_at: string | null;
  label: string | null;
}

/** A visible, unarchived person: the target of a path. */
export function findPerson(db: Db, viewer: Viewer, personId: string) {
  return queryRows<{ id: string; full_name: string; name_latin: string | null; owner_member_id: string; visibility: "PRIVATE" | "NETWORK" }>(
    db,
    sql`select p.id, p.full_name, p.name_latin, p.owner_member_id, p.visibility::text
        from people p where p.id = ${personId} and ${visibleSql(viewer, "p")} and p.archived_at is null`,
  );
}

/** Member ↔ person or organisation through interactions: visible ones counted, others opaque. */
function interactionEdges(viewer: Viewer, subject: "person" | "organisation", ids: SQL, onlyMember: string | null): SQL {
  const link = subject === "person" ? sql`interaction_people` : sql`interaction_organisations`;
  const column = subject === "person" ? sql`l.person_id` : sql`l.organisation_id`;
  const table = subject === "person" ? sql`people` : sql`organisations`;
  const name = subject === "person" ? sql`s.full_name` : sql`s.name`;
  const vis = visibleSql(viewer, "i");
  return sql`select 'MEMBER'::text as a_type, m.id as a_id, m.name as a_name, null::text as a_latin,
      ${subject === "person" ? sql`'PERSON'` : sql`'ORGANISATION'`}::text as b_type, s.id as b_id, ${name} as b_name, s.name_latin as b_latin,
      case when bool_or(${vis}) then 'INTERACTION' else 'RELATIONSHIP' end as kind,
      greatest(count(*) filter (where ${vis}), 1)::int as strength,
      ${isoTime(sql`max(i.occurred_at) filter (where ${vis})`)} as last_at,
      null::text as label
    from ${link} l
    join interactions i on i.id = l.interaction_id and i.archived_at is null
    join ${table} s on s.id = ${column} and ${visibleSql(viewer, "s")} and s.archived_at is null
    join members m on m.id = i.owner_member_id
    where ${column} = any(${ids}) ${onlyMember ? sql`and i.owner_member_id = ${onlyMember}` : sql``}
    group by m.id, m.name, s.id, ${name}, s.name_latin`;
}

/** Member ↔ party organisation: the owner of a partnership, and its lead when the partnership is visible. */
function memberPartnershipEdges(viewer: Viewer, orgIds: SQL, onlyMember: string | null): SQL {
  const vis = visibleSql(viewer, "pt");
  return sql`select 'MEMBER'::text, m.id, m.name, null::text, 'ORGANISATION'::text, o.id, o.name, o.name_latin,
      case when bool_or(${vis}) then 'PARTNERSHIP' else 'RELATIONSHIP' end, 1, null::text,
      string_agg(pt.name, '; ' order by pt.name) filter (where ${vis})
    from partnerships pt
    join partnership_parties q on q.partnership_id = pt.id
    join organisations o on o.id = q.organisation_id and ${visibleSql(viewer, "o")} and o.archived_at is null
    join members m on m.id = pt.owner_member_id or (${vis} and m.id = pt.lead_member_id)
    where pt.archived_at is null and pt.status <> 'ENDED' and o.id = any(${orgIds})
      ${onlyMember ? sql`and m.id = ${onlyMember}` : sql``}
    group by m.id, m.name, o.id, o.name, o.name_latin`;
}

/**
 * Every edge touching the given people and organisations (or, with
 * `onlyMember`, only their edges with that member), strongest first, at most `limit`.
 */
export function edgesAround(
  db: Db,
  viewer: Viewer,
  nodes: { people: string[]; organisations: string[] },
  onlyMember: string | null,
  limit: number,
) {
  const people = uuidArray(nodes.people);
  const orgs = uuidArray(nodes.organisations);
  const parts: SQL[] = [
    interactionEdges(viewer, "person", people, onlyMember),
    interactionEdges(viewer, "organisation", orgs, onlyMember),
    memberPartnershipEdges(viewer, orgs, onlyMember),
  ];
  if (!onlyMember) {
    parts.push(
      sql`select 'PERSON'::text, p.id, p.full_name, p.name_latin, 'ORGANISATION'::text, o.id, o.name, o.name_latin, 'AFFILIATION'::text, 1, null::text,
          concat_ws(', ', a.role, case when a.ended_on < current_date then 'until ' || extract(year from a.ended_on)::text end)
        from affiliations a
        join people p on p.id = a.person_id and ${visibleSql(viewer, "p")} and p.archived_at is null
        join organisations o on o.id = a.organisation_id and ${visibleSql(viewer, "o")} and o.archived_at is null
        where a.person_id = any(${people}) or a.organisation_id = any(${orgs})`,
      sql`select 'PERSON'::text, p.id, p.full_name, p.name_latin, 'ORGANISATION'::text, o.id, o.name, o.name_latin, 'ALUMNI'::text, 1, null::text,
          concat_ws(', ', t.degree, t.subject, t.graduation_year::text)
        from alumni_ties t
        join people p on p.id = t.person_id and ${visibleSql(viewer, "p")} and p.archived_at is null
        join organisations o on o.id = t.university_id and ${visibleSql(viewer, "o")} and o.archived_at is null
        where t.person_id = any(${people}) or t.university_id = any(${orgs})`,
      // Organisation ↔ organisation: parties of the same visible partnership.
      sql`select 'ORGANISATION'::text, o1.id, o1.name, o1.name_latin, 'ORGANISATION'::text, o2.id, o2.name, o2.name_latin, 'PARTNERSHIP'::text, 1, null::text,
          string_agg(distinct pt.name, '; ')
        from partnerships pt
        join partnership_parties q1 on q1.partnership_id = pt.id
        join partnership_parties q2 on q2.partnership_id = pt.id and q2.organisation_id <> q1.organisation_id
        join organisations o1 on o1.id = q1.organisation_id and ${visibleSql(viewer, "o1")} and o1.archived_at is null
        join organisations o2 on o2.id = q2.organisation_id and ${visibleSql(viewer, "o2")} and o2.archived_at is null
        where ${visibleSql(viewer, "pt")} and pt.archived_at is null and pt.status <> 'ENDED' and q1.organisation_id = any(${orgs})
        group by o1.id, o1.name, o1.name_latin, o2.id, o2.name, o2.name_latin`,
    );
  }
  return queryRows<EdgeRow>(
    db,
    sql`select * from (${sql.join(parts, sql` union all `)}) e order by e.strength desc, e.last_at desc nulls last, e.a_id, e.b_id limit ${limit}`,
  );
}
