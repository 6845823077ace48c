import { sql } from "drizzle-orm";
import { customType, integer, pgEnum, timestamp, uuid } from "drizzle-orm/pg-core";

export const citext = customType<{ data: string }>({ dataType: () => "citext" });

export const visibility = pgEnum("visibility", ["PRIVATE", "NETWORK"]);
export type Visibility = (typeof visibility.enumValues)[number];

export const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Columns every version-checked record carries. */
export const versioned = () => ({
  version: integer("version").notNull().default(1),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  ...timestamps(),
});

