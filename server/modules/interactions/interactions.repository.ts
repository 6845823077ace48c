import { type SQL, and, count, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { InteractionRow } from "../../db/rows.js";
import {
  interactionOrganisations,
  interactionPeople,
  interactionUsers,
  interactions,
  organisations,
  people,
  places,
  visits,
} from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, afterCursor, allOf, listPage, orderBy } from "../shared/pagination.js";

export interface InteractionFilter {
  personId?: string | null;
  organisationId?: string | null;
  placeId?: string | null;
  countryCode?: string | null;
  visitId?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
  kind?: InteractionRow["kind"] | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

// The meeting history: newest first.
export const sort: Sort = { key: sql`${interactions.occurredAt}`, cast: "timestamptz", direction: "desc" };

const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

export function interactionsWhere(viewer: Viewer, filter: InteractionFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, interactions)];
  if (!filter.includeArchived) where.push(isNull(interactions.archivedAt));
  if (filter.ownedByMe) where.push(eq(interactions.ownerMemberId, viewer.memberId));
  if (filter.kind) where.push(eq(interactions.kind, filter.kind));
  if (filter.from) where.push(gte(interactions.occurredAt, asDate(filter.from)));
  if (filter.to) where.push(lte(interactions.occurredAt, asDate(filter.to)));
  if (filter.placeId) where.push(eq(interactions.placeId, filter.placeId));
  if (filter.countryCode) {
    where.push(
      inArray(
        interactions.placeId,
        sql`(select ${places.id} from ${places} where ${places.countryCode} = ${filter.countryCode.trim().toUpperCase()})`,
      ),
    );
  }
  // Filters by another record match only when the viewer can see that record, so
  // a private record's id cannot be probed through this list.
  if (filter.visitId) {
    where.push(
      inArray(
        interactions.visitId,
        sql`(select ${visits.id} from ${visits} where ${visits.id} = ${filter.visitId} and ${visibleWhere(viewer, visits)})`,
      ),
    );
  }
  if (filter.personId) {
    where.push(
      inArray(
        interactions.id,
        sql`(select ${interactionPeople.interactionId} from ${interactionPeople}
             join ${people} on ${people.id} = ${interactionPeople.personId}
             where ${interactionPeople.personId} = ${filter.personId} and ${visibleWhere(viewer, people)})`,
      ),
    );
  }
  if (filter.organisationId) {
    where.push(
      inArray(
        interactions.id,
        sql`(select ${interactionOrganisations.interactionId} from ${interactionOrganisations}
             join ${organisations} on ${organisations.id} = ${interactionOrganisations.organisationId}
             where ${interactionOrganisations.organisationId} = ${filter.organisationId} and ${visibleWhere(viewer, organisations)})`,
      ),
    );
  }
  return allOf(...where);
}

export function listInteractions(db: Db, viewer: Viewer, filter: InteractionFilter, page: PageArgs) {
  return listPage<InteractionRow>(db, interactions, interactionsWhere(viewer, filter), sort, page);
}

/** How a parent record (a person, an organisation) links to its interactions. */
const links = {
  person: { table: interactionPeople, parent: interactionPeople.personId, interaction: interactionPeople.interactionId },
  organisation: {
    table: interactionOrganisations,
    parent: interactionOrganisations.organisationId,
    interaction: interactionOrganisations.interactionId,
  },
};
export type InteractionParent = keyof typeof links;

/** Visible, unarchived interactions of the given parents joined with their parent id. */
function parentScope(viewer: Viewer, parent: InteractionParent, parentIds: readonly string[]) {
  const link = links[parent];
  return {
    link,
    on: eq(link.interaction, interactions.id),
    where: and(inArray(link.parent, [...parentIds]), visibleWhere(viewer, interactions), isNull(interactions.archivedAt)),
  };
}

/**
 * The first `size + 1` interactions after `after` for each of several parents, in one
 * statement (a window over the parents), each row carrying its parent id and sort key.
 */
export async function pagesByParent(
  db: Db,
  viewer: Viewer,
  parent: InteractionParent,
  parentIds: readonly string[],
  size: number,
  after: string | null | undefined,
): Promise<{ parentId: string; row: InteractionRow; sortKey: string }[]> {
  const { link, on, where } = parentScope(viewer, parent, parentIds);
  const ranked = db
    .select({
      id: interactions.id,
      parentId: sql<string>`${link.parent}`.as("parent_id"),
      sortKey: sql<string>`(${sort.key})::text`.as("sort_key"),
      rank: sql<number>`row_number() over (partition by ${link.parent} order by ${sql.join(orderBy(sort, interactions.id), sql`, `)})`.as(
        "rank",
      ),
    })
    .from(interactions)
    .innerJoin(link.table, on)
    .where(allOf(where, afterCursor(sort, interactions.id, after)))
    .as("ranked");
  return db
    .select({ parentId: ranked.parentId, row: interactions, sortKey: ranked.sortKey })
    .from(ranked)
    .innerJoin(interactions, eq(interactions.id, ranked.id))
    .where(lte(ranked.rank, size + 1))
    .orderBy(ranked.parentId, ranked.rank);
}

/** How many visible, unarchived interactions each parent has (one statement). */
export function countsByParent(db: Db, viewer: Viewer, parent: InteractionParent, parentIds: readonly string[]) {
  const { link, on, where } = parentScope(viewer, parent, parentIds);
  return db
    .select({ parentId: link.parent, n: count() })
    .from(interactions)
    .innerJoin(link.table, on)
    .where(where)
    .groupBy(link.parent);
}

/**
 * Replaces an interaction's participants, organisations and internal attendees (given lists
 * only). Links to people or organisations the editor cannot see (another member's record
 * made private since) are kept: the editor could neither see nor re-add them.
 */
export async function replaceSubRecords(
  tx: Db,
  viewer: Viewer,
  interactionId: string,
  lists: { personIds?: string[]; organisationIds?: string[]; userIds?: string[] },
) {
  if (lists.personIds) {
    await tx
      .delete(interactionPeople)
      .where(
        and(
          eq(interactionPeople.interactionId, interactionId),
          inArray(interactionPeople.personId, sql`(select ${people.id} from ${people} where ${visibleWhere(viewer, people)})`),
        ),
      );
    if (lists.personIds.length) {
      await tx
        .insert(interactionPeople)
        .values(lists.personIds.map((personId) => ({ interactionId, personId })))
        .onConflictDoNothing();
    }
  }
  if (lists.organisationIds) {
    await tx
      .delete(interactionOrganisations)
      .where(
        and(
          eq(interactionOrganisations.interactionId, interactionId),
          inArray(
            interactionOrganisations.organisationId,
            sql`(select ${organisations.id} from ${organisations} where ${visibleWhere(viewer, organisations)})`,
          ),
        ),
      );
    if (lists.organisationIds.length) {
      await tx
        .insert(interactionOrganisations)
        .values(lists.organisationIds.map((organisationId) => ({ interactionId, organisationId })))
        .onConflictDoNothing();
    }
  }
  if (lists.userIds) {
    await tx.delete(interactionUsers).where(eq(interactionUsers.interactionId, interactionId));
    if (lists.userIds.length) {
      await tx.insert(interactionUsers).values(lists.userIds.map((userId) => ({ interactionId, userId })));
    }
  }
}
