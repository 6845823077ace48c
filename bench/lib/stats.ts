// Summaries of one measured phase. Pure: tests/bench pins the arithmetic.

/** The p-th percentile (0 < p ≤ 100) by nearest rank: a value that was actually observed. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summariseLatency(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean,
  };
}

export interface StatementSummary {
  min: number;
  max: number;
  /** How many responses ran each number of statements. */
  histogram: Record<string, number>;
  /**
   * Statements by fan-out (participants, hits, timeline entries…): for each
   * fan-out seen, the largest statement count. Flat means no N+1.
   */
  byFanOut: { fanOut: number; maxStatements: number; responses: number }[];
  /** Responses whose header was missing or not a number. */
  missing: number;
}

export function summariseStatements(samples: readonly { statements: number | null; fanOut: number }[]): StatementSummary {
  const histogram: Record<string, number> = {};
  const byFan = new Map<number, { maxStatements: number; responses: number }>();
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (const s of samples) {
    if (s.statements === null || !Number.isFinite(s.statements)) {
      missing++;
      continue;
    }
    min = Math.min(min, s.statements);
    max = Math.max(max, s.statements);
    histogram[s.statements] = (histogram[s.statements] ?? 0) + 1;
    const entry = byFan.get(s.fanOut) ?? { maxStatements: 0, responses: 0 };
    entry.maxStatements = Math.max(entry.maxStatements, s.statements);
    entry.responses++;
    byFan.set(s.fanOut, entry);
  }
  return {
    min: Number.isFinite(min) ? min : Number.NaN,
    max: Number.isFinite(max) ? max : Number.NaN,
    histogram,
    byFanOut: [...byFan.entries()].sort((a, b) => a[0] - b[0]).map(([fanOut, e]) => ({ fanOut, ...e })),
    missing,
  };
}

/**
 * Whether statements grow with fan-out: compares the largest count seen at the
 * smallest and the largest fan-out (bucketed into thirds so one odd response
 * cannot decide it). Needs at least two distinct fan-outs.
 */
export function growsWithFanOut(summary: StatementSummary): boolean | null {
  const points = summary.byFanOut;
  if (points.length < 2) return null;
  const third = Math.max(1, Math.floor(points.length / 3));
  const low = Math.max(...points.slice(0, third).map((p) => p.maxStatements));
  const high = Math.max(...points.slice(-third).map((p) => p.maxStatements));
  return high > low;
}

export interface ResourceSample {
  /** Milliseconds since the phase started. */
  at: number;
  rssBytes: number;
  /** Event-loop delay since the previous sample, milliseconds. */
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Process CPU seconds so far (user + system). */
  cpuSeconds: number;
}

export interface ResourceSummary {
  samples: number;
  rssMaxMb: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Share of one core the server process used over the phase (100 = one core busy). */
  cpuPercent: number;
}

export function summariseResources(samples: readonly ResourceSample[]): ResourceSummary {
  if (samples.length === 0) return { samples: 0, rssMaxMb: Number.NaN, eventLoopP99Ms: Number.NaN, eventLoopMaxMs: Number.NaN, cpuPercent: Number.NaN };
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const seconds = (last.at - first.at) / 1000;
  return {
    samples: samples.length,
    rssMaxMb: Math.max(...samples.map((s) => s.rssBytes)) / 1048576,
    // The worst per-interval p99: a phase's delay is as bad as its worst second.
    eventLoopP99Ms: Math.max(...samples.map((s) => s.eventLoopP99Ms)),
    eventLoopMaxMs: Math.max(...samples.map((s) => s.eventLoopMaxMs)),
    cpuPercent: seconds > 0 ? ((last.cpuSeconds - first.cpuSeconds) / seconds) * 100 : Number.NaN,
  };
}
