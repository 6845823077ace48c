import type { TestServer } from "../support/server.js";

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
