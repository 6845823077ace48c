import { eq, inArray, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { Db } from "../../db/client.js";
import type { OrganisationRow, PersonRow } from "../../db/rows.js";
import { organisations, people } from "../../db/tables/index.js";
import { badInput, notFound } from "../../errors.js";
import { type Viewer, canSee } from "../../policy/sharing.policy.js";
import { diff, recordAudit } from "../audit/audit.repository.js";
import { authorizeOwned, transaction } from "../shared/records.js";
import * as repo from "./merging.repository.js";

// Merging a duplicate into the record that is kept: everything that pointed at the
// duplicate (affiliations, alumni ties, interactions, follow-ups, opportunities, investor
// profiles, partnership parties, child organisations) moves to the kept record, fields
// the kept record lacks are taken from the duplicate, and the duplicate is archived —
// all in one transaction, with an audit trail of what moved (the records the merging
// member may see). Only an editor who can edit both records may merge them.

type MergeTable = typeof people | typeof organisations;
interface MergeRow {
  id: string;
  ownerMemberId: string;
  visibility: "PRIVATE" | "NETWORK";
  archivedAt: Date | null;
}

export interface MergeResult<R> {
  kept: R;
  merged: R;
}

/** Both records, locked in id order (no deadlock between two merges of the same pair), authorised for the viewer. */
async function lockPair<R extends MergeRow>(
  tx: Db,
  viewer: Viewer,
  table: MergeTable,
  what: string,
  keepId: string,
  mergeId: string,
): Promise<{ keep: R; merge: R }> {
  if (keepId === mergeId) throw badInput("mergeId", `mergeId: must be a different ${what.toLowerCase()} from keepId.`);
  const rows = (await tx
    .select()
    .from(table)
    .where(inArray(table.id, [keepId, mergeId]))
    .orderBy(table.id)
    .for("update")) as unknown as R[];
  const keep = rows.find((r) => r.id === keepId);
  const merge = rows.find((r) => r.id === mergeId);
  // Invisible reads as missing before anything else is said about either record.
  if (!keep || !canSee(viewer, keep) || !merge || !canSee(viewer, merge)) throw notFound(what);
  authorizeOwned(viewer, keep, what);
  authorizeOwned(viewer, merge, what);
  if (keep.archivedAt) throw badInput("keepId", `keepId: this ${what.toLowerCase()} is archived.`);
  if (merge.archivedAt) throw badInput("mergeId", `mergeId: this ${what.toLowerCase()} is already archived.`);
  return { keep, merge };
}

/** Values the kept record lacks, taken from the duplicate; list fields become the union of both. */
function fill<R extends object>(keep: R, merge: R, scalars: (keyof R)[], lists: (keyof R)[]): Partial<R> {
  const patch: Partial<R> = {};
  for (const key of scalars) if (keep[key] == null && merge[key] != null) patch[key] = merge[key];
  for (const key of lists) {
    const union = [...new Set([...(keep[key] as string[]), ...(merge[key] as string[])])];
    if (union.length !== (keep[key] as string[]).length) patch[key] = union as R[keyof R];
  }
  return patch;
}

async function finish<R extends MergeRow>(
  ctx: Context,
  tx: Db,
  table: MergeTable,
  recordType: string,
  pair: { keep: R; merge: R },
  patch: Partial<R>,
  moved: repo.Moved,
): Promise<MergeResult<R>> {
  const { keep, merge } = pair;
  const [kept] = (await tx
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(eq(table.id, keep.id))
    .returning()) as unknown as R[];
  const [merged] = (await tx
    .update(table)
    .set({ archivedAt: new Date(), version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(eq(table.id, merge.id))
    .returning()) as unknown as R[];
  await recordAudit(tx, ctx, {
    action: "merge",
    recordType,
    recordId: keep.id,
    changes: { mergedId: merge.id, fields: diff(keep as unknown as Record<string, unknown>, patch), moved },
  });
  await recordAudit(tx, ctx, { action: "archive", recordType, recordId: merge.id, changes: { mergedInto: keep.id } });
  return { kept: kept!, merged: merged! };
}

export function mergePeople(ctx: Context, keepId: string, mergeId: string): Promise<MergeResult<PersonRow>> {
  const viewer = viewerOf(ctx);
  return transaction(ctx, async (tx) => {
    const pair = await lockPair<PersonRow>(tx, viewer, people, "Person", keepId, mergeId);
    const moved = await repo.movePersonLinks(tx, viewer, keepId, mergeId);
    const patch = fill(pair.keep, pair.merge, ["nameLatin", "jobTitle", "placeId", "bio", "email", "phone"], ["languages", "sectors"]);
    return finish(ctx, tx, people, "Person", pair, patch, moved);
  });
}

export function mergeOrganisations(ctx: Context, keepId: string, mergeId: string): Promise<MergeResult<OrganisationRow>> {
  const viewer = viewerOf(ctx);
  return transaction(ctx, async (tx) => {
    const pair = await lockPair<OrganisationRow>(tx, viewer, organisations, "Organisation", keepId, mergeId);
    const moved = await repo.moveOrganisationLinks(tx, viewer, keepId, mergeId);
    const patch = fill(pair.keep, pair.merge, ["nameLatin", "placeId", "website", "description", "parentId"], ["sectors"]);
    // The duplicate's parent, never the kept organisation itself; a kept child of the duplicate takes the duplicate's place.
    if (pair.keep.parentId === mergeId) patch.parentId = pair.merge.parentId === keepId ? null : pair.merge.parentId;
    if (patch.parentId === keepId) delete patch.parentId;
    return finish(ctx, tx, organisations, "Organisation", pair, patch, moved);
  });
}
