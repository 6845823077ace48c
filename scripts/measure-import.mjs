// Measures the import flow at scale: the server's resident memory (RSS) and how long each step takes.
//
//   node scripts/measure-import.mjs [--scale M] [--csv DIR] [--heap MB] [--server tsx|dist] [--batch-size N] [--keep-database]
//
// 1. Writes the generator's CSVs (`--scale`, default M) into DIR (a temporary folder unless --csv
//    names one that already holds them).
// 2. Starts the server in its own process on a fresh database: PostgreSQL when DATABASE_URL is set
//    (a new database on that server, dropped afterwards), otherwise PGlite in a temporary folder.
//    `--heap MB` passes --max-old-space-size (default: the production setting, see below; 0 = Node's
//    default). By default the server is compiled (as `npm run build:server` does, but into a
//    temporary folder) and run with node, as production runs it; `--server tsx` runs the TypeScript
//    through tsx instead (as `npm start` does), which costs about 80 MB more.
// 3. Signs in as the demo network's admin and, through the HTTP API as a member would: uploads each
//    file, runs a dry run, applies it, uploads it again and re-imports it (expecting zero changes),
//    then downloads the member's JSON export, answers a subject access request and erases a person.
// 4. Samples the server's RSS every 100 ms (and reads the kernel's peak, VmHWM) and prints the peak
//    per step and overall, with durations and the machine's load (uptime).
//
// Exits non-zero when a step fails or a re-import changes anything.

/* global fetch, FormData, setInterval, clearInterval, clearTimeout -- Node's own (the shared ESLint config lists only a few) */
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, openAsBlob, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The heap cap production starts the server with (Dockerfile), so the default measurement matches it. */
function productionHeapMb() {
  const match = /--max-old-space-size=(\d+)/.exec(readFileSync(join(root, "Dockerfile"), "utf8"));
  return match ? Number(match[1]) : 0;
}

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "M" },
    csv: { type: "string" },
    heap: { type: "string" },
    server: { type: "string", default: "dist" },
    "batch-size": { type: "string" },
    "keep-database": { type: "boolean", default: false },
  },
});
const scale = args.scale.toUpperCase();
const heapMb = args.heap !== undefined ? Number(args.heap) : productionHeapMb();
if (!Number.isInteger(heapMb) || heapMb < 0) throw new Error("--heap must be a whole number of MB (0 for Node's default)");
if (!["tsx", "dist"].includes(args.server)) throw new Error("--server must be tsx or dist");
const batchSize = args["batch-size"] ? Number(args["batch-size"]) : null;

// The generator's files, in the order their references need: organisations (parents are earlier
// rows), people (affiliated organisations), interactions, then who took part in them.
const FILES = [
  { entity: "ORGANISATIONS", file: "organisations.csv" },
  { entity: "PEOPLE", file: "people.csv" },
  { entity: "INTERACTIONS", file: "interactions.csv" },
  { entity: "INTERACTION_PARTICIPANTS", file: "interaction_people.csv" },
];

const temporary = [];
const cleanups = [];
let server = null;

async function main() {
  const load = execFileSync("uptime").toString().trim();
  console.log(`machine: ${load}`);

  // 1. The CSVs.
  let csvDir = args.csv;
  if (!csvDir || !FILES.every((f) => existsSync(join(csvDir, f.file)))) {
    csvDir ??= mkdtempSync(join(tmpdir(), `entente-csv-${scale}-`));
    if (!args.csv) temporary.push(csvDir);
    const started = Date.now();
    const { tsImport } = await import("tsx/esm/api");
    const generator = await tsImport(join(root, "seeds/generate/index.ts"), import.meta.url);
    // Users' password hashes are not written to CSV, so any value does.
    const { tables } = generator.generateDataset({ scale, passwordHash: "unused" });
    await generator.writeCsv(tables, csvDir);
    console.log(`generated ${scale} CSVs in ${csvDir} (${secs(started)})`);
  }

  // 2. The server.
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DEMO_DATA: "true", LOG_LEVEL: "warn", NODE_ENV: "production", JWT_SECRET: "measure-import-secret-0123456789abcdef" };
  delete env.NODE_OPTIONS;
  let databaseLabel;
  if (process.env.DATABASE_URL) {
    const name = `entente_measure_${process.pid}`;
    await admin(process.env.DATABASE_URL, `create database ${name}`);
    if (!args["keep-database"]) cleanups.push(() => admin(process.env.DATABASE_URL, `drop database if exists ${name} with (force)`));
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    databaseLabel = `PostgreSQL (${url.host}/${name})`;
  } else {
    delete env.DATABASE_URL;
    env.DATA_DIR = mkdtempSync(join(tmpdir(), "entente-measure-db-"));
    if (!args["keep-database"]) temporary.push(env.DATA_DIR);
    databaseLabel = `PGlite (${env.DATA_DIR}, in the server process)`;
  }
  const nodeArgs = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
  const command = args.server === "dist" ? [...nodeArgs, join(buildServer(), "server/main.js")] : [...nodeArgs, "--import", "tsx", join(root, "server/main.ts")];
  console.log(`server: node ${command.join(" ")} on ${databaseLabel}`);
  const started = Date.now();
  server = spawn(process.execPath, command, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 300_000, exited);
  const sampler = startSampler(server.pid);
  console.log(`server ready in ${secs(started)} (pid ${server.pid}, RSS ${mb(sampler.current())})`);

  const token = await login(base);
  const api = (query, variables) => gql(base, token, query, variables);
  // A failed step is reported and counted; the run goes on, so the other steps are still measured.
  let failures = 0;
  const step = async (name, fn) => {
    sampler.phase();
    const t = Date.now();
    let note;
    try {
      note = (await fn())?.note ?? "";
    } catch (err) {
      failures++;
      note = `FAILED: ${err instanceof Error ? err.message : String(err)}`.slice(0, 400);
    }
    const seconds = (Date.now() - t) / 1000;
    const peakMb = sampler.phase() / 1024;
    console.log(`${name.padEnd(44)} ${seconds.toFixed(1).padStart(7)} s  peak RSS ${peakMb.toFixed(0).padStart(4)} MB  ${note}`);
  };

  // 3. The flow.
  for (const { entity, file } of FILES) {
    const path = join(csvDir, file);
    let jobId;
    let mapping;
    await step(`${file}: upload`, async () => {
      jobId = await upload(base, token, entity, path);
      mapping = (await api(`query($id: ID!) { importPreview(jobId: $id) { suggestedMapping { column field } } }`, { id: jobId })).importPreview.suggestedMapping;
      return { note: `${mb(statSize(path))} file; mapped ${mapping.map((m) => `${m.column}→${m.field}`).join(", ")}` };
    });
    await step(`${file}: dry run`, async () => ({ note: describeJob(await runJob(api, jobId, mapping, true)) }));
    // The generator's people (and organisations) who share a name are different people with their own
    // ids: having read the dry run's DUPLICATE rows, the member creates them anyway.
    await step(`${file}: apply`, async () => ({ note: describeJob(await runJob(api, jobId, mapping, false, { onDuplicate: "CREATE" })) }));
  }
  for (const { entity, file } of FILES) {
    await step(`${file}: re-import`, async () => {
      const jobId = await upload(base, token, entity, join(csvDir, file));
      const job = await runJob(api, jobId, (await api(`query($id: ID!) { importPreview(jobId: $id) { suggestedMapping { column field } } }`, { id: jobId })).importPreview.suggestedMapping, false);
      if (job.counts.created || job.counts.updated) {
        failures++;
        return { note: `NOT UNCHANGED: ${describeJob(job)}` };
      }
      return { note: describeJob(job) };
    });
  }
  await step("export: GET /exports/member.json", async () => {
    const res = await fetch(`${base}/exports/member.json`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`member.json: ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += chunk.length;
    return { note: `${mb(bytes / 1024)} of JSON` };
  });
  let personId = null;
  await step("subject access: personDataExport", async () => {
    // One of the member's own people (the retention queue lists only those).
    personId = (await api(`{ retentionQueue(dueBy: "2999-12-31", first: 1) { nodes { id } } }`)).retentionQueue.nodes[0].id;
    const sar = await api(`query($id: ID!) { personDataExport(personId: $id) { sections { name rows } } }`, { id: personId });
    return { note: sar.personDataExport.sections.filter((s) => s.rows).map((s) => `${s.name} ${s.rows}`).join(", ") };
  });
  await step("erasure: erasePerson", async () => {
    if (!personId) throw new Error("no person to erase");
    await api(`mutation($id: ID!) { erasePerson(personId: $id, reason: "Measurement run") { erased } }`, { id: personId });
  });

  const hwm = sampler.stop();
  console.log("");
  console.log(`peak RSS of the server over the whole run: ${mb(Math.max(hwm, sampler.max))} (kernel VmHWM ${mb(hwm)}; sampled ${mb(sampler.max)})`);
  console.log(`total: ${secs(started)}; heap cap: ${heapMb ? `--max-old-space-size=${heapMb}` : "Node's default"}; database: ${databaseLabel}`);
  console.log(`machine after: ${execFileSync("uptime").toString().trim()}`);
  if (failures) throw new Error(`${failures} step(s) failed or changed records on re-import`);
}

/** Compiles the server into a temporary folder laid out as dist/ (the checkout's dist/ is left alone). */
function buildServer() {
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), "entente-measure-build-"));
  temporary.push(out);
  const dist = join(out, "dist");
  try {
    execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "tsconfig.build.json"), "--outDir", dist], { cwd: root, stdio: "pipe" });
  } catch (err) {
    // Type errors do not stop tsc from emitting; a missing output does.
    if (!existsSync(join(dist, "server/main.js"))) throw err;
  }
  cpSync(join(root, "server/db/migrations"), join(dist, "server/db/migrations"), { recursive: true });
  cpSync(join(root, "schema"), join(dist, "schema"), { recursive: true });
  cpSync(join(root, "package.json"), join(out, "package.json"));
  symlinkSync(join(root, "node_modules"), join(out, "node_modules"));
  console.log(`compiled the server into ${dist} (${secs(started)})`);
  return dist;
}

function secs(started) {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
function mb(kb) {
  return `${(kb / 1024).toFixed(0)} MB`;
}
function statSize(path) {
  return Number(execFileSync("stat", ["-c", "%s", path]).toString()) / 1024;
}

function describeJob(job) {
  const c = job.counts;
  return `${job.status}: ${job.progress.rowsProcessed} rows, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, duplicates ${c.duplicates}, rejected ${c.rejected}, warnings ${c.warnings}${job.error ? ` — ${job.error}` : ""}`;
}

/** RSS of the process (kB) from /proc, sampled every 100 ms; per-phase and overall maxima. */
function startSampler(pid) {
  const read = (field) => {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  let max = 0;
  let phaseMax = 0;
  const timer = setInterval(() => {
    const rss = read("VmRSS");
    max = Math.max(max, rss);
    phaseMax = Math.max(phaseMax, rss);
  }, 100);
  timer.unref();
  return {
    current: () => read("VmRSS"),
    get max() {
      return max;
    },
    /** The peak since the previous call. */
    phase() {
      const value = Math.max(phaseMax, read("VmRSS"));
      phaseMax = 0;
      return value;
    },
    stop() {
      clearInterval(timer);
      return read("VmHWM");
    },
  };
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function admin(url, text) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function waitFor(check, timeoutMs, exited) {
  const until = Date.now() + timeoutMs;
  let gone = null;
  exited.then((e) => (gone = e));
  for (;;) {
    if (gone) throw new Error(`the server exited (${JSON.stringify(gone)})`);
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error("the server did not become ready");
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function gql(base, token, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function login(base) {
  const data = await gql(base, null, `mutation { login(email: "admin@entente.demo", password: "entente-demo") { accessToken } }`);
  return data.login.accessToken;
}

/** Uploads the file from disk (streamed, not read whole into this process). */
async function upload(base, token, entity, path) {
  const form = new FormData();
  form.append("entity", entity);
  form.append("file", await openAsBlob(path), path.split("/").at(-1));
  const res = await fetch(`${base}/imports`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`upload ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body.job.id;
}

async function runJob(api, jobId, mapping, dryRun, extra = {}) {
  const options = { ...extra, ...(batchSize ? { batchSize } : {}) };
  await api(
    `mutation($id: ID!, $mapping: [ImportColumnMappingInput!]!, $dryRun: Boolean!, $options: ImportOptions) {
      runImport(jobId: $id, mapping: $mapping, dryRun: $dryRun, options: $options) { id }
    }`,
    { id: jobId, mapping, dryRun, options },
  );
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const { importJob } = await api(
      `query($id: ID!) { importJob(id: $id) { status error progress { rowsProcessed } counts { created updated unchanged duplicates rejected warnings } } }`,
      { id: jobId },
    );
    if (importJob.status !== "RUNNING") {
      if (importJob.status === "FAILED") throw new Error(`import failed: ${importJob.error}`);
      return importJob;
    }
  }
}

async function shutdown() {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => {
      const t = setTimeout(() => {
        server.kill("SIGKILL");
        resolve();
      }, 20_000);
      server.on("exit", () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  for (const c of cleanups) await c().catch((e) => console.error(`cleanup: ${e.message}`));
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}

// Interrupted: stop the server and remove what the run made before exiting.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.error(`${signal}: stopping`);
    void shutdown().finally(() => process.exit(130));
  });
}

main().then(
  () => shutdown(),
  async (err) => {
    console.error(err);
    await shutdown();
    process.exitCode = 1;
  },
);
