import { inArray } from "drizzle-orm";
import type { Context } from "../../context.js";
import { places } from "../../db/tables/index.js";
import { byIdLoader } from "../shared/loaders.js";

// Places are public reference data: no visibility filter.
export function placesLoaders(ctx: Context) {
  return {
    byId: byIdLoader((ids) => ctx.db.select().from(places).where(inArray(places.id, [...ids]))),
  };
}
