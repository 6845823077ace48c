import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { FollowUpRow } from "../../db/rows.js";
import { followUps } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";
import { type Viewer, assertCanCreate } from "../../policy/sharing.policy.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { optionalRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./follow-ups.repository.js";

export function get(ctx: Context, id: string): Promise<FollowUpRow | null> {
  viewerOf(ctx);
  return ctx.loaders.followUps.byId.load(id);
}

export function list(ctx: Context, filter: repo.FollowUpFilter, page: PageArgs) {
  return repo.listFollowUps(ctx.db, viewerOf(ctx), filter, page);
}

export const overdue = (row: FollowUpRow) => repo.isOverdue(row);

/** The records a follow-up can be about, in the order their input fields are checked. */
const ABOUT = [
  ["interactionId", "Interaction"],
  ["personId", "Person"],
  ["organisationId", "Organisation"],
  ["partnershipId", "Partnership"],
  ["visitId", "Visit"],
  ["opportunityId", "Opportunity"],
] as const;
type AboutKey = (typeof ABOUT)[number][0];

const fields = {
  dueOn: v.date.nullish(),
  assigneeId: z.string().nullish(),
  status: z.enum(followUps.status.enumValues).optional(),
  interactionId: z.string().nullish(),
  personId: z.string().nullish(),
  organisationId: z.string().nullish(),
  partnershipId: z.string().nullish(),
  visitId: z.string().nullish(),
  opportunityId: z.string().nullish(),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreateFollowUp = z.object({ title: v.name, ...fields });
const UpdateFollowUp = z.object({ title: v.name.optional(), ...fields });
type FollowUpInput = z.infer<typeof UpdateFollowUp>;

/**
 * What the follow-up is about: at most one visible record. Naming a record
 * replaces the previous subject (the other references are cleared).
 */
async function resolveAbout(ctx: Context, data: FollowUpInput): Promise<Partial<Record<AboutKey, string | null>>> {
  const given = ABOUT.filter(([key]) => data[key] != null);
  if (given.length > 1) {
    const field = `input.${given[1]![0]}`;
    throw badInput(field, `${field}: a follow-up is about one record at most.`);
  }
  const about: Partial<Record<AboutKey, string | null>> = {};
  for (const [key, kind] of ABOUT) {
    if (data[key] !== undefined) about[key] = (await optionalRef(ctx, kind, data[key], `input.${key}`)) ?? null;
  }
  if (given.length === 1) for (const [key] of ABOUT) about[key] ??= null;
  return about;
}

/** Follow-ups are assigned within the owner member: only its active users qualify. */
async function assigneeRef(ctx: Context, viewer: Viewer, globalId: string | null | undefined, field = "input.assigneeId") {
  if (globalId == null) return globalId;
  const id = refOf("User", globalId, field);
  const user = await ctx.loaders.members.userById.load(id);
  if (!user || user.memberId !== viewer.memberId || user.disabledAt) {
    throw badInput(field, `${field}: must be an active user of your member.`);
  }
  return id;
}

function authorize(viewer: Viewer, row: FollowUpRow) {
  authorizeOwned(viewer, row, "FollowUp");
}

export async function create(ctx: Context, input: unknown): Promise<FollowUpRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const data = parseInput(CreateFollowUp, input);
  const about = await resolveAbout(ctx, data);
  const assigneeId = data.assigneeId === undefined ? viewer.userId : await assigneeRef(ctx, viewer, data.assigneeId);
  return transaction(ctx, (tx) =>
    insertAudited<FollowUpRow>(ctx, tx, followUps, "FollowUp", {
      ...data,
      ...about,
      assigneeId,
      completedAt: data.status === "DONE" ? new Date() : null,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    }),
  );
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<FollowUpRow> {
  const viewer = viewerOf(ctx);
  const data = parseInput(UpdateFollowUp, input);
  const about = await resolveAbout(ctx, data);
  const assigneeId = await assigneeRef(ctx, viewer, data.assigneeId);
  const patch: Record<string, unknown> = { ...data, ...about, assigneeId };
  return transaction(ctx, (tx) =>
    updateVersioned<FollowUpRow>(
      ctx,
      tx,
      {
        table: followUps,
        recordType: "FollowUp",
        id,
        version,
        authorize: (viewer, row) => {
          authorize(viewer, row);
          // completedAt depends on the stored status (read under the row lock):
          // re-saving a DONE follow-up keeps the time it was first completed.
          if (data.status !== undefined) {
            patch.completedAt = data.status !== "DONE" ? null : row.status === "DONE" ? row.completedAt : new Date();
          }
        },
      },
      patch,
    ),
  );
}

export function archive(ctx: Context, id: string, version: number): Promise<FollowUpRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<FollowUpRow>(ctx, tx, { table: followUps, recordType: "FollowUp", id, version, authorize }),
  );
}

/** Marks a follow-up DONE; completing one already DONE keeps the time it was first completed. */
export function complete(ctx: Context, id: string, version: number): Promise<FollowUpRow> {
  const patch: Record<string, unknown> = { status: "DONE" };
  return transaction(ctx, (tx) =>
    updateVersioned<FollowUpRow>(
      ctx,
      tx,
      {
        table: followUps,
        recordType: "FollowUp",
        id,
        version,
        authorize: (viewer, row) => {
          authorize(viewer, row);
          patch.completedAt = row.status === "DONE" ? row.completedAt : new Date();
        },
      },
      patch,
    ),
  );
}

/** Hands a follow-up to another active user of the viewer's own member. */
export async function reassign(ctx: Context, id: string, version: number, assigneeGlobalId: string): Promise<FollowUpRow> {
  const viewer = viewerOf(ctx);
  const assigneeId = await assigneeRef(ctx, viewer, assigneeGlobalId, "assigneeId");
  return transaction(ctx, (tx) =>
    updateVersioned<FollowUpRow>(ctx, tx, { table: followUps, recordType: "FollowUp", id, version, authorize }, { assigneeId }),
  );
}
