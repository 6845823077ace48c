import type { WorkloadId } from "../lib/options.js";
import type { Fixtures } from "./fixtures.js";

export interface BenchViewer {
  userId: string;
  memberId: string;
  memberKind: string;
  email: string;
  /** Bearer token from a real sign-in (set once the server is up). */
  token: string;
}

export interface BenchRequest {
  viewer: BenchViewer;
  /** GraphQL variables; the floor receives the same object as its JSON body. */
  variables: Record<string, unknown>;
}

/** The outcome of checking one response's data: a problem (a failed response) or null, and its fan-out. */
export interface Checked {
  problem: string | null;
  /** How much the response fans out (participants, hits, timeline entries…): statements must not grow with it. */
  fanOut: number;
}

/**
 * One measured scenario: a GraphQL operation the web client sends, a
 * deterministic stream of realistic requests, and a validator for every
 * response (the same one checks Entente and the floor, which answer in the
 * same { data } shape).
 */
export interface Scenario {
  /** The operation's name in the tables: logInteraction, alumniInvestors, search, visitBriefing (busy)… */
  name: string;
  workload: WorkloadId;
  /** The GraphQL document (one operation). */
  document: string;
  /** The floor's route for the same response. */
  floorPath: string;
  /**
   * Reads cycle through this fixed set of distinct requests; the preflight drops
   * the ones that find nothing, so an empty answer under load is a failure.
   */
  pool?: BenchRequest[];
  /** Request number `i` (0, 1, 2…): the same i gives the same request. */
  request(i: number): BenchRequest;
  /** Checks `data` (the GraphQL response's data). */
  check(data: Record<string, unknown>, request: BenchRequest): Checked;
  /**
   * What must be equal between Entente's and the floor's answer to the same
   * read request (ids, order, counts, scores): the floor's parity check.
   * Null for writes (each creates new records).
   */
  fingerprint: ((data: Record<string, unknown>) => unknown) | null;
  targets: { statements: number; p95Ms: number };
}

/**
 * `request` for a scenario that reads from its pool: request i is pool entry i, in turn. It reads
 * `this.pool`, so the pruned pool the preflight leaves (and the floor's twin shares) is the one used.
 */
export function fromPool(this: Scenario, i: number): BenchRequest {
  return this.pool![i % this.pool!.length]!;
}

/** Requests for these variables, the viewers taking turns. */
export function pool(fixtures: Fixtures, variables: Record<string, unknown>[]): BenchRequest[] {
  return variables.map((v, i) => ({ viewer: fixtures.viewers[i % fixtures.viewers.length]!.viewer, variables: v }));
}
