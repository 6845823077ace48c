import { jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./common.js";
import { users } from "./members.js";

export const savedSearchKind = pgEnum("saved_search_kind", ["SEARCH", "ALUMNI", "PEOPLE"]);

// A user's named filter set: private to that user (not to the member), so it has
// no owner member or visibility. The filter is stored as the client sent it
// (global ids included) and is validated again every time it runs.
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: savedSearchKind("kind").notNull(),
    filter: jsonb("filter").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_searches_user_name_key").on(t.userId, t.name)],
);
