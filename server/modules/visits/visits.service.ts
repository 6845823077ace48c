import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { MemberRow, PlaceRow, VisitRow } from "../../db/rows.js";
import { visits } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";
import { type Viewer, assertCanCreate } from "../../policy/sharing.policy.js";
import type { PageArgs } from "../shared/pagination.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import { requiredRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./visits.repository.js";

export function get(ctx: Context, id: string): Promise<VisitRow | null> {
  viewerOf(ctx);
  return ctx.loaders.visits.byId.load(id);
}

export function list(ctx: Context, filter: repo.VisitFilter, page: PageArgs) {
  return repo.listVisits(ctx.db, viewerOf(ctx), filter, page);
}

/** The calendar: visible visits overlapping from..to (at most 400 days), in date order. */
export function calendar(ctx: Context, from: string, to: string, filter: repo.VisitFilter): Promise<VisitRow[]> {
  const viewer = viewerOf(ctx);
  if (to < from) throw badInput("to", "to must not be before from.");
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > 400) throw badInput("to", "to: the calendar covers at most 400 days.");
  return repo.calendarVisits(ctx.db, viewer, filter, from, to);
}

/** Sub-records of a visit the viewer already holds (it was loaded through the policy). */
export async function destinations(ctx: Context, visit: VisitRow): Promise<PlaceRow[]> {
  return (await ctx.loaders.visits.destinationsByVisit.load(visit.id)).map((d) => d.place);
}

export async function participatingMembers(ctx: Context, visit: VisitRow): Promise<MemberRow[]> {
  return (await ctx.loaders.visits.membersByVisit.load(visit.id)).map((m) => m.member);
}

const ids = (max: number) => z.array(z.string()).max(max, `must have at most ${max} entries`);
const fields = {
  status: z.enum(visits.status.enumValues).optional(),
  leadMemberId: z.string().optional(),
  participatingMemberIds: ids(50).optional(),
  destinationIds: ids(30).optional(),
  objectives: v.optionalText(5000),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreateVisit = z.object({
  title: v.name,
  direction: z.enum(visits.direction.enumValues),
  startsOn: v.date,
  endsOn: v.date,
  ...fields,
});
const UpdateVisit = z.object({
  title: v.name.optional(),
  direction: z.enum(visits.direction.enumValues).optional(),
  startsOn: v.date.optional(),
  endsOn: v.date.optional(),
  ...fields,
});
type VisitInput = z.infer<typeof UpdateVisit>;

function assertDateOrder(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw badInput("input.endsOn", "input.endsOn: must not be before startsOn.");
}

/** Members are network reference data: any existing member may lead or take part. */
async function memberRef(ctx: Context, globalId: string, field: string): Promise<string> {
  const id = refOf("Member", globalId, field);
  if (!(await ctx.loaders.members.byId.load(id))) throw badInput(field, `${field}: no such member.`);
  return id;
}

/** Resolves the references in an input (duplicates collapse to their first position). */
async function resolveRefs(ctx: Context, data: VisitInput) {
  const leadMemberId = data.leadMemberId === undefined ? undefined : await memberRef(ctx, data.leadMemberId, "input.leadMemberId");
  const memberIds = data.participatingMemberIds
    ? await Promise.all(data.participatingMemberIds.map((id, i) => memberRef(ctx, id, `input.participatingMemberIds.${i}`)))
    : undefined;
  const destinationIds = data.destinationIds
    ? await Promise.all(data.destinationIds.map((id, i) => requiredRef(ctx, "Place", id, `input.destinationIds.${i}`)))
    : undefined;
  return {
    leadMemberId,
    memberIds: memberIds && [...new Set(memberIds)],
    destinationIds: destinationIds && [...new Set(destinationIds)],
  };
}

export async function create(ctx: Context, input: unknown): Promise<VisitRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const parsed = parseInput(CreateVisit, input);
  const { participatingMemberIds: _m, destinationIds: _d, leadMemberId: _l, ...data } = parsed;
  assertDateOrder(data.startsOn, data.endsOn);
  const refs = await resolveRefs(ctx, parsed);
  return transaction(ctx, async (tx) => {
    const visit = await insertAudited<VisitRow>(ctx, tx, visits, "Visit", {
      ...data,
      leadMemberId: refs.leadMemberId ?? viewer.memberId,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    });
    await repo.replaceSubRecords(tx, visit.id, { destinationIds: refs.destinationIds, memberIds: refs.memberIds });
    return visit;
  });
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<VisitRow> {
  const parsed = parseInput(UpdateVisit, input);
  const { participatingMemberIds: _m, destinationIds: _d, leadMemberId: _l, ...patch } = parsed;
  if (patch.startsOn && patch.endsOn) assertDateOrder(patch.startsOn, patch.endsOn);
  const refs = await resolveRefs(ctx, parsed);
  const authorize = (viewer: Viewer, row: VisitRow) => {
    authorizeOwned(viewer, row, "Visit");
    // Against the locked row, so a one-sided date change cannot break the order; a
    // stale version is left for the version check to report as CONFLICT.
    if (row.version === version) assertDateOrder(patch.startsOn ?? row.startsOn, patch.endsOn ?? row.endsOn);
  };
  return transaction(ctx, async (tx) => {
    const visit = await updateVersioned<VisitRow>(
      ctx,
      tx,
      { table: visits, recordType: "Visit", id, version, authorize },
      { ...patch, leadMemberId: refs.leadMemberId },
    );
    await repo.replaceSubRecords(tx, id, { destinationIds: refs.destinationIds, memberIds: refs.memberIds });
    return visit;
  });
}

export function archive(ctx: Context, id: string, version: number): Promise<VisitRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<VisitRow>(ctx, tx, {
      table: visits,
      recordType: "Visit",
      id,
      version,
      authorize: (viewer, row) => authorizeOwned(viewer, row, "Visit"),
    }),
  );
}
