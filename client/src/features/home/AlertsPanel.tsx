import { useQuery } from "@apollo/client/react";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { type CoordinationAlertsQuery, CoordinationAlertsDocument } from "../../generated/graphql";
import { formatDate, humanise, withLatin } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import { type KeyValueStorage, dismiss, loadDismissed, restore, saveDismissed, splitAlerts } from "./dismissed-alerts";

type Alert = CoordinationAlertsQuery["coordinationAlerts"][number];

/** The most urgent few (the API orders them); the rest one click away. */
const FIRST_SHOWN = 6;

/** localStorage, or null where the browser refuses it (then dismissals last for the visit only). */
function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Links to the records an alert is about, where they have a page here. */
function AlertLinks({ alert }: { alert: Alert }) {
  const links: { to: string; label: string }[] = [];
  if (alert.visit) links.push({ to: `/visits/${encodeURIComponent(alert.visit.id)}`, label: `Your visit: ${alert.visit.name}` });
  if (alert.otherVisit) links.push({ to: `/visits/${encodeURIComponent(alert.otherVisit.id)}`, label: `Their visit: ${alert.otherVisit.name}` });
  if (alert.person) links.push({ to: `/people/${encodeURIComponent(alert.person.id)}`, label: withLatin(alert.person.name, alert.person.nameLatin) });
  if (alert.organisation) links.push({ to: `/organisations/${encodeURIComponent(alert.organisation.id)}`, label: withLatin(alert.organisation.name, alert.organisation.nameLatin) });
  if (alert.partnership) links.push({ to: `/partnerships/${encodeURIComponent(alert.partnership.id)}`, label: alert.partnership.name });
  if (!links.length) return null;
  return (
    <ul className="alert__links" aria-label="Records">
      {links.map((l) => (
        <li key={l.to}>
          <Link to={l.to}>{l.label}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Coordination warnings for the viewer's member; dismissals are remembered on this browser by the alert's stable key. */
export function AlertsPanel() {
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(CoordinationAlertsDocument, { variables: { first: 20 } });
  const [dismissed, setDismissed] = useState(() => loadDismissed(browserStorage(), viewer.id));
  const [notice, setNotice] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  function update(next: string[], message: string) {
    setDismissed(next);
    const saved = saveDismissed(browserStorage(), viewer.id, next);
    setNotice(saved ? message : `${message} This browser would not store it, so it lasts until you leave the page.`);
  }

  const alerts = data?.coordinationAlerts;
  const { shown, hidden } = splitAlerts(alerts ?? [], dismissed);
  return (
    <section aria-labelledby="alerts-title" className="home-panel">
      <div className="section__header">
        <h2 id="alerts-title" className="heading-m" ref={heading} tabIndex={-1}>
          Coordination alerts
        </h2>
        {alerts ? <span className="muted">{shown.length} to look at</span> : null}
      </div>
      <p className="home-panel__status" role="status">
        {notice}
      </p>
      {loading && !alerts ? <Loading label="Loading coordination alerts…" /> : null}
      {error ? <QueryError what="Coordination alerts" error={error} retry={() => void refetch()} /> : null}
      {alerts && shown.length === 0 ? (
        <p className="muted">{hidden.length ? "You have dismissed every current alert." : "No overlapping travel, shared contacts, dormant partnerships, anniversaries or overdue follow-ups to flag."}</p>
      ) : null}
      {shown.length ? (
        <ul className="home-list">
          {(all ? shown : shown.slice(0, FIRST_SHOWN)).map((a) => (
            <li key={a.key} className={`home-item alert alert--${a.severity.toLowerCase()}`}>
              <div className="home-item__main">
                <p className="home-item__line">
                  <span className={`severity severity--${a.severity.toLowerCase()}`}>
                    {humanise(a.severity)}
                    <span className="visually-hidden"> severity</span>
                  </span>{" "}
                  <span className="muted">
                    {humanise(a.kind)}
                    {a.date ? ` · ${formatDate(a.date)}` : ""}
                  </span>
                </p>
                <p className="home-item__title">{a.message}</p>
                <AlertLinks alert={a} />
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  update(dismiss(dismissed, a.key), "Alert dismissed. It stays hidden on this browser until the situation changes.");
                  heading.current?.focus();
                }}
              >
                Dismiss<span className="visually-hidden"> alert: {a.message}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!all && shown.length > FIRST_SHOWN ? (
        <button type="button" className="link-button home-panel__more" onClick={() => setAll(true)}>
          Show {shown.length - FIRST_SHOWN} more {shown.length - FIRST_SHOWN === 1 ? "alert" : "alerts"}
        </button>
      ) : null}
      {hidden.length ? (
        <details className="home-dismissed">
          <summary>
            {hidden.length} dismissed {hidden.length === 1 ? "alert" : "alerts"}
          </summary>
          <ul className="home-list">
            {hidden.map((a) => (
              <li key={a.key} className="home-item">
                <p className="home-item__main home-item__line">{a.message}</p>
                <button type="button" className="link-button" onClick={() => update(restore(dismissed, a.key), "Alert restored.")}>
                  Restore<span className="visually-hidden"> alert: {a.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
