import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/app.js";
import { parseConfig } from "../../server/config.js";
import type { Database } from "../../server/db/client.js";
import { createLogger } from "../../server/logger.js";
import type { GraphQLResponse, TestServer } from "../support/server.js";

// Uploading files and running imports over the real HTTP API, as the web client does.

export interface UploadResponse {
  status: number;
  body: {
    job?: { id: string; entity: string; format: string; fileName: string; byteSize: number; columns: string[]; status: string };
    errors?: { message: string; extensions: { code: string } }[];
  };
}

export async function upload(
  server: TestServer,
  token: string | null,
  entity: string,
  fileName: string,
  content: string | Uint8Array,
): Promise<UploadResponse> {
  const form = new FormData();
  form.append("entity", entity);
  form.append("file", new Blob([typeof content === "string" ? content : Buffer.from(content)]), fileName);
  const res = await fetch(`${server.url}/imports`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: res.status, body: (await res.json()) as UploadResponse["body"] };
}

export async function uploadOk(server: TestServer, token: string, entity: string, fileName: string, content: string | Uint8Array): Promise<string> {
  const res = await upload(server, token, entity, fileName, content);
  if (res.status !== 201 || !res.body.job) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.job.id;
}

export const JOB = `id status dryRun fileAvailable error
  counts { created updated unchanged duplicates rejected warnings }
  progress { rowsProcessed fraction }`;

export interface JobResult {
  id: string;
  status: string;
  dryRun: boolean;
  fileAvailable: boolean;
  error: string | null;
  counts: { created: number; updated: number; unchanged: number; duplicates: number; rejected: number; warnings: number };
  progress: { rowsProcessed: number; fraction: number };
}

export async function waitForJob(server: TestServer, token: string, id: string, timeoutMs = 60_000): Promise<JobResult> {
  const started = Date.now();
  for (;;) {
    const res = await server.gql<{ importJob: JobResult | null }>(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id }, token);
    const job = res.data?.importJob;
    if (!job) throw new Error(`importJob missing: ${JSON.stringify(res.errors)}`);
    if (job.status !== "RUNNING") return job;
    if (Date.now() - started > timeoutMs) throw new Error("import did not finish in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function runImport(
  server: TestServer,
  token: string,
  jobId: string,
  mapping: { column: string; field: string }[],
  dryRun: boolean,
  options?: Record<string, unknown>,
): Promise<JobResult> {
  const res = await server.gql<{ runImport: { id: string } }>(
    `mutation($id: ID!, $mapping: [ImportColumnMappingInput!]!, $dryRun: Boolean!, $options: ImportOptions) {
      runImport(jobId: $id, mapping: $mapping, dryRun: $dryRun, options: $options) { id status }
    }`,
    { id: jobId, mapping, dryRun, options },
    token,
  );
  if (res.errors) throw new Error(`runImport failed: ${JSON.stringify(res.errors)}`);
  return waitForJob(server, token, jobId);
}

export interface ReportLine {
  rowNumber: number;
  status: string;
  duplicateOfRow: number | null;
  changedFields: string[];
  record: { id: string } | null;
  duplicates: { id: string }[];
  problems: { column: string | null; field: string | null; message: string; severity: string }[];
}

export async function reportOf(server: TestServer, token: string, jobId: string, status?: string): Promise<ReportLine[]> {
  const res = await server.gql<{ importJob: { report: { nodes: ReportLine[] } } }>(
    `query($id: ID!, $status: ImportRowStatus) { importJob(id: $id) { report(status: $status, first: 25) { nodes {
      rowNumber status duplicateOfRow changedFields record { id } duplicates { id } problems { column field message severity }
    } } } }`,
    { id: jobId, status },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.importJob.report.nodes;
}

/** The suggested mapping of an uploaded file. */
export async function suggested(server: TestServer, token: string, jobId: string): Promise<{ column: string; field: string }[]> {
  const res = await server.gql<{ importPreview: { suggestedMapping: { column: string; field: string }[] } }>(
    `query($id: ID!) { importPreview(jobId: $id) { suggestedMapping { column field } } }`,
    { id: jobId },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.importPreview.suggestedMapping;
}

export interface StreamedResponse {
  /** Null when the connection closed before an answer arrived. */
  status: number | null;
  body: { errors?: { message: string; extensions: { code: string } }[]; job?: { id: string } } | null;
  /** Body bytes written before the answer (or the connection's end). */
  bytesSent: number;
  /** From the first byte sent to the answer (or the connection's end). */
  ms: number;
}

/**
 * A POST whose body is written piece by piece as the generator yields it (nothing is buffered
 * whole), over a raw HTTP connection: with a declared Content-Length, or chunked. Stops writing
 * as soon as the server answers or closes the connection.
 */
export function streamRequest(
  server: TestServer,
  path: string,
  headers: Record<string, string>,
  body: AsyncIterable<Buffer>,
  contentLength?: number,
): Promise<StreamedResponse> {
  return new Promise((resolve) => {
    const started = Date.now();
    let bytesSent = 0;
    let settled = false;
    const settle = (status: number | null, text: string | null) => {
      if (settled) return;
      settled = true;
      let parsed: StreamedResponse["body"];
      try {
        parsed = text ? (JSON.parse(text) as StreamedResponse["body"]) : null;
      } catch {
        parsed = null;
      }
      resolve({ status, body: parsed, bytesSent, ms: Date.now() - started });
      req.destroy();
    };
    const req = request(`${server.url}${path}`, {
      method: "POST",
      headers: { ...headers, ...(contentLength !== undefined ? { "content-length": String(contentLength) } : { "transfer-encoding": "chunked" }) },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => settle(res.statusCode ?? null, Buffer.concat(chunks).toString("utf8")));
      res.on("error", () => settle(res.statusCode ?? null, Buffer.concat(chunks).toString("utf8")));
    });
    // A reset after the server stopped reading is how an over-long request can end.
    req.on("error", () => setTimeout(() => settle(null, null), 50));
    req.on("close", () => setTimeout(() => settle(null, null), 50));
    void (async () => {
      for await (const piece of body) {
        if (settled || req.destroyed) return;
        bytesSent += piece.length;
        if (!req.write(piece)) await new Promise((r) => req.once("drain", r).once("close", r));
      }
      if (!settled && !req.destroyed) req.end();
    })();
  });
}

export const BOUNDARY = "entente-test-boundary";

/** A multipart body: the entity field, then the file part with the given content, then the end. */
export async function* multipart(entity: string, fileName: string, content: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield Buffer.from(
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="entity"\r\n\r\n${entity}\r\n` +
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: text/csv\r\n\r\n`,
  );
  yield* content;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

/** The bytes `multipart` adds around the file content. */
export function multipartOverhead(entity: string, fileName: string): number {
  return (
    Buffer.byteLength(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="entity"\r\n\r\n${entity}\r\n`) +
    Buffer.byteLength(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: text/csv\r\n\r\n`) +
    Buffer.byteLength(`\r\n--${BOUNDARY}--\r\n`)
  );
}

/** Pieces of text with a pause before each one but the first. */
export async function* slowly(pieces: string[], pauseMs: number): AsyncGenerator<Buffer> {
  for (const [i, piece] of pieces.entries()) {
    if (i) await new Promise((r) => setTimeout(r, pauseMs));
    yield Buffer.from(piece);
  }
}

export interface AppOnDatabase extends TestServer {
  /** Stops the app as a shutdown does (imports stop after their batch, requests drain); the database stays. */
  stopApp(): Promise<void>;
}

/** The real app over HTTP on a database the caller keeps (to stop it and start another on the same data). */
export async function startAppOn(database: Database, env: Record<string, string> = {}): Promise<AppOnDatabase> {
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const httpServer = createServer();
  const app = await createApp({ config, database, logger: createLogger(config.logLevel), httpServer });
  httpServer.on("request", app.express);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const stopApp = async () => {
    await app.stop();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  };
  return {
    url,
    db: database.db,
    database,
    config,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T | null; errors?: GraphQLResponse<T>["errors"] };
      return { status: res.status, data: body.data ?? null, errors: body.errors, statements: Number(res.headers.get("x-sql-statements") ?? "NaN"), headers: res.headers };
    },
    stop: stopApp,
    stopApp,
  };
}
