import busboy from "busboy";
import { eq } from "drizzle-orm";
import express, { type Request, type Response } from "express";
import type { Readable } from "node:stream";
import type { Config } from "../../config.js";
import { createContext } from "../../context.js";
import type { Database, Db } from "../../db/client.js";
import { importFileChunks, importJobs } from "../../db/tables/index.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { type Viewer, hasRole } from "../../policy/sharing.policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { viewerFromAuthorization } from "../sessions/sessions.service.js";
import { purgeOldFiles } from "./imports.repository.js";
import { CHUNK_BYTES, openRows, sniffFormat } from "./imports.source.js";

// POST /imports — multipart/form-data with a field `entity` (PEOPLE,
// ORGANISATIONS or INTERACTIONS; or ?entity= in the query) and then the part
// `file` (CSV or XLSX, up to 200 MB). The file streams into the database in
// 1 MB chunks (never whole in memory); the answer is the new import job, which
// GraphQL then previews (importPreview) and runs (runImport).

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const ENTITIES = new Set(["PEOPLE", "ORGANISATIONS", "INTERACTIONS"]);
type Entity = "PEOPLE" | "ORGANISATIONS" | "INTERACTIONS";

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function fail(res: Response, status: number, code: string, message: string) {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Streams one file part into a new job's chunks; the job stays UPLOADING until complete. */
async function storeFile(db: Db, viewer: Viewer, entity: Entity, fileName: string, file: Readable, limit: { hit: boolean }) {
  const [job] = await db
    .insert(importJobs)
    .values({ memberId: viewer.memberId, userId: viewer.userId, entity, format: "CSV", fileName: fileName.slice(0, 255) || "upload" })
    .returning();
  const jobId = job!.id;
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let head: Buffer | null = null;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    head ??= data.subarray(0, 8);
    await db.insert(importFileChunks).values({ jobId, seq: seq++, data });
  };
  try {
    // Paused while a chunk is written (backpressure); after a failure the rest is read and dropped,
    // so the multipart parser always reaches the end of the request.
    let failure: unknown = null;
    await new Promise<void>((resolve, reject) => {
      file.on("data", (piece: Buffer) => {
        if (failure) return;
        pending.push(piece);
        pendingBytes += piece.length;
        size += piece.length;
        if (pendingBytes >= CHUNK_BYTES) {
          file.pause();
          flush().then(
            () => file.resume(),
            (err: unknown) => {
              failure = err;
              file.resume();
            },
          );
        }
      });
      file.on("end", resolve);
      file.on("error", reject);
    });
    if (failure) throw failure;
    if (limit.hit) throw new UploadError(413, "BAD_REQUEST", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    await flush();
    if (size === 0) throw new UploadError(400, "BAD_USER_INPUT", "The file is empty.");
    const format = sniffFormat(head ?? Buffer.alloc(0));
    let columns: string[] | null = null;
    try {
      const source = await openRows(db, jobId, format);
      columns = source?.columns ?? null;
      source?.close();
    } catch {
      columns = null;
    }
    if (!columns) throw new UploadError(400, "BAD_USER_INPUT", "The file could not be read as CSV or XLSX with a header row.");
    const [done] = await db
      .update(importJobs)
      .set({ format, byteSize: size, columns, status: "UPLOADED", updatedAt: new Date() })
      .where(eq(importJobs.id, jobId))
      .returning();
    return done!;
  } catch (err) {
    await db.delete(importJobs).where(eq(importJobs.id, jobId));
    throw err;
  }
}

export function importUploadRouter(database: Database, config: Config): express.Router {
  const router = express.Router();
  router.post("/", async (req: Request, res: Response) => {
    const viewer = await viewerFromAuthorization(database.db, config, req.header("authorization"));
    if (!viewer) return fail(res, 401, "UNAUTHENTICATED", "You must sign in.");
    if (!hasRole(viewer, "EDITOR")) return fail(res, 403, "FORBIDDEN", "This needs the EDITOR role.");
    if (!req.is("multipart/form-data")) return fail(res, 400, "BAD_USER_INPUT", "Send the file as multipart/form-data.");
    const db = database.db;
    await purgeOldFiles(db);

    let entity = typeof req.query.entity === "string" ? req.query.entity.toUpperCase() : null;
    const limit = { hit: false };
    let stored: Promise<typeof importJobs.$inferSelect> | null = null;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024 } });
    } catch {
      return fail(res, 400, "BAD_USER_INPUT", "Malformed multipart request.");
    }
    const finished = new Promise<void>((resolve, reject) => {
      bb.on("field", (name, value) => {
        if (name === "entity") entity = value.toUpperCase();
      });
      bb.on("file", (name, file, info) => {
        if (name !== "file" || stored) {
          file.resume();
          return;
        }
        file.on("limit", () => {
          limit.hit = true;
        });
        if (!entity || !ENTITIES.has(entity)) {
          stored = Promise.reject(new UploadError(400, "BAD_USER_INPUT", "entity must be PEOPLE, ORGANISATIONS or INTERACTIONS (send it before the file)."));
          stored.catch(() => undefined);
          file.resume();
          return;
        }
        stored = storeFile(db, viewer, entity as Entity, info.filename ?? "upload", file, limit);
        stored.catch(() => undefined);
      });
      bb.on("close", resolve);
      bb.on("error", reject);
      req.on("close", () => {
        if (!req.complete) reject(new UploadError(400, "BAD_REQUEST", "The upload was interrupted."));
      });
    });
    req.pipe(bb);
    try {
      await finished;
      if (!stored) return fail(res, 400, "BAD_USER_INPUT", "Send the file in a part called `file`.");
      const job = await (stored as Promise<typeof importJobs.$inferSelect>);
      const ctx = createContext({ db, config, viewer, requestId: res.locals.requestId as string | undefined });
      await recordAudit(db, ctx, {
        action: "upload",
        recordType: "ImportJob",
        recordId: job.id,
        changes: { entity: job.entity, format: job.format, byteSize: job.byteSize },
      });
      res.status(201).json({
        job: {
          id: toGlobalId("ImportJob", job.id),
          entity: job.entity,
          format: job.format,
          fileName: job.fileName,
          byteSize: job.byteSize,
          columns: job.columns,
          status: job.status,
        },
      });
    } catch (err) {
      if (stored) await (stored as Promise<unknown>).catch(() => undefined);
      if (err instanceof UploadError) return fail(res, err.status, err.code, err.message);
      req.unpipe(bb);
      return fail(res, 400, "BAD_REQUEST", "The upload could not be read.");
    }
  });
  return router;
}
