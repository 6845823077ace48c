import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { Db } from "../../db/client.js";
import type { PersonRow } from "../../db/rows.js";
import { members, people } from "../../db/tables/index.js";
import { badInput, conflict, forbidden, notFound } from "../../errors.js";
import { existingIdOf } from "../../graphql/global-id.js";
import { type Viewer, canSee } from "../../policy/sharing.policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { type PageArgs, type Sort, listPage } from "../shared/pagination.js";
import { transaction, updateVersioned } from "../shared/records.js";
import { parseInput, v } from "../shared/validation.js";
import { type ErasureCounts, erase, needlesOf, redact } from "./erasure.js";
import { subjectAccessExport } from "./subject-access.js";

// UK GDPR duties of a member towards the people it records: retention review
// (storage limitation), subject access and erasure. All for the owner member's
// admins: another member's person is NOT_FOUND when invisible and FORBIDDEN
// when shared with you (you can see it, but it is not yours to answer for).

const today = () => new Date().toISOString().slice(0, 10);

// Records without a review date sort first (they are overdue by definition).
const retentionSort: Sort = { key: sql`coalesce(${people.retentionReviewOn}, '0001-01-01'::date)`, cast: "date", direction: "asc" };

export function retentionQueue(ctx: Context, dueBy: string | null | undefined, page: PageArgs) {
  const viewer = viewerOf(ctx);
  const by = dueBy ? parseInput(v.date, dueBy, "dueBy") : today();
  // Archived records still hold personal data, so they are reviewed too.
  const where = and(eq(people.ownerMemberId, viewer.memberId), or(isNull(people.retentionReviewOn), lte(people.retentionReviewOn, by)));
  return listPage<PersonRow>(ctx.db, people, where, retentionSort, page);
}

function authorizeOwnPerson(viewer: Viewer, person: PersonRow | undefined): PersonRow {
  if (!person || !canSee(viewer, person)) throw notFound("Person");
  if (person.ownerMemberId !== viewer.memberId || viewer.role !== "ADMIN") {
    throw forbidden("Only admins of the member that owns this person can do this.");
  }
  return person;
}

async function lockPerson(tx: Db, viewer: Viewer, id: string): Promise<PersonRow> {
  const [row] = await tx.select().from(people).where(eq(people.id, id)).for("update");
  return authorizeOwnPerson(viewer, row);
}

const Reason = z.string().trim().min(3, "must say why (at least 3 characters)").max(1000, "must be at most 1000 characters");

/** Erases the person (see erasure.ts) and audits who did it and why, without naming them. */
export async function erasePerson(ctx: Context, globalId: string, reasonInput: unknown, expectedVersion?: number) {
  const viewer = viewerOf(ctx);
  const id = existingIdOf("Person", globalId, "personId");
  const reason = parseInput(Reason, reasonInput, "reason");
  const removed = await transaction(ctx, async (tx) => {
    const person = await lockPerson(tx, viewer, id);
    if (expectedVersion !== undefined && person.version !== expectedVersion) throw conflict();
    const counts = await erase(tx, viewer, person);
    await recordAudit(tx, ctx, {
      action: "erase",
      recordType: "Person",
      recordId: id,
      changes: { reason: redact(reason, needlesOf(person)), removed: counts },
    });
    return counts;
  });
  ctx.loaders.people.byId.clear(id);
  return { erased: true, removed: toList(removed) };
}

function toList(counts: ErasureCounts) {
  return Object.entries(counts).map(([what, count]) => ({ what, count }));
}

const Decision = z
  .object({
    extendTo: v.date.nullish(),
    note: v.optionalText(2000),
    erase: z.boolean().nullish(),
    reason: z.string().nullish(),
  })
  .refine((d) => Boolean(d.extendTo) !== Boolean(d.erase), { message: "give either extendTo or erase: true", path: [] });

export async function reviewRetention(ctx: Context, globalId: string, version: number, input: unknown) {
  viewerOf(ctx);
  const decision = parseInput(Decision, input, "decision");
  if (decision.erase) {
    if (!decision.reason) throw badInput("decision.reason", "decision.reason: is required when erasing.");
    const result = await erasePerson(ctx, globalId, decision.reason, version);
    return { person: null, erased: result.erased };
  }
  const extendTo = decision.extendTo!;
  if (extendTo <= today()) throw badInput("decision.extendTo", "decision.extendTo: must be after today.");
  const id = existingIdOf("Person", globalId, "personId");
  const person = await transaction(ctx, async (tx) => {
    const updated = await updateVersioned<PersonRow>(
      ctx,
      tx,
      {
        table: people,
        recordType: "Person",
        id,
        version,
        authorize: (vw, row) => authorizeOwnPerson(vw, row),
      },
      { retentionReviewOn: extendTo, ...(decision.note ? { lawfulBasisNote: decision.note } : {}) },
    );
    await recordAudit(tx, ctx, { action: "retention.review", recordType: "Person", recordId: id, changes: { decision: "extend", extendTo } });
    return updated;
  });
  ctx.loaders.people.byId.clear(id);
  return { person, erased: false };
}

export async function personDataExport(ctx: Context, globalId: string) {
  const viewer = viewerOf(ctx);
  const id = existingIdOf("Person", globalId, "personId");
  const [row] = await ctx.db.select().from(people).where(eq(people.id, id));
  authorizeOwnPerson(viewer, row);
  const [member] = await ctx.db.select({ name: members.name }).from(members).where(eq(members.id, viewer.memberId));
  const result = await subjectAccessExport(ctx.db, viewer, id, member?.name ?? "");
  await recordAudit(ctx.db, ctx, { action: "subject_access_export", recordType: "Person", recordId: id });
  return result;
}
