import DataLoader from "dataloader";
import { type Context, viewerOf } from "../../context.js";
import { type Connection, toConnection } from "../shared/pagination.js";
import { type MemberEngagementRow, type TimelineEntry, type TimelineParent, engagement, timelineCounts, timelinePages } from "./timelines.repository.js";

export interface TimelinePageKey {
  parentId: string;
  /** Already clamped by pageSize. */
  size: number;
  /** A decoded, validated cursor. */
  after: { key: string; id: string } | null;
}

const pageKey = (k: TimelinePageKey) => `${k.parentId}|${k.size}|${k.after ? `${k.after.key}|${k.after.id}` : ""}`;

/**
 * A page of each parent's timeline, batched: parents asking for the same page shape share
 * one statement, and totalCount for all of them is one more.
 */
function pagesLoader(ctx: Context, parent: TimelineParent) {
  const counts = new DataLoader<string, number>(async (ids) => {
    const rows = await timelineCounts(ctx.db, viewerOf(ctx), parent, ids);
    const byParent = new Map(rows.map((r) => [r.parent_id, r.n]));
    return ids.map((id) => byParent.get(id) ?? 0);
  });
  return new DataLoader<TimelinePageKey, Connection<TimelineEntry>, string>(
    async (keys) => {
      const shapes = new Map<string, TimelinePageKey[]>();
      for (const key of keys) {
        const shape = pageKey({ ...key, parentId: "" });
        shapes.set(shape, [...(shapes.get(shape) ?? []), key]);
      }
      const pages = new Map<string, Connection<TimelineEntry>>();
      for (const group of shapes.values()) {
        const { size, after } = group[0]!;
        const rows = await timelinePages(ctx.db, viewerOf(ctx), parent, [...new Set(group.map((k) => k.parentId))], size, after);
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

/** Per parent, engagement by member through visible interactions (one statement per batch). */
function engagementLoader(ctx: Context, parent: TimelineParent) {
  return new DataLoader<string, MemberEngagementRow[]>(async (ids) => {
    const rows = await engagement(ctx.db, viewerOf(ctx), parent, ids);
    return ids.map((id) => rows.filter((r) => r.parentId === id));
  });
}

export function timelinesLoaders(ctx: Context) {
  const parents: TimelineParent[] = ["person", "organisation", "partnership", "place"];
  return {
    pages: Object.fromEntries(parents.map((p) => [p, pagesLoader(ctx, p)])) as Record<TimelineParent, ReturnType<typeof pagesLoader>>,
    engagement: Object.fromEntries(parents.map((p) => [p, engagementLoader(ctx, p)])) as Record<
      TimelineParent,
      ReturnType<typeof engagementLoader>
    >,
  };
}
