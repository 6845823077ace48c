import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth/AuthProvider";
import { type AlumniInvestorFilter, AlumniInvestorsDocument, type AlumniInvestorsQuery, type InvestorType, UniversitiesDocument } from "../../generated/graphql";
import { ErrorSummary, type FieldProblem } from "../../ui/ErrorSummary";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { Tags } from "../../ui/badges";
import { downloadFile } from "../../ui/download";
import { fieldProblems } from "../../ui/errors";
import { SelectField, TextField } from "../../ui/fields";
import { countryName, formatCount, formatDate, humanise } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";
import { CountrySelect } from "../places/CountrySelect";

const PAGE_SIZE = 20;
const KEYS = ["university", "country", "sectors", "type", "min", "max", "from", "to", "q"] as const;
type Key = (typeof KEYS)[number];
type Values = Record<Key, string>;

const INVESTOR_TYPES: InvestorType[] = ["ANGEL", "VENTURE_CAPITAL", "PRIVATE_EQUITY", "CORPORATE", "SOVEREIGN_WEALTH", "FAMILY_OFFICE", "INSTITUTIONAL", "OTHER"];

const LABELS: Record<Key, string> = {
  university: "University",
  country: "Country",
  sectors: "Sectors",
  type: "Investor type",
  min: "Minimum ticket (£)",
  max: "Maximum ticket (£)",
  from: "Graduated from (year)",
  to: "Graduated by (year)",
  q: "Free text",
};
const ID = (k: Key) => `alumni-${k}`;

const FIELD_OF: Record<string, { id: string; label: string }> = {
  "filter.universityId": { id: ID("university"), label: LABELS.university },
  "filter.countryCodes": { id: ID("country"), label: LABELS.country },
  "filter.sectors": { id: ID("sectors"), label: LABELS.sectors },
  "filter.investorTypes": { id: ID("type"), label: LABELS.type },
  "filter.ticketMinGbp": { id: ID("min"), label: LABELS.min },
  "filter.ticketMaxGbp": { id: ID("max"), label: LABELS.max },
  "filter.graduationYearFrom": { id: ID("from"), label: LABELS.from },
  "filter.graduationYearTo": { id: ID("to"), label: LABELS.to },
  "filter.query": { id: ID("q"), label: LABELS.q },
};

const sectorList = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
const amount = (s: string) => Number(s.replace(/[,£\s]/g, ""));

function toFilter(v: Values): AlumniInvestorFilter {
  const sectors = sectorList(v.sectors);
  return {
    universityId: v.university || undefined,
    countryCodes: v.country ? [v.country] : undefined,
    sectors: sectors.length ? sectors : undefined,
    investorTypes: v.type ? [v.type as InvestorType] : undefined,
    ticketMinGbp: v.min ? amount(v.min) : undefined,
    ticketMaxGbp: v.max ? amount(v.max) : undefined,
    graduationYearFrom: v.from ? Number(v.from) : undefined,
    graduationYearTo: v.to ? Number(v.to) : undefined,
    query: v.q.trim() || undefined,
  };
}

/** The export's query string: the same filter, as exports.routes.ts reads it. */
function exportQuery(f: AlumniInvestorFilter): string {
  const q = new URLSearchParams();
  if (f.universityId) q.set("universityId", f.universityId);
  if (f.countryCodes?.length) q.set("countryCodes", f.countryCodes.join(","));
  for (const s of f.sectors ?? []) q.append("sectors", s);
  if (f.investorTypes?.length) q.set("investorTypes", f.investorTypes.join(","));
  if (f.ticketMinGbp != null) q.set("ticketMinGbp", String(f.ticketMinGbp));
  if (f.ticketMaxGbp != null) q.set("ticketMaxGbp", String(f.ticketMaxGbp));
  if (f.graduationYearFrom != null) q.set("graduationYearFrom", String(f.graduationYearFrom));
  if (f.graduationYearTo != null) q.set("graduationYearTo", String(f.graduationYearTo));
  if (f.query) q.set("query", f.query);
  return q.toString();
}

function validate(v: Values): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const k of ["min", "max"] as const) {
    if (v[k] && !(Number.isFinite(amount(v[k])) && amount(v[k]) >= 0)) problems.push({ field: ID(k), message: `${LABELS[k]} must be an amount in pounds, like 1,000,000.` });
  }
  for (const k of ["from", "to"] as const) {
    if (v[k] && !/^\d{4}$/.test(v[k].trim())) problems.push({ field: ID(k), message: `${LABELS[k]} must be a year, like 1998.` });
  }
  if (!problems.length && v.min && v.max && amount(v.min) > amount(v.max)) problems.push({ field: ID("max"), message: "Maximum ticket must be at least the minimum ticket." });
  return problems;
}

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

export function AlumniInvestorsPage() {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ""])) as Values;
  const [draft, setDraft] = useState<Values>(applied);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { accessToken } = useAuth();
  const universities = useQuery(UniversitiesDocument);

  const appliedProblems = validate(applied);
  const filter = toFilter(applied);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(AlumniInvestorsDocument, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    skip: appliedProblems.length > 0,
  });
  const results = (data ?? previousData)?.alumniInvestors;
  const refreshing = !data && networkStatus !== NetworkStatus.error && appliedProblems.length === 0;
  const serverProblems = error ? fieldProblems(error, FIELD_OF).filter((p) => p.field) : [];
  const shown = problems.length ? problems : serverProblems;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found = validate(draft);
    setProblems(found);
    if (found.length) return;
    const next = new URLSearchParams();
    for (const k of KEYS) if (draft[k].trim()) next.set(k, draft[k].trim());
    setParams(next, { replace: true });
  }

  function clear() {
    const empty = Object.fromEntries(KEYS.map((k) => [k, ""])) as Values;
    setDraft(empty);
    setProblems([]);
    setParams(new URLSearchParams(), { replace: true });
  }

  async function download() {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(`/exports/alumni-investors.csv?${exportQuery(filter)}`, await accessToken(), "alumni-investors.csv");
    } catch (err) {
      setDownloadError(err instanceof Error ? err.message : String(err));
    } finally {
      setDownloading(false);
    }
  }

  const set = (k: Key) => (value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const text = (k: Key, extra: { hint?: string; inputMode?: "numeric" | "text" } = {}) => (
    <TextField id={ID(k)} label={LABELS[k]} hint={extra.hint} inputMode={extra.inputMode} value={draft[k]} onChange={(e) => set(k)(e.target.value)} error={shown.find((p) => p.field === ID(k))?.message} autoComplete="off" />
  );

  return (
    <Page title="Alumni investors" caption="Find investors among university alumni">
      <ErrorSummary problems={shown} />
      <div className="list-layout">
        <form className="filters alumni-filters" onSubmit={onSubmit} noValidate aria-label="Filter alumni investors">
          <SelectField id={ID("university")} label={LABELS.university} value={draft.university} onChange={(e) => set("university")(e.target.value)}>
            <option value="">Any member university</option>
            {(universities.data?.organisations.nodes ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <CountrySelect id={ID("country")} label={LABELS.country} value={draft.country} onChange={set("country")} />
          {text("sectors", { hint: "Separate with commas, for example: life sciences, fintech" })}
          <SelectField id={ID("type")} label={LABELS.type} value={draft.type} onChange={(e) => set("type")(e.target.value)}>
            <option value="">Any type</option>
            {INVESTOR_TYPES.map((t) => (
              <option key={t} value={t}>
                {humanise(t)}
              </option>
            ))}
          </SelectField>
          {text("min", { inputMode: "numeric" })}
          {text("max", { inputMode: "numeric" })}
          {text("from", { inputMode: "numeric" })}
          {text("to", { inputMode: "numeric" })}
          {text("q", { hint: "Name, job title, biography or sectors" })}
          <div className="button-group">
            <button type="submit" className="button">
              Apply filters
            </button>
            <button type="button" className="button button--secondary" onClick={clear}>
              Clear filters
            </button>
          </div>
        </form>

        <section className="results" aria-labelledby="results-count" aria-busy={refreshing}>
          <div className="results__header">
            <p id="results-count" className="results__count" role="status">
              {results ? formatCount(results.totalCount, "investor", "investors") : ""}
              {refreshing && results ? " (updating…)" : ""}
            </p>
            <button type="button" className="button button--secondary button--small" onClick={() => void download()} disabled={downloading || !results}>
              {downloading ? "Preparing CSV…" : "Download CSV"}
            </button>
          </div>
          {downloadError ? (
            <p className="error-message" role="alert">
              The CSV could not be downloaded: {downloadError}
            </p>
          ) : null}
          {error && !serverProblems.length ? <QueryError what="Alumni investors" error={error} retry={() => void refetch()} /> : null}
          {!results && !error && appliedProblems.length === 0 ? <Loading label="Finding alumni investors…" /> : null}
          {results && results.nodes.length === 0 ? (
            <Empty title="No alumni investors match">
              <p>Try fewer filters, a wider ticket range or another sector.</p>
            </Empty>
          ) : null}
          {results && results.nodes.length > 0 ? (
            <>
              <ul className={refreshing ? "record-list record-list--stale" : "record-list"}>
                {results.nodes.map((r) => (
                  <InvestorItem key={r.person.id} result={r} />
                ))}
              </ul>
              <LoadMore
                shown={results.nodes.length}
                total={results.totalCount}
                hasMore={results.pageInfo.hasNextPage}
                loading={networkStatus === NetworkStatus.fetchMore}
                noun={["investor", "investors"]}
                onLoadMore={() => void fetchMore({ variables: { after: results.pageInfo.endCursor } })}
              />
            </>
          ) : null}
        </section>
      </div>
    </Page>
  );
}

type Result = AlumniInvestorsQuery["alumniInvestors"]["nodes"][number];

function ticket(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min == null && max == null) return null;
  if (min != null && max != null) return `${gbp.format(min)} to ${gbp.format(max)}`;
  return min != null ? `from ${gbp.format(min)}` : `up to ${gbp.format(max ?? 0)}`;
}

function InvestorItem({ result: r }: { result: Result }) {
  const range = ticket(r.ticketMinGbp, r.ticketMaxGbp);
  return (
    <li className="record alumni-result">
      <div className="alumni-result__head">
        <h2 className="record__title heading-s">
          <Link to={`/people/${encodeURIComponent(r.person.id)}`}>{r.person.fullName}</Link>
        </h2>
        <p className="score" aria-label={`Score ${Math.round(r.score)} out of 100`}>
          <span className="score__value">{Math.round(r.score)}</span>
          <span className="score__max">/100</span>
        </p>
      </div>
      {r.person.jobTitle ? <p className="record__meta">{r.person.jobTitle}</p> : null}
      <p className="record__meta">
        {r.alumniTies
          .map((t) => [t.university.name, t.degree, t.subject, t.graduationYear].filter((x) => x != null && x !== "").join(", "))
          .join("; ")}
      </p>
      <dl className="why">
        <div className="why__row">
          <dt>Matched sectors</dt>
          <dd>{r.matchedSectors.length ? <Tags values={r.matchedSectors} label="Matched sectors" /> : "None of the target sectors"}</dd>
        </div>
        <div className="why__row">
          <dt>Ticket range</dt>
          <dd>{range ?? "Not recorded"}</dd>
        </div>
        <div className="why__row">
          <dt>Based in</dt>
          <dd>
            {r.countryCode ? countryName(r.countryCode) : "Not recorded"}
            {r.priorityMarket ? " (priority market)" : ""}
          </dd>
        </div>
        <div className="why__row">
          <dt>Last contact</dt>
          <dd>
            {r.lastContactAt ? formatDate(r.lastContactAt) : "No contact recorded"}
            {r.recentInteractionCount ? ` (${formatCount(r.recentInteractionCount, "interaction", "interactions")} in 12 months)` : ""}
          </dd>
        </div>
        <div className="why__row">
          <dt>Known by</dt>
          <dd>{r.knownBy.length ? r.knownBy.map((m) => m.shortName ?? m.name).join(", ") : "No member yet"}</dd>
        </div>
      </dl>
      {r.fitReasons.length ? (
        <div className="why__reasons">
          <p className="why__title">Why they are here</p>
          <ul>
            {r.fitReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
