import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import type { AuditEventRow, FollowUpRow, InteractionRow, VisitRow } from "../../db/rows.js";
import { auditEvents, followUps, interactions, visits } from "../../db/tables/index.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { jsonObject, rowFrom } from "../shared/raw-rows.js";

// A record's history in time order — the interactions, follow-ups, visits and changes around
// a person, organisation, partnership or place — as ONE statement: a UNION ALL of the four
// kinds, each filtered by the viewer's visibility in SQL, ranked per record with a window
// and keyset-paginated, returning each entry's row serialised with to_jsonb. The number of
// statements is fixed whatever the length of the timeline and however many records ask.

export type TimelineParent = "person" | "organisation" | "partnership" | "place";
export type TimelineKind = "INTERACTION" | "FOLLOW_UP" | "VISIT" | "CHANGE";

export interface TimelineEntry {
  /** "KIND:id": unique across kinds, the keyset tie-breaker. */
  id: string;
  kind: TimelineKind;
  at: Date;
  interaction: InteractionRow | null;
  followUp: FollowUpRow | null;
  visit: VisitRow | null;
  change: AuditEventRow | null;
}

/** Archived records leave the timeline; only those the viewer can see enter it. */
const live = (viewer: Viewer, alias: string) => sql`${visibleSql(viewer, alias)} and ${sql.identifier(alias)}.archived_at is null`;

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** The audit record type of each parent. */
const recordType: Record<TimelineParent, string> = {
  person: "Person",
  organisation: "Organisation",
  partnership: "Partnership",
  place: "Place",
};

/** The follow-up column naming the parent directly, when there is one. */
const followUpColumn: Partial<Record<TimelineParent, string>> = {
  person: "person_id",
  organisation: "organisation_id",
  partnership: "partnership_id",
};

/**
 * CTEs shared by timelines and relationship health:
 *  scope(parent_id, interaction_id) — visible, unarchived interactions of each parent;
 *  places_of(parent_id, place_id)   — places whose visits belong to the parent (partnership, place).
 * A partnership's interactions are those with its international parties (organisations the
 * viewer can see, or at its places); a place's are those at it or at any place within it.
 */
export function scopeCtes(viewer: Viewer, parent: TimelineParent, ids: readonly string[]): SQL {
  const parents = uuidArray(ids);
  let raw: SQL;
  let placesOf = sql`select null::uuid as parent_id, null::uuid as place_id where false`;
  switch (parent) {
    case "person":
      raw = sql`select ip.person_id as parent_id, ip.interaction_id from interaction_people ip where ip.person_id = any(${parents})`;
      break;
    case "organisation":
      raw = sql`select io.organisation_id as parent_id, io.interaction_id from interaction_organisations io
        where io.organisation_id = any(${parents})`;
      break;
    case "partnership":
      placesOf = sql`select pp.partnership_id as parent_id, pp.place_id from partnership_parties pp
        where pp.partnership_id = any(${parents}) and pp.side = 'INTERNATIONAL' and pp.place_id is not null`;
      raw = sql`select pp.partnership_id as parent_id, io.interaction_id from partnership_parties pp
          join organisations o on o.id = pp.organisation_id and ${visibleSql(viewer, "o")}
          join interaction_organisations io on io.organisation_id = pp.organisation_id
          where pp.partnership_id = any(${parents}) and pp.side = 'INTERNATIONAL'
        union
        select po.parent_id, pi.id from places_of po join interactions pi on pi.place_id = po.place_id`;
      break;
    case "place":
      // The place and everything within it (regions, cities), a few levels deep at most.
      placesOf = sql`select root_id as parent_id, id as place_id from place_tree`;
      raw = sql`select po.parent_id, pi.id as interaction_id from places_of po join interactions pi on pi.place_id = po.place_id`;
      break;
  }
  const tree =
    parent === "place"
      ? sql`place_tree(root_id, id, depth) as (
          select pl.id, pl.id, 0 from places pl where pl.id = any(${parents})
          union all
          select t.root_id, c.id, t.depth + 1 from places c join place_tree t on c.parent_id = t.id where t.depth < 4),`
      : sql``;
  return sql`${tree}
    places_of as (${placesOf}),
    scope as (
      select distinct r.parent_id, i.id as interaction_id, i.occurred_at, i.owner_member_id, i.visit_id
      from (${raw}) r join interactions i on i.id = r.interaction_id
      where ${live(viewer, "i")})`;
}

/** Every entry of each parent: (parent_id, kind, id, at). */
function entriesCte(viewer: Viewer, parent: TimelineParent, ids: readonly string[]): SQL {
  const parents = uuidArray(ids);
  const direct = followUpColumn[parent];
  const followUpLinks = sql.join(
    [
      sql`select s.parent_id, f.id from scope s join follow_ups f on f.interaction_id = s.interaction_id`,
      direct ? sql`select f.${sql.identifier(direct)} as parent_id, f.id from follow_ups f where f.${sql.identifier(direct)} = any(${parents})` : null,
      parent === "place" || parent === "partnership"
        ? // Only through a visit the viewer sees: a hidden visit must not place its follow-ups here.
          sql`select sv.parent_id, f.id from scope_visits sv join visits fv on fv.id = sv.visit_id and ${live(viewer, "fv")}
            join follow_ups f on f.visit_id = sv.visit_id`
        : null,
    ].filter((q): q is SQL => q !== null),
    sql` union `,
  );
  return sql`scope_visits as (
      select s.parent_id, s.visit_id from scope s where s.visit_id is not null
      union
      select po.parent_id, d.visit_id from places_of po join visit_destinations d on d.place_id = po.place_id),
    entries as (
      select s.parent_id, 'INTERACTION' as kind, s.interaction_id::text as id, s.occurred_at as at from scope s
      union all
      select sv.parent_id, 'VISIT', v.id::text, v.starts_on::timestamp at time zone 'UTC'
      from scope_visits sv join visits v on v.id = sv.visit_id where ${live(viewer, "v")}
      union all
      select fl.parent_id, 'FOLLOW_UP', f.id::text,
        case when f.status = 'DONE' and f.completed_at is not null then f.completed_at
             when f.due_on is not null then f.due_on::timestamp at time zone 'UTC'
             else f.created_at end
      from (${followUpLinks}) fl join follow_ups f on f.id = fl.id where ${live(viewer, "f")}
      union all
      select e.record_id, 'CHANGE', e.id::text, e.at from audit_events e
      where e.record_type = ${recordType[parent]} and e.record_id = any(${parents}))`;
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^(INTERACTION|FOLLOW_UP|VISIT|CHANGE):[0-9a-f-]{1,36}$/;

export function validCursor(key: string, id: string): boolean {
  return CURSOR_AT.test(key) && CURSOR_ID.test(id);
}

export interface TimelinePage {
  /** Every entry of the parent's timeline the viewer can see, whatever the cursor. */
  total: number;
  rows: { row: TimelineEntry; sortKey: string }[];
}

/**
 * For each parent, the first `size + 1` entries after the cursor, newest first, each with
 * its cursor key (the instant, as UTC text), and the timeline's total, in ONE statement:
 * totalCount comes with the page rather than as a second statement, so a profile's
 * statement count is fixed whatever the client asks for. `entries` is read twice (total,
 * page), so PostgreSQL materialises it once. A parent with no entries is missing (total 0).
 */
export async function timelinePages(
  db: Db,
  viewer: Viewer,
  parent: TimelineParent,
  ids: readonly string[],
  size: number,
  after: { key: string; id: string } | null,
): Promise<Map<string, TimelinePage>> {
  const afterWhere = after
    ? sql`where (x.at, x.kind || ':' || x.id) < (cast(${after.key} as timestamptz), ${after.id})`
    : sql``;
  const rows = await queryRows<{
    parent_id: string;
    total: number;
    kind: TimelineKind | null;
    sort_id: string | null;
    sort_key: string | null;
    payload: unknown;
  }>(
    db,
    sql`with recursive ${scopeCtes(viewer, parent, ids)}, ${entriesCte(viewer, parent, ids)},
    totals as (select x.parent_id, count(*)::int as n from entries x group by x.parent_id),
    ranked as (
      select x.parent_id, x.kind, x.id, x.at, x.kind || ':' || x.id as sort_id,
        row_number() over (partition by x.parent_id order by x.at desc, x.kind || ':' || x.id desc) as rank
      from entries x ${afterWhere})
    select t.parent_id, t.n as total, r.kind, r.sort_id,
      to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key,
      case r.kind
        when 'INTERACTION' then (select to_jsonb(i) from interactions i where i.id = r.id::uuid)
        when 'FOLLOW_UP' then (select to_jsonb(f) from follow_ups f where f.id = r.id::uuid)
        when 'VISIT' then (select to_jsonb(v) from visits v where v.id = r.id::uuid)
        when 'CHANGE' then (select to_jsonb(e) from audit_events e where e.id = r.id::bigint)
      end as payload
    from totals t left join ranked r on r.parent_id = t.parent_id and r.rank <= ${size + 1}
    order by t.parent_id, r.rank`,
  );
  const pages = new Map<string, TimelinePage>();
  for (const r of rows) {
    let page = pages.get(r.parent_id);
    if (!page) pages.set(r.parent_id, (page = { total: r.total, rows: [] }));
    // A parent whose entries all lie before the cursor still has its total: one row with no entry.
    if (r.kind === null || r.sort_id === null || r.sort_key === null) continue;
    const payload = jsonObject(r.payload);
    page.rows.push({
      sortKey: r.sort_key,
      row: {
        id: r.sort_id,
        kind: r.kind,
        at: new Date(r.sort_key),
        interaction: r.kind === "INTERACTION" ? rowFrom(interactions, payload) : null,
        followUp: r.kind === "FOLLOW_UP" ? rowFrom(followUps, payload) : null,
        visit: r.kind === "VISIT" ? rowFrom(visits, payload) : null,
        change: r.kind === "CHANGE" ? rowFrom(auditEvents, payload) : null,
      },
    });
  }
  return pages;
}

export interface MemberEngagementRow {
  parentId: string;
  memberId: string;
  lastInteractionAt: Date;
  recent: number;
  total: number;
}

/** Per parent and member: the last visible interaction (up to now), and how many in the last 12 months and ever. */
export async function engagement(db: Db, viewer: Viewer, parent: TimelineParent, ids: readonly string[]): Promise<MemberEngagementRow[]> {
  const rows = await queryRows<{ parent_id: string; member_id: string; last_at: string; recent: number; total: number }>(
    db,
    sql`with recursive ${scopeCtes(viewer, parent, ids)}
    select s.parent_id, s.owner_member_id as member_id, max(s.occurred_at) as last_at,
      (count(*) filter (where s.occurred_at >= now() - interval '12 months'))::int as recent, count(*)::int as total
    from scope s where s.occurred_at <= now()
    group by s.parent_id, s.owner_member_id
    order by s.parent_id, max(s.occurred_at) desc, s.owner_member_id`,
  );
  return rows.map((r) => ({
    parentId: r.parent_id,
    memberId: r.member_id,
    lastInteractionAt: new Date(r.last_at),
    recent: r.recent,
    total: r.total,
  }));
}

export interface AcquaintanceRow {
  userId: string;
  lastMetAt: Date;
  interactions: number;
}

/**
 * The users who logged or attended the person's visible interactions (up to now), most
 * recently met first, at most `limit`, in one statement. A disabled account counts only
 * for its own member's admins, as for user(id).
 */
export async function acquaintances(db: Db, viewer: Viewer, personId: string, limit: number): Promise<AcquaintanceRow[]> {
  const adminOf = viewer.role === "ADMIN" ? viewer.memberId : null;
  const rows = await queryRows<{ user_id: string; last_at: string; n: number }>(
    db,
    sql`with ${scopeCtes(viewer, "person", [personId])},
    met as (
      select s.interaction_id, s.occurred_at, iu.user_id
      from scope s join interaction_users iu on iu.interaction_id = s.interaction_id
      where s.occurred_at <= now()
      union
      select s.interaction_id, s.occurred_at, i.created_by_id
      from scope s join interactions i on i.id = s.interaction_id
      where s.occurred_at <= now() and i.created_by_id is not null),
    per_user as (
      select m.user_id, max(m.occurred_at) as last_at, count(distinct m.interaction_id)::int as n from met m group by m.user_id)
    select pu.user_id, pu.last_at, pu.n
    from per_user pu join users u on u.id = pu.user_id
    where u.disabled_at is null or u.member_id = ${adminOf}::uuid
    order by pu.last_at desc, pu.n desc, pu.user_id
    limit ${limit}`,
  );
  return rows.map((r) => ({ userId: r.user_id, lastMetAt: new Date(r.last_at), interactions: r.n }));
}
