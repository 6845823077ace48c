import { uuid } from "drizzle-orm/pg-core";
import { members, users } from "./members.js";
import { visibility } from "./common.js";

/** Owner, visibility and authorship: the columns the sharing policy reads. */
export const owned = () => ({
  ownerMemberId: uuid("owner_member_id").notNull().references(() => members.id),
  visibility: visibility("visibility").notNull().default("NETWORK"),
  createdById: uuid("created_by_id").references(() => users.id),
});
