import type { Reply } from "./run-as-build.js";
import type { Expect, Tri, Viewer } from "./run-as-reference.js";
import { type World, describeRecord } from "./run-as-world.js";

// What every read check shares: the viewer's session, the problems found so
// far (as sentences naming records by their world keys), and every response
// body, kept for the leak check at the end.

export interface Session {
  url: string;
  w: World;
  v: Viewer;
  who: string;
  problems: string[];
  bodies: { where: string; text: string }[];
}

export function session(url: string, w: World, v: Viewer): Session {
  const who = `${v.user.key} (M${v.member} ${v.user.role})`;
  return { url, w, v, who, problems: [], bodies: [] };
}

/** A record's world key and state, from its global id: "p0 Person of M1 PRIVATE". */
export function name(w: World, gid: string | null | undefined): string {
  if (gid === null || gid === undefined) return "null";
  if (gid === w.city.gid) return "the city";
  const r = w.records.find((x) => x.gid === gid);
  if (r) return describeRecord(r);
  const m = w.members.find((x) => x.gid === gid);
  if (m) return m.key;
  const u = w.users.find((x) => x.gid === gid);
  if (u) return `${u.key} (user of M${u.member})`;
  return `${gid} (not of this world)`;
}

export function problem(s: Session, where: string, text: string): void {
  s.problems.push(`${s.who} ${where}: ${text}`);
}

/** The ids of this world: results are compared on these (other worlds' records may be listed too; the leak check covers them). */
export function worldIds(w: World): Set<string> {
  return new Set([w.city.gid, ...w.records.map((r) => r.gid)]);
}

/** Records a reply and reports any error: a read path must answer, not fail. */
export function keep(s: Session, where: string, reply: Reply): Record<string, unknown> | null {
  s.bodies.push({ where, text: reply.text });
  if (reply.errors?.length || reply.status !== 200) {
    problem(s, where, `answered ${reply.status} with errors ${JSON.stringify(reply.errors?.map((e) => [e.message, e.path, e.extensions?.code]))}`);
  }
  return reply.data;
}

/**
 * The ids a path returned (of this world) against the reference: every "must" present, nothing
 * outside "must" and "may", nothing twice.
 */
export function compareIds(s: Session, where: string, actual: (string | null | undefined)[], expected: Expect, opts: { once?: boolean } = {}): void {
  const scope = worldIds(s.w);
  const got = actual.filter((g): g is string => typeof g === "string" && scope.has(g));
  const seen = new Set(got);
  if (opts.once !== false && seen.size !== got.length) {
    problem(s, where, `listed more than once: ${[...new Set(got.filter((g, i) => got.indexOf(g) !== i))].map((g) => name(s.w, g)).join("; ")}`);
  }
  const missing = [...expected].filter(([g, t]) => t === 1 && !seen.has(g)).map(([g]) => g);
  const extra = [...seen].filter((g) => ((expected.get(g) ?? 0) as Tri) === 0);
  if (missing.length) problem(s, where, `missing ${missing.map((g) => name(s.w, g)).join("; ")}`);
  if (extra.length) problem(s, where, `must not show ${extra.map((g) => name(s.w, g)).join("; ")}`);
}

export function same(s: Session, where: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problem(s, where, `is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

type Obj = Record<string, unknown>;
export const obj = (x: unknown): Obj => (x ?? {}) as Obj;
export const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
export const idOf = (x: unknown): string | null => ((x as { id?: string } | null)?.id ?? null);
export const ids = (x: unknown): (string | null)[] => arr(x).map(idOf);
export const exact = (gids: string[]): Expect => new Map(gids.map((g) => [g, 1 as Tri]));
