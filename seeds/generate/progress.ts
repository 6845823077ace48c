import cliProgress from "cli-progress";

// Progress of a load: one bar per table on stderr (cli-progress), a plain
// line per table when stderr is not a terminal, or nothing (tests).

export interface ProgressTask {
  add(rows: number): void;
  done(rows: number): void;
}

export interface Progress {
  task(label: string, expected: number): ProgressTask;
  note(message: string): void;
}

export const silentProgress: Progress = {
  task: () => ({ add: () => {}, done: () => {} }),
  note: () => {},
};

export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      task(label) {
        const started = Date.now();
        return {
          add: () => {},
          done: (rows) => stream.write(`${label.padEnd(26)} ${String(rows).padStart(9)} rows  ${seconds(started)}\n`),
        };
      },
      note: (message) => stream.write(`${message}\n`),
    };
  }
  return {
    task(label, expected) {
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label.padEnd(26)} {bar} {percentage}% | {value}/{total} rows | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(expected, 1), 0);
      let value = 0;
      return {
        add(rows) {
          value += rows;
          if (value > bar.getTotal()) bar.setTotal(value);
          bar.update(value);
        },
        done(rows) {
          bar.setTotal(Math.max(rows, 1));
          bar.update(rows);
          bar.stop();
        },
      };
    },
    note: (message) => stream.write(`${message}\n`),
  };
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}
