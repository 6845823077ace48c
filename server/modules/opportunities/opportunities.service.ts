import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { OpportunityRow } from "../../db/rows.js";
import { opportunities } from "../../db/tables/index.js";
import { type Viewer, assertCanCreate } from "../../policy/sharing.policy.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { optionalRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./opportunities.repository.js";

export function get(ctx: Context, id: string): Promise<OpportunityRow | null> {
  viewerOf(ctx);
  return ctx.loaders.opportunities.byId.load(id);
}

export function list(ctx: Context, filter: repo.OpportunityFilter, page: PageArgs) {
  return repo.listOpportunities(ctx.db, viewerOf(ctx), filter, page);
}

const fields = {
  organisationId: z.string().nullish(),
  personId: z.string().nullish(),
  sector: v.optionalText(80),
  stage: z.enum(opportunities.stage.enumValues).optional(),
  capitalValueGbp: v.gbp.nullish(),
  jobs: z.number().int("must be a whole number").min(0, "must not be negative").max(10_000_000, "is too large").nullish(),
  likelihood: z.number().int("must be a whole number").min(0, "must be between 0 and 100").max(100, "must be between 0 and 100").nullish(),
  landOn: v.date.nullish(),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreateOpportunity = z.object({ title: v.name, ...fields });
const UpdateOpportunity = z.object({ title: v.name.optional(), ...fields });
type OpportunityInput = z.infer<typeof UpdateOpportunity>;

/** Every reference must be a record the viewer can see. */
async function resolveRefs(ctx: Context, data: OpportunityInput) {
  return {
    organisationId: await optionalRef(ctx, "Organisation", data.organisationId, "input.organisationId"),
    personId: await optionalRef(ctx, "Person", data.personId, "input.personId"),
  };
}

function authorize(viewer: Viewer, row: OpportunityRow) {
  authorizeOwned(viewer, row, "Opportunity");
}

export async function create(ctx: Context, input: unknown): Promise<OpportunityRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const data = parseInput(CreateOpportunity, input);
  const refs = await resolveRefs(ctx, data);
  return transaction(ctx, (tx) =>
    insertAudited<OpportunityRow>(ctx, tx, opportunities, "Opportunity", {
      ...data,
      organisationId: refs.organisationId ?? null,
      personId: refs.personId ?? null,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    }),
  );
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<OpportunityRow> {
  const data = parseInput(UpdateOpportunity, input);
  const refs = await resolveRefs(ctx, data);
  return transaction(ctx, (tx) =>
    updateVersioned<OpportunityRow>(
      ctx,
      tx,
      { table: opportunities, recordType: "Opportunity", id, version, authorize },
      { ...data, ...refs },
    ),
  );
}

export function archive(ctx: Context, id: string, version: number): Promise<OpportunityRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<OpportunityRow>(ctx, tx, { table: opportunities, recordType: "Opportunity", id, version, authorize }),
  );
}
