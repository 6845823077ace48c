import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { OrganisationRow } from "../../db/rows.js";
import { organisations } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { assertCanCreate } from "../../policy/sharing.policy.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { optionalRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./organisations.repository.js";

export function get(ctx: Context, id: string): Promise<OrganisationRow | null> {
  viewerOf(ctx);
  return ctx.loaders.organisations.byId.load(id);
}

export function list(ctx: Context, filter: repo.OrganisationFilter, page: PageArgs) {
  return repo.listOrganisations(ctx.db, viewerOf(ctx), filter, page);
}

const kinds = organisations.kind.enumValues;
const fields = {
  nameLatin: v.optionalText(300),
  placeId: z.string().nullish(),
  sectors: v.tags.optional(),
  website: v.url.nullish(),
  description: v.optionalText(5000),
  parentId: z.string().nullish(),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreateOrganisation = z.object({ name: v.name, kind: z.enum(kinds), ...fields });
const UpdateOrganisation = z.object({ name: v.name.optional(), kind: z.enum(kinds).optional(), ...fields });

const authorize = (viewer: Parameters<typeof authorizeOwned>[0], row: OrganisationRow) =>
  authorizeOwned(viewer, row, "Organisation");

export async function create(ctx: Context, input: unknown): Promise<OrganisationRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const data = parseInput(CreateOrganisation, input);
  const placeId = await optionalRef(ctx, "Place", data.placeId, "input.placeId");
  const parentId = await optionalRef(ctx, "Organisation", data.parentId, "input.parentId");
  return transaction(ctx, (tx) =>
    insertAudited<OrganisationRow>(ctx, tx, organisations, "Organisation", {
      ...data,
      placeId: placeId ?? null,
      parentId: parentId ?? null,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    }),
  );
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<OrganisationRow> {
  const data = parseInput(UpdateOrganisation, input);
  const placeId = await optionalRef(ctx, "Place", data.placeId, "input.placeId");
  const parentId = await optionalRef(ctx, "Organisation", data.parentId, "input.parentId");
  if (parentId && (await repo.wouldMakeCycle(ctx.db, viewerOf(ctx), id, parentId))) {
    throw badInput("input.parentId", "input.parentId: an organisation cannot be its own parent or belong to itself.");
  }
  return transaction(ctx, (tx) =>
    updateVersioned<OrganisationRow>(
      ctx,
      tx,
      { table: organisations, recordType: "Organisation", id, version, authorize },
      { ...data, placeId, parentId },
    ),
  );
}

export function archive(ctx: Context, id: string, version: number): Promise<OrganisationRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<OrganisationRow>(ctx, tx, { table: organisations, recordType: "Organisation", id, version, authorize }),
  );
}
