import { and, eq, inArray, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import type { InteractionRow, OrganisationRow, PersonRow } from "../../db/rows.js";
import {
  affiliations,
  interactionOrganisations,
  interactionPeople,
  interactions,
  organisations,
  people,
} from "../../db/tables/index.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import type { FieldValue, ImportEntity } from "./imports.fields.js";
import { normaliseName, resolveOrganisations, resolvePeople, resolvePlaces } from "./imports.references.js";

/** Each row's name key, computed by the database function the contact-logging matching uses (migration 0004). */
async function prepareNameKeys(env: BatchEnv, desired: Map<ImportRow, Desired>, field: string): Promise<void> {
  const names = [
    ...new Set([...desired.values()].flatMap((d) => [d.columns[field], d.columns.nameLatin]).filter((n): n is string => typeof n === "string")),
  ];
  if (!names.length) return;
  const rows = await queryRows<{ name: string; key: string | null }>(
    env.db,
    sql`select x as name, public.entente_name_key(x) as key from unnest(${sql.param(names)}::text[]) as x`,
  );
  const keyOf = new Map(rows.filter((r) => r.key).map((r) => [r.name, r.key!]));
  for (const d of desired.values()) {
    const name = d.columns[field];
    if (typeof name === "string") d.nameKey = keyOf.get(name);
    if (typeof d.columns.nameLatin === "string") d.latinKey = keyOf.get(d.columns.nameLatin);
  }
}

// What each entity does with a batch of parsed rows: resolve references, find
// the records that already carry the same external id, say what would change,
// find likely duplicates, and write. The runner (imports.runner.ts) drives
// these steps and decides dry run versus apply.

export type RowStatus = "CREATED" | "UPDATED" | "UNCHANGED" | "DUPLICATE" | "REJECTED";

export interface Problem {
  column: string | null;
  field: string | null;
  message: string;
  severity: "ERROR" | "WARNING";
}

export interface ImportRow {
  rowNumber: number;
  /** Mapped fields with a value, or null for an empty cell. Empty cells of fields with a default are left out. */
  values: Map<string, FieldValue>;
  problems: Problem[];
  status?: RowStatus;
  recordId?: string;
  matchedIds: string[];
  matchedRow?: number;
  changedFields: string[];
  /** Column values to insert (CREATED) or to set (UPDATED). */
  write?: Record<string, unknown>;
  /** Sub-records to set: affiliation, participants, organisations. */
  links?: Links;
  audit?: Record<string, unknown>;
  existing?: ExistingRecord;
  version?: number;
}

export interface Links {
  affiliation?: { organisationId: string; role: string | null; roleMapped: boolean };
  personIds?: string[];
  organisationIds?: string[];
}

export interface ExistingRecord {
  row: Record<string, unknown> & { id: string; version: number };
  affiliations?: { organisationId: string; role: string | null }[];
  personIds?: string[];
  organisationIds?: string[];
}

export interface BatchEnv {
  db: Db;
  viewer: Viewer;
  /** field name → the file column it comes from */
  columnOf: Map<string, string>;
  /** Retention review date for new people (today plus the member's period). */
  retentionReviewOn: string;
  /** Lock the existing records (apply runs inside a transaction). */
  lock: boolean;
  /** The id an earlier row of this file with this external id or source id gets when it is created (organisations' parents). */
  plannedIdOf(key: string): string | undefined;
}

export interface EntitySpec {
  entity: RecordEntity;
  recordType: "Person" | "Organisation" | "Interaction";
  /** Resolves references and computes each row's desired column values and links (problems on failure). */
  prepare(env: BatchEnv, rows: ImportRow[]): Promise<Map<ImportRow, Desired>>;
  /** The member's records with these external ids or these Entente ids (those derived from the rows' source ids). */
  findExisting(env: BatchEnv, keys: ExistingKeys): Promise<ExistingRecord[]>;
  /**
   * In-file duplicate detection: a row's `lookup` keys are checked against the
   * `register` keys of the rows before it.
   */
  duplicateKeys(desired: Desired): { register: string[]; lookup: string[] };
  /** Existing records of the member that a new row probably duplicates. */
  findDuplicates(env: BatchEnv, rows: { row: ImportRow; desired: Desired }[]): Promise<Map<ImportRow, string[]>>;
  /** Column values for a new record, defaults included. */
  createValues(env: BatchEnv, desired: Desired): Record<string, unknown>;
  /** Problems that depend on the stored record (e.g. consent without a date). */
  check(desired: Desired, existing: ExistingRecord | null, env: BatchEnv): Problem | null;
  writeLinks(db: Db, rows: ImportRow[]): Promise<void>;
  table: typeof people | typeof organisations | typeof interactions;
}

export interface ExistingKeys {
  externalIds: string[];
  ids: string[];
}

/** The member's records with one of the external ids or ids. */
function byKeys(table: typeof people | typeof organisations | typeof interactions, env: BatchEnv, keys: ExistingKeys) {
  return and(
    eq(table.ownerMemberId, env.viewer.memberId),
    or(
      keys.externalIds.length ? inArray(table.externalId, keys.externalIds) : undefined,
      keys.ids.length ? inArray(table.id, keys.ids) : undefined,
    ),
  );
}

export interface Desired {
  /** Column values the file sets (mapped fields only; defaults not applied). */
  columns: Record<string, unknown>;
  links: Links;
  /** Links the row maps (so a missing list means "leave as is"). */
  mappedLinks: Set<keyof Links>;
  /** The name's key (entente_name_key), for duplicate detection, and its Latin transliteration's. */
  nameKey?: string;
  latinKey?: string;
}

const has = (row: ImportRow, field: string) => row.values.has(field);
const str = (row: ImportRow, field: string) => (row.values.get(field) ?? null) as string | null;

function problem(env: BatchEnv, field: string, message: string, severity: Problem["severity"] = "ERROR"): Problem {
  return { column: env.columnOf.get(field) ?? null, field, message, severity };
}

/** Places for the rows that map a place or a country. Unknown places are warnings: the place is left as it is. */
async function preparePlaces(env: BatchEnv, rows: ImportRow[], desired: Map<ImportRow, Desired>): Promise<void> {
  const wanted = rows.filter((r) => has(r, "place") || has(r, "countryCode"));
  if (!wanted.length) return;
  const answers = await resolvePlaces(
    env.db,
    wanted.map((r) => ({ place: str(r, "place"), countryCode: str(r, "countryCode") })),
  );
  wanted.forEach((row, i) => {
    const answer = answers[i]!;
    const d = desired.get(row)!;
    if ("placeId" in answer) d.columns.placeId = answer.placeId;
    else if (str(row, "place") === null && str(row, "countryCode") === null) d.columns.placeId = null;
    else row.problems.push(problem(env, str(row, "place") !== null ? "place" : "countryCode", `${answer.problem}; the place is left as it is`, "WARNING"));
  });
}

function copy(row: ImportRow, columns: Record<string, unknown>, fields: string[]) {
  for (const f of fields) if (has(row, f)) columns[f] = row.values.get(f) ?? null;
}

// --- people ----------------------------------------------------------------

const PERSON_FIELDS = ["fullName", "nameLatin", "jobTitle", "email", "phone", "bio", "languages", "sectors", "visibility", "lawfulBasis", "lawfulBasisNote", "consentAt", "retentionReviewOn"];

const peopleSpec: EntitySpec = {
  entity: "PEOPLE",
  recordType: "Person",
  table: people,
  async prepare(env, rows) {
    const desired = new Map<ImportRow, Desired>();
    for (const row of rows) {
      const columns: Record<string, unknown> = {};
      copy(row, columns, PERSON_FIELDS);
      desired.set(row, { columns, links: {}, mappedLinks: new Set() });
    }
    await prepareNameKeys(env, desired, "fullName");
    await preparePlaces(env, rows, desired);
    const orgRows = rows.filter((r) => str(r, "organisation") !== null);
    if (orgRows.length) {
      const answers = await resolveOrganisations(env.db, env.viewer, orgRows.map((r) => str(r, "organisation")!));
      for (const row of orgRows) {
        const answer = answers.get(str(row, "organisation")!)!;
        const d = desired.get(row)!;
        if ("id" in answer) {
          d.links.affiliation = { organisationId: answer.id, role: str(row, "organisationRole"), roleMapped: has(row, "organisationRole") };
          d.mappedLinks.add("affiliation");
        } else {
          row.problems.push(problem(env, "organisation", `${answer.problem}; no affiliation was added`, "WARNING"));
        }
      }
    }
    return desired;
  },
  async findExisting(env, keys) {
    const query = env.db.select().from(people).where(byKeys(people, env, keys));
    const rows = env.lock ? await query.for("update") : await query;
    const ids = rows.map((r) => r.id);
    const links = ids.length
      ? await env.db
          .select({ personId: affiliations.personId, organisationId: affiliations.organisationId, role: affiliations.role })
          .from(affiliations)
          .where(inArray(affiliations.personId, ids))
      : [];
    return rows.map((r) => ({ row: r as PersonRow & Record<string, unknown>, affiliations: links.filter((l) => l.personId === r.id) }));
  },
  duplicateKeys(d) {
    // The same email, or the same name when one of the two has no email.
    const email = typeof d.columns.email === "string" ? d.columns.email.toLowerCase() : null;
    // As in the database check: the row's name against earlier rows' names and Latin names.
    const name = d.nameKey ?? null;
    const register: string[] = [];
    const lookup: string[] = [];
    if (email) {
      register.push(`email:${email}`);
      lookup.push(`email:${email}`);
    }
    for (const key of new Set([d.nameKey, d.latinKey].filter((k): k is string => !!k))) {
      register.push(`name:${key}`);
      if (!email) register.push(`name-without-email:${key}`);
    }
    if (name) lookup.push(email ? `name-without-email:${name}` : `name:${name}`);
    return { register, lookup };
  },
  async findDuplicates(env, candidates) {
    // The same email, or the same name key (the contact-logging matching's entente_name_key:
    // case, accents and word order aside) where the emails do not contradict it; among the
    // member's own records. Exact keys, so one index-backed statement per batch.
    const emails = [...new Set(candidates.map((c) => c.desired.columns.email).filter((e): e is string => typeof e === "string"))];
    const names = [...new Set(candidates.map((c) => c.desired.columns.fullName).filter((n): n is string => typeof n === "string"))];
    const result = new Map<ImportRow, string[]>();
    if (!emails.length && !names.length) return result;
    const found = await queryRows<{ id: string; email: string | null; key: string | null; key_latin: string | null }>(
      env.db,
      sql`with keys as (select distinct public.entente_name_key(x) as key from unnest(${sql.param(names)}::text[]) as x)
          select p.id, lower(p.email) as email, public.entente_name_key(p.full_name) as key, public.entente_name_key(p.name_latin) as key_latin
          from people p
          where p.owner_member_id = ${env.viewer.memberId} and p.archived_at is null and (
            p.email = any(${sql.param(emails)}::citext[])
            or public.entente_name_key(p.full_name) = any(array(select key from keys))
            or public.entente_name_key(p.name_latin) = any(array(select key from keys)))`,
    );
    for (const { row, desired } of candidates) {
      const email = typeof desired.columns.email === "string" ? desired.columns.email.toLowerCase() : null;
      const key = desired.nameKey;
      const ids = found
        .filter((p) => (email !== null && p.email === email) || (!!key && (p.key === key || p.key_latin === key) && (email === null || p.email === null)))
        .map((p) => p.id);
      if (ids.length) result.set(row, ids);
    }
    return result;
  },
  createValues(env, d) {
    return {
      ...d.columns,
      placeId: d.columns.placeId ?? null,
      retentionReviewOn: d.columns.retentionReviewOn ?? env.retentionReviewOn,
    };
  },
  check(d, existing, env) {
    const basis = (d.columns.lawfulBasis ?? existing?.row.lawfulBasis ?? "LEGITIMATE_INTERESTS") as string;
    const consentAt = "consentAt" in d.columns ? d.columns.consentAt : (existing?.row.consentAt ?? null);
    if (basis === "CONSENT" && !consentAt) {
      return problem(env, env.columnOf.has("consentAt") ? "consentAt" : "lawfulBasis", "a consent date is required when the lawful basis is CONSENT");
    }
    return null;
  },
  async writeLinks(db, rows) {
    const inserts: (typeof affiliations.$inferInsert)[] = [];
    for (const row of rows) {
      const a = row.links?.affiliation;
      if (!a || !row.recordId) continue;
      const current = row.existing?.affiliations?.find((x) => x.organisationId === a.organisationId);
      if (!current) inserts.push({ personId: row.recordId, organisationId: a.organisationId, role: a.role });
      else if (a.roleMapped && current.role !== a.role) {
        await db
          .update(affiliations)
          .set({ role: a.role, updatedAt: new Date() })
          .where(and(eq(affiliations.personId, row.recordId), eq(affiliations.organisationId, a.organisationId)));
      }
    }
    if (inserts.length) await db.insert(affiliations).values(inserts);
  },
};

// --- organisations ---------------------------------------------------------

const ORGANISATION_FIELDS = ["name", "nameLatin", "kind", "sectors", "website", "description", "visibility"];

const organisationsSpec: EntitySpec = {
  entity: "ORGANISATIONS",
  recordType: "Organisation",
  table: organisations,
  async prepare(env, rows) {
    const desired = new Map<ImportRow, Desired>();
    for (const row of rows) {
      const columns: Record<string, unknown> = {};
      copy(row, columns, ORGANISATION_FIELDS);
      desired.set(row, { columns, links: {}, mappedLinks: new Set() });
    }
    await prepareNameKeys(env, desired, "name");
    await preparePlaces(env, rows, desired);
    const parentRows = rows.filter((r) => has(r, "parent"));
    const values = parentRows.map((r) => str(r, "parent")).filter((v): v is string => v !== null);
    const answers = await resolveOrganisations(env.db, env.viewer, values);
    for (const row of parentRows) {
      const value = str(row, "parent");
      const d = desired.get(row)!;
      if (value === null) {
        d.columns.parentId = null;
        continue;
      }
      const answer = answers.get(value)!;
      // A parent created by an earlier row of the same file gets the id that row is given.
      const planned = "id" in answer ? answer.id : env.plannedIdOf(value);
      if (planned) d.columns.parentId = planned;
      else if (!("id" in answer)) row.problems.push(problem(env, "parent", `${answer.problem}; the parent is left as it is`, "WARNING"));
    }
    return desired;
  },
  async findExisting(env, keys) {
    const query = env.db.select().from(organisations).where(byKeys(organisations, env, keys));
    const rows = env.lock ? await query.for("update") : await query;
    return rows.map((r) => ({ row: r as OrganisationRow & Record<string, unknown> }));
  },
  duplicateKeys(d) {
    const register = [...new Set([d.nameKey, d.latinKey].filter((k): k is string => !!k))].map((k) => `name:${k}`);
    return { register, lookup: d.nameKey ? [`name:${d.nameKey}`] : [] };
  },
  async findDuplicates(env, candidates) {
    // The same name key (entente_name_key, as the contact-logging matching) as one of the member's organisations.
    const names = [...new Set(candidates.map((c) => c.desired.columns.name).filter((n): n is string => typeof n === "string"))];
    const result = new Map<ImportRow, string[]>();
    if (!names.length) return result;
    const found = await queryRows<{ id: string; key: string | null; key_latin: string | null }>(
      env.db,
      sql`with keys as (select distinct public.entente_name_key(x) as key from unnest(${sql.param(names)}::text[]) as x)
          select o.id, public.entente_name_key(o.name) as key, public.entente_name_key(o.name_latin) as key_latin
          from organisations o
          where o.owner_member_id = ${env.viewer.memberId} and o.archived_at is null and (
            public.entente_name_key(o.name) = any(array(select key from keys))
            or public.entente_name_key(o.name_latin) = any(array(select key from keys)))`,
    );
    for (const { row, desired } of candidates) {
      const key = desired.nameKey;
      const ids = found.filter((o) => !!key && (o.key === key || o.key_latin === key)).map((o) => o.id);
      if (ids.length) result.set(row, ids);
    }
    return result;
  },
  createValues(_env, d) {
    return { ...d.columns, kind: d.columns.kind ?? "OTHER", placeId: d.columns.placeId ?? null, parentId: d.columns.parentId ?? null };
  },
  check() {
    return null;
  },
  async writeLinks() {
    // Organisations have no sub-records in an import.
  },
};

// --- interactions ----------------------------------------------------------

const INTERACTION_FIELDS = ["occurredAt", "kind", "channel", "subject", "notes", "notesSensitive", "outcome", "themes", "visibility"];

const sameSet = (a: string[] | undefined, b: string[] | undefined) => {
  const x = new Set(a ?? []);
  const y = new Set(b ?? []);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

const interactionsSpec: EntitySpec = {
  entity: "INTERACTIONS",
  recordType: "Interaction",
  table: interactions,
  async prepare(env, rows) {
    const desired = new Map<ImportRow, Desired>();
    for (const row of rows) {
      const columns: Record<string, unknown> = {};
      copy(row, columns, INTERACTION_FIELDS);
      desired.set(row, { columns, links: {}, mappedLinks: new Set() });
    }
    await preparePlaces(env, rows, desired);
    const list = (row: ImportRow, field: string) => (row.values.get(field) ?? []) as string[];
    const personIds = await resolvePeople(env.db, env.viewer, rows.flatMap((r) => list(r, "participants")));
    const orgAnswers = await resolveOrganisations(env.db, env.viewer, rows.flatMap((r) => list(r, "organisations")));
    for (const row of rows) {
      const d = desired.get(row)!;
      if (has(row, "participants")) {
        const values = list(row, "participants");
        const missing = values.filter((v) => !personIds.has(v));
        if (missing.length) {
          row.problems.push(problem(env, "participants", `${missing.length} of ${values.length} participants are not people of yours with that external id; they are left out`, "WARNING"));
        }
        d.links.personIds = [...new Set(values.filter((v) => personIds.has(v)).map((v) => personIds.get(v)!))];
        d.mappedLinks.add("personIds");
      }
      if (has(row, "organisations")) {
        const values = list(row, "organisations");
        const ids: string[] = [];
        let missing = 0;
        for (const v of values) {
          const answer = orgAnswers.get(v)!;
          if ("id" in answer) ids.push(answer.id);
          else missing++;
        }
        if (missing) {
          row.problems.push(problem(env, "organisations", `${missing} of ${values.length} organisations were not found by external id or name; they are left out`, "WARNING"));
        }
        d.links.organisationIds = [...new Set(ids)];
        d.mappedLinks.add("organisationIds");
      }
    }
    return desired;
  },
  async findExisting(env, keys) {
    const query = env.db.select().from(interactions).where(byKeys(interactions, env, keys));
    const rows = env.lock ? await query.for("update") : await query;
    const ids = rows.map((r) => r.id);
    const [ppl, orgs] = ids.length
      ? await Promise.all([
          env.db.select().from(interactionPeople).where(inArray(interactionPeople.interactionId, ids)),
          env.db.select().from(interactionOrganisations).where(inArray(interactionOrganisations.interactionId, ids)),
        ])
      : [[], []];
    return rows.map((r) => ({
      row: r as InteractionRow & Record<string, unknown>,
      personIds: ppl.filter((p) => p.interactionId === r.id).map((p) => p.personId),
      organisationIds: orgs.filter((o) => o.interactionId === r.id).map((o) => o.organisationId),
    }));
  },
  duplicateKeys(d) {
    const at = d.columns.occurredAt;
    const keys = at instanceof Date && typeof d.columns.subject === "string" ? [`at:${at.toISOString()}|${normaliseName(d.columns.subject)}`] : [];
    return { register: keys, lookup: keys };
  },
  async findDuplicates(env, candidates) {
    // Only rows without an external id: the same moment and subject as an interaction of yours.
    const wanted = candidates.filter((c) => c.desired.columns.occurredAt instanceof Date && typeof c.desired.columns.subject === "string");
    const result = new Map<ImportRow, string[]>();
    if (!wanted.length) return result;
    const times = [...new Set(wanted.map((c) => (c.desired.columns.occurredAt as Date).toISOString()))];
    const found = await queryRows<{ id: string; at: string; key: string }>(
      env.db,
      sql`select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, unaccent(lower(subject)) as key
          from interactions
          where owner_member_id = ${env.viewer.memberId} and archived_at is null and occurred_at = any(${sql.param(times)}::timestamptz[])`,
    );
    for (const { row, desired } of wanted) {
      const at = (desired.columns.occurredAt as Date).toISOString();
      const key = normaliseName(desired.columns.subject as string);
      const matches = found.filter((f) => f.at === at && normaliseName(f.key) === key);
      if (matches.length) result.set(row, matches.map((m) => m.id));
    }
    return result;
  },
  createValues(_env, d) {
    return { ...d.columns, placeId: d.columns.placeId ?? null };
  },
  check() {
    return null;
  },
  async writeLinks(db, rows) {
    const removePeople: { interactionId: string; personIds: string[] }[] = [];
    const addPeople: { interactionId: string; personId: string }[] = [];
    const removeOrgs: { interactionId: string; organisationIds: string[] }[] = [];
    const addOrgs: { interactionId: string; organisationId: string }[] = [];
    for (const row of rows) {
      const id = row.recordId;
      if (!id || !row.links) continue;
      const ex = row.existing;
      if (row.links.personIds && !sameSet(row.links.personIds, ex?.personIds)) {
        const before = new Set(ex?.personIds ?? []);
        const after = new Set(row.links.personIds);
        removePeople.push({ interactionId: id, personIds: [...before].filter((p) => !after.has(p)) });
        for (const p of after) if (!before.has(p)) addPeople.push({ interactionId: id, personId: p });
      }
      if (row.links.organisationIds && !sameSet(row.links.organisationIds, ex?.organisationIds)) {
        const before = new Set(ex?.organisationIds ?? []);
        const after = new Set(row.links.organisationIds);
        removeOrgs.push({ interactionId: id, organisationIds: [...before].filter((o) => !after.has(o)) });
        for (const o of after) if (!before.has(o)) addOrgs.push({ interactionId: id, organisationId: o });
      }
    }
    for (const r of removePeople.filter((x) => x.personIds.length)) {
      await db.delete(interactionPeople).where(and(eq(interactionPeople.interactionId, r.interactionId), inArray(interactionPeople.personId, r.personIds)));
    }
    for (const r of removeOrgs.filter((x) => x.organisationIds.length)) {
      await db
        .delete(interactionOrganisations)
        .where(and(eq(interactionOrganisations.interactionId, r.interactionId), inArray(interactionOrganisations.organisationId, r.organisationIds)));
    }
    if (addPeople.length) await db.insert(interactionPeople).values(addPeople);
    if (addOrgs.length) await db.insert(interactionOrganisations).values(addOrgs);
  },
};

/** The entities whose rows are records (the others are links between records: imports.links.ts). */
export type RecordEntity = Exclude<ImportEntity, "INTERACTION_PARTICIPANTS">;

export const SPECS: Record<RecordEntity, EntitySpec> = {
  PEOPLE: peopleSpec,
  ORGANISATIONS: organisationsSpec,
  INTERACTIONS: interactionsSpec,
};

/** Whether the links a row asks for differ from the stored ones; names the changed link fields. */
export function changedLinks(desired: Desired, existing: ExistingRecord | null): string[] {
  const changed: string[] = [];
  const a = desired.links.affiliation;
  if (a) {
    const current = existing?.affiliations?.find((x) => x.organisationId === a.organisationId);
    if (!current || (a.roleMapped && current.role !== a.role)) changed.push("organisation");
  }
  if (desired.links.personIds && !sameSet(desired.links.personIds, existing?.personIds)) changed.push("participants");
  if (desired.links.organisationIds && !sameSet(desired.links.organisationIds, existing?.organisationIds)) changed.push("organisations");
  return changed;
}
