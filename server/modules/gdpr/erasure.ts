import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import type { PersonRow } from "../../db/rows.js";
import type { Viewer } from "../../policy/sharing.policy.js";

// Erasure (UK GDPR art. 17) of one person, in one transaction. The person row is
// deleted; the database removes what belongs to it (affiliations, alumni ties,
// investor profile, follow-ups about them, their place among interaction
// participants) and unlinks opportunities. Interactions themselves stay, so
// counts and the meeting history of everyone else are kept. Mentions of the
// person (name, Latin name, email, phone) in free text are replaced by
// "[erased]": in the owner member's records and in every interaction they took
// part in. Import reports and pending uploads that could hold their data go, and
// erase_person_audit() (migration 0006) redacts their data in the audit log.
// See docs/decisions/0003-erasure-and-append-only-audit.md.

export const ERASED = "[erased]";

/** Free-text columns that may name a person, and which rows of them an erasure scans. */
const TEXT_COLUMNS: { table: string; columns: string[]; scope: (member: string, personId: string, interactionIds: string[]) => SQL }[] = [
  {
    table: "interactions",
    columns: ["subject", "notes", "outcome"],
    scope: (m, _p, ids) => sql`(t.owner_member_id = ${m} or t.id = any(${sql.param(ids)}::uuid[]))`,
  },
  { table: "opportunities", columns: ["title"], scope: (m, p) => sql`(t.owner_member_id = ${m} or t.person_id = ${p})` },
  { table: "follow_ups", columns: ["title", "notes"], scope: (m, p) => sql`(t.owner_member_id = ${m} or t.person_id = ${p})` },
  { table: "investor_profiles", columns: ["notes"], scope: (m) => sql`t.owner_member_id = ${m}` },
  { table: "people", columns: ["bio", "job_title"], scope: (m, p) => sql`(t.owner_member_id = ${m} and t.id <> ${p})` },
  { table: "organisations", columns: ["description"], scope: (m) => sql`t.owner_member_id = ${m}` },
  { table: "partnerships", columns: ["description"], scope: (m) => sql`t.owner_member_id = ${m}` },
  { table: "visits", columns: ["objectives"], scope: (m) => sql`t.owner_member_id = ${m}` },
];

/** Values that identify the person in free text. Short Latin strings are left out: they would match other words. */
export function needlesOf(person: PersonRow): string[] {
  const names = [person.fullName, person.nameLatin].filter((n): n is string => !!n && n.trim() !== "").map((n) => n.trim());
  const reversed = names
    .map((n) => n.split(/\s+/))
    .filter((w) => w.length === 2)
    .flatMap((w) => [`${w[1]} ${w[0]}`, `${w[1]}, ${w[0]}`]);
  const all = [...names, ...reversed, person.email, person.phone].filter((n): n is string => !!n && n.trim() !== "");
  // eslint-disable-next-line no-control-regex
  const safe = (n: string) => n.length >= 4 || (n.length >= 2 && /[^\u0000-\u007f]/.test(n));
  return [...new Set(all.filter(safe))].sort((a, b) => b.length - a.length);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every needle in `text` (case-insensitive), e.g. for the erasure reason. */
export function redact(text: string, needles: string[]): string {
  if (!needles.length) return text;
  return text.replace(new RegExp(needles.map(escapeRegex).join("|"), "gi"), ERASED);
}

export interface ErasureCounts {
  [what: string]: number;
}

async function count(db: Db, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}

/** Erases the (locked, authorised) person inside the caller's transaction. */
export async function erase(tx: Db, viewer: Viewer, person: PersonRow): Promise<ErasureCounts> {
  const id = person.id;
  const needles = needlesOf(person);
  const pattern = needles.length ? needles.map(escapeRegex).join("|") : null;
  const counts: ErasureCounts = {};

  const interactionIds = (
    await queryRows<{ interaction_id: string }>(tx, sql`select interaction_id from interaction_people where person_id = ${id}`)
  ).map((r) => r.interaction_id);
  counts.interactionParticipations = interactionIds.length;
  counts.affiliations = await count(tx, sql`select count(*) as n from affiliations where person_id = ${id}`);
  counts.alumniTies = await count(tx, sql`select count(*) as n from alumni_ties where person_id = ${id}`);
  counts.investorProfiles = await count(tx, sql`select count(*) as n from investor_profiles where person_id = ${id}`);
  counts.followUps = await count(tx, sql`select count(*) as n from follow_ups where person_id = ${id}`);
  counts.opportunitiesUnlinked = await count(tx, sql`select count(*) as n from opportunities where person_id = ${id}`);

  // Records linked to the person: their audit events are redacted too (some are deleted with the person).
  const linked = await queryRows<{ id: string }>(
    tx,
    sql`select id from follow_ups where person_id = ${id}
        union all select id from opportunities where person_id = ${id}
        union all select id from investor_profiles where person_id = ${id}
        union all select id from affiliations where person_id = ${id}
        union all select id from alumni_ties where person_id = ${id}`,
  );
  // Mentions in free text, before the links that scope the search go.
  const touched = new Set<string>([...interactionIds, ...linked.map((l) => l.id)]);
  let mentions = 0;
  if (pattern) {
    for (const t of TEXT_COLUMNS) {
      for (const column of t.columns) {
        const col = sql.identifier(column);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update ${sql.identifier(t.table)} as t
              set ${col} = regexp_replace(t.${col}, ${pattern}, ${ERASED}, 'gi'), version = t.version + 1, updated_at = now()
              where ${t.scope(viewer.memberId, id, interactionIds)} and t.${col} ~* ${pattern}
              returning t.id`,
        );
        mentions += updated.length;
        for (const u of updated) touched.add(u.id);
      }
    }
  }
  counts.textMentions = mentions;

  // Import reports that name the record, and uploads not yet imported (they may hold the person's row).
  counts.importReportLines = (
    await queryRows<{ job_id: string }>(tx, sql`delete from import_job_rows where record_id = ${id} returning job_id`)
  ).length;
  await tx.execute(sql`update import_job_rows set matched_ids = array_remove(matched_ids, ${id}::uuid) where ${id}::uuid = any(matched_ids)`);
  const pending = await queryRows<{ id: string }>(
    tx,
    sql`update import_jobs set file_available = false, updated_at = now()
        where member_id = ${viewer.memberId} and file_available and status <> 'RUNNING' returning id`,
  );
  if (pending.length) {
    await tx.execute(sql`delete from import_file_chunks where job_id = any(${sql.param(pending.map((p) => p.id))}::uuid[])`);
  }
  counts.pendingUploadsDeleted = pending.length;

  await tx.execute(sql`delete from people where id = ${id}`);

  // The audit log: values inside JSON text are JSON-escaped, so the needles are too.
  const jsonNeedles = [...needles, person.externalId, id]
    .filter((n): n is string => !!n && n.length >= 2)
    .map((n) => JSON.stringify(n).slice(1, -1));
  const [redacted] = await queryRows<{ n: number }>(
    tx,
    sql`select erase_person_audit(${id}::uuid, ${viewer.memberId}::uuid, ${sql.param([...touched])}::uuid[], ${sql.param(jsonNeedles)}::text[]) as n`,
  );
  counts.auditEventsRedacted = Number(redacted?.n ?? 0);
  return counts;
}
