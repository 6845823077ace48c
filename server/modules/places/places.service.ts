import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { PlaceRow } from "../../db/rows.js";
import { places } from "../../db/tables/index.js";
import { badInput, forbidden } from "../../errors.js";
import { canEditReferenceData } from "../../policy/sharing.policy.js";
import { refOf } from "../../graphql/global-id.js";
import { archiveVersioned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./places.repository.js";

export function get(ctx: Context, id: string): Promise<PlaceRow | null> {
  viewerOf(ctx);
  return ctx.loaders.places.byId.load(id);
}

export function list(ctx: Context, filter: repo.PlaceFilter, page: PageArgs) {
  viewerOf(ctx);
  return repo.listPlaces(ctx.db, filter, page);
}

const coordinates = {
  latitude: z.number().min(-90, "must be between -90 and 90").max(90, "must be between -90 and 90").nullish(),
  longitude: z.number().min(-180, "must be between -180 and 180").max(180, "must be between -180 and 180").nullish(),
};

const CreatePlace = z.object({
  kind: z.enum(["COUNTRY", "REGION", "CITY"]),
  name: v.name,
  nameLatin: v.optionalText(300),
  countryCode: v.countryCode,
  parentId: z.string().nullish(),
  ...coordinates,
});

const UpdatePlace = z.object({
  name: v.name.optional(),
  nameLatin: v.optionalText(300),
  parentId: z.string().nullish(),
  ...coordinates,
});

async function parentRef(ctx: Context, parentId: string | null | undefined) {
  if (parentId === undefined) return undefined;
  if (parentId === null) return null;
  const id = refOf("Place", parentId, "input.parentId");
  if (!(await ctx.loaders.places.byId.load(id))) throw badInput("input.parentId", "input.parentId: no such place.");
  return id;
}

function authorize(viewer: Parameters<typeof canEditReferenceData>[0]) {
  if (!canEditReferenceData(viewer)) throw forbidden("Only editors can change places.");
}

export async function create(ctx: Context, input: unknown): Promise<PlaceRow> {
  const data = parseInput(CreatePlace, input);
  authorize(viewerOf(ctx));
  const parentId = await parentRef(ctx, data.parentId);
  return transaction(ctx, (tx) => insertAudited<PlaceRow>(ctx, tx, places, "Place", { ...data, parentId }));
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<PlaceRow> {
  const data = parseInput(UpdatePlace, input);
  const parentId = await parentRef(ctx, data.parentId);
  if (parentId && (await repo.wouldMakeCycle(ctx.db, id, parentId))) {
    throw badInput("input.parentId", "input.parentId: a place cannot be its own parent or lie within itself.");
  }
  return transaction(ctx, (tx) =>
    updateVersioned<PlaceRow>(ctx, tx, { table: places, recordType: "Place", id, version, authorize }, { ...data, parentId }),
  );
}

export function archive(ctx: Context, id: string, version: number): Promise<PlaceRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<PlaceRow>(ctx, tx, { table: places, recordType: "Place", id, version, authorize }),
  );
}
