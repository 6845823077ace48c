import type { WorkloadId } from "../lib/options.js";
import { briefingScenario } from "./briefing.js";
import { alumniScenario, searchScenario } from "./find.js";
import type { Fixtures } from "./fixtures.js";
import { logInteractionScenario } from "./log-interaction.js";
import { personScenario } from "./person.js";
import type { Scenario } from "./types.js";

export type { Scenario } from "./types.js";

/** The scenarios of the chosen workloads, in table order. `keyPrefix` keeps W1's idempotency keys unique per run and server. */
export function buildScenarios(workloads: WorkloadId[], fixtures: Fixtures, keyPrefix: string): Scenario[] {
  const all: Scenario[] = [];
  if (workloads.includes("W1")) all.push(logInteractionScenario(fixtures, keyPrefix));
  if (workloads.includes("W2")) all.push(alumniScenario(fixtures), searchScenario(fixtures));
  if (workloads.includes("W3")) all.push(briefingScenario(fixtures, "busy"), briefingScenario(fixtures, "country"), briefingScenario(fixtures, "quiet"));
  if (workloads.includes("W4")) all.push(personScenario(fixtures));
  return all;
}
