// The progress display: one status line on a terminal (redrawn four times a
// second), or a line every five seconds when stderr is a file or a pipe.

interface Current {
  scenario: string;
  server: string;
  phase: string;
  seconds: number;
  started: number;
  responses: number;
  failures: number;
  latencies: number[];
}

export class Status {
  private current: Current | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly tty: boolean;
  private prefix = "";

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY);
  }

  /** The database under test, shown before every line ("L/pg"). */
  setPrefix(prefix: string): void {
    this.prefix = prefix;
  }

  note(message: string): void {
    this.clear();
    this.stream.write(`${message}\n`);
    this.draw();
  }

  begin(phase: { scenario: string; server: string; phase: string; seconds: number }): void {
    this.current = { ...phase, started: Date.now(), responses: 0, failures: 0, latencies: [] };
    this.timer = setInterval(() => this.draw(), this.tty ? 250 : 5000);
    this.draw();
  }

  tick(latencyMs: number, failed: boolean): void {
    const c = this.current;
    if (!c) return;
    c.responses++;
    if (failed) c.failures++;
    c.latencies.push(latencyMs);
    // Recent latencies only: the line shows how the phase is going now.
    if (c.latencies.length > 400) c.latencies.splice(0, c.latencies.length - 400);
  }

  end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const c = this.current;
    this.current = null;
    this.clear();
    if (c) this.stream.write(`${this.line(c, true)}\n`);
  }

  private line(c: Current, final = false): string {
    // A fixed-rate phase waits for its last answers: it can run past its nominal length.
    const elapsed = (Date.now() - c.started) / 1000;
    const sorted = [...c.latencies].sort((a, b) => a - b);
    const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! : NaN;
    const width = 20;
    const done = Math.min(width, Math.round((elapsed / c.seconds) * width));
    const bar = final ? "" : `[${"#".repeat(done)}${".".repeat(width - done)}] `;
    return (
      `${this.prefix} ${c.server.padEnd(7)} ${c.scenario.padEnd(26)} ${c.phase.padEnd(8)} ${bar}` +
      `${elapsed.toFixed(0).padStart(3)}/${c.seconds}s  ${String(c.responses).padStart(6)} responses  ` +
      `${(c.responses / Math.max(elapsed, 0.001)).toFixed(1).padStart(6)} req/s  p95 ${Number.isNaN(p95) ? "-" : `${p95.toFixed(0)} ms`}  ` +
      `failed ${c.failures}`
    );
  }

  private draw(): void {
    if (!this.current) return;
    if (this.tty) this.stream.write(`\r\x1b[2K${this.line(this.current)}`);
    else this.stream.write(`${this.line(this.current)}\n`);
  }

  private clear(): void {
    if (this.tty && this.current) this.stream.write("\r\x1b[2K");
  }
}
