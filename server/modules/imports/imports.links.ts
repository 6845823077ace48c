import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { auditEvents, interactionPeople } from "../../db/tables/index.js";
import { type BatchContext, breathe, isRejected } from "./imports.batch.js";
import type { ImportRow } from "./imports.entities.js";
import { resolveInteractions, resolvePeople } from "./imports.references.js";

// Rows that link records instead of being records: one participant of one
// interaction per row (the generator's interaction_people.csv). A row adds the
// link (CREATED) unless it is there already (UNCHANGED), so importing the file
// again changes nothing; links are never removed by such a file. Both ends are
// the member's own records, found by external id, by the id they had in the
// file they were imported from, or by Entente id. The interaction gets a new
// version and one audit event per batch listing the people added.

const str = (row: ImportRow, field: string) => (row.values.get(field) ?? null) as string | null;

export async function processParticipantBatch(db: Db, ctx: BatchContext, rows: ImportRow[]): Promise<void> {
  const live = rows.filter((r) => !isRejected(r));
  const [interactionIds, personIds] = await Promise.all([
    resolveInteractions(db, ctx.viewer, live.map((r) => str(r, "interaction")!)),
    resolvePeople(db, ctx.viewer, live.map((r) => str(r, "person")!)),
  ]);
  await breathe();
  const pairs: { row: ImportRow; interactionId: string; personId: string }[] = [];
  for (const row of live) {
    const interactionId = interactionIds.get(str(row, "interaction")!);
    const personId = personIds.get(str(row, "person")!);
    if (!interactionId) {
      row.problems.push({ column: ctx.columnOf.get("interaction") ?? null, field: "interaction", message: "no interaction of yours has this external id or id", severity: "ERROR" });
    }
    if (!personId) {
      row.problems.push({ column: ctx.columnOf.get("person") ?? null, field: "person", message: "no person of yours has this external id or id", severity: "ERROR" });
    }
    if (!interactionId || !personId) continue;
    // The same pair on an earlier row (of this batch or an earlier one): reported, not added twice.
    const earlier = ctx.state.pairs.add(`${interactionId}|${personId}`, row.rowNumber);
    if (earlier !== undefined) {
      row.status = "DUPLICATE";
      row.matchedRow = earlier;
      continue;
    }
    pairs.push({ row, interactionId, personId });
  }

  const present = pairs.length
    ? await queryRows<{ interaction_id: string; person_id: string }>(
        db,
        sql`select ip.interaction_id, ip.person_id
            from interaction_people ip
            join unnest(${sql.param(pairs.map((p) => p.interactionId))}::uuid[], ${sql.param(pairs.map((p) => p.personId))}::uuid[]) as x(i, p)
              on ip.interaction_id = x.i and ip.person_id = x.p`,
      )
    : [];
  await breathe();
  const linked = new Set(present.map((p) => `${p.interaction_id}|${p.person_id}`));
  for (const { row, interactionId, personId } of pairs) {
    row.recordId = interactionId;
    if (linked.has(`${interactionId}|${personId}`)) {
      row.status = "UNCHANGED";
    } else {
      row.status = "CREATED";
      row.changedFields = ["participants"];
    }
  }
  for (const row of rows) if (isRejected(row)) row.status = "REJECTED";
  if (ctx.options.dryRun) return;

  const added = pairs.filter((p) => p.row.status === "CREATED");
  if (!added.length) return;
  const byInteraction = new Map<string, string[]>();
  for (const p of added) byInteraction.set(p.interactionId, [...(byInteraction.get(p.interactionId) ?? []), p.personId]);
  // A concurrent import of the same pairs is not an error: the link is there either way.
  await db.insert(interactionPeople).values(added.map((p) => ({ interactionId: p.interactionId, personId: p.personId }))).onConflictDoNothing();
  await breathe();
  await db.execute(
    sql`update interactions set version = version + 1, updated_at = now() where id = any(${sql.param([...byInteraction.keys()])}::uuid[])`,
  );
  await db.insert(auditEvents).values(
    [...byInteraction].map(([interactionId, people]) => ({
      userId: ctx.viewer.userId,
      memberId: ctx.viewer.memberId,
      action: "update",
      recordType: "Interaction",
      recordId: interactionId,
      changes: { participants: { added: people } },
      requestId: `import:${ctx.job.id}`,
    })),
  );
}
