import DataLoader from "dataloader";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { InteractionRow } from "../../db/rows.js";
import {
  interactionOrganisations,
  interactionPeople,
  interactionUsers,
  interactions,
  organisations,
  people,
  users,
} from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader, groupLoader } from "../shared/loaders.js";
import { type Connection, toConnection } from "../shared/pagination.js";
import { type InteractionParent, countsByParent, pagesByParent } from "./interactions.repository.js";

export interface ParentPageKey {
  parentId: string;
  /** Already clamped by pageSize. */
  size: number;
  after: string | null;
}

const pageKey = (k: ParentPageKey) => `${k.parentId}|${k.size}|${k.after ?? ""}`;

/**
 * One page of a parent's interactions, batched: every parent asking for the same page
 * shape shares one statement, and totalCount for all of them is one more.
 */
function pagesLoader(ctx: Context, parent: InteractionParent) {
  const counts = new DataLoader<string, number>(async (parentIds) => {
    const rows = await countsByParent(ctx.db, viewerOf(ctx), parent, parentIds);
    const byParent = new Map(rows.map((r) => [r.parentId, r.n]));
    return parentIds.map((id) => byParent.get(id) ?? 0);
  });
  return new DataLoader<ParentPageKey, Connection<InteractionRow>, string>(
    async (keys) => {
      const shapes = new Map<string, ParentPageKey[]>();
      for (const key of keys) {
        const shape = `${key.size}|${key.after ?? ""}`;
        shapes.set(shape, [...(shapes.get(shape) ?? []), key]);
      }
      const pages = new Map<string, Connection<InteractionRow>>();
      for (const group of shapes.values()) {
        const { size, after } = group[0]!;
        const rows = await pagesByParent(ctx.db, viewerOf(ctx), parent, group.map((k) => k.parentId), size, after);
        const byParent = new Map<string, typeof rows>();
        for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
        for (const key of group) {
          pages.set(pageKey(key), toConnection(byParent.get(key.parentId) ?? [], size, () => counts.load(key.parentId)));
        }
      }
      return keys.map((k) => pages.get(pageKey(k))!);
    },
    { cacheKeyFn: pageKey },
  );
}

export function interactionsLoaders(ctx: Context) {
  return {
    /** Visible interactions only: another member's private interaction loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(interactions)
        .where(and(inArray(interactions.id, [...ids]), visibleWhere(viewerOf(ctx), interactions))),
    ),
    /** Participants the viewer can see, by name (one statement per batch). */
    participantsByInteraction: groupLoader(
      (interactionIds) =>
        ctx.db
          .select({ interactionId: interactionPeople.interactionId, person: people })
          .from(interactionPeople)
          .innerJoin(people, and(eq(people.id, interactionPeople.personId), visibleWhere(viewerOf(ctx), people)))
          .where(inArray(interactionPeople.interactionId, [...interactionIds]))
          .orderBy(sql`lower(${people.fullName})`, asc(people.id)),
      (p) => p.interactionId,
    ),
    /** Organisations the viewer can see, by name (one statement per batch). */
    organisationsByInteraction: groupLoader(
      (interactionIds) =>
        ctx.db
          .select({ interactionId: interactionOrganisations.interactionId, organisation: organisations })
          .from(interactionOrganisations)
          .innerJoin(
            organisations,
            and(eq(organisations.id, interactionOrganisations.organisationId), visibleWhere(viewerOf(ctx), organisations)),
          )
          .where(inArray(interactionOrganisations.interactionId, [...interactionIds]))
          .orderBy(sql`lower(${organisations.name})`, asc(organisations.id)),
      (o) => o.interactionId,
    ),
    /** Internal attendees by name (one statement per batch); disabled accounts are filtered by the service. */
    usersByInteraction: groupLoader(
      (interactionIds) =>
        ctx.db
          .select({ interactionId: interactionUsers.interactionId, user: users })
          .from(interactionUsers)
          .innerJoin(users, eq(users.id, interactionUsers.userId))
          .where(inArray(interactionUsers.interactionId, [...interactionIds]))
          .orderBy(sql`lower(${users.name})`, asc(users.id)),
      (u) => u.interactionId,
    ),
    /** A person's interactions, a page per person (see pagesLoader). */
    pagesByPerson: pagesLoader(ctx, "person"),
    /** An organisation's interactions, a page per organisation. */
    pagesByOrganisation: pagesLoader(ctx, "organisation"),
  };
}
