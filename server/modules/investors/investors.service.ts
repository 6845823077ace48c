import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { InvestorProfileRow } from "../../db/rows.js";
import { investorProfiles } from "../../db/tables/index.js";
import { badInput, notFound } from "../../errors.js";
import { type Viewer, assertCanCreate } from "../../policy/sharing.policy.js";
import type { PageArgs } from "../shared/pagination.js";
import { requiredRef } from "../shared/references.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./investors.repository.js";

export function get(ctx: Context, id: string): Promise<InvestorProfileRow | null> {
  viewerOf(ctx);
  return ctx.loaders.investors.byId.load(id);
}

const Filter = z.object({
  investorType: z.enum(investorProfiles.investorType.enumValues).nullish(),
  sector: z.string().trim().nullish(),
  ticketAtLeast: v.gbp.nullish(),
  ticketAtMost: v.gbp.nullish(),
  countryCode: v.countryCode.nullish(),
  ownedByMe: z.boolean().nullish(),
  includeArchived: z.boolean().nullish(),
});

export function list(ctx: Context, filter: unknown, page: PageArgs) {
  const viewer = viewerOf(ctx);
  return repo.listProfiles(ctx.db, viewer, parseInput(Filter, filter ?? {}, "filter"), page);
}

const fields = {
  sectors: v.tags.optional(),
  ticketMinGbp: v.gbp.nullish(),
  ticketMaxGbp: v.gbp.nullish(),
  stages: v.tags.optional(),
  notes: v.optionalText(5000),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreateProfile = z.object({
  personId: z.string().nullish(),
  organisationId: z.string().nullish(),
  investorType: z.enum(investorProfiles.investorType.enumValues),
  ...fields,
});
const UpdateProfile = z.object({ investorType: z.enum(investorProfiles.investorType.enumValues).optional(), ...fields });

function assertTicketRange(min: number | null | undefined, max: number | null | undefined): void {
  if (min != null && max != null && min > max) {
    throw badInput("input.ticketMaxGbp", "input.ticketMaxGbp: must not be less than ticketMinGbp.");
  }
}

/** The one subject a profile describes: a person or an organisation the viewer can see. */
async function subjectOf(ctx: Context, personId: string | null | undefined, organisationId: string | null | undefined) {
  if (personId && organisationId) {
    throw badInput("input.organisationId", "input.organisationId: give a personId or an organisationId, not both.");
  }
  if (personId) return { personId: await requiredRef(ctx, "Person", personId, "input.personId"), organisationId: null };
  if (organisationId) {
    return { personId: null, organisationId: await requiredRef(ctx, "Organisation", organisationId, "input.organisationId") };
  }
  throw badInput("input.personId", "input.personId: give the person or the organisation (organisationId) this profile describes.");
}

export async function create(ctx: Context, input: unknown): Promise<InvestorProfileRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const { personId, organisationId, ...data } = parseInput(CreateProfile, input);
  assertTicketRange(data.ticketMinGbp, data.ticketMaxGbp);
  const subject = await subjectOf(ctx, personId, organisationId);
  return transaction(ctx, (tx) =>
    insertAudited<InvestorProfileRow>(ctx, tx, investorProfiles, "InvestorProfile", {
      ...data,
      ...subject,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    }),
  );
}

function authorize(viewer: Viewer, row: InvestorProfileRow): void {
  authorizeOwned(viewer, row, "InvestorProfile");
}

/**
 * A profile whose person or organisation the viewer cannot see is invisible
 * even when the profile itself is shared: writes answer NOT_FOUND, exactly as
 * for a missing id, before anything else is checked.
 */
async function assertVisible(ctx: Context, id: string): Promise<void> {
  if (!(await ctx.loaders.investors.byId.load(id))) throw notFound("InvestorProfile");
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<InvestorProfileRow> {
  const patch = parseInput(UpdateProfile, input);
  assertTicketRange(patch.ticketMinGbp, patch.ticketMaxGbp);
  await assertVisible(ctx, id);
  return transaction(ctx, (tx) =>
    updateVersioned<InvestorProfileRow>(
      ctx,
      tx,
      {
        table: investorProfiles,
        recordType: "InvestorProfile",
        id,
        version,
        authorize: (viewer, row) => {
          authorize(viewer, row);
          // A patch of one bound is checked against the stored other bound, once the viewer
          // may change the row; a stale version is left to updateVersioned's CONFLICT.
          if (row.version === version) {
            assertTicketRange(
              patch.ticketMinGbp === undefined ? row.ticketMinGbp : patch.ticketMinGbp,
              patch.ticketMaxGbp === undefined ? row.ticketMaxGbp : patch.ticketMaxGbp,
            );
          }
        },
      },
      patch,
    ),
  );
}

export async function archive(ctx: Context, id: string, version: number): Promise<InvestorProfileRow> {
  await assertVisible(ctx, id);
  return transaction(ctx, (tx) =>
    archiveVersioned<InvestorProfileRow>(ctx, tx, { table: investorProfiles, recordType: "InvestorProfile", id, version, authorize }),
  );
}
