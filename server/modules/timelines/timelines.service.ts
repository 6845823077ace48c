import { type Context, viewerOf } from "../../context.js";
import type { AuditEventRow, UserRow } from "../../db/rows.js";
import { badInput } from "../../errors.js";
import { type Connection, type PageArgs, decodeCursor, pageSize } from "../shared/pagination.js";
import type { TimelineEntry, TimelineParent } from "./timelines.repository.js";
import { acquaintances, validCursor } from "./timelines.repository.js";

export type { TimelineEntry, TimelineParent } from "./timelines.repository.js";

/** No interaction the viewer can see for this long makes a relationship dormant. */
export const DORMANT_AFTER_MONTHS = 12;

/** A visible parent's timeline, newest first: interactions, follow-ups, visits and changes the viewer can see. */
export function timeline(ctx: Context, parent: TimelineParent, parentId: string, page: PageArgs): Promise<Connection<TimelineEntry>> {
  viewerOf(ctx);
  let after: { key: string; id: string } | null = null;
  if (page.after) {
    after = decodeCursor(page.after);
    if (!validCursor(after.key, after.id)) throw badInput("after", "after is not a valid cursor.");
  }
  return ctx.loaders.timelines.pages[parent].load({ parentId, size: pageSize(page.first), after });
}

function cutoff(): Date {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - DORMANT_AFTER_MONTHS);
  return d;
}

export interface MemberEngagement {
  memberId: string;
  lastInteractionAt: Date;
  interactionsLast12Months: number;
  interactions: number;
  dormant: boolean;
}

export interface RelationshipHealth {
  lastInteractionAt: Date | null;
  dormant: boolean;
  interactionsLast12Months: number;
  myMemberLastInteractionAt: Date | null;
  dormantForMyMember: boolean;
  byMember: MemberEngagement[];
}

/** Relationship health from the interactions the viewer can see: network-wide and per member. */
export async function health(ctx: Context, parent: TimelineParent, parentId: string): Promise<RelationshipHealth> {
  const viewer = viewerOf(ctx);
  const rows = await ctx.loaders.timelines.engagement[parent].load(parentId);
  const since = cutoff();
  const byMember = rows.map((r) => ({
    memberId: r.memberId,
    lastInteractionAt: r.lastInteractionAt,
    interactionsLast12Months: r.recent,
    interactions: r.total,
    dormant: r.lastInteractionAt < since,
  }));
  const last = byMember[0]?.lastInteractionAt ?? null;
  const mine = byMember.find((m) => m.memberId === viewer.memberId)?.lastInteractionAt ?? null;
  return {
    lastInteractionAt: last,
    dormant: !last || last < since,
    interactionsLast12Months: byMember.reduce((n, m) => n + m.interactionsLast12Months, 0),
    myMemberLastInteractionAt: mine,
    dormantForMyMember: !mine || mine < since,
    byMember,
  };
}

/** The names of the fields a change touched (never their values: some are owner-only). */
export function changedFields(change: AuditEventRow): string[] {
  const changes = (change.changes ?? {}) as Record<string, unknown>;
  if (change.action === "update") return Object.keys(changes).sort();
  if (change.action === "merge") return Object.keys((changes.fields ?? {}) as Record<string, unknown>).sort();
  return [];
}

export interface Acquaintance {
  user: UserRow;
  lastMetAt: Date;
  interactions: number;
}

/**
 * Who knows a visible person: the users behind the interactions with them that the viewer
 * can see. Null when the person is missing or not visible (the two look the same). Three
 * statements whatever the number of interactions or users: the person, the list, the users.
 */
export async function whoKnows(ctx: Context, personId: string, first: number | null | undefined): Promise<Acquaintance[] | null> {
  const viewer = viewerOf(ctx);
  if (first != null && (!Number.isInteger(first) || first < 1 || first > 50)) throw badInput("first", "first must be a whole number from 1 to 50.");
  const person = await ctx.loaders.people.byId.load(personId);
  if (!person) return null;
  const rows = await acquaintances(ctx.db, viewer, person.id, first ?? 10);
  const users = await ctx.loaders.members.userById.loadMany(rows.map((r) => r.userId));
  return rows.flatMap((r, i) => {
    const user = users[i];
    return user && !(user instanceof Error) ? [{ user, lastMetAt: r.lastMetAt, interactions: r.interactions }] : [];
  });
}
