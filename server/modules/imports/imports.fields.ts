import { interactionChannel, interactionKind, lawfulBasis, organisationKind } from "../../db/tables/index.js";

// What an import can fill in, per entity: each field's label, whether it is
// required, how a cell's text becomes a value, and the column headers that
// suggest it (compared without case, spaces or punctuation).

export type ImportEntity = "PEOPLE" | "ORGANISATIONS" | "INTERACTIONS" | "INTERACTION_PARTICIPANTS";

export type FieldValue = string | string[] | boolean | Date | null;

export interface FieldDef {
  name: string;
  label: string;
  description: string;
  required: boolean;
  /** Column headers that suggest this field, best first. */
  headers: string[];
  /** Headers tried only after every field's `headers`: a column another field would rather have. */
  fallbackHeaders?: string[];
  /**
   * A default applies to new records: an empty cell keeps the stored value on
   * update (instead of clearing it) and gets the default on create.
   */
  hasDefault?: boolean;
  /** Text → value; a thrown FieldError rejects the row, naming the column. */
  parse(text: string): FieldValue;
}

export class FieldError extends Error {}

const MAX_TEXT = 5000;

function text(max = 300) {
  return (s: string): string | null => {
    const t = s.trim();
    if (t === "") return null;
    if (t.length > max) throw new FieldError(`must be at most ${max} characters`);
    return t;
  };
}

/** "a; b; a" → ["a", "b"] (trimmed, de-duplicated, order kept). */
function list(maxEntries = 50, maxLength = 80) {
  return (s: string): string[] => {
    const items = [...new Set(s.split(";").map((x) => x.trim()).filter((x) => x !== ""))];
    if (items.length > maxEntries) throw new FieldError(`must have at most ${maxEntries} entries`);
    if (items.some((x) => x.length > maxLength)) throw new FieldError(`entries must be at most ${maxLength} characters`);
    return items;
  };
}

/** "Legitimate interests", "legitimate-interests" → LEGITIMATE_INTERESTS. */
function oneOf(values: readonly string[]) {
  return (s: string): string | null => {
    const t = s.trim();
    if (t === "") return null;
    const key = t.toUpperCase().replace(/[\s-]+/g, "_");
    if (!values.includes(key)) throw new FieldError(`must be one of ${values.join(", ")}`);
    return key;
  };
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD, or DD/MM/YYYY (the UK order), or an instant (its date). */
export function parseDate(s: string): string | null {
  const t = s.trim();
  if (t === "") return null;
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d)) return `${y}-${pad2(mo)}-${pad2(d)}`;
  }
  throw new FieldError("must be a date as YYYY-MM-DD or DD/MM/YYYY");
}

/** An ISO 8601 instant; without an offset it is read as UTC. A date alone is midnight UTC. */
export function parseInstant(s: string): Date | null {
  const t = s.trim();
  if (t === "") return null;
  const m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d) && Number(m[4] ?? 0) < 24 && Number(m[5] ?? 0) < 60 && Number(m[6] ?? 0) < 60) {
      const zone = !m[8] || m[8].toUpperCase() === "Z" ? "Z" : m[8].length === 3 ? `${m[8]}:00` : m[8].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
      const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? "00"}:${m[5] ?? "00"}:${m[6] ?? "00"}.${(m[7] ?? "0").padEnd(3, "0").slice(0, 3)}${zone}`;
      const date = new Date(iso);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  const uk = parseDateOnlyUk(t);
  if (uk) return uk;
  throw new FieldError("must be a date and time as ISO 8601, e.g. 2026-02-22T09:30:00Z");
}

function parseDateOnlyUk(t: string): Date | null {
  const m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return new Date(Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

function bool(s: string): boolean | null {
  const t = s.trim().toLowerCase();
  if (t === "") return null;
  if (["true", "yes", "y", "1"].includes(t)) return true;
  if (["false", "no", "n", "0"].includes(t)) return false;
  throw new FieldError("must be true or false (or yes or no)");
}

function email(s: string): string | null {
  const t = s.trim().toLowerCase();
  if (t === "") return null;
  if (t.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) throw new FieldError("must be an email address");
  return t;
}

function phone(s: string): string | null {
  const t = s.trim();
  if (t === "") return null;
  if (!/^[+\d][\d\s().-]{4,30}$/.test(t)) throw new FieldError("must be a phone number");
  return t;
}

function url(s: string): string | null {
  const t = s.trim();
  if (t === "") return null;
  try {
    const u = new URL(t);
    if (u.protocol === "http:" || u.protocol === "https:") return t;
  } catch {
    // fall through
  }
  throw new FieldError("must be an http(s) URL");
}

function countryCode(s: string): string | null {
  const t = s.trim().toUpperCase();
  if (t === "") return null;
  if (!/^[A-Z]{2}$/.test(t)) throw new FieldError("must be an ISO 3166-1 alpha-2 code such as JP");
  return t;
}

const visibility: FieldDef = {
  name: "visibility",
  label: "Visibility",
  description: "PRIVATE (your member only) or NETWORK (every member). New records default to NETWORK.",
  required: false,
  hasDefault: true,
  headers: ["visibility", "sharing", "shared"],
  parse: oneOf(["PRIVATE", "NETWORK"]),
};

const externalId: FieldDef = {
  name: "externalId",
  label: "External id",
  description: "Your own identifier for the record (from your previous system). Re-importing a file updates the records with the same external id instead of creating new ones.",
  required: false,
  headers: ["external_id", "externalid", "external_ref", "reference", "ref", "crm_id", "record_id", "id"],
  parse: text(200),
};

/**
 * The record's id in the file (e.g. the `id` column of another system's export, or of the
 * generator's CSVs). Other files refer to records by it (parent_id, interaction_id, person_id):
 * a record created from the row gets an Entente id derived from it (imports.keys.ts), so those
 * references resolve, and a row without an external id is matched by it on re-import.
 */
const sourceId: FieldDef = {
  name: "sourceId",
  label: "Id in the file",
  description:
    "The record's id in the system the file comes from, when other files refer to it by that id (a parent organisation, an interaction's participants). Re-importing matches records by external id, or by this id when there is none.",
  required: false,
  headers: ["source_id", "source_record_id", "original_id"],
  // "id" goes to the external id when the file has no better external id column.
  fallbackHeaders: ["id"],
  parse: text(200),
};

const place: FieldDef = {
  name: "place",
  label: "Place",
  description: "A city, region or country by name (or Entente place id). With a country code column, the name is looked up in that country. A place that is not found is reported and left empty.",
  required: false,
  headers: ["place", "city", "town", "location", "place_id", "place_name"],
  parse: text(300),
};

const country: FieldDef = {
  name: "countryCode",
  label: "Country code",
  description: "ISO 3166-1 alpha-2 code (JP, DE, US…). Used to find the place; on its own it places the record in the country.",
  required: false,
  headers: ["country_code", "countrycode", "country", "iso_country"],
  parse: countryCode,
};

export const FIELDS: Record<ImportEntity, FieldDef[]> = {
  PEOPLE: [
    externalId,
    sourceId,
    { name: "fullName", label: "Full name", description: "The name as the person writes it.", required: true, headers: ["full_name", "fullname", "name", "contact_name", "person", "contact"], parse: text(300) },
    { name: "nameLatin", label: "Name in Latin script", description: "Transliteration of a name written in another script.", required: false, headers: ["name_latin", "latin_name", "transliteration", "romanised_name"], parse: text(300) },
    { name: "jobTitle", label: "Job title", description: "", required: false, headers: ["job_title", "jobtitle", "title", "position", "role"], parse: text(300) },
    { name: "email", label: "Email", description: "Personal data: visible to your member only.", required: false, headers: ["email", "email_address", "e_mail", "mail"], parse: email },
    { name: "phone", label: "Phone", description: "Personal data: visible to your member only.", required: false, headers: ["phone", "telephone", "phone_number", "mobile", "tel"], parse: phone },
    { name: "bio", label: "Biography", description: "", required: false, headers: ["bio", "biography", "notes", "description", "about"], parse: text(MAX_TEXT) },
    { name: "languages", label: "Languages", description: "Separated by semicolons.", required: false, headers: ["languages", "language", "spoken_languages"], parse: list() },
    { name: "sectors", label: "Sectors", description: "Separated by semicolons.", required: false, headers: ["sectors", "sector", "industries", "industry"], parse: list() },
    place,
    country,
    { name: "organisation", label: "Organisation", description: "External id or id in the file of one of your organisations, or the exact name of an organisation you can see: the person is affiliated with it.", required: false, headers: ["organisation", "organization", "organisation_external_id", "company", "employer", "organisation_name"], parse: text(300) },
    { name: "organisationRole", label: "Role at the organisation", description: "", required: false, headers: ["organisation_role", "affiliation_role", "role_at_organisation"], parse: text(200) },
    { ...visibility },
    {
      name: "lawfulBasis",
      label: "Lawful basis",
      description: "UK GDPR lawful basis: LEGITIMATE_INTERESTS (the default), CONSENT (needs a consent date), PUBLIC_TASK or CONTRACT.",
      required: false,
      hasDefault: true,
      headers: ["lawful_basis", "legal_basis", "gdpr_basis", "basis"],
      parse: oneOf(lawfulBasis.enumValues),
    },
    { name: "lawfulBasisNote", label: "Lawful basis note", description: "For legitimate interests, the short assessment.", required: false, headers: ["lawful_basis_note", "legitimate_interests_assessment", "lia", "basis_note"], parse: text(2000) },
    { name: "consentAt", label: "Consent given at", description: "Required when the lawful basis is CONSENT.", required: false, headers: ["consent_at", "consent_date", "consented_at", "consent_given"], parse: parseInstant },
    {
      name: "retentionReviewOn",
      label: "Retention review date",
      description: "When the record is due for review. New records default to today plus your member's retention period.",
      required: false,
      hasDefault: true,
      headers: ["retention_review_on", "retention_review_date", "review_date", "retention_date"],
      parse: parseDate,
    },
  ],
  ORGANISATIONS: [
    externalId,
    sourceId,
    { name: "name", label: "Name", description: "", required: true, headers: ["name", "organisation", "organization", "organisation_name", "company"], parse: text(300) },
    { name: "nameLatin", label: "Name in Latin script", description: "", required: false, headers: ["name_latin", "latin_name", "transliteration"], parse: text(300) },
    {
      name: "kind",
      label: "Kind",
      description: `One of ${organisationKind.enumValues.join(", ")}. New records default to OTHER.`,
      required: false,
      hasDefault: true,
      headers: ["kind", "type", "organisation_type", "category"],
      parse: oneOf(organisationKind.enumValues),
    },
    place,
    country,
    { name: "sectors", label: "Sectors", description: "Separated by semicolons.", required: false, headers: ["sectors", "sector", "industries", "industry"], parse: list() },
    { name: "website", label: "Website", description: "", required: false, headers: ["website", "web", "url", "homepage"], parse: url },
    { name: "description", label: "Description", description: "", required: false, headers: ["description", "notes", "about", "summary"], parse: text(MAX_TEXT) },
    {
      name: "parent",
      label: "Parent organisation",
      description: "External id or id in the file of one of your organisations, or the exact name of an organisation you can see.",
      required: false,
      headers: ["parent", "parent_organisation", "parent_external_id", "parent_organization", "parent_id"],
      parse: text(300),
    },
    { ...visibility },
  ],
  INTERACTIONS: [
    externalId,
    sourceId,
    { name: "occurredAt", label: "When", description: "Date and time (ISO 8601; without an offset, UTC).", required: true, headers: ["occurred_at", "date", "when", "datetime", "meeting_date", "time"], parse: parseInstant },
    {
      name: "kind",
      label: "Kind",
      description: `One of ${interactionKind.enumValues.join(", ")}.`,
      required: true,
      headers: ["kind", "type", "interaction_type", "activity"],
      parse: oneOf(interactionKind.enumValues),
    },
    {
      name: "channel",
      label: "Channel",
      description: `One of ${interactionChannel.enumValues.join(", ")}. New records default to IN_PERSON.`,
      required: false,
      hasDefault: true,
      headers: ["channel", "medium", "mode"],
      parse: oneOf(interactionChannel.enumValues),
    },
    { name: "subject", label: "Subject", description: "", required: true, headers: ["subject", "title", "topic", "summary"], parse: text(300) },
    { name: "notes", label: "Notes", description: "", required: false, headers: ["notes", "note", "minutes", "details", "description"], parse: text(20000) },
    { name: "notesSensitive", label: "Notes are sensitive", description: "true: the notes are shown to your member only.", required: false, hasDefault: true, headers: ["notes_sensitive", "sensitive", "confidential"], parse: bool },
    { name: "outcome", label: "Outcome", description: "", required: false, headers: ["outcome", "result", "next_steps"], parse: text(MAX_TEXT) },
    place,
    country,
    { name: "themes", label: "Themes", description: "Separated by semicolons.", required: false, headers: ["themes", "theme", "tags", "topics"], parse: list() },
    { name: "participants", label: "Participants", description: "External ids (or ids in the file) of your people, separated by semicolons.", required: false, headers: ["participants", "participant_external_ids", "people", "attendees", "contacts"], parse: list(100, 200) },
    { name: "organisations", label: "Organisations", description: "External ids, ids in the file or exact names of organisations, separated by semicolons.", required: false, headers: ["organisations", "organizations", "organisation_external_ids", "companies"], parse: list(50, 300) },
    { ...visibility },
  ],
  // One row per participant of an interaction (the generator's interaction_people.csv). Rows
  // only add participants: an interaction's other participants are left as they are.
  INTERACTION_PARTICIPANTS: [
    {
      name: "interaction",
      label: "Interaction",
      description: "One of your interactions: its external id, or its id in the interactions file.",
      required: true,
      headers: ["interaction_id", "interaction", "interaction_external_id", "meeting_id", "activity_id"],
      parse: text(200),
    },
    {
      name: "person",
      label: "Participant",
      description: "One of your people: their external id, or their id in the people file.",
      required: true,
      headers: ["person_id", "person", "participant", "person_external_id", "contact_id", "participant_id"],
      parse: text(200),
    },
  ],
};

export function fieldsOf(entity: ImportEntity): FieldDef[] {
  return FIELDS[entity];
}

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

export interface ColumnMapping {
  column: string;
  field: string;
}

/**
 * Suggests a field for each column from its header. Synonyms are tried best
 * first across all fields, so "external_id" wins externalId before a bare "id"
 * could, and each column and field is used at most once.
 */
export function suggestMapping(entity: ImportEntity, columns: string[]): ColumnMapping[] {
  const fields = fieldsOf(entity);
  const byHeader = new Map<string, string>();
  for (const c of columns) if (!byHeader.has(normalise(c))) byHeader.set(normalise(c), c);
  const usedColumns = new Set<string>();
  const mapped = new Map<string, string>();
  for (const headersOf of [(f: FieldDef) => f.headers, (f: FieldDef) => f.fallbackHeaders ?? []]) {
    const depth = Math.max(...fields.map((f) => headersOf(f).length));
    for (let i = 0; i < depth; i++) {
      for (const f of fields) {
        if (mapped.has(f.name)) continue;
        const synonym = headersOf(f)[i];
        if (synonym === undefined) continue;
        const column = byHeader.get(normalise(synonym));
        if (column && !usedColumns.has(column)) {
          mapped.set(f.name, column);
          usedColumns.add(column);
        }
      }
    }
  }
  return columns.filter((c) => usedColumns.has(c)).map((c) => ({ column: c, field: [...mapped].find(([, col]) => col === c)![0] }));
}
