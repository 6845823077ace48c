import { type SQL, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { PriorityRow } from "../../db/rows.js";
import { priorities } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";

export interface PriorityFilter {
  scope?: PriorityRow["scope"] | null;
  countryCode?: string | null;
  sector?: string | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

// Heaviest first, then by name: weight is 1–10, so 10 - weight is a single digit
// and one text key orders both (the keyset cursor needs a single expression).
const sort: Sort = { key: sql`(10 - ${priorities.weight})::text || lower(${priorities.name})`, cast: "text", direction: "asc" };

export function prioritiesWhere(viewer: Viewer, filter: PriorityFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, priorities)];
  if (!filter.includeArchived) where.push(isNull(priorities.archivedAt));
  if (filter.ownedByMe) where.push(eq(priorities.ownerMemberId, viewer.memberId));
  if (filter.scope) where.push(eq(priorities.scope, filter.scope));
  if (filter.countryCode) where.push(eq(priorities.countryCode, filter.countryCode.trim().toUpperCase()));
  if (filter.sector) where.push(sql`lower(${priorities.sector}) = lower(${filter.sector.trim()})`);
  return allOf(...where);
}

export function listPriorities(db: Db, viewer: Viewer, filter: PriorityFilter, page: PageArgs) {
  return listPage<PriorityRow>(db, priorities, prioritiesWhere(viewer, filter), sort, page);
}
