import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { PartnershipRow } from "../../db/rows.js";
import { partnerships } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";
import { type Viewer, assertCanCreate } from "../../policy/sharing.policy.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { optionalRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./partnerships.repository.js";

export function get(ctx: Context, id: string): Promise<PartnershipRow | null> {
  viewerOf(ctx);
  return ctx.loaders.partnerships.byId.load(id);
}

export function list(ctx: Context, filter: repo.PartnershipFilter, page: PageArgs) {
  return repo.listPartnerships(ctx.db, viewerOf(ctx), filter, page);
}

const Party = z.object({
  side: z.enum(["UK", "INTERNATIONAL"]),
  placeId: z.string().nullish(),
  organisationId: z.string().nullish(),
});

const fields = {
  status: z.enum(partnerships.status.enumValues).optional(),
  signedOn: v.date.nullish(),
  renewalDueOn: v.date.nullish(),
  themes: v.tags.optional(),
  leadMemberId: z.string().nullish(),
  description: v.optionalText(5000),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
  parties: z.array(Party).max(50, "must have at most 50 entries").optional(),
};
const CreatePartnership = z.object({ name: v.name, kind: z.enum(partnerships.kind.enumValues), ...fields });
const UpdatePartnership = z.object({ name: v.name.optional(), kind: z.enum(partnerships.kind.enumValues).optional(), ...fields });
type PartnershipInput = z.infer<typeof UpdatePartnership>;

/** Members are network reference data: any member may be named as the lead. */
async function memberRef(ctx: Context, globalId: string | null | undefined, field: string) {
  if (globalId == null) return globalId;
  const id = refOf("Member", globalId, field);
  if (!(await ctx.loaders.members.byId.load(id))) throw badInput(field, `${field}: no such member.`);
  return id;
}

/** Resolves the references in an input: every one must be a record the viewer can see. */
async function resolveRefs(ctx: Context, data: PartnershipInput) {
  const leadMemberId = await memberRef(ctx, data.leadMemberId, "input.leadMemberId");
  const parties = data.parties
    ? await Promise.all(
        data.parties.map(async (p, i): Promise<repo.PartyValues> => {
          if ((p.placeId == null) === (p.organisationId == null)) {
            const field = `input.parties.${i}.placeId`;
            throw badInput(field, `${field}: give exactly one of placeId and organisationId.`);
          }
          return {
            side: p.side,
            placeId: (await optionalRef(ctx, "Place", p.placeId, `input.parties.${i}.placeId`)) ?? null,
            organisationId: (await optionalRef(ctx, "Organisation", p.organisationId, `input.parties.${i}.organisationId`)) ?? null,
          };
        }),
      )
    : undefined;
  return { leadMemberId, parties };
}

function checkDates(signedOn: string | null, renewalDueOn: string | null) {
  if (signedOn && renewalDueOn && renewalDueOn < signedOn) {
    throw badInput("input.renewalDueOn", "input.renewalDueOn: must not be before signedOn.");
  }
}

function authorize(viewer: Viewer, row: PartnershipRow) {
  authorizeOwned(viewer, row, "Partnership");
}

export async function create(ctx: Context, input: unknown): Promise<PartnershipRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const parsed = parseInput(CreatePartnership, input);
  const { parties: _p, ...data } = parsed;
  checkDates(data.signedOn ?? null, data.renewalDueOn ?? null);
  const refs = await resolveRefs(ctx, parsed);
  return transaction(ctx, async (tx) => {
    const partnership = await insertAudited<PartnershipRow>(ctx, tx, partnerships, "Partnership", {
      ...data,
      leadMemberId: refs.leadMemberId ?? null,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    });
    await repo.replaceParties(tx, viewer, partnership.id, refs.parties);
    return partnership;
  });
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<PartnershipRow> {
  const viewer = viewerOf(ctx);
  const parsed = parseInput(UpdatePartnership, input);
  const { parties: _p, ...patch } = parsed;
  const refs = await resolveRefs(ctx, parsed);
  return transaction(ctx, async (tx) => {
    const partnership = await updateVersioned<PartnershipRow>(
      ctx,
      tx,
      {
        table: partnerships,
        recordType: "Partnership",
        id,
        version,
        authorize: (viewer, row) => {
          authorize(viewer, row);
          // Dates are checked against the stored ones; a stale version is reported as CONFLICT instead.
          if (row.version === version) {
            checkDates(
              patch.signedOn === undefined ? row.signedOn : patch.signedOn,
              patch.renewalDueOn === undefined ? row.renewalDueOn : patch.renewalDueOn,
            );
          }
        },
      },
      { ...patch, leadMemberId: refs.leadMemberId },
    );
    await repo.replaceParties(tx, viewer, id, refs.parties);
    return partnership;
  });
}

export function archive(ctx: Context, id: string, version: number): Promise<PartnershipRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<PartnershipRow>(ctx, tx, { table: partnerships, recordType: "Partnership", id, version, authorize }),
  );
}
