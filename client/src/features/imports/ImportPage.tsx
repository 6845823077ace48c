import { NetworkStatus } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useState } from "react";
import { useAuth, useViewer } from "../../app/auth/AuthProvider";
import {
  type ImportEntity,
  ImportJobDocument,
  type ImportJobFieldsFragment,
  ImportJobsDocument,
  ImportPreviewDocument,
  ImportReportDocument,
  type ImportRowStatus,
  RunImportDocument,
  SaveImportMappingDocument,
} from "../../generated/graphql";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { describeError } from "../../ui/errors";
import { humanise } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";

// Import people, organisations or interactions from a CSV or XLSX file:
// upload, map the columns (suggested from the headers, savable), dry run,
// then import. Progress and the per-row report come from importJob.

const ENTITIES: { value: ImportEntity; label: string }[] = [
  { value: "PEOPLE", label: "People" },
  { value: "ORGANISATIONS", label: "Organisations" },
  { value: "INTERACTIONS", label: "Interactions" },
  { value: "INTERACTION_PARTICIPANTS", label: "Interaction participants" },
];

const STATUS_LABELS: Record<ImportRowStatus, string> = {
  CREATED: "Created",
  UPDATED: "Updated",
  UNCHANGED: "Unchanged",
  DUPLICATE: "Likely duplicate",
  REJECTED: "Rejected",
};

export function ImportPage() {
  const viewer = useViewer();
  const [jobId, setJobId] = useState<string | null>(null);
  if (viewer.role === "VIEWER") {
    return (
      <Page title="Import">
        <div className="notice" role="status">
          Importing needs an editor or admin account. Ask an admin of {viewer.member.name}.
        </div>
      </Page>
    );
  }
  return (
    <Page title="Import" caption={viewer.member.name}>
      <p className="lead">
        Bring people, organisations and interactions in from a spreadsheet (CSV or XLSX, up to 200 MB). Records are matched by
        their external id, so importing the same file again changes nothing. Run a dry run first: it shows what would happen to
        every row and writes nothing.
      </p>
      {jobId ? <ImportJobView jobId={jobId} onDone={() => setJobId(null)} /> : <UploadForm onUploaded={setJobId} />}
      <PreviousImports onOpen={setJobId} />
    </Page>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (jobId: string) => void }) {
  const { accessToken } = useAuth();
  const [entity, setEntity] = useState<ImportEntity>("PEOPLE");
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setProblem("Choose a CSV or XLSX file.");
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const token = await accessToken();
      const form = new FormData();
      form.append("entity", entity);
      form.append("file", file, file.name);
      const res = await fetch("/imports", { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
      const body = (await res.json()) as { job?: { id: string }; errors?: { message: string }[] };
      if (!res.ok || !body.job) throw new Error(body.errors?.[0]?.message ?? `The upload failed (HTTP ${res.status}).`);
      onUploaded(body.job.id);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="section" onSubmit={(e) => void submit(e)} aria-labelledby="upload-title" noValidate>
      <h2 id="upload-title" className="heading-m">
        1. Upload a file
      </h2>
      <fieldset className="form-group">
        <legend className="label">What does the file hold?</legend>
        {ENTITIES.map((o) => (
          <label key={o.value} className="radio">
            <input type="radio" name="entity" value={o.value} checked={entity === o.value} onChange={() => setEntity(o.value)} /> {o.label}
          </label>
        ))}
      </fieldset>
      <div className={problem ? "form-group form-group--error" : "form-group"}>
        <label className="label" htmlFor="import-file">
          File
        </label>
        <div className="hint" id="import-file-hint">
          The first row must name the columns. Lists (languages, sectors, participants) are separated by semicolons.
        </div>
        {problem ? (
          <p className="error-message" id="import-file-error">
            <span className="visually-hidden">Error: </span>
            {problem}
          </p>
        ) : null}
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={problem ? "import-file-hint import-file-error" : "import-file-hint"}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Uploading…" : "Upload"}
      </button>
    </form>
  );
}

type Mapping = Record<string, string>;

function ImportJobView({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const preview = useQuery(ImportPreviewDocument, { variables: { jobId } });
  const [edited, setMapping] = useState<Mapping | null>(null);
  const data = preview.data?.importPreview;
  // The suggestion until the user changes something.
  const mapping = edited ?? (data ? Object.fromEntries(data.suggestedMapping.map((m) => [m.column, m.field])) : null);

  if (preview.error) return <QueryError what="The uploaded file" error={preview.error} retry={() => void preview.refetch()} />;
  if (!data || mapping === null) return <Loading label="Reading the file…" />;
  return (
    <>
      <MappingForm
        entity={data.job.entity}
        columns={data.columns}
        sampleRows={data.sampleRows}
        fields={data.fields}
        mapping={mapping}
        suggestedFrom={data.suggestedFrom?.name ?? null}
        onChange={setMapping}
      />
      <RunPanel job={data.job} mapping={mapping} onDone={onDone} />
    </>
  );
}

function MappingForm({
  entity,
  columns,
  sampleRows,
  fields,
  mapping,
  suggestedFrom,
  onChange,
}: {
  entity: ImportEntity;
  columns: string[];
  sampleRows: string[][];
  fields: { name: string; label: string; description: string; required: boolean }[];
  mapping: Mapping;
  suggestedFrom: string | null;
  onChange: (m: Mapping) => void;
}) {
  const [name, setName] = useState(suggestedFrom ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  const [save, saving] = useMutation(SaveImportMappingDocument);
  const used = new Set(Object.values(mapping).filter(Boolean));
  const missing = fields.filter((f) => f.required && !used.has(f.name));
  return (
    <section className="section" aria-labelledby="mapping-title">
      <h2 id="mapping-title" className="heading-m">
        2. Match the columns
      </h2>
      <p>
        {suggestedFrom ? `Using your saved mapping “${suggestedFrom}”.` : "Suggested from the column names."} Columns left as “Not imported” are
        ignored. An empty cell clears the field, except for fields with a default.
      </p>
      {missing.length ? (
        <div className="notice" role="status">
          Still to match: {missing.map((f) => f.label).join(", ")}.
        </div>
      ) : null}
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First values</th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, i) => (
            <tr key={column}>
              <th scope="row" data-label="Column">
                {column}
              </th>
              <td data-label="First values">{sampleRows.map((r) => r[i]).filter(Boolean).slice(0, 3).join(" · ") || "—"}</td>
              <td data-label="Imported as">
                <label className="visually-hidden" htmlFor={`map-${i}`}>
                  Field for column {column}
                </label>
                <select
                  id={`map-${i}`}
                  className="select"
                  value={mapping[column] ?? ""}
                  onChange={(e) => onChange({ ...mapping, [column]: e.target.value })}
                >
                  <option value="">Not imported</option>
                  {fields.map((f) => (
                    <option key={f.name} value={f.name} disabled={used.has(f.name) && mapping[column] !== f.name}>
                      {f.label}
                      {f.required ? " (required)" : ""}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ variables: { entity, name, mapping: toInput(mapping) } }).then(
            (r) => setSaved(`Saved as “${r.data?.saveImportMapping.name ?? name}”.`),
            (err: unknown) => setSaved(describeError(err)),
          );
        }}
      >
        <label className="label" htmlFor="mapping-name">
          Save this mapping for next time
        </label>
        <input id="mapping-name" className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Old CRM export" />
        <button type="submit" className="button button--secondary" disabled={saving.loading || !name.trim()}>
          Save mapping
        </button>
        <span role="status">{saved}</span>
      </form>
    </section>
  );
}

const toInput = (mapping: Mapping) =>
  Object.entries(mapping)
    .filter(([, field]) => field)
    .map(([column, field]) => ({ column, field }));

function RunPanel({ job, mapping, onDone }: { job: ImportJobFieldsFragment; mapping: Mapping; onDone: () => void }) {
  const [run, running] = useMutation(RunImportDocument);
  const [createDuplicates, setCreateDuplicates] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const live = useQuery(ImportJobDocument, { variables: { id: job.id } });
  const current = live.data?.importJob ?? job;
  const isRunning = current.status === "RUNNING";
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => void live.refetch(), 1000);
    return () => clearInterval(timer);
  }, [isRunning, live]);

  async function start(dryRun: boolean) {
    setProblem(null);
    try {
      await run({ variables: { jobId: job.id, mapping: toInput(mapping), dryRun, options: { onDuplicate: createDuplicates ? "CREATE" : "SKIP" } } });
      await live.refetch();
    } catch (err) {
      setProblem(describeError(err));
    }
  }

  return (
    <section className="section" aria-labelledby="run-title">
      <h2 id="run-title" className="heading-m">
        3. Dry run, then import
      </h2>
      <label className="checkbox">
        <input type="checkbox" checked={createDuplicates} onChange={(e) => setCreateDuplicates(e.target.checked)} /> Create rows that look like
        records you already have (otherwise they are reported and skipped)
      </label>
      <div className="button-group">
        <button type="button" className="button button--secondary" disabled={isRunning || running.loading || !current.fileAvailable} onClick={() => void start(true)}>
          Dry run
        </button>
        <button type="button" className="button" disabled={isRunning || running.loading || !current.fileAvailable} onClick={() => void start(false)}>
          Import
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Upload another file
        </button>
      </div>
      {problem ? (
        <div className="error-panel" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <JobStatus job={current} />
      {current.status !== "UPLOADED" && !isRunning ? <Report jobId={job.id} key={`${current.status}:${current.finishedAt ?? ""}`} /> : null}
    </section>
  );
}

function JobStatus({ job }: { job: ImportJobFieldsFragment }) {
  const c = job.counts;
  const what = job.dryRun ? "would be" : "";
  const label: Record<string, string> = {
    UPLOADED: "Uploaded: ready for a dry run.",
    RUNNING: job.dryRun ? "Dry run in progress…" : "Importing…",
    DRY_RUN_COMPLETE: "Dry run finished. Nothing was written.",
    COMPLETE: "Imported. The uploaded file has been deleted.",
    FAILED: "Stopped.",
  };
  return (
    <div className="import-status" role="status" aria-live="polite">
      <p>
        <strong>{label[job.status] ?? humanise(job.status)}</strong> {job.progress.rowsProcessed.toLocaleString("en-GB")} rows read.
      </p>
      {job.status === "RUNNING" ? (
        <progress max={1} value={job.progress.fraction} aria-label="Progress">
          {Math.round(job.progress.fraction * 100)}%
        </progress>
      ) : null}
      {job.status !== "UPLOADED" ? (
        <ul className="import-counts">
          <li>{c.created.toLocaleString("en-GB")} {what} created</li>
          <li>{c.updated.toLocaleString("en-GB")} {what} updated</li>
          <li>{c.unchanged.toLocaleString("en-GB")} unchanged</li>
          <li>{c.duplicates.toLocaleString("en-GB")} likely duplicates (not created)</li>
          <li>{c.rejected.toLocaleString("en-GB")} rejected</li>
          <li>{c.warnings.toLocaleString("en-GB")} with warnings</li>
        </ul>
      ) : null}
      {job.error ? (
        <div className="error-panel" role="alert">
          <p>{job.error}</p>
        </div>
      ) : null}
    </div>
  );
}

function Report({ jobId }: { jobId: string }) {
  const [status, setStatus] = useState<ImportRowStatus | "">("");
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(ImportReportDocument, {
    variables: { id: jobId, status: status || undefined },
    notifyOnNetworkStatusChange: true,
  });
  const report = data?.importJob?.report;
  return (
    <div className="section">
      <h3 className="heading-s">Row by row</h3>
      <label className="label" htmlFor="report-status">
        Show
      </label>
      <select id="report-status" className="select" value={status} onChange={(e) => setStatus(e.target.value as ImportRowStatus | "")}>
        <option value="">Every row listed</option>
        {Object.entries(STATUS_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {error ? <QueryError what="The report" error={error} retry={() => void refetch()} /> : null}
      {!report && !error ? <Loading label="Loading the report…" /> : null}
      {report && report.nodes.length === 0 ? <Empty title="No rows to show" /> : null}
      {report && report.nodes.length ? (
        <>
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Outcome</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {report.nodes.map((r) => (
                <tr key={r.rowNumber}>
                  <th scope="row" data-label="Row">
                    {r.rowNumber}
                  </th>
                  <td data-label="Outcome">{STATUS_LABELS[r.status]}</td>
                  <td data-label="Details">
                    {r.record ? <span>{recordLabel(r.record)} </span> : null}
                    {r.changedFields.length ? <span>Changes: {r.changedFields.join(", ")}. </span> : null}
                    {r.duplicates.length ? <span>Matches {r.duplicates.map(recordLabel).join(", ")}. </span> : null}
                    {r.duplicateOfRow ? <span>Same as row {r.duplicateOfRow}. </span> : null}
                    {r.problems.map((p, i) => (
                      <span key={i} className={p.severity === "ERROR" ? "error-message" : undefined}>
                        {p.column ? `${p.column}: ` : ""}
                        {p.message}.{" "}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            shown={report.nodes.length}
            total={report.totalCount}
            hasMore={report.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            noun={["row", "rows"]}
            onLoadMore={() => void fetchMore({ variables: { after: report.pageInfo.endCursor } })}
          />
        </>
      ) : null}
    </div>
  );
}

function recordLabel(r: { __typename?: string; fullName?: string; name?: string; subject?: string }): string {
  return r.fullName ?? r.name ?? r.subject ?? "a record";
}

function PreviousImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(ImportJobsDocument, { notifyOnNetworkStatusChange: true });
  const jobs = data?.importJobs;
  return (
    <section className="section" aria-labelledby="previous-title">
      <h2 id="previous-title" className="heading-m">
        Your member's imports
      </h2>
      {error ? <QueryError what="Imports" error={error} retry={() => void refetch()} /> : null}
      {!jobs && !error ? <Loading label="Loading imports…" /> : null}
      {jobs && jobs.nodes.length === 0 ? <Empty title="No imports yet" /> : null}
      {jobs && jobs.nodes.length ? (
        <>
          <ul className="record-list">
            {jobs.nodes.map((j) => (
              <li key={j.id} className="record-list__item">
                <button type="button" className="link-button" onClick={() => onOpen(j.id)}>
                  {j.fileName}
                </button>{" "}
                — {humanise(j.entity)}, {humanise(j.status)}
                {j.status === "COMPLETE" || j.status === "DRY_RUN_COMPLETE"
                  ? ` (${j.counts.created} ${j.dryRun ? "would be " : ""}created, ${j.counts.updated} updated, ${j.counts.rejected} rejected)`
                  : ""}
                , by {j.uploadedBy?.name ?? "a former user"} on {new Date(j.createdAt).toLocaleDateString("en-GB")}
              </li>
            ))}
          </ul>
          <LoadMore
            shown={jobs.nodes.length}
            total={jobs.totalCount}
            hasMore={jobs.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            noun={["import", "imports"]}
            onLoadMore={() => void fetchMore({ variables: { after: jobs.pageInfo.endCursor } })}
          />
        </>
      ) : null}
    </section>
  );
}
