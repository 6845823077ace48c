import { once } from "node:events";
import { type SQL, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import express, { type Request, type Response } from "express";
import type { Config } from "../../config.js";
import { createContext } from "../../context.js";
import { type Database, type Db, queryRows } from "../../db/client.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { jsonObject } from "../shared/raw-rows.js";
import { viewerFromAuthorization } from "../sessions/sessions.service.js";

// A member's own data, whole, so it is never locked in:
//   GET /exports/member.json           every table below in one JSON document
//   GET /exports/member/<table>.csv    one table as CSV (columns as in the database)
// Only records the member owns (and their sub-records) are included, with the
// owner-only fields (email, phone, sensitive notes), since they are its own.
// For the member's admins; every export is audited. Rows stream out page by
// page (keyset pagination), so memory stays flat whatever the member's size.

interface ExportTable {
  name: string;
  /** The rows of the member, as a WHERE clause over alias t. */
  where: (memberId: string) => SQL;
  /** Keyset columns (unique together). */
  keys: string[];
  /** Columns left out (secrets). */
  omit?: string[];
}

const owned = (memberId: string) => sql`t.owner_member_id = ${memberId}`;
const ownedParent = (table: string, column: string) => (memberId: string) =>
  sql`t.${sql.identifier(column)} in (select id from ${sql.identifier(table)} where owner_member_id = ${memberId})`;

export const MEMBER_EXPORT_TABLES: ExportTable[] = [
  { name: "users", where: (m) => sql`t.member_id = ${m}`, keys: ["id"], omit: ["password_hash"] },
  { name: "organisations", where: owned, keys: ["id"] },
  { name: "people", where: owned, keys: ["id"] },
  { name: "affiliations", where: ownedParent("people", "person_id"), keys: ["id"] },
  { name: "alumni_ties", where: ownedParent("people", "person_id"), keys: ["id"] },
  { name: "investor_profiles", where: owned, keys: ["id"] },
  { name: "partnerships", where: owned, keys: ["id"] },
  { name: "partnership_parties", where: ownedParent("partnerships", "partnership_id"), keys: ["id"] },
  { name: "visits", where: owned, keys: ["id"] },
  { name: "visit_destinations", where: ownedParent("visits", "visit_id"), keys: ["visit_id", "place_id"] },
  { name: "visit_members", where: ownedParent("visits", "visit_id"), keys: ["visit_id", "member_id"] },
  { name: "interactions", where: owned, keys: ["id"] },
  { name: "interaction_people", where: ownedParent("interactions", "interaction_id"), keys: ["interaction_id", "person_id"] },
  { name: "interaction_organisations", where: ownedParent("interactions", "interaction_id"), keys: ["interaction_id", "organisation_id"] },
  { name: "interaction_users", where: ownedParent("interactions", "interaction_id"), keys: ["interaction_id", "user_id"] },
  { name: "opportunities", where: owned, keys: ["id"] },
  { name: "follow_ups", where: owned, keys: ["id"] },
  { name: "priorities", where: owned, keys: ["id"] },
];

const PAGE = 1000;

/** Secrets, and the search module's generated columns (derived from the exported text). */
const omitted = (omit: Set<string>, column: string) => omit.has(column) || column.startsWith("search_");

/** A value as JSON can carry it: instants as ISO strings, 64-bit integers as numbers. */
function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  return v;
}

/** A value as a CSV cell: lists joined with ";" (as the importer reads them), empty for null. */
function csvValue(v: unknown): string {
  const j = jsonValue(v);
  if (j === null || j === undefined) return "";
  if (Array.isArray(j)) return j.map((x) => String(x)).join(";");
  if (typeof j === "object") return JSON.stringify(j);
  return String(j);
}

/** The table's exported columns, in order (secrets and generated search columns left out). */
export async function exportColumns(db: Db, table: ExportTable): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table.name} order by ordinal_position`,
  );
  const omit = new Set(table.omit ?? []);
  return rows.map((c) => c.column_name).filter((c) => !omitted(omit, c));
}

/** Every row of one table for the member, in pages. */
export async function* exportRows(db: Db, table: ExportTable, columns: string[], memberId: string): AsyncGenerator<Record<string, unknown>[]> {
  let after: unknown[] | null = null;
  const keyList = sql.join(
    table.keys.map((k) => sql`t.${sql.identifier(k)}`),
    sql`, `,
  );
  const columnList = sql.join(
    columns.map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  );
  for (;;) {
    const cursor: SQL = after
      ? sql`and (${keyList}) > (${sql.join(
          after.map((v) => sql`${v}`),
          sql`, `,
        )})`
      : sql``;
    // to_jsonb: instants in ISO 8601 and the same shapes from both drivers.
    const rows = (
      await queryRows<{ row: unknown }>(
        db,
        sql`select to_jsonb(x) as row from (
              select ${columnList} from ${sql.identifier(table.name)} t where ${table.where(memberId)} ${cursor} order by ${keyList} limit ${PAGE}
            ) x`,
      )
    ).map((r) => jsonObject(r.row));
    if (!rows.length) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = table.keys.map((k) => last[k]);
  }
}

async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await once(res, "drain");
}

async function admin(database: Database, config: Config, req: Request, res: Response): Promise<Viewer | null> {
  const viewer = await viewerFromAuthorization(database.db, config, req.header("authorization"));
  if (!viewer) {
    res.status(401).json({ errors: [{ message: "You must sign in.", extensions: { code: "UNAUTHENTICATED" } }] });
    return null;
  }
  if (viewer.role !== "ADMIN") {
    res.status(403).json({ errors: [{ message: "Only your member's admins can export all of its data.", extensions: { code: "FORBIDDEN" } }] });
    return null;
  }
  return viewer;
}

async function audit(database: Database, config: Config, viewer: Viewer, res: Response, what: string) {
  const ctx = createContext({ db: database.db, config, viewer, requestId: res.locals.requestId as string | undefined });
  await recordAudit(database.db, ctx, { action: "export", recordType: "Member", recordId: viewer.memberId, changes: { export: what } });
}

export function memberExportRouter(database: Database, config: Config): express.Router {
  const router = express.Router();
  const db = database.db;

  router.get("/member.json", async (req, res) => {
    const viewer = await admin(database, config, req, res);
    if (!viewer) return;
    await audit(database, config, viewer, res, "member.json");
    const [member] = (await queryRows<{ row: unknown }>(db, sql`select to_jsonb(m) as row from members m where id = ${viewer.memberId}`)).map((r) =>
      jsonObject(r.row),
    );
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.setHeader("content-disposition", 'attachment; filename="entente-member-export.json"');
    res.setHeader("cache-control", "no-store");
    await write(
      res,
      `{"format":"entente-member-export/1","exportedAt":${JSON.stringify(new Date().toISOString())},"member":${JSON.stringify(
        Object.fromEntries(Object.entries(member ?? {}).map(([k, v]) => [k, jsonValue(v)])),
      )},"tables":{`,
    );
    for (const [i, table] of MEMBER_EXPORT_TABLES.entries()) {
      await write(res, `${i ? "," : ""}${JSON.stringify(table.name)}:[`);
      let first = true;
      for await (const page of exportRows(db, table, await exportColumns(db, table), viewer.memberId)) {
        const text = page.map((r) => JSON.stringify(r)).join(",");
        await write(res, `${first ? "" : ","}${text}`);
        first = false;
      }
      await write(res, "]");
    }
    res.end("}}");
  });

  router.get("/member/:file", async (req, res, next) => {
    const match = /^([a-z_]+)\.csv$/.exec(req.params.file);
    const table = match ? MEMBER_EXPORT_TABLES.find((t) => t.name === match[1]) : undefined;
    if (!table) return next();
    const viewer = await admin(database, config, req, res);
    if (!viewer) return;
    await audit(database, config, viewer, res, `member/${table.name}.csv`);
    const columns = await exportColumns(db, table);
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="${table.name}.csv"`);
    res.setHeader("cache-control", "no-store");
    await write(res, stringify([columns]));
    for await (const page of exportRows(db, table, columns, viewer.memberId)) {
      await write(res, stringify(page.map((r) => columns.map((c) => csvValue(r[c])))));
    }
    res.end();
  });

  return router;
}
