import DataLoader from "dataloader";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { PlaceRow } from "../../db/rows.js";
import { places, priorities } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader } from "../shared/loaders.js";

export function prioritiesLoaders(ctx: Context) {
  return {
    /** Visible priorities only: another member's private priority loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(priorities)
        .where(and(inArray(priorities.id, [...ids]), visibleWhere(viewerOf(ctx), priorities))),
    ),
    /** The COUNTRY place for each ISO code (a live one before an archived one), one statement per batch. */
    countryByCode: new DataLoader<string, PlaceRow | null>(async (codes) => {
      const rows = await ctx.db
        .select()
        .from(places)
        .where(and(eq(places.kind, "COUNTRY"), inArray(places.countryCode, [...codes])))
        .orderBy(sql`${places.archivedAt} is not null`, places.createdAt, places.id);
      const byCode = new Map<string, PlaceRow>();
      for (const row of rows) if (!byCode.has(row.countryCode)) byCode.set(row.countryCode, row);
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
