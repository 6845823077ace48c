import { type SQL, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { MemberRow, UserRow } from "../../db/rows.js";
import { members, users } from "../../db/tables/index.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";
import { likePattern } from "../shared/text.js";

export interface MemberFilter {
  kind?: (typeof members.kind.enumValues)[number] | null;
  query?: string | null;
}

const memberSort: Sort = { key: sql`lower(${members.name})`, cast: "text", direction: "asc" };
const userSort: Sort = { key: sql`lower(${users.name})`, cast: "text", direction: "asc" };

export function listMembers(db: Db, filter: MemberFilter, page: PageArgs) {
  const where: (SQL | undefined)[] = [isNull(members.archivedAt)];
  if (filter.kind) where.push(eq(members.kind, filter.kind));
  if (filter.query) {
    const p = likePattern(filter.query);
    where.push(or(ilike(members.name, p), ilike(members.shortName, p)));
  }
  return listPage<MemberRow>(db, members, allOf(...where), memberSort, page);
}

export function listUsers(db: Db, memberId: string, includeDisabled: boolean, page: PageArgs) {
  const where = allOf(eq(users.memberId, memberId), includeDisabled ? undefined : isNull(users.disabledAt));
  return listPage<UserRow>(db, users, where, userSort, page);
}
