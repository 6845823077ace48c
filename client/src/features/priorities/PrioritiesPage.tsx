import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { type EngagementByPriorityQuery, EngagementByPriorityDocument } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { FilterSelect } from "../../ui/filters";
import { countryName, dateRange, humanise } from "../../ui/format";
import { useListParams } from "../../ui/list-params";
import { Loading, QueryError } from "../../ui/states";
import { today } from "../visits/calendar";
import { BarChart } from "./BarChart";
import { type EngagementRow, MEASURES, type Measure, formatMeasure, isMeasure, measureLabel, periodEnding, prepareBars } from "./chart-data";
import "./priorities.css";

type Report = EngagementByPriorityQuery["engagementByPriority"];
type Members = Report["markets"][number]["byMember"];

const PERIODS = [
  { months: 12, label: "The last 12 months" },
  { months: 24, label: "The last 2 years" },
  { months: 36, label: "The last 3 years" },
];
const BARS = 12;

/** Engagement against the national and member priorities, by market and by sector (/priorities). */
export function PrioritiesPage() {
  const { values, set } = useListParams(["months", "measure"] as const);
  const months = PERIODS.find((p) => String(p.months) === values.months)?.months ?? 12;
  const measure: Measure = isMeasure(values.measure) ? values.measure : "interactions";
  const [now] = useState(today);
  const period = periodEnding(now, months);
  const { data, previousData, error, loading, refetch } = useQuery(EngagementByPriorityDocument, { variables: period });
  const report = (data ?? previousData)?.engagementByPriority;

  return (
    <Page title="Priorities" heading="Engagement against priorities">
      <p className="lead">
        Interactions, visits and opportunities across the network, counted against the national Sub-national Diplomacy Strategy and each member’s own
        priority markets and sectors. Only records you can see are counted.
      </p>
      <form className="priorities-controls" aria-label="Chart settings" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="period" label="Period" value={String(months)} onCommit={(v) => set("months", v === "12" ? "" : v)}>
          {PERIODS.map((p) => (
            <option key={p.months} value={p.months}>
              {p.label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="measure" label="Measure" value={measure} onCommit={(v) => set("measure", v === "interactions" ? "" : v)}>
          {MEASURES.map((m) => (
            <option key={m} value={m}>
              {measureLabel(m)}
            </option>
          ))}
        </FilterSelect>
      </form>
      {error ? <QueryError what="Engagement against priorities" error={error} retry={() => void refetch()} /> : null}
      {loading && !report ? <Loading label="Counting engagement…" /> : null}
      {report ? (
        <div className={loading ? "priorities priorities--stale" : "priorities"} aria-busy={loading}>
          <p className="priorities__period">
            {dateRange(report.from, report.to)} · {measureLabel(measure)}
          </p>
          <Dimension
            id="markets"
            title="By market"
            noun="market"
            measure={measure}
            rows={report.markets.map((m) => ({
              key: m.countryCode,
              label: m.country ?? countryName(m.countryCode),
              nationalPriorityWeight: m.nationalPriorityWeight,
              total: m.total,
              byMember: m.byMember,
            }))}
          />
          <Dimension
            id="sectors"
            title="By sector"
            noun="sector"
            measure={measure}
            rows={report.sectors.map((s) => ({
              key: s.sector,
              label: s.sector.charAt(0).toUpperCase() + s.sector.slice(1),
              nationalPriorityWeight: s.nationalPriorityWeight,
              total: s.total,
              byMember: s.byMember,
            }))}
          />
          <PrioritiesTable priorities={report.priorities} />
        </div>
      ) : null}
    </Page>
  );
}

function membersText(members: Members, measure: Measure): string {
  const engaged = members.filter((m) => m.counts[measure] > 0).sort((a, b) => b.counts[measure] - a.counts[measure]);
  return engaged.map((m) => `${m.member.name} (${formatMeasure(m.counts[measure], measure).replace(/ .*/, "")})`).join(", ") || "None";
}

function Dimension({ id, title, noun, measure, rows }: { id: string; title: string; noun: string; measure: Measure; rows: (EngagementRow & { byMember: Members })[] }) {
  const chart = prepareBars(rows, measure, BARS);
  const top = chart.bars.filter((b) => b.value > 0).slice(0, 3);
  const gaps = rows.filter((r) => r.nationalPriorityWeight !== null && r.total[measure] === 0).map((r) => r.label);
  const description =
    (top.length ? `Most ${measureLabel(measure).toLowerCase()}: ${top.map((b) => `${b.label}, ${b.valueLabel}`).join("; ")}.` : `No ${measureLabel(measure).toLowerCase()} in this period.`) +
    (gaps.length ? ` National priorities with none: ${gaps.join(", ")}.` : "") +
    " The table below the chart lists every figure.";
  return (
    <section aria-labelledby={`${id}-heading`} className="priorities__section">
      <h2 id={`${id}-heading`} className="heading-m">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">No {noun}s with engagement or a national priority in this period.</p>
      ) : (
        <figure className="chart">
          <BarChart id={`${id}-chart`} title={`${measureLabel(measure)} by ${noun}`} description={description} data={chart} measure={measure} />
          <figcaption className="chart__caption">
            <span className="chart__key chart__key--national" aria-hidden="true" /> National priority{" "}
            <span className="chart__key" aria-hidden="true" /> Other {noun}s
            {chart.hidden ? ` · ${chart.hidden} more ${chart.hidden === 1 ? noun : `${noun}s`} in the table` : ""}
          </figcaption>
        </figure>
      )}
      {rows.length ? (
        <details className="chart__data">
          <summary>Table: every {noun}, all measures</summary>
          <table className="table table--stack">
            <caption className="visually-hidden">Engagement by {noun}</caption>
            <thead>
              <tr>
                <th scope="col">{noun.charAt(0).toUpperCase() + noun.slice(1)}</th>
                <th scope="col">National priority weight</th>
                <th scope="col">Interactions</th>
                <th scope="col">Visits</th>
                <th scope="col">Opportunities</th>
                <th scope="col">Opportunity value</th>
                <th scope="col">Members ({measureLabel(measure).toLowerCase()})</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td data-label="National priority weight">{r.nationalPriorityWeight ?? "Not one"}</td>
                  <td data-label="Interactions">{r.total.interactions}</td>
                  <td data-label="Visits">{r.total.visits}</td>
                  <td data-label="Opportunities">{r.total.opportunities}</td>
                  <td data-label="Opportunity value">{formatMeasure(r.total.opportunityValueGbp, "opportunityValueGbp")}</td>
                  <td data-label="Members">{membersText(r.byMember, measure)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}

function PrioritiesTable({ priorities }: { priorities: Report["priorities"] }) {
  return (
    <section aria-labelledby="priorities-heading" className="priorities__section">
      <h2 id="priorities-heading" className="heading-m">
        Each priority
      </h2>
      {priorities.length === 0 ? (
        <p className="muted">
          No priorities are recorded yet. National priorities come from the network’s government units; members add their own.
        </p>
      ) : (
        <table className="table table--stack">
          <caption className="visually-hidden">Engagement for each priority, national priorities first</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Scope</th>
              <th scope="col">Weight</th>
              <th scope="col">Interactions</th>
              <th scope="col">Visits</th>
              <th scope="col">Opportunities</th>
              <th scope="col">Members engaged</th>
            </tr>
          </thead>
          <tbody>
            {priorities.map((p) => (
              <tr key={p.priority.id}>
                <th scope="row">
                  {p.priority.name}
                  <span className="priorities__what">
                    {[p.countryCode ? countryName(p.countryCode) : null, p.sector].filter(Boolean).join(" · ")}
                  </span>
                </th>
                <td data-label="Scope">
                  {humanise(p.scope)}
                  <span className="priorities__what">{p.ownerMember.name}</span>
                </td>
                <td data-label="Weight">{p.weight}</td>
                <td data-label="Interactions">{p.total.interactions}</td>
                <td data-label="Visits">{p.total.visits}</td>
                <td data-label="Opportunities">
                  {p.total.opportunities}
                  {p.total.opportunityValueGbp ? ` (${formatMeasure(p.total.opportunityValueGbp, "opportunityValueGbp")})` : ""}
                </td>
                <td data-label="Members engaged">{p.byMember.length ? p.byMember.map((m) => m.member.name).join(", ") : "None yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        To act on a gap, <Link to="/alumni">find alumni investors</Link> in a priority sector or look at the <Link to="/visits/calendar">visits calendar</Link>.
      </p>
    </section>
  );
}
