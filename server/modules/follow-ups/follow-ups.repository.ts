import { type SQL, and, eq, isNull, lt, not, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { FollowUpRow } from "../../db/rows.js";
import { followUps } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";

export interface FollowUpFilter {
  assignedToMe?: boolean | null;
  status?: FollowUpRow["status"] | null;
  dueBefore?: string | null;
  overdue?: boolean | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

// Undated follow-ups sort last: the keyset needs a non-null key.
const sort: Sort = { key: sql`coalesce(${followUps.dueOn}, date '9999-12-31')`, cast: "date", direction: "asc" };

/** Today as the API defines "overdue": the UTC calendar date, the same in SQL and in resolvers. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isOverdue(row: Pick<FollowUpRow, "status" | "dueOn">, on = today()): boolean {
  return row.status === "OPEN" && row.dueOn !== null && row.dueOn < on;
}

export function followUpsWhere(viewer: Viewer, filter: FollowUpFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, followUps)];
  if (!filter.includeArchived) where.push(isNull(followUps.archivedAt));
  if (filter.ownedByMe) where.push(eq(followUps.ownerMemberId, viewer.memberId));
  if (filter.assignedToMe) where.push(eq(followUps.assigneeId, viewer.userId));
  if (filter.status) where.push(eq(followUps.status, filter.status));
  if (filter.dueBefore) where.push(lt(followUps.dueOn, filter.dueBefore));
  if (filter.overdue != null) {
    // lt() on a null due date is null, so "not overdue" needs the coalesce.
    const overdue = sql`coalesce(${and(eq(followUps.status, "OPEN"), lt(followUps.dueOn, today()))}, false)`;
    where.push(filter.overdue ? overdue : not(overdue));
  }
  return allOf(...where);
}

export function listFollowUps(db: Db, viewer: Viewer, filter: FollowUpFilter, page: PageArgs) {
  return listPage<FollowUpRow>(db, followUps, followUpsWhere(viewer, filter), sort, page);
}
