import { and, inArray } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { opportunities } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader } from "../shared/loaders.js";

export function opportunitiesLoaders(ctx: Context) {
  return {
    /** Visible opportunities only: another member's private opportunity loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(opportunities)
        .where(and(inArray(opportunities.id, [...ids]), visibleWhere(viewerOf(ctx), opportunities))),
    ),
  };
}
