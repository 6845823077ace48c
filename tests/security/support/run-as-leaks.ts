import type { Built } from "./run-as-build.js";
import { type Session, problem } from "./run-as-compare.js";
import { type Rec, type World, describeRecord } from "./run-as-world.js";

// "A member that cannot see a private record must not learn anything about it
// from ANY path" (DESIGN.md). Every name carries a unique word, every secret
// (email, data-protection note, notes) a unique token: no response body a
// user received may contain the word, id or global id of a record they cannot
// see, or a secret they may not read, from this world or any earlier one.

export interface BuiltWorld {
  w: World;
  built: Built;
}

/** What this viewer must never be shown, each with why. Uses what the server confirmed, not what was intended. */
function forbidden(s: Session, worlds: BuiltWorld[]): Map<string, string> {
  const me = s.w.members[s.v.member]!.id;
  const out = new Map<string, string>();
  for (const { w, built } of worlds) {
    const owner = (r: Rec) => w.members[r.owner]!.id;
    const seesNow = (r: Rec): boolean => {
      const state = built.actual.get(r);
      if (!state) return true; // never created: nothing to leak
      if (state === "GONE") return false; // erased: nobody, not even its owner
      const shared = state === "NETWORK" || owner(r) === me;
      return r.kind === "InvestorProfile" ? shared && seesNow((r.person ?? r.org)!) : shared;
    };
    for (const r of w.records) {
      if (!built.actual.has(r)) continue;
      const why = `${describeRecord(r)} (world ${w.tag})`;
      const visible = seesNow(r);
      const own = owner(r) === me && built.actual.get(r) !== "GONE";
      if (!visible) for (const key of [r.label, r.id, r.gid]) out.set(key, why);
      if (r.kind === "Person" && !own) {
        out.set(`${w.sec}${r.key}m`, `the email of ${why}`);
        out.set(`${w.sec}${r.key}l`, `the lawful-basis note of ${why}`);
      }
      if (r.kind === "Interaction" && !(visible && (!r.sensitive || own))) out.set(`${w.sec}${r.key}n`, `the notes of ${why}`);
    }
    for (const u of w.users) {
      if (u.id && w.members[u.member]!.id !== me) out.set(`${w.sec}${u.key}`, `the email of ${u.key} of M${u.member} (world ${w.tag})`);
    }
  }
  return out;
}

const WORDS = /[a-z0-9]+/gi;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const GLOBAL_IDS = /[A-Za-z0-9_-]{24,}/g;

export function checkLeaks(s: Session, worlds: BuiltWorld[]): void {
  const bad = forbidden(s, worlds);
  for (const { where, text } of s.bodies) {
    const found = new Map<string, number>();
    for (const re of [WORDS, UUIDS, GLOBAL_IDS]) {
      for (const m of text.matchAll(re)) {
        const key = re === WORDS || re === UUIDS ? m[0].toLowerCase() : m[0];
        if (bad.has(key) && !found.has(key)) found.set(key, m.index);
      }
    }
    for (const [key, at] of found) {
      problem(s, where, `leaks ${bad.get(key)} as "${key}" in …${text.slice(Math.max(0, at - 80), at + key.length + 40)}…`);
    }
  }
}
