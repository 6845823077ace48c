import { afterAll, beforeAll, expect, it } from "@jest/globals";
import fc from "fast-check";
import { type TestServer, startTestServer } from "../support/server.js";
import { type Built, buildWorld } from "./support/run-as-build.js";
import { session } from "./support/run-as-compare.js";
import { checkAlertsAndBriefings, checkAlumniAndPaths, checkExports, checkNetwork, checkSearch, checkTimelines } from "./support/run-as-derived.js";
import { type BuiltWorld, checkLeaks } from "./support/run-as-leaks.js";
import { checkById, checkFilteredLists, checkLists } from "./support/run-as-records.js";
import { type World, type WorldSpec, describeWorld, resolve, worldSpecArb } from "./support/run-as-world.js";

// Run-as: random small worlds (members, users with random roles, records of
// every kind with random owners, visibilities and archiving, referring to
// each other across members) are built through the API; then every user reads
// every path — by id, node(id:), lists and counts, search, timelines, alumni
// investors, introduction paths, the network graph, who knows whom,
// coordination alerts, briefings, CSV exports —
// and what comes back must be what the reference (support/run-as-reference.ts,
// written from DESIGN.md without the policy module) says that user may see.
// One server and database for the file; each world gets new members, a new
// city and a unique word in every name, so worlds do not disturb each other.
//
// FC_RUNS=n sets the number of worlds; FC_SEED (and FC_PATH) replay a failure.

const RUNS = Number(process.env.FC_RUNS ?? 15);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const PATH = process.env.FC_PATH || undefined;
/** Shrinking stops after this long: the smallest counterexample so far is reported. */
const SHRINK_BUDGET_MS = Number(process.env.FC_SHRINK_MS ?? 240_000);

let server: TestServer;
const worlds: BuiltWorld[] = [];
const built = new WeakMap<WorldSpec, World>();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const today = () => new Date().toISOString().slice(0, 10);

async function disagreements(spec: WorldSpec): Promise<string[]> {
  const w = resolve(spec, today());
  const state: Built = { actual: new Map() };
  worlds.push({ w, built: state });
  built.set(spec, w);
  await buildWorld(server.url, server.db, server.config, w, state);
  const problems: string[] = [];
  for (const user of w.users) {
    const s = session(server.url, w, { member: user.member, user });
    await checkById(s);
    await checkLists(s);
    await checkFilteredLists(s);
    await checkSearch(s);
    await checkTimelines(s);
    await checkAlumniAndPaths(s);
    await checkNetwork(s);
    await checkAlertsAndBriefings(s);
    await checkExports(s);
    checkLeaks(s, worlds);
    problems.push(...s.problems);
  }
  return problems;
}

it(
  "every read path shows every user exactly what the reference says they may see",
  async () => {
    let failedAt: number | null = null;
    const property = fc.asyncProperty(worldSpecArb, async (spec) => {
      // Past the shrinking budget, stop exploring: the last failure found is reported.
      if (failedAt !== null && Date.now() - failedAt > SHRINK_BUDGET_MS) return true;
      const problems = await disagreements(spec);
      if (problems.length === 0) return true;
      failedAt ??= Date.now();
      throw new Error(`${problems.length} disagreement(s):\n${problems.slice(0, 30).join("\n")}${problems.length > 30 ? "\n…" : ""}`);
    });
    const result = await fc.check(property, { numRuns: RUNS, seed: SEED, path: PATH });
    if (result.failed) {
      const spec = result.counterexample![0];
      const world = built.get(spec) ?? resolve(spec, today());
      const replay = `FC_SEED=${SEED} FC_PATH=${result.counterexamplePath} FC_RUNS=${RUNS}`;
      const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(
        `Run-as property failed after ${result.numRuns} world(s) and ${result.numShrinks} shrink(s). Replay: ${replay}\n\n` +
          `${describeWorld(world)}\n\n${error}`,
      );
    }
    // Every world ran (a replay of one path runs just that one).
    if (!PATH) expect(result.numRuns).toBe(RUNS);
  },
  RUNS * 20_000 + SHRINK_BUDGET_MS + 60_000,
);
