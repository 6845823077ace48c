import DataLoader from "dataloader";
import { type Context, viewerOf } from "../../context.js";
import { type Connection, toConnection } from "../shared/pagination.js";
import { type MemberEngagementRow, type TimelineEntry, type TimelineParent, engagement, timelinePages } from "./timelines.repository.js";

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
 * one statement, which also brings each timeline's totalCount.
 */
function pagesLoader(ctx: Context, parent: TimelineParent) {
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
        const byParent = await timelinePages(ctx.db, viewerOf(ctx), parent, [...new Set(group.map((k) => k.parentId))], size, after);
        for (const key of group) {
          const page = byParent.get(key.parentId) ?? { total: 0, rows: [] };
          pages.set(pageKey(key), toConnection(page.rows, size, () => Promise.resolve(page.total)));
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
