import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { MemberRow, PriorityRow } from "../../db/rows.js";
import { priorities } from "../../db/tables/index.js";
import { badInput, forbidden } from "../../errors.js";
import { type Viewer, assertCanCreate } from "../../policy/sharing.policy.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./priorities.repository.js";

export function get(ctx: Context, id: string): Promise<PriorityRow | null> {
  viewerOf(ctx);
  return ctx.loaders.priorities.byId.load(id);
}

export function list(ctx: Context, filter: repo.PriorityFilter, page: PageArgs) {
  return repo.listPriorities(ctx.db, viewerOf(ctx), filter, page);
}

/** The national strategy is set by the network's own units, not by individual councils or universities. */
const NATIONAL_SETTERS: readonly MemberRow["kind"][] = ["NETWORK_UNIT", "GOVERNMENT_UNIT"];

const scope = z.enum(priorities.scope.enumValues);
const fields = {
  countryCode: v.countryCode.nullish(),
  sector: v.optionalText(80),
  weight: z.number().int("must be a whole number").min(1, "must be between 1 and 10").max(10, "must be between 1 and 10").optional(),
  description: v.optionalText(5000),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreatePriority = z.object({ name: v.name, scope, ...fields });
const UpdatePriority = z.object({ name: v.name.optional(), scope: scope.optional(), ...fields });

function checkMarketOrSector(countryCode: string | null, sector: string | null) {
  if (!countryCode && !sector) {
    throw badInput("input.countryCode", "input.countryCode: a priority needs a country, a sector or both.");
  }
}

function checkNationalSetter(member: MemberRow | null) {
  if (!member || !NATIONAL_SETTERS.includes(member.kind)) {
    throw forbidden("Only network and government units can set national priorities.");
  }
}

function authorize(viewer: Viewer, row: PriorityRow) {
  authorizeOwned(viewer, row, "Priority");
}

export async function create(ctx: Context, input: unknown): Promise<PriorityRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const data = parseInput(CreatePriority, input);
  checkMarketOrSector(data.countryCode ?? null, data.sector ?? null);
  if (data.scope === "NATIONAL") checkNationalSetter(await ctx.loaders.members.byId.load(viewer.memberId));
  return transaction(ctx, (tx) =>
    insertAudited<PriorityRow>(ctx, tx, priorities, "Priority", {
      ...data,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    }),
  );
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<PriorityRow> {
  const viewer = viewerOf(ctx);
  const patch = parseInput(UpdatePriority, input);
  const member = patch.scope === "NATIONAL" ? await ctx.loaders.members.byId.load(viewer.memberId) : null;
  return transaction(ctx, (tx) =>
    updateVersioned<PriorityRow>(
      ctx,
      tx,
      {
        table: priorities,
        recordType: "Priority",
        id,
        version,
        authorize: (viewer, row) => {
          authorize(viewer, row);
          // Checked against the stored record; a stale version is reported as CONFLICT instead.
          if (row.version !== version) return;
          if (patch.scope === "NATIONAL" && row.scope !== "NATIONAL") checkNationalSetter(member);
          checkMarketOrSector(
            patch.countryCode === undefined ? row.countryCode : patch.countryCode,
            patch.sector === undefined ? row.sector : patch.sector,
          );
        },
      },
      patch,
    ),
  );
}

export function archive(ctx: Context, id: string, version: number): Promise<PriorityRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<PriorityRow>(ctx, tx, { table: priorities, recordType: "Priority", id, version, authorize }),
  );
}
