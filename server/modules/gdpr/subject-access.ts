import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";
import { jsonObject } from "../shared/raw-rows.js";

// Subject access (UK GDPR art. 15): everything Entente holds about a person that
// the owner member controls, or that other members share with it. Records other
// members keep PRIVATE are theirs to answer for (each member is a controller),
// and they stay invisible here as everywhere else.
//
// Every table with a column that refers to a person must have a section here:
// tests/gdpr/subject-access.api.test.ts lists the foreign keys to people (and the
// generic record columns) and fails when one is not covered.

export interface SarSection {
  name: string;
  /** "table.column" references to the person that this section answers for. */
  covers: string[];
  load(db: Db, viewer: Viewer, personId: string): Promise<Record<string, unknown>[]>;
}

/** Rows as JSON objects (to_jsonb): instants in ISO 8601 and the same shapes from both drivers. */
const rows = async (db: Db, query: SQL) =>
  (await queryRows<{ row: unknown }>(db, sql`select to_jsonb(x) as row from (${query}) x`)).map((r) => jsonObject(r.row));

export const SAR_SECTIONS: SarSection[] = [
  {
    name: "people",
    covers: ["people.id"],
    load: (db, _viewer, id) => rows(db, sql`select * from people where id = ${id}`),
  },
  {
    name: "affiliations",
    covers: ["affiliations.person_id"],
    load: (db, viewer, id) =>
      rows(
        db,
        sql`select a.*, case when ${visibleSql(viewer, "o")} then o.name end as organisation_name
            from affiliations a join organisations o on o.id = a.organisation_id
            where a.person_id = ${id} order by a.started_on nulls first, a.id`,
      ),
  },
  {
    name: "alumni_ties",
    covers: ["alumni_ties.person_id"],
    load: (db, viewer, id) =>
      rows(
        db,
        sql`select t.*, case when ${visibleSql(viewer, "o")} then o.name end as university_name
            from alumni_ties t join organisations o on o.id = t.university_id
            where t.person_id = ${id} order by t.graduation_year nulls first, t.id`,
      ),
  },
  {
    name: "investor_profiles",
    covers: ["investor_profiles.person_id"],
    load: (db, viewer, id) =>
      rows(db, sql`select i.* from investor_profiles i where i.person_id = ${id} and ${visibleSql(viewer, "i")} order by i.created_at, i.id`),
  },
  {
    name: "interactions",
    // The read models person_interaction_stats and _totals (migration 0014) only count
    // and date these same participations, recomputed from them: nothing more to disclose.
    covers: ["interaction_people.person_id", "person_interaction_stats.person_id", "person_interaction_totals.person_id"],
    load: (db, viewer, id) =>
      rows(
        db,
        sql`select i.id, i.owner_member_id, m.name as owner_member_name, i.visibility, i.occurred_at, i.kind, i.channel,
                   i.subject,
                   case when not i.notes_sensitive or i.owner_member_id = ${viewer.memberId} then i.notes end as notes,
                   i.notes_sensitive, i.outcome, i.themes, pl.name as place_name, i.external_id, i.created_at, i.updated_at, i.archived_at,
                   array(select o.name from interaction_organisations io join organisations o on o.id = io.organisation_id
                         where io.interaction_id = i.id and ${visibleSql(viewer, "o")} order by o.name) as organisation_names
            from interaction_people ip
            join interactions i on i.id = ip.interaction_id
            join members m on m.id = i.owner_member_id
            left join places pl on pl.id = i.place_id
            where ip.person_id = ${id} and ${visibleSql(viewer, "i")}
            order by i.occurred_at, i.id`,
      ),
  },
  {
    name: "follow_ups",
    covers: ["follow_ups.person_id"],
    load: (db, viewer, id) =>
      rows(db, sql`select f.* from follow_ups f where f.person_id = ${id} and ${visibleSql(viewer, "f")} order by f.created_at, f.id`),
  },
  {
    name: "opportunities",
    covers: ["opportunities.person_id"],
    load: (db, viewer, id) =>
      rows(db, sql`select o.* from opportunities o where o.person_id = ${id} and ${visibleSql(viewer, "o")} order by o.created_at, o.id`),
  },
  {
    name: "audit_events",
    covers: ["audit_events.record_id"],
    load: (db, viewer, id) =>
      rows(
        db,
        sql`select e.id, e.at, e.action, e.record_type, e.record_id, e.changes, u.name as user_name
            from audit_events e left join users u on u.id = e.user_id
            where e.record_id = ${id} and e.member_id = ${viewer.memberId} order by e.id`,
      ),
  },
  {
    name: "import_reports",
    covers: ["import_job_rows.record_id", "import_job_rows.matched_ids"],
    load: (db, viewer, id) =>
      rows(
        db,
        sql`select j.file_name, j.entity, j.created_at as uploaded_at, r.row_number, r.status, r.changed_fields, r.problems
            from import_job_rows r join import_jobs j on j.id = r.job_id
            where (r.record_id = ${id} or ${id} = any(r.matched_ids)) and j.member_id = ${viewer.memberId}
            order by j.created_at, r.row_number`,
      ),
  },
];

/** JSON-safe values; the search module's generated columns (derived from the text shown) are left out. */
function jsonValue(key: string, v: unknown): unknown {
  if (key.startsWith("search_")) return undefined;
  return typeof v === "bigint" ? Number(v) : v;
}

export interface SubjectAccessExport {
  generatedAt: Date;
  sections: { name: string; covers: string[]; rows: number }[];
  json: string;
}

export async function subjectAccessExport(db: Db, viewer: Viewer, personId: string, memberName: string): Promise<SubjectAccessExport> {
  const generatedAt = new Date();
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const section of SAR_SECTIONS) data[section.name] = await section.load(db, viewer, personId);
  const json = JSON.stringify(
    {
      format: "entente-subject-access/1",
      generatedAt: generatedAt.toISOString(),
      controller: memberName,
      personId,
      note:
        "Everything Entente holds about this person that your member controls or that other members share with it. " +
        "Each member is a controller of its own records: records another member keeps private are not included.",
      sections: data,
    },
    jsonValue,
    2,
  );
  return {
    generatedAt,
    sections: SAR_SECTIONS.map((s) => ({ name: s.name, covers: s.covers, rows: data[s.name]!.length })),
    json,
  };
}
