import busboy from "busboy";
import { eq, sql } from "drizzle-orm";
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
import type { ImportJobRow } from "./imports.rows.js";
import { CHUNK_BYTES, openRows, packChunk, sniffFormat } from "./imports.source.js";

// POST /imports — multipart/form-data with a field `entity` (PEOPLE,
// ORGANISATIONS, INTERACTIONS or INTERACTION_PARTICIPANTS; or ?entity= in the
// query) and then the part `file` (CSV or XLSX, up to 200 MB). The file streams
// into the database in gzipped 1 MB chunks (never whole in memory); the answer
// is the new import job, which GraphQL then previews (importPreview) and runs
// (runImport). The route has its own time limit (IMPORT_TIMEOUT_SECONDS, app.ts).

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Multipart framing around the file (boundaries, part headers, the entity field). */
const MULTIPART_ALLOWANCE = 64 * 1024;
const TOO_LARGE = `The file is larger than the upload limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
type Entity = ImportJobRow["entity"];
const ENTITIES = new Set<string>(["PEOPLE", "ORGANISATIONS", "INTERACTIONS", "INTERACTION_PARTICIPANTS"] satisfies Entity[]);

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function refuse(req: Request, res: Response, status: number, code: string, message: string) {
  if (res.headersSent) return;
  // A refused upload's body is not read: closing the connection stops the client sending it.
  if (!req.complete) res.setHeader("connection", "close");
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
    const packed = await packChunk(data);
    // As hex text decoded by the database: PGlite's own bytea parameter encoding is ~10× slower.
    await db.insert(importFileChunks).values({ jobId, seq: seq++, data: sql`decode(${packed.toString("hex")}, 'hex')` });
  };
  let writing: Promise<void> = Promise.resolve();
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
          writing = flush().then(
            () => void file.resume(),
            (err: unknown) => {
              failure = err;
              file.resume();
            },
          );
        }
      });
      file.on("end", resolve);
      // Destroyed with a reason: over the limit, or the request was interrupted.
      file.on("error", reject);
    });
    await writing;
    if (failure) throw failure;
    if (limit.hit) throw new UploadError(413, "BAD_REQUEST", TOO_LARGE);
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
    // A chunk still being written goes with the job (its insert finishes first).
    await writing;
    await db.delete(importJobs).where(eq(importJobs.id, jobId));
    throw err;
  }
}

export function importUploadRouter(database: Database, config: Config): express.Router {
  const router = express.Router();
  router.post("/", async (req: Request, res: Response) => {
    const fail = (status: number, code: string, message: string) => refuse(req, res, status, code, message);
    const viewer = await viewerFromAuthorization(database.db, config, req.header("authorization"));
    if (!viewer) return fail(401, "UNAUTHENTICATED", "You must sign in.");
    if (!hasRole(viewer, "EDITOR")) return fail(403, "FORBIDDEN", "This needs the EDITOR role.");
    if (!req.is("multipart/form-data")) return fail(400, "BAD_USER_INPUT", "Send the file as multipart/form-data.");
    // A declared size over the limit is refused before a byte of the body is read.
    if (Number(req.header("content-length")) > MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE) return fail(413, "BAD_REQUEST", TOO_LARGE);
    const db = database.db;
    await purgeOldFiles(db);

    let entity = typeof req.query.entity === "string" ? req.query.entity.toUpperCase() : null;
    const limit = { hit: false };
    let stored: Promise<typeof importJobs.$inferSelect> | null = null;
    let part: Readable | null = null;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024 } });
    } catch {
      return fail(400, "BAD_USER_INPUT", "Malformed multipart request.");
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
          // Answer now: the rest of an oversized body is not read, and what was stored is deleted.
          const tooLarge = new UploadError(413, "BAD_REQUEST", TOO_LARGE);
          file.destroy(tooLarge);
          reject(tooLarge);
        });
        if (!entity || !ENTITIES.has(entity)) {
          stored = Promise.reject(new UploadError(400, "BAD_USER_INPUT", `entity must be ${[...ENTITIES].join(", ")} (send it before the file).`));
          stored.catch(() => undefined);
          file.resume();
          return;
        }
        part = file;
        stored = storeFile(db, viewer, entity as Entity, info.filename ?? "upload", file, limit);
        stored.catch(() => undefined);
      });
      bb.on("close", resolve);
      bb.on("error", reject);
      req.on("close", () => {
        if (req.complete) return;
        // The client went away or the request ran out of time: the stored part of the file is deleted.
        const interrupted = new UploadError(400, "BAD_REQUEST", "The upload was interrupted.");
        part?.destroy(interrupted);
        reject(interrupted);
      });
    });
    req.pipe(bb);
    try {
      await finished;
      if (!stored) return fail(400, "BAD_USER_INPUT", "Send the file in a part called `file`.");
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
      req.unpipe(bb);
      // Whatever stopped the upload, its job and stored chunks are gone before the answer.
      if (stored) await (stored as Promise<unknown>).catch(() => undefined);
      if (err instanceof UploadError) return fail(err.status, err.code, err.message);
      return fail(400, "BAD_REQUEST", "The upload could not be read.");
    }
  });
  return router;
}
