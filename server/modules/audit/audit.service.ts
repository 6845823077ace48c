import { type SQL, and, count, desc, eq, gte, lt, lte } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { AuditEventRow } from "../../db/rows.js";
import { auditEvents } from "../../db/tables/index.js";
import { badInput, forbidden } from "../../errors.js";
import { parseGlobalId, refOf } from "../../graphql/global-id.js";
import { type Connection, decodeCursor, encodeCursor, pageSize } from "../shared/pagination.js";

// The audit log, read by a member's admins: the actions of their own member's
// users (their records are only ever changed by them). Rows are append-only:
// a database trigger refuses UPDATE, DELETE and TRUNCATE (migration 0002), with
// one narrow exception for redacting an erased person's data (see
// docs/decisions/0003-erasure-and-append-only-audit.md).

export interface AuditFilter {
  recordId?: string | null;
  userId?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
  action?: string | null;
  recordType?: string | null;
}

const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

export async function list(
  ctx: Context,
  filter: AuditFilter,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<AuditEventRow>> {
  const viewer = viewerOf(ctx);
  if (viewer.role !== "ADMIN") throw forbidden("This needs the ADMIN role.");
  const where: (SQL | undefined)[] = [eq(auditEvents.memberId, viewer.memberId)];
  if (filter.recordId) {
    const parsed = parseGlobalId(filter.recordId);
    if (!parsed) throw badInput("filter.recordId", "filter.recordId is not a valid id.");
    where.push(eq(auditEvents.recordId, parsed.id));
  }
  if (filter.userId) where.push(eq(auditEvents.userId, refOf("User", filter.userId, "filter.userId")));
  if (filter.from) where.push(gte(auditEvents.at, asDate(filter.from)));
  if (filter.to) where.push(lte(auditEvents.at, asDate(filter.to)));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.recordType) where.push(eq(auditEvents.recordType, filter.recordType));
  const size = pageSize(page.first);
  let after: number | null = null;
  if (page.after) {
    after = Number(decodeCursor(page.after).key);
    if (!Number.isSafeInteger(after)) throw badInput("after", "after is not a valid cursor.");
  }
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...where, after !== null ? lt(auditEvents.id, after) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(size + 1);
  const nodes = rows.slice(0, size);
  const edges = nodes.map((n) => ({ cursor: encodeCursor(String(n.id), "audit"), node: n }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => {
      const [c] = await ctx.db.select({ n: count() }).from(auditEvents).where(and(...where));
      return c?.n ?? 0;
    },
  };
}
