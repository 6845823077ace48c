import type { OverdueRow, PartnershipSignalRow, SharedContactRow, TravelRow } from "./alerts.repository.js";
import { type Ref, addDays, addMonths, dateRange, json, longDate, monthYear, nextAnniversary, ordinal, ref, refOrNull } from "./sql.js";

// Coordination alerts as the API shows them, built from the repository's rows.
// Messages name members and shared places, organisations or people only.

export type AlertKind = "OVERLAPPING_TRAVEL" | "SHARED_CONTACT" | "DORMANT_PARTNERSHIP" | "ANNIVERSARY" | "RENEWAL_DUE" | "OVERDUE_FOLLOW_UP";
export type AlertSeverity = "HIGH" | "MEDIUM" | "LOW";

export interface CoordinationAlert {
  key: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  date: string | null;
  members: Ref[];
  place: Ref | null;
  organisation: Ref | null;
  person: Ref | null;
  partnership: Ref | null;
  followUp: Ref | null;
  visit: Ref | null;
  otherVisit: Ref | null;
}

const blank = {
  date: null,
  members: [],
  place: null,
  organisation: null,
  person: null,
  partnership: null,
  followUp: null,
  visit: null,
  otherVisit: null,
} satisfies Partial<CoordinationAlert>;

/** "A", "A and B", "A, B and C". */
export function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

const withLatin = (name: string, latin: string | null) => (latin && latin !== name ? `${name} (${latin})` : name);

export function travelAlerts(rows: TravelRow[], us: Ref | null): CoordinationAlert[] {
  const alerts = new Map<string, CoordinationAlert>();
  for (const row of rows) {
    const members = json<{ id: string; name: string }[]>(row.members).map((m) => ref("Member", m.id, m.name));
    const where = row.same_city ? withLatin(row.place_name, row.place_name_latin) : (row.country_name ?? row.country_code);
    const ours = `${row.our_title} (${dateRange(row.our_from, row.our_to)})`;
    const who = names(members.map((m) => m.name));
    const message = row.their_visit_id
      ? `${who} ${members.length > 1 ? "travel" : "travels"} to ${where} on ${dateRange(row.their_from!, row.their_to!)} ` +
        `(${row.their_title}), within 14 days of ${ours}.`
      : `${who} ${members.length > 1 ? "are" : "is"} also travelling to ${where} around the same time: within 14 days of ${ours}.`;
    // A private visit has no id here: its alert is keyed by who and where only.
    const key = `travel:${row.our_visit_id ?? row.our_from}:${row.their_visit_id ?? members.map((m) => m.id).join("+")}:${row.same_city ? row.place_id : row.country_code}`;
    if (alerts.has(key)) continue;
    const involved = us && !members.some((m) => m.id === us.id) ? [us, ...members] : members;
    alerts.set(key, {
      ...blank,
      key,
      kind: "OVERLAPPING_TRAVEL",
      severity: "HIGH",
      message,
      date: row.their_from ?? row.our_from,
      members: involved,
      place: row.same_city
        ? ref("Place", row.place_id, row.place_name, row.place_name_latin)
        : refOrNull("Place", row.country_id, row.country_name),
      visit: row.our_visit_id ? ref("Visit", row.our_visit_id, row.our_title) : null,
      otherVisit: refOrNull("Visit", row.their_visit_id, row.their_title),
    });
  }
  return [...alerts.values()];
}

export function sharedContactAlerts(rows: SharedContactRow[]): CoordinationAlert[] {
  return rows.map((row) => {
    const members = json<{ id: string; name: string }[]>(row.members).map((m) => ref("Member", m.id, m.name));
    const subject = ref(row.subject_type, row.subject_id, row.name, row.name_latin);
    const when = row.last_visible_at ? ` (latest you can see: ${monthYear(row.last_visible_at)})` : "";
    return {
      ...blank,
      key: `contact:${row.subject_type}:${row.subject_id}:${members.map((m) => m.id).join("+")}`,
      kind: "SHARED_CONTACT",
      severity: "MEDIUM",
      message: `${names(members.map((m) => m.name))} ${members.length === 2 ? "both" : "all"} contacted ${withLatin(row.name, row.name_latin)} within 30 days of each other${when}.`,
      date: row.last_visible_at?.slice(0, 10) ?? null,
      members,
      organisation: row.subject_type === "Organisation" ? subject : null,
      person: row.subject_type === "Person" ? subject : null,
    };
  });
}

export interface PartnershipFacts {
  id: string;
  name: string;
  status: string;
  signedOn: string | null;
  renewalDueOn: string | null;
  lastInteractionAt: string | null;
  members: Ref[];
}

/**
 * Dormant, anniversary and renewal alerts of partnerships: dormant relative to
 * `on` (today), anniversaries and renewals in [on, horizon] (90 days by default).
 */
export function partnershipAlerts(list: PartnershipFacts[], on: string, horizon = addDays(on, 90)): CoordinationAlert[] {
  const alerts: CoordinationAlert[] = [];
  const yearAgo = addMonths(on, -12);
  for (const p of list) {
    const partnership = ref("Partnership", p.id, p.name);
    const base = { ...blank, partnership, members: p.members };
    const signedLongAgo = p.signedOn === null || p.signedOn <= yearAgo;
    if (p.status === "ACTIVE" && signedLongAgo && (p.lastInteractionAt === null || p.lastInteractionAt.slice(0, 10) < yearAgo)) {
      alerts.push({
        ...base,
        key: `dormant:${p.id}`,
        kind: "DORMANT_PARTNERSHIP",
        severity: "LOW",
        message: p.lastInteractionAt
          ? `${p.name}: no interaction you can see since ${longDate(p.lastInteractionAt)}.`
          : `${p.name}: no interaction you can see in the last 12 months.`,
        date: p.lastInteractionAt?.slice(0, 10) ?? null,
      });
    }
    const anniversary = p.signedOn && p.status !== "ENDED" ? nextAnniversary(p.signedOn, on) : null;
    if (anniversary && anniversary.on <= horizon) {
      alerts.push({
        ...base,
        key: `anniversary:${p.id}:${anniversary.on}`,
        kind: "ANNIVERSARY",
        severity: "LOW",
        message: `${p.name}: ${ordinal(anniversary.years)} anniversary on ${longDate(anniversary.on)}.`,
        date: anniversary.on,
      });
    }
    if (p.renewalDueOn && p.status !== "ENDED" && p.renewalDueOn >= on && p.renewalDueOn <= horizon) {
      alerts.push({
        ...base,
        key: `renewal:${p.id}:${p.renewalDueOn}`,
        kind: "RENEWAL_DUE",
        severity: "MEDIUM",
        message: `${p.name}: renewal due on ${longDate(p.renewalDueOn)}.`,
        date: p.renewalDueOn,
      });
    }
  }
  return alerts;
}

export function signalFacts(rows: PartnershipSignalRow[]): PartnershipFacts[] {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    signedOn: r.signed_on,
    renewalDueOn: r.renewal_due_on,
    lastInteractionAt: r.last_at,
    members: [ref("Member", r.lead_member_id ?? r.owner_member_id, r.member_name)],
  }));
}

export interface OverdueFacts {
  id: string;
  title: string;
  dueOn: string;
  assignee: string | null;
  member: Ref;
}

export function overdueAlerts(list: OverdueFacts[]): CoordinationAlert[] {
  return list.map((f) => ({
    ...blank,
    key: `overdue:${f.id}`,
    kind: "OVERDUE_FOLLOW_UP",
    severity: "HIGH",
    message: `Overdue since ${longDate(f.dueOn)}: ${f.title}${f.assignee ? ` (${f.assignee}, ${f.member.name})` : ` (${f.member.name})`}.`,
    date: f.dueOn,
    members: [f.member],
    followUp: ref("FollowUp", f.id, f.title),
  }));
}

export function overdueFacts(rows: OverdueRow[]): OverdueFacts[] {
  return rows.map((r) => ({ id: r.id, title: r.title, dueOn: r.due_on, assignee: r.assignee, member: ref("Member", r.member_id, r.member_name) }));
}

const SEVERITY: Record<AlertSeverity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const KIND: Record<AlertKind, number> = {
  OVERLAPPING_TRAVEL: 0,
  OVERDUE_FOLLOW_UP: 1,
  SHARED_CONTACT: 2,
  RENEWAL_DUE: 3,
  ANNIVERSARY: 4,
  DORMANT_PARTNERSHIP: 5,
};

/** Most urgent first: severity, kind, then the soonest (or latest contact) date. */
export function rankAlerts(alerts: CoordinationAlert[]): CoordinationAlert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY[a.severity] - SEVERITY[b.severity] ||
      KIND[a.kind] - KIND[b.kind] ||
      (a.kind === "SHARED_CONTACT" ? (b.date ?? "").localeCompare(a.date ?? "") : (a.date ?? "9999").localeCompare(b.date ?? "9999")) ||
      a.key.localeCompare(b.key),
  );
}
