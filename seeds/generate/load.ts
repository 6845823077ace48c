import { finished } from "node:stream/promises";
import { type SQL, sql } from "drizzle-orm";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, type Db, queryRows } from "../../server/db/client.js";
import { ensureCountries } from "../places/countries.js";
import { CsvTableWriter } from "./csv.js";
import { copyLine } from "./format.js";
import type { World } from "./model.js";
import { type Progress, silentProgress } from "./progress.js";
import type { Cell, Row, TableData } from "./tables.js";

// Loads a generated dataset in ONE transaction: all of it or nothing, so a
// dataset is either absent or complete, and "is its first member there?" is
// an exact idempotency check (re-running the same tier and seed skips).
//
// PostgreSQL: COPY FROM STDIN (pg-copy-streams). PGlite: multi-row INSERTs of
// json_populate_recordset batches. For large loads the indexes, primary and
// unique keys and foreign keys of the loaded tables are dropped first and
// recreated after from their own definitions (pg_indexes /
// pg_get_constraintdef), inside the same transaction: re-adding the keys
// checks uniqueness and every reference, and a failed load rolls back to the
// original indexes and constraints. The loaded tables are locked meanwhile:
// load scale data into a database that is not serving users.
//
// Places are shared reference data: countries go through ensureCountries,
// cities are matched by (country, name) to cities already in the database,
// and only the missing ones are inserted; generated rows are remapped to
// whichever place ids the database has.

export interface LoadOptions {
  /** Drop and rebuild indexes, keys and foreign keys around the load (default: from 50k interactions). */
  rebuildIndexes?: boolean;
  progress?: Progress;
  /** Also write every table as CSV into this directory (one pass over the data). */
  csvDir?: string;
  /** Rows per PGlite INSERT statement. */
  batchRows?: number;
}

export interface LoadResult {
  skipped: boolean;
  rows: Record<string, number>;
  seconds: number;
}

interface Executor {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Writes the table's rows (only `columns`), calling `sink` with each batch after it is sent. */
  load(table: TableData, columns: string[], places: Map<string, string>, sink: (rows: Row[]) => Promise<void>): Promise<number>;
}

type Remap = (column: string, value: Cell) => Cell;

const CHUNK_BYTES = 1 << 18;

/** Loads the dataset unless it is already there. */
export async function loadDataset(database: Database, world: World, tables: TableData[], options: LoadOptions = {}): Promise<LoadResult> {
  const started = Date.now();
  const progress = options.progress ?? silentProgress;
  const rebuild = options.rebuildIndexes ?? world.counts.interactions >= 50_000;

  const countryIds = await ensureCountries(database.db);

  const run = async (ex: Executor): Promise<LoadResult> => {
    const present = await ex.query<{ present: boolean }>(`select exists (select 1 from members where id = $1) as present`, [world.markerMemberId]);
    if (present[0]?.present) return { skipped: true, rows: {}, seconds: (Date.now() - started) / 1000 };

    const remap = await placeRemap(ex, world, countryIds);
    const places = tables.find((t) => t.table === "places")!;
    const data = tables.filter((t) => t.table !== "places");
    const rows: Record<string, number> = {};

    rows.places = await loadPlaces(ex, world, places, remap, progress);

    const names = data.map((t) => t.table);
    const columnsOf = await databaseColumns(ex, data);
    const saved = rebuild ? await dropIndexes(ex, names) : null;
    if (saved) progress.note(`Dropped ${saved.indexes.length} indexes and ${saved.constraints.length} keys and constraints for the load`);
    const paused = rebuild ? await pauseReadModels(ex, names) : [];

    for (const t of data) {
      const task = progress.task(t.table, t.expectedRows);
      const csv = options.csvDir ? await CsvTableWriter.open(options.csvDir, t) : null;
      const n = await ex.load(t, columnsOf.get(t.table)!, remap, async (batch) => {
        task.add(batch.length);
        if (csv) await csv.rows(batch);
      });
      await csv?.close();
      task.done(n);
      rows[t.table] = n;
    }

    if (paused.length) await rebuildReadModels(ex, paused, progress);
    if (saved) await recreateIndexes(ex, saved, progress);
    for (const name of ["places", ...names]) await ex.query(`analyze ${quoteIdent(name)}`);
    if (options.csvDir) await writePlacesCsv(options.csvDir, places);
    return { skipped: false, rows, seconds: (Date.now() - started) / 1000 };
  };

  return database.kind === "postgres" ? withPgTransaction(database.pool!, run) : withPgliteTransaction(database.db, options, run);
}

/** Whether the dataset with this marker (its first member's id) is in the database. */
export async function isLoaded(database: Database, markerMemberId: string): Promise<boolean> {
  const [row] = await queryRows<{ present: boolean }>(
    database.db,
    sql`select exists (select 1 from members where id = ${markerMemberId}) as present`,
  );
  return row?.present === true;
}

/** Writes every table as CSV without touching a database. */
export async function writeCsv(tables: TableData[], dir: string, progress: Progress = silentProgress, batchRows = 5000): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const t of tables) {
    const task = progress.task(`${t.table}.csv`, t.expectedRows);
    const csv = await CsvTableWriter.open(dir, t);
    let batch: Row[] = [];
    let n = 0;
    for (const row of t.rows()) {
      batch.push(row);
      if (batch.length >= batchRows) {
        await csv.rows(batch);
        task.add(batch.length);
        n += batch.length;
        batch = [];
      }
    }
    await csv.rows(batch);
    n += batch.length;
    await csv.close();
    task.done(n);
    rows[t.table] = n;
  }
  return rows;
}

async function writePlacesCsv(dir: string, places: TableData): Promise<void> {
  const csv = await CsvTableWriter.open(dir, places);
  await csv.rows([...places.rows()]);
  await csv.close();
}

/**
 * The generated columns the database has, per table. Generation follows the
 * Drizzle schema; a database migrated to a slightly different point (a column
 * added in code whose migration is not there) still loads what it can hold, and
 * a required column the generator does not fill fails with its name.
 */
async function databaseColumns(ex: Executor, tables: TableData[]): Promise<Map<string, string[]>> {
  const rows = await ex.query<{ table_name: string; column_name: string; required: boolean; generated: boolean }>(
    `select table_name, column_name,
            (is_nullable = 'NO' and column_default is null and is_identity = 'NO' and is_generated = 'NEVER') as required,
            is_generated <> 'NEVER' as generated
     from information_schema.columns
     where table_schema = current_schema() and table_name in (${tables.map((t) => quoteLiteral(t.table)).join(", ")})`,
  );
  const out = new Map<string, string[]>();
  for (const t of tables) {
    const present = rows.filter((r) => r.table_name === t.table);
    if (present.length === 0) throw new Error(`generator: the database has no table "${t.table}" (is it migrated?)`);
    const missing = present.filter((r) => r.required && !t.columns.includes(r.column_name)).map((r) => r.column_name);
    if (missing.length > 0) throw new Error(`generator: table "${t.table}" requires columns the generator does not fill: ${missing.join(", ")}`);
    const names = new Set(present.map((r) => r.column_name));
    const generated = new Set(present.filter((r) => r.generated).map((r) => r.column_name));
    out.set(t.table, t.columns.filter((c) => names.has(c) && !generated.has(c)));
  }
  return out;
}

// --- places -----------------------------------------------------------------

async function placeRemap(ex: Executor, world: World, countryIds: Map<string, string>): Promise<Map<string, string>> {
  const remap = new Map<string, string>();
  for (const c of world.countries) {
    const actual = countryIds.get(c.countryCode);
    if (actual && actual !== c.id) remap.set(c.id, actual);
  }
  const ours = new Set(world.cities.map((c) => c.id));
  const existing = await ex.query<{ id: string; country_code: string; name: string }>(
    `select id, country_code, name from places where kind = 'CITY' and archived_at is null order by created_at, id`,
  );
  const present = new Set<string>();
  const byName = new Map<string, string>();
  for (const row of existing) {
    if (ours.has(row.id)) present.add(row.id);
    else {
      const key = `${row.country_code}\u0000${row.name.toLowerCase()}`;
      if (!byName.has(key)) byName.set(key, row.id);
    }
  }
  for (const c of world.cities) {
    if (present.has(c.id)) continue;
    const match = byName.get(`${c.countryCode}\u0000${c.name.toLowerCase()}`);
    if (match) remap.set(c.id, match);
  }
  return remap;
}

async function loadPlaces(ex: Executor, world: World, places: TableData, remap: Map<string, string>, progress: Progress): Promise<number> {
  const existing = new Set(
    (await ex.query<{ id: string }>(`select id from places where kind = 'CITY' and archived_at is null`)).map((r) => r.id),
  );
  const cityIds = new Set(world.cities.map((c) => c.id));
  const missing = [...places.rows()].filter((r) => cityIds.has(r.id as string) && !existing.has(r.id as string) && !remap.has(r.id as string));
  const task = progress.task("places (cities)", missing.length);
  for (let i = 0; i < missing.length; i += 1000) {
    const batch = missing.slice(i, i + 1000).map((r) => ({ ...r, parent_id: remap.get(r.parent_id as string) ?? r.parent_id }));
    await ex.query(
      `insert into places (${places.columns.map(quoteIdent).join(", ")})
       select ${places.columns.map(quoteIdent).join(", ")} from json_populate_recordset(null::places, $1::json)
       on conflict (id) do nothing`,
      [JSON.stringify(batch)],
    );
    task.add(batch.length);
  }
  task.done(missing.length);
  return missing.length;
}

function remapper(tables: TableData, remap: Map<string, string>): Remap | undefined {
  if (tables.placeColumns.length === 0 || remap.size === 0) return undefined;
  const columns = new Set(tables.placeColumns);
  return (column, value) => (columns.has(column) && typeof value === "string" ? (remap.get(value) ?? value) : value);
}

// --- indexes and foreign keys -------------------------------------------------

interface SavedIndex {
  tablename: string;
  indexname: string;
  indexdef: string;
}

interface SavedConstraint {
  table_name: string;
  conname: string;
  contype: "p" | "u" | "f";
  def: string;
}

interface Saved {
  indexes: SavedIndex[];
  /** Primary keys and unique constraints, then foreign keys: the order to re-add them in. */
  constraints: SavedConstraint[];
}

/**
 * Drops, for the tables about to be loaded: every foreign key from or to them,
 * their primary keys and unique constraints, and their other indexes. Bulk
 * COPY into bare tables is several times faster than maintaining random-UUID
 * btrees row by row, and building each index once afterwards (sorted) is
 * cheap. Check constraints stay. Returns the definitions, to recreate exactly.
 */
async function dropIndexes(ex: Executor, tables: string[]): Promise<Saved> {
  const list = tables.map(quoteLiteral).join(", ");
  const constraints = await ex.query<SavedConstraint>(
    `select t.relname as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as def
     from pg_constraint c
     join pg_class t on t.oid = c.conrelid
     join pg_namespace n on n.oid = t.relnamespace
     left join pg_class r on r.oid = c.confrelid
     where n.nspname = current_schema()
       and ((c.contype in ('p', 'u') and t.relname in (${list}))
         or (c.contype = 'f' and (t.relname in (${list}) or r.relname in (${list}))))
     order by case c.contype when 'f' then 1 else 0 end, t.relname, c.conname`,
  );
  const indexes = await ex.query<SavedIndex>(
    `select i.tablename, i.indexname, i.indexdef
     from pg_indexes i
     where i.schemaname = current_schema() and i.tablename in (${list})
       and not exists (
         select 1 from pg_constraint c
         join pg_class ic on ic.oid = c.conindid
         join pg_namespace n on n.oid = ic.relnamespace
         where ic.relname = i.indexname and n.nspname = i.schemaname
       )
     order by i.tablename, i.indexname`,
  );
  for (const c of [...constraints].reverse()) {
    await ex.query(`alter table ${quoteIdent(c.table_name)} drop constraint ${quoteIdent(c.conname)}`);
  }
  for (const index of indexes) await ex.query(`drop index ${quoteIdent(index.indexname)}`);
  return { indexes, constraints };
}

async function recreateIndexes(ex: Executor, saved: Saved, progress: Progress): Promise<void> {
  const total = saved.indexes.length + saved.constraints.length;
  const task = progress.task("indexes and constraints", total);
  const timings: [string, number][] = [];
  const timed = async (name: string, text: string) => {
    const started = Date.now();
    await ex.query(text);
    timings.push([name, Date.now() - started]);
    task.add(1);
  };
  // Keys first (foreign keys need the referenced primary keys), then the rest.
  for (const c of saved.constraints.filter((c) => c.contype !== "f")) {
    await timed(c.conname, `alter table ${quoteIdent(c.table_name)} add constraint ${quoteIdent(c.conname)} ${c.def}`);
  }
  for (const index of saved.indexes) await timed(index.indexname, index.indexdef);
  for (const c of saved.constraints.filter((c) => c.contype === "f")) {
    await timed(c.conname, `alter table ${quoteIdent(c.table_name)} add constraint ${quoteIdent(c.conname)} ${c.def}`);
  }
  task.done(total);
  const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 5);
  progress.note(`Slowest: ${slowest.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}s`).join(", ")}`);
}

// --- read models kept by triggers ------------------------------------------------

/**
 * Read models that statement triggers keep exact (migration 0014: the briefing's
 * person_interaction_stats). Row by row they would be recomputed once per COPY or
 * batch, and without the dropped indexes; a bulk load pauses their triggers and
 * rebuilds each model once, inside the same transaction.
 */
const READ_MODELS = [
  {
    name: "person_interaction_stats",
    tables: ["person_interaction_stats", "person_interaction_totals"],
    rebuild: "select person_interaction_stats_rebuild()",
    triggers: [
      ["interaction_people", "person_interaction_stats_links_insert"],
      ["interaction_people", "person_interaction_stats_links_delete"],
      ["interaction_people", "person_interaction_stats_links_update"],
      ["interactions", "person_interaction_stats_interactions_insert"],
      ["interactions", "person_interaction_stats_interactions_update"],
    ],
  },
] as const;

type ReadModel = (typeof READ_MODELS)[number];

/** Disables the triggers of the read models that depend on the loaded tables (those the database has). */
async function pauseReadModels(ex: Executor, tables: string[]): Promise<ReadModel[]> {
  const present = await ex.query<{ table_name: string; trigger_name: string }>(
    `select c.relname as table_name, t.tgname as trigger_name
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and not t.tgisinternal`,
  );
  const has = new Set(present.map((r) => `${r.table_name}.${r.trigger_name}`));
  // A model's migration creates all its triggers: one missing means the database predates it.
  const paused = READ_MODELS.filter(
    (m) => m.triggers.every(([table, trigger]) => has.has(`${table}.${trigger}`)) && m.triggers.some(([table]) => tables.includes(table)),
  );
  for (const m of paused) {
    for (const [table, trigger] of m.triggers) await ex.query(`alter table ${quoteIdent(table)} disable trigger ${quoteIdent(trigger)}`);
  }
  return paused;
}

async function rebuildReadModels(ex: Executor, paused: ReadModel[], progress: Progress): Promise<void> {
  for (const m of paused) {
    const task = progress.task(m.name, 1);
    await ex.query(m.rebuild);
    for (const [table, trigger] of m.triggers) await ex.query(`alter table ${quoteIdent(table)} enable trigger ${quoteIdent(trigger)}`);
    for (const table of m.tables) await ex.query(`analyze ${quoteIdent(table)}`);
    task.done(1);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

// --- drivers -------------------------------------------------------------------

async function withPgTransaction(pool: pg.Pool, run: (ex: Executor) => Promise<LoadResult>): Promise<LoadResult> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    // The load is one long transaction; the pool's guards are for requests.
    await client.query("set local statement_timeout = 0");
    await client.query("set local idle_in_transaction_session_timeout = 0");
    await client.query("set local maintenance_work_mem = '512MB'");
    await client.query("set local synchronous_commit = off");
    const ex: Executor = {
      async query<T>(text: string, params?: unknown[]) {
        return (await client.query(text, params)).rows as T[];
      },
      async load(table, columns, places, sink) {
        const stream = client.query(copyFrom(`copy ${quoteIdent(table.table)} (${columns.map(quoteIdent).join(", ")}) from stdin`));
        let failure: Error | null = null;
        stream.on("error", (error: Error) => {
          failure ??= error;
        });
        const drained = () =>
          new Promise<void>((resolve, reject) => {
            if (failure) return reject(failure);
            const onDrain = () => {
              stream.off("error", onError);
              resolve();
            };
            const onError = (error: Error) => {
              stream.off("drain", onDrain);
              reject(error);
            };
            stream.once("drain", onDrain);
            stream.once("error", onError);
          });
        const map = remapper(table, places);
        let chunk = "";
        let batch: Row[] = [];
        let n = 0;
        try {
          for (const row of table.rows()) {
            chunk += copyLine(row, columns, map);
            batch.push(row);
            n++;
            if (chunk.length >= CHUNK_BYTES) {
              if (failure) throw failure;
              stream.write(chunk);
              chunk = "";
              await sink(batch);
              batch = [];
              // Checked after the sink: a drain that happened meanwhile is not waited for.
              if (stream.writableNeedDrain) await drained();
            }
          }
          if (failure) throw failure;
          stream.end(chunk);
          await finished(stream);
          await sink(batch);
        } catch (error) {
          stream.destroy();
          throw failure ?? error;
        }
        return n;
      },
    };
    const result = await run(ex);
    await client.query(result.skipped ? "rollback" : "commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function withPgliteTransaction(db: Db, options: LoadOptions, run: (ex: Executor) => Promise<LoadResult>): Promise<LoadResult> {
  const batchRows = options.batchRows ?? 2000;
  let result: LoadResult | undefined;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const query = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
      const res = (await tx.execute(withParams(text, params))) as unknown as { rows: T[] };
      return res.rows;
    };
    const ex: Executor = {
      query,
      async load(table, columns, places, sink) {
        const list = columns.map(quoteIdent).join(", ");
        const text = `insert into ${quoteIdent(table.table)} (${list}) select ${list} from json_populate_recordset(null::${quoteIdent(table.table)}, $1::json)`;
        const map = remapper(table, places);
        let batch: Row[] = [];
        let n = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const payload = map ? batch.map((row) => remapRow(row, table.placeColumns, map)) : batch;
          await query(text, [JSON.stringify(payload)]);
          await sink(batch);
          batch = [];
        };
        for (const row of table.rows()) {
          batch.push(row);
          n++;
          if (batch.length >= batchRows) await flush();
        }
        await flush();
        return n;
      },
    };
    result = await run(ex);
  });
  return result!;
}

function remapRow(row: Row, columns: readonly string[], map: Remap): Row {
  const out: Row = { ...row };
  for (const c of columns) out[c] = map(c, row[c] ?? null);
  return out;
}

/** `$1`-style placeholders → Drizzle SQL with bound parameters (PGlite path). */
function withParams(text: string, params: unknown[]): SQL {
  if (params.length === 0) return sql.raw(text);
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(parts[i]!));
    else chunks.push(sql`${params[Number(parts[i]) - 1]}`);
  }
  return sql.join(chunks);
}
