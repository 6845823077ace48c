import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { hashPassword } from "../server/auth/passwords.js";
import { ConfigError, parseConfig } from "../server/config.js";
import { type Database, openDatabase } from "../server/db/client.js";
import { members } from "../server/db/tables/index.js";
import { DEMO_PASSWORD, demoMembers } from "./demo/accounts.js";
import { loadDemoNetwork } from "./demo/network.js";
import {
  DEFAULT_ANCHOR,
  DEFAULT_SEED,
  GENERATED_PASSWORD,
  SCALES,
  type Scale,
  consoleProgress,
  datasetIdentity,
  generateDataset,
  isLoaded,
  loadDataset,
  writeCsv,
} from "./generate/index.js";

// npm run seed -- [--demo] [--scale S|M|L] [--seed N] [--fraction F] [--csv DIR]
//
// Loads into DATABASE_URL (PostgreSQL) or the embedded PGlite in DATA_DIR,
// migrating first. Re-running with the same options changes nothing.

const USAGE = `Usage: npm run seed -- [options]

  --demo               load the demo network (if its members are not there yet)
  --scale S|M|L        load generated scale data: S tiny, M 10k people / 2k organisations /
                       100k interactions, L 100k / 20k / 1M with 60 members and 600 users
  --seed N             generator seed, an integer 0..4294967295 (default ${DEFAULT_SEED})
  --fraction F         load only a fraction 0 < F <= 1 of the tier (e.g. 0.01)
  --anchor YYYY-MM-DD  the generated world's "today" (default ${DEFAULT_ANCHOR})
  --csv DIR            also write the generated data as CSV files into DIR
  --rebuild-indexes    drop and rebuild indexes and foreign keys around the load
                       (the default from 50,000 interactions up)
  --keep-indexes       load with indexes and foreign keys in place
  --help               show this help

Generated users sign in with the password "${GENERATED_PASSWORD}".
Environment: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).`;

class UsageError extends Error {}

interface SeedArgs {
  demo: boolean;
  scale: Scale | null;
  seed: number;
  fraction: number;
  anchor: string;
  csv: string | null;
  rebuildIndexes: boolean | undefined;
  help: boolean;
}

function parseSeedArgs(argv: string[]): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: "boolean" },
        scale: { type: "string" },
        seed: { type: "string" },
        fraction: { type: "string" },
        anchor: { type: "string" },
        csv: { type: "string" },
        "rebuild-indexes": { type: "boolean" },
        "keep-indexes": { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, "."));
  }
  const scale = values.scale === undefined ? null : values.scale.toUpperCase();
  if (scale !== null && !(SCALES as readonly string[]).includes(scale)) {
    throw new UsageError(`--scale must be one of ${SCALES.join(", ")}, got "${values.scale}".`);
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!/^\d+$/.test(values.seed ?? "0") || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed must be an integer between 0 and ${0xffffffff}, got "${values.seed}".`);
  }
  const fraction = values.fraction === undefined ? 1 : Number(values.fraction);
  if (!(fraction > 0 && fraction <= 1)) {
    throw new UsageError(`--fraction must be a number greater than 0 and at most 1, got "${values.fraction}".`);
  }
  const anchor = values.anchor ?? DEFAULT_ANCHOR;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || Number.isNaN(Date.parse(`${anchor}T00:00:00Z`))) {
    throw new UsageError(`--anchor must be a date YYYY-MM-DD, got "${values.anchor}".`);
  }
  if (values.csv !== undefined && values.csv.trim() === "") throw new UsageError("--csv needs a directory.");
  if (values["rebuild-indexes"] && values["keep-indexes"]) {
    throw new UsageError("--rebuild-indexes and --keep-indexes cannot be used together.");
  }
  if (scale === null) {
    for (const flag of ["seed", "fraction", "anchor", "csv"] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} only applies with --scale.`);
    }
  }
  const args: SeedArgs = {
    demo: values.demo ?? false,
    scale: scale as Scale | null,
    seed,
    fraction,
    anchor,
    csv: values.csv ?? null,
    rebuildIndexes: values["rebuild-indexes"] ? true : values["keep-indexes"] ? false : undefined,
    help: values.help ?? false,
  };
  if (!args.help && !args.demo && args.scale === null) throw new UsageError("Nothing to do: pass --demo and/or --scale S|M|L.");
  return args;
}

async function seedDemo(database: Database): Promise<void> {
  const present = await database.db
    .select({ name: members.name })
    .from(members)
    .where(inArray(members.name, demoMembers.map((m) => m.name)));
  if (present.length > 0) {
    console.error(`Demo network: already present (${present.length} demo members), left alone.`);
    return;
  }
  const started = Date.now();
  const users = await loadDemoNetwork(database.db);
  console.error(`Demo network: loaded in ${seconds(started)}. Sign in with password "${DEMO_PASSWORD}" as:`);
  for (const u of users) console.error(`  ${u.email} (${u.role}, ${u.member})`);
}

async function seedScale(database: Database, args: SeedArgs & { scale: Scale }): Promise<void> {
  const progress = consoleProgress();
  const identity = datasetIdentity(args);
  if (!args.csv && (await isLoaded(database, identity.markerMemberId))) {
    progress.note(`Scale ${identity.label}: already loaded (member ${identity.markerMemberId} exists); nothing changed.`);
    return;
  }
  const passwordHash = await hashPassword(GENERATED_PASSWORD);
  let started = Date.now();
  const { world, tables } = generateDataset({ scale: args.scale, seed: args.seed, fraction: args.fraction, anchor: args.anchor, passwordHash });
  const c = world.counts;
  progress.note(
    `Scale ${world.label}: ${c.members} members, ${c.users} users, ${c.organisations} organisations, ${c.people} people, ` +
      `${c.interactions} interactions (world built in ${seconds(started)}) → ${database.kind}`,
  );
  started = Date.now();
  const result = await loadDataset(database, world, tables, {
    progress,
    csvDir: args.csv ?? undefined,
    rebuildIndexes: args.rebuildIndexes,
  });
  if (result.skipped) {
    progress.note(`Scale ${world.label}: already loaded (member ${world.markerMemberId} exists); nothing changed.`);
    if (args.csv) {
      await writeCsv(tables, args.csv, progress);
      progress.note(`CSV files written to ${args.csv}`);
    }
    return;
  }
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  progress.note(`Scale ${world.label}: loaded ${total} rows in ${seconds(started)}.`);
  if (args.csv) progress.note(`CSV files written to ${args.csv}`);
  const admins = world.members.slice(0, 3).map((m) => world.users[m.users[0]!]!);
  progress.note(`Sign in with password "${GENERATED_PASSWORD}", e.g. ${admins.map((u) => u.email).join(", ")}`);
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

async function main(argv: string[]): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`seed: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = parseConfig();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    if (args.demo) await seedDemo(database);
    if (args.scale !== null) await seedScale(database, { ...args, scale: args.scale });
  } finally {
    await database.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`seed: ${error.message}`);
    else console.error("seed: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
