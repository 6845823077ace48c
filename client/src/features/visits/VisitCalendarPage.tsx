import { useQuery } from "@apollo/client/react";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { type VisitListItemFragment, VisitCalendarDocument } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { countryName, dateRange, humanise, withLatin } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import { VisitsNav } from "./VisitsNav";
import {
  type CalendarDay,
  type IsoDate,
  type MonthRef,
  addMonths,
  buildMonth,
  firstOfMonth,
  formatMonth,
  lastOfMonth,
  monthOf,
  monthRange,
  moveDate,
  parseMonth,
  sameMonth,
  today,
} from "./calendar";
import "./visits.css";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const monthLabel = (m: MonthRef) => monthName.format(utc(firstOfMonth(m)));

/** The month grid of visits (/visits/calendar?month=2026-02), keyboard navigable as a WAI-ARIA date grid. */
export function VisitCalendarPage() {
  const [params, setParams] = useSearchParams();
  const [now] = useState(today);
  const month = parseMonth(params.get("month")) ?? monthOf(now);
  const { from, to } = monthRange(month);
  const { data, error, loading, refetch } = useQuery(VisitCalendarDocument, { variables: { from, to } });
  const visits = data?.visitCalendar;
  const laidOut = buildMonth(month, visits ?? []);
  const inMonth = (visits ?? []).filter((v) => v.startsOn <= lastOfMonth(month) && v.endsOn >= firstOfMonth(month));

  // One day cell is in the tab order (roving tabindex); arrow keys move it.
  const [chosen, setChosen] = useState<IsoDate | null>(null);
  const active = chosen && sameMonth(chosen, month) ? chosen : sameMonth(now, month) ? now : firstOfMonth(month);
  const moveFocus = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    // The address (the month) changes in a transition, after the chosen day: wait until the grid shows it.
    if (!moveFocus.current || active !== chosen) return;
    moveFocus.current = false;
    table.current?.querySelector<HTMLElement>(`[data-date="${active}"]`)?.focus();
  }, [active, chosen, month.year, month.month]);

  const goToMonth = (m: MonthRef) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("month", formatMonth(m));
        return next;
      },
      { replace: false },
    );

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    const cell = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>("td[data-date]") : null;
    // Keys inside a visit link keep their usual meaning; the grid moves only from a day cell.
    if (!cell || cell !== e.target || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = moveDate(cell.dataset.date ?? active, e.key);
    if (!next) return;
    e.preventDefault();
    moveFocus.current = true;
    setChosen(next);
    if (!sameMonth(next, month)) goToMonth(monthOf(next));
  }

  const label = monthLabel(month);
  return (
    <Page title={`Visits calendar: ${label}`} heading="Visits" actions={<VisitsNav current="calendar" />}>
      <div className="calendar-bar">
        <h2 id="calendar-month" className="heading-m calendar-bar__title" aria-live="polite">
          {label}
        </h2>
        <div className="button-group">
          <Link className="button button--secondary button--small" to={`/visits/calendar?month=${formatMonth(addMonths(month, -1))}`}>
            Previous month
          </Link>
          <Link className="button button--secondary button--small" to={`/visits/calendar?month=${formatMonth(monthOf(now))}`}>
            This month
          </Link>
          <Link className="button button--secondary button--small" to={`/visits/calendar?month=${formatMonth(addMonths(month, 1))}`}>
            Next month
          </Link>
        </div>
      </div>
      <p id="calendar-help" className="hint">
        In the calendar, the arrow keys move between days, Home and End to the start and end of the week, Page Up and Page Down between months. Tab
        reaches the visits on the chosen day.
      </p>
      {error ? <QueryError what="The calendar" error={error} retry={() => void refetch()} /> : null}
      {loading && !visits ? <Loading label={`Loading visits for ${label}…`} /> : null}
      <div className="calendar-frame">
        <table
          ref={table}
          className="calendar"
          role="grid"
          aria-labelledby="calendar-month"
          aria-describedby="calendar-help"
          aria-busy={loading}
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col" className="calendar__weekday">
                  <span aria-hidden="true">{d.slice(0, 3)}</span>
                  <span className="visually-hidden">{d}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {laidOut.weeks.map((week) => (
              <tr key={week[0]?.date}>
                {week.map((day) => (
                  <DayCell key={day.date} day={day} active={day.date === active} isToday={day.date === now} onFocus={() => setChosen(day.date)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="month-visits-title" className="visits-section calendar-list">
        <h2 id="month-visits-title" className="heading-m">
          Visits in {label}
        </h2>
        {visits && inMonth.length === 0 ? <p className="muted">No visits you can see in {label}.</p> : null}
        {inMonth.length ? (
          <ul className="record-list">
            {inMonth.map((v) => (
              <li key={v.id} className="record">
                <div className="record__main">
                  <h3 className="record__title heading-s">
                    <Link to={`/visits/${encodeURIComponent(v.id)}`}>{v.title}</Link>
                  </h3>
                  <p className="record__line">
                    {dateRange(v.startsOn, v.endsOn)} · {humanise(v.direction)} · {humanise(v.status)}
                  </p>
                  <p className="record__line record__line--muted">
                    {v.destinations.map((d) => `${withLatin(d.name, d.nameLatin)} (${countryName(d.countryCode)})`).join(", ")}
                    {v.destinations.length ? " · " : ""}Led by {v.leadMember.shortName ?? v.leadMember.name}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}

function DayCell({ day, active, isToday, onFocus }: { day: CalendarDay<VisitListItemFragment>; active: boolean; isToday: boolean; onFocus: () => void }) {
  const n = day.entries.length;
  const classes = ["calendar__day", day.inMonth ? "" : "calendar__day--outside", isToday ? "calendar__day--today" : "", n ? "calendar__day--busy" : ""].filter(Boolean).join(" ");
  return (
    <td data-date={day.date} className={classes} tabIndex={active ? 0 : -1} aria-current={isToday ? "date" : undefined} onFocus={(e) => e.target === e.currentTarget && onFocus()}>
      <span className="calendar__date" aria-hidden="true">
        {Number(day.date.slice(8))}
      </span>
      <span className="visually-hidden">
        {longDay.format(utc(day.date))}
        {isToday ? ", today" : ""}: {n ? `${n} ${n === 1 ? "visit" : "visits"}` : "no visits"}
      </span>
      {day.slots.map((slot, lane) =>
        slot ? (
          <Link
            key={slot.visit.id}
            to={`/visits/${encodeURIComponent(slot.visit.id)}`}
            tabIndex={active ? 0 : -1}
            className={[
              "calendar__visit",
              `calendar__visit--${slot.visit.direction.toLowerCase()}`,
              slot.visit.status === "CANCELLED" ? "calendar__visit--cancelled" : "",
              slot.starts ? "calendar__visit--starts" : "",
              slot.ends ? "calendar__visit--ends" : "",
            ]
              .filter(Boolean)
              .join(" ")}
          >
            {/* The title is written where the bar starts in each week; elsewhere it is there for screen readers only. */}
            <span className={slot.labelled ? "calendar__visit-title" : "visually-hidden"}>{slot.visit.title}</span>
            {slot.visit.status === "CANCELLED" ? <span className="visually-hidden"> (cancelled)</span> : null}
          </Link>
        ) : (
          <span key={`free-${lane}`} className="calendar__spacer" aria-hidden="true" />
        ),
      )}
    </td>
  );
}
