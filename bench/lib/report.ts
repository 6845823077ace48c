import type { PhaseResult } from "./driver.js";
import type { PlanCapture } from "./explain.js";
import type { BenchOptions } from "./options.js";
import type { ParityResult, PreflightResult } from "./preflight.js";
import type { ScaleOutResult } from "./scale-out.js";
import { growsWithFanOut } from "./stats.js";

// The results as JSON (everything) and Markdown (the tables docs/performance.md
// quotes). Targets are judged here, from the numbers, never in tests.

export interface TargetResult {
  scale: "M" | "L";
  db: "pg" | "pglite";
  dataset: { label: string; rows: Record<string, number>; loadedNow: boolean; loadSeconds: number };
  fixtures: { viewers: string[]; alumniFilters: number; busyVisits: number; countryVisits: number; quietVisits: number; persons: number };
  preflight: PreflightResult[];
  parity: ParityResult[];
  phases: PhaseResult[];
  plans: PlanCapture[];
  scaleOut: ScaleOutResult | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  options: BenchOptions;
  machine: Record<string, string>;
  loadAverage: { atStart: number[]; atEnd: number[]; oneMinuteSamples: number[] };
  targets: TargetResult[];
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : "–");
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const engine = (db: string) => (db === "pg" ? "PostgreSQL" : "PGlite");

function find(phases: PhaseResult[], scenario: string, server: string, phase: string): PhaseResult | undefined {
  return phases.find((p) => p.scenario === scenario && p.server === server && p.phase === phase && p.processes === 1);
}

function statementsCell(p: PhaseResult): string {
  const s = p.statements;
  if (!Number.isFinite(s.min)) return "–";
  return s.min === s.max ? String(s.min) : `${s.min}–${s.max}`;
}

function fanOutCell(p: PhaseResult): string {
  const grows = growsWithFanOut(p.statements);
  const points = p.statements.byFanOut;
  if (points.length === 0) return "–";
  const lo = points[0]!;
  const hi = points[points.length - 1]!;
  const verdict = grows === null ? "one fan-out" : grows ? "**grows**" : "flat";
  return `${verdict} (${lo.fanOut}→${lo.maxStatements}, ${hi.fanOut}→${hi.maxStatements})`;
}

function resourcesCell(p: PhaseResult): string {
  return p.resources.map((r) => `${n1(r.rssMaxMb)} MB, ${ms(r.eventLoopP99Ms)} ms, ${n1(r.cpuPercent)}%`).join(" / ");
}

function scenarioNames(t: TargetResult): string[] {
  return [...new Set(t.phases.map((p) => p.scenario))];
}

export interface TargetCheck {
  target: string;
  scenario: string;
  goal: string;
  measured: string;
  holds: boolean;
}

/** The issue's targets, judged from the L/PostgreSQL run (and M/PostgreSQL for the L/M ratio). */
export function judge(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const l = results.targets.find((t) => t.scale === "L" && t.db === "pg");
  const m = results.targets.find((t) => t.scale === "M" && t.db === "pg");
  if (!l) return checks;
  for (const name of scenarioNames(l)) {
    const fixed = find(l.phases, name, "entente", "fixed");
    if (!fixed) continue;
    const goals = targetsOf(fixed.workload);
    const answered = fixed.responses > 0;
    const grows = growsWithFanOut(fixed.statements);
    checks.push({
      target: "statements/request",
      scenario: name,
      goal: `≤ ${goals.statements}, flat`,
      measured: answered ? `${statementsCell(fixed)} (${grows === null ? "one fan-out" : grows ? "grows" : "flat"})` : "no answers",
      holds: answered && fixed.statements.max <= goals.statements && grows !== true,
    });
    checks.push({
      target: `p95 at ${fixed.load} req/s`,
      scenario: name,
      goal: `≤ ${goals.p95Ms} ms`,
      measured: answered ? `${ms(fixed.latency.p95)} ms (achieved ${n1(fixed.rps)} req/s)` : "no answers",
      holds: answered && fixed.latency.p95 <= goals.p95Ms,
    });
    const em = find(l.phases, name, "entente", "max");
    const fm = find(l.phases, name, "floor", "max");
    if (em && fm) {
      const ratio = em.rps / fm.rps;
      const known = em.rps > 0 && fm.rps > 0;
      checks.push({
        target: "throughput vs floor",
        scenario: name,
        goal: "≥ 0.5×",
        measured: known ? `${ratio.toFixed(2)}× (${n1(em.rps)} / ${n1(fm.rps)} req/s)` : `${n1(em.rps)} / ${n1(fm.rps)} req/s`,
        holds: known && ratio >= 0.5,
      });
    }
    const mFixed = m && find(m.phases, name, "entente", "fixed");
    if (mFixed && answered && mFixed.responses > 0) {
      const ratio = fixed.latency.p95 / mFixed.latency.p95;
      checks.push({
        target: "L p95 / M p95",
        scenario: name,
        goal: "≤ 1.5×",
        measured: `${ratio.toFixed(2)}× (${ms(fixed.latency.p95)} / ${ms(mFixed.latency.p95)} ms)`,
        holds: ratio <= 1.5,
      });
    }
    const failures = l.phases.filter((p) => p.scenario === name).reduce((a, p) => a + p.failures, 0);
    checks.push({ target: "failed responses", scenario: name, goal: "0", measured: String(failures), holds: failures === 0 });
  }
  return checks;
}

function targetsOf(workload: string): { statements: number; p95Ms: number } {
  return (
    { W1: { statements: 8, p95Ms: 30 }, W2: { statements: 3, p95Ms: 50 }, W3: { statements: 15, p95Ms: 150 }, W4: { statements: 6, p95Ms: 30 } } as Record<
      string,
      { statements: number; p95Ms: number }
    >
  )[workload]!;
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const minutes = r.finishedAt ? ((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60000).toFixed(1) : "(running)";
  const samples = r.loadAverage.oneMinuteSamples;
  const loadRange = samples.length ? `${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)} (mean ${(samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2)})` : "–";
  out.push(`# Entente benchmark, ${r.startedAt.slice(0, 16).replace("T", " ")} UTC`, "");
  out.push(`\`${r.command}\` — ${minutes} min.`, "");
  out.push("| machine | |", "| --- | --- |");
  for (const [k, v] of Object.entries(r.machine)) out.push(`| ${k} | ${v} |`);
  out.push(`| load average (1 min) during the run | ${loadRange}; at start ${r.loadAverage.atStart.map((x) => x.toFixed(2)).join(", ")} |`, "");

  const checks = judge(r);
  if (checks.length) {
    out.push("## Targets (L on PostgreSQL)", "", "| workload | target | goal | measured | holds |", "| --- | --- | --- | --- | --- |");
    for (const c of checks) out.push(`| ${c.scenario} | ${c.target} | ${c.goal} | ${c.measured} | ${c.holds ? "yes" : "**no**"} |`);
    out.push("");
  }

  for (const t of r.targets) {
    out.push(`## ${t.scale} on ${engine(t.db)}`, "");
    out.push(
      `${t.dataset.label}: ${Object.entries(t.dataset.rows)
        .map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`)
        .join(", ")} (${t.dataset.loadedNow ? `loaded in ${t.dataset.loadSeconds.toFixed(0)} s` : "reused from an earlier run"}). ` +
        `Viewers: ${t.fixtures.viewers.length} editors of different members.`,
      "",
    );
    const fixedPhases = t.phases.filter((x) => x.phase === "fixed" && x.processes === 1);
    if (fixedPhases.length) {
      out.push(
        `### At ${fixedPhases[0]!.load} requests per second`,
        "",
        "| workload | operation | server | p50 ms | p95 ms | p99 ms | req/s achieved | phase s | statements/request | vs fan-out | failed | RSS, event-loop p99, CPU |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      );
      for (const p of fixedPhases) {
        out.push(
          `| ${p.workload} | ${p.scenario} | ${p.server} | ${ms(p.latency.p50)} | ${ms(p.latency.p95)} | ${ms(p.latency.p99)} | ${n1(p.rps)} | ${p.seconds.toFixed(0)} | ` +
            `${statementsCell(p)} | ${fanOutCell(p)} | ${p.failures} | ${resourcesCell(p)} |`,
        );
      }
      out.push("");
    }
    const maxPhases = t.phases.filter((x) => x.phase === "max" && x.processes === 1);
    if (maxPhases.length) {
      out.push(
        `### Maximum throughput (${maxPhases[0]!.load} connections)`,
        "",
        "| workload | operation | Entente req/s | floor req/s | Entente / floor | Entente p95 ms | floor p95 ms | failed | Entente RSS, event-loop p99, CPU |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      );
      for (const name of scenarioNames(t)) {
        const e = find(t.phases, name, "entente", "max");
        const f = find(t.phases, name, "floor", "max");
        if (!e) continue;
        out.push(
          `| ${e.workload} | ${name} | ${n1(e.rps)} | ${f ? n1(f.rps) : "–"} | ${f && f.rps > 0 && e.rps > 0 ? `${(e.rps / f.rps).toFixed(2)}×` : "–"} | ${ms(e.latency.p95)} | ` +
            `${f ? ms(f.latency.p95) : "–"} | ${e.failures + (f?.failures ?? 0)} | ${resourcesCell(e)} |`,
        );
      }
      out.push("");
    }

    const failing = t.phases.filter((p) => p.failureExamples.length);
    if (failing.length) {
      out.push("### Failed responses", "");
      for (const p of failing) out.push(`- ${p.server} ${p.scenario} (${p.phase}): ${p.failures} — ${p.failureExamples.join("; ")}`);
      out.push("");
    }

    const serial = t.preflight.filter((p) => p.serial);
    if (serial.length) {
      out.push(
        "### One request at a time (the preflight: each distinct request once, nothing queued)",
        "",
        "| operation | requests | p50 ms | p95 ms | max ms |",
        "| --- | --- | --- | --- | --- |",
        ...serial.map((p) => `| ${p.scenario} | ${p.serial!.count} | ${ms(p.serial!.p50)} | ${ms(p.serial!.p95)} | ${ms(p.serial!.max)} |`),
        "",
      );
    }
    out.push("### Requests checked before measuring", "");
    for (const p of t.preflight) {
      const dropped = p.dropped.map((d) => `${d.count} found nothing (${d.reason})`).join(", ");
      out.push(`- ${p.scenario}: ${p.kept} of ${p.candidates} distinct requests kept${dropped ? `; ${dropped}` : ""}${p.errors.length ? `; errors: ${p.errors.join("; ")}` : ""}`);
    }
    for (const p of t.parity) {
      const st = (xs: number[]) => (xs.length ? `${Math.min(...xs)}–${Math.max(...xs)}` : "–");
      out.push(
        `- floor parity, ${p.scenario}: ${p.equal} of ${p.compared} answers equal to Entente's (statements: Entente ${st(p.statements.entente)}, floor ${st(p.statements.floor)})` +
          (p.differences.length ? `; differences: ${p.differences.join("; ")}` : ""),
      );
    }
    out.push("");

    if (t.scaleOut) out.push(...renderScaleOut(t.scaleOut), "");
    if (t.plans.length) out.push(...renderPlans(t.plans), "");
  }

  const l = r.targets.find((t) => t.scale === "L" && t.db === "pg");
  const m = r.targets.find((t) => t.scale === "M" && t.db === "pg");
  if (l && m) {
    out.push("## L against M (PostgreSQL, fixed rate)", "", "| operation | M p50 | L p50 | M p95 | L p95 | L p95 / M p95 |", "| --- | --- | --- | --- | --- | --- |");
    for (const name of scenarioNames(l)) {
      const a = find(m.phases, name, "entente", "fixed");
      const b = find(l.phases, name, "entente", "fixed");
      if (a && b) out.push(`| ${name} | ${ms(a.latency.p50)} | ${ms(b.latency.p50)} | ${ms(a.latency.p95)} | ${ms(b.latency.p95)} | ${(b.latency.p95 / a.latency.p95).toFixed(2)}× |`);
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

function renderScaleOut(s: ScaleOutResult): string[] {
  const out = [
    "### Scale-out: one PostgreSQL, 1 and 2 server processes (maximum throughput)",
    "",
    "| operation | 1 process req/s | 2 processes req/s | gain | 1 process p95 ms | 2 processes p95 ms | failed |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of s.rows) {
    out.push(
      `| ${row.scenario} | ${n1(row.one.rps)} | ${n1(row.two.rps)} | ${(row.two.rps / row.one.rps).toFixed(2)}× | ${ms(row.one.latency.p95)} | ${ms(row.two.latency.p95)} | ${row.one.failures + row.two.failures} |`,
    );
  }
  out.push("", ...s.checks.map((c) => `- ${c.holds ? "holds" : "**fails**"}: ${c.description}`));
  return out;
}

function renderPlans(plans: PlanCapture[]): string[] {
  const out = ["### Query plans (EXPLAIN (ANALYZE, BUFFERS), slowest statements of each workload)", ""];
  for (const p of plans) {
    out.push(
      `#### ${p.scenario}: ${p.statements.length} statements, ${p.statements.reduce((a, s) => a + s.executionMs, 0).toFixed(1)} ms in the database`,
      "",
      `Request (the slowest of the preflight): \`${JSON.stringify(p.variables).slice(0, 300)}\``,
      "",
    );
    for (const s of p.statements.filter((x) => x.shown)) {
      const lines = s.plan.trimEnd().split("\n");
      // Long plans are cut in the Markdown; the JSON has them whole.
      const plan = lines.length > 80 ? [...lines.slice(0, 80), `… ${lines.length - 80} more lines in latest.json`] : lines;
      out.push(`Statement ${s.index + 1} (${s.executionMs.toFixed(1)} ms${s.note ? `; ${s.note}` : ""}): \`${s.summary}\``, "", "```", ...plan, "```", "");
    }
  }
  return out;
}
