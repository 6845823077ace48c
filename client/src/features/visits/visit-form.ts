// The visit form's values, checks and API input, free of React (tested in
// tests/client/visit-form.test.ts). The server checks everything again; these
// checks only save a round trip and word the problems for the form.

// With the extension, so the Node tests (tests/client/) can load this file too.
import { isIsoDate } from "./calendar.js";

export type Direction = "OUTBOUND" | "INBOUND";
export type Status = "PLANNED" | "CONFIRMED" | "COMPLETED" | "CANCELLED";
export type Visibility = "NETWORK" | "PRIVATE";

export interface PickedPlace {
  id: string;
  label: string;
}

export interface VisitFormValues {
  title: string;
  direction: Direction | "";
  status: Status;
  startsOn: string;
  endsOn: string;
  leadMemberId: string;
  participatingMemberIds: string[];
  destinations: PickedPlace[];
  objectives: string;
  visibility: Visibility;
}

/** The form's field ids, by the API's input field name (BAD_USER_INPUT names the field). */
export const FIELD_IDS = {
  title: "visit-title",
  direction: "visit-direction-OUTBOUND",
  status: "visit-status",
  startsOn: "visit-starts-on",
  endsOn: "visit-ends-on",
  leadMemberId: "visit-lead",
  participatingMemberIds: "visit-members",
  destinationIds: "visit-destination-search",
  objectives: "visit-objectives",
  visibility: "visit-visibility-NETWORK",
} as const;

export const FIELD_LABELS: Record<keyof typeof FIELD_IDS, string> = {
  title: "Title",
  direction: "Direction",
  status: "Status",
  startsOn: "Start date",
  endsOn: "End date",
  leadMemberId: "Lead member",
  participatingMemberIds: "Members taking part",
  destinationIds: "Destinations",
  objectives: "Objectives",
  visibility: "Who can see it",
};

export interface Problem {
  field: string;
  message: string;
}

/** Problems in the order the fields appear, each naming its field. */
export function validateVisit(v: VisitFormValues): Problem[] {
  const problems: Problem[] = [];
  if (!v.title.trim()) problems.push({ field: FIELD_IDS.title, message: "Enter a title for the visit." });
  else if (v.title.trim().length > 300) problems.push({ field: FIELD_IDS.title, message: "Title must be 300 characters or fewer." });
  if (!v.direction) problems.push({ field: FIELD_IDS.direction, message: "Choose whether the visit is an outbound mission or an inbound delegation." });
  const startOk = isIsoDate(v.startsOn);
  const endOk = isIsoDate(v.endsOn);
  if (!v.startsOn) problems.push({ field: FIELD_IDS.startsOn, message: "Enter the start date." });
  else if (!startOk) problems.push({ field: FIELD_IDS.startsOn, message: "Start date must be a real date." });
  if (!v.endsOn) problems.push({ field: FIELD_IDS.endsOn, message: "Enter the end date." });
  else if (!endOk) problems.push({ field: FIELD_IDS.endsOn, message: "End date must be a real date." });
  else if (startOk && v.endsOn < v.startsOn) problems.push({ field: FIELD_IDS.endsOn, message: "End date must be the same as or after the start date." });
  if (v.objectives.length > 5000) problems.push({ field: FIELD_IDS.objectives, message: "Objectives must be 5,000 characters or fewer." });
  if (v.destinations.length > 30) problems.push({ field: FIELD_IDS.destinationIds, message: "A visit can have at most 30 destinations." });
  return problems;
}

/** The input for createVisit and updateVisit (lists replace what was there). */
export function visitInput(v: VisitFormValues) {
  return {
    title: v.title.trim(),
    direction: v.direction || undefined,
    status: v.status,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    leadMemberId: v.leadMemberId || undefined,
    participatingMemberIds: [...new Set(v.participatingMemberIds)],
    destinationIds: [...new Set(v.destinations.map((d) => d.id))],
    objectives: v.objectives.trim() || null,
    visibility: v.visibility,
  };
}

/**
 * The form field a server error names: "input.endsOn" → the end date,
 * "input.destinationIds.2" → the destinations, "input.participatingMemberIds.0" → the members.
 */
export function fieldForServerError(field: string | null | undefined): { id: string; label: string } | null {
  const name = /^input\.([A-Za-z]+)/.exec(field ?? "")?.[1];
  if (!name || !(name in FIELD_IDS)) return null;
  const key = name as keyof typeof FIELD_IDS;
  return { id: FIELD_IDS[key], label: FIELD_LABELS[key] };
}
