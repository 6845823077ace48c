import { and, inArray } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { followUps } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader } from "../shared/loaders.js";

export function followUpsLoaders(ctx: Context) {
  return {
    /** Visible follow-ups only: another member's private follow-up loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(followUps)
        .where(and(inArray(followUps.id, [...ids]), visibleWhere(viewerOf(ctx), followUps))),
    ),
  };
}
