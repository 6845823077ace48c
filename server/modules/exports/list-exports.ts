import { count, eq, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { PersonRow } from "../../db/rows.js";
import { members, people, places } from "../../db/tables/index.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { canSeeOwnerOnlyFields, visibleSql } from "../../policy/sharing.policy.js";
import { type AlumniInvestorModel, alumniResults } from "../alumni/alumni.service.js";
import type { AlumniFilter } from "../alumni/alumni.repository.js";
import { type PersonFilter, peopleWhere } from "../people/people.repository.js";
import { type SearchArgs, type SearchHitModel, searchHits } from "../search/search.service.js";
import type { CsvColumn } from "./csv.js";

// The rows of a people list, a search or an alumni search as CSV: the same
// filters and the same sharing rules as the API, one statement for the rows
// (plus one for the total where the list needs it), at most EXPORT_LIMIT rows.
// Owner-only fields (email, phone) are filled in only for the viewer's own
// member's records, exactly as the API returns them.

export const EXPORT_LIMIT = 5000;

export interface ExportResult<T> {
  columns: CsvColumn<T>[];
  rows: T[];
  total: number;
}

const joinList = (values: readonly (string | null | undefined)[]) => values.filter(Boolean).join("; ");

// --- people ---

interface PersonExportRow {
  person: PersonRow;
  placeName: string | null;
  countryCode: string | null;
  ownerName: string;
  organisations: string | null;
}

export async function exportPeople(ctx: Context, filter: PersonFilter): Promise<ExportResult<PersonExportRow>> {
  const viewer = viewerOf(ctx);
  const where = peopleWhere(viewer, filter);
  // Current affiliations with organisations the viewer can see, as "role, organisation".
  const organisationsSql = sql<string | null>`(
    select string_agg(concat_ws(', ', a.role, o.name), '; ' order by a.started_on nulls first, a.id)
    from affiliations a join organisations o on o.id = a.organisation_id
    where a.person_id = ${people.id} and o.archived_at is null and ${visibleSql(viewer, "o")}
      and (a.ended_on is null or a.ended_on >= current_date))`;
  const rows = await ctx.db
    .select({
      person: people,
      placeName: places.name,
      countryCode: places.countryCode,
      ownerName: members.name,
      organisations: organisationsSql,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(people)
    .innerJoin(members, eq(members.id, people.ownerMemberId))
    .leftJoin(places, eq(places.id, people.placeId))
    .where(where)
    .orderBy(sql`lower(${people.fullName})`, people.id)
    .limit(EXPORT_LIMIT);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0) {
    const [c] = await ctx.db.select({ n: count() }).from(people).where(where);
    total = c?.n ?? 0;
  }
  const owner = (p: PersonRow, value: string | null) => (canSeeOwnerOnlyFields(viewer, p) ? value : null);
  const columns: CsvColumn<PersonExportRow>[] = [
    { header: "Name", value: (r) => r.person.fullName },
    { header: "Latin name", value: (r) => r.person.nameLatin },
    { header: "Job title", value: (r) => r.person.jobTitle },
    { header: "Organisations", value: (r) => r.organisations },
    { header: "Place", value: (r) => r.placeName },
    { header: "Country", value: (r) => r.countryCode },
    { header: "Sectors", value: (r) => joinList(r.person.sectors) },
    { header: "Languages", value: (r) => joinList(r.person.languages) },
    { header: "Email", value: (r) => owner(r.person, r.person.email) },
    { header: "Phone", value: (r) => owner(r.person, r.person.phone) },
    { header: "Owner", value: (r) => r.ownerName },
    { header: "Visibility", value: (r) => r.person.visibility },
    { header: "Updated", value: (r) => r.person.updatedAt },
    { header: "ID", value: (r) => toGlobalId("Person", r.person.id) },
  ];
  return {
    columns,
    total,
    rows: rows.map(({ total: _t, ...r }) => r),
  };
}

// --- search ---

function label(hit: SearchHitModel): string {
  const r = hit.record as unknown as Record<string, unknown>;
  switch (hit.kind) {
    case "PERSON":
    case "PLACE":
    case "ORGANISATION":
      return [r.fullName ?? r.name, r.nameLatin].filter(Boolean).join(" / ");
    case "PARTNERSHIP":
      return String(r.name);
    case "VISIT":
    case "INTERACTION":
      return String(r.title ?? r.subject);
  }
}

function dateOf(hit: SearchHitModel): string | null {
  const r = hit.record as unknown as Record<string, unknown>;
  if (r.occurredAt instanceof Date) return r.occurredAt.toISOString();
  if (typeof r.startsOn === "string") return r.startsOn;
  if (typeof r.signedOn === "string") return r.signedOn;
  return null;
}

export async function exportSearch(ctx: Context, args: SearchArgs): Promise<ExportResult<SearchHitModel & { owner: string | null }>> {
  const { hits, total } = await searchHits(ctx, args, EXPORT_LIMIT, null);
  const ownerIds = hits.map((h) => (h.row.record as { ownerMemberId?: string }).ownerMemberId).filter((id): id is string => !!id);
  const owners = await ctx.loaders.members.byId.loadMany([...new Set(ownerIds)]);
  const ownerName = new Map(owners.flatMap((m) => (m && !(m instanceof Error) ? [[m.id, m.name] as const] : [])));
  const rows = hits.map(({ row }) => ({
    ...row,
    owner: ownerName.get((row.record as { ownerMemberId?: string }).ownerMemberId ?? "") ?? null,
  }));
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: "Kind", value: (h) => h.kind },
    { header: "Name", value: (h) => label(h) },
    { header: "Date", value: (h) => dateOf(h) },
    { header: "Extract", value: (h) => h.snippetText },
    { header: "Score", value: (h) => h.score },
    { header: "Owner", value: (h) => h.owner },
    { header: "ID", value: (h) => toGlobalId(h.record.__typename, h.id) },
  ];
  return { columns, rows, total };
}

// --- alumni investors ---

export async function exportAlumni(ctx: Context, filter: AlumniFilter): Promise<ExportResult<AlumniInvestorModel>> {
  const viewer = viewerOf(ctx);
  const { rows, total } = await alumniResults(ctx, filter, EXPORT_LIMIT, null);
  const owner = (p: PersonRow, value: string | null) => (canSeeOwnerOnlyFields(viewer, p) ? value : null);
  const columns: CsvColumn<AlumniInvestorModel>[] = [
    { header: "Name", value: (a) => a.person.fullName },
    { header: "Latin name", value: (a) => a.person.nameLatin },
    { header: "Job title", value: (a) => a.person.jobTitle },
    { header: "Country", value: (a) => a.countryCode },
    {
      header: "Alumni of",
      value: (a) =>
        joinList(a.alumniTies.map((t) => [t.universityName, t.degree, t.subject, t.graduationYear].filter((x) => x != null && x !== "").join(", "))),
    },
    { header: "Matched sectors", value: (a) => joinList(a.matchedSectors) },
    { header: "Investor sectors", value: (a) => joinList(a.sectors) },
    { header: "Investor types", value: (a) => joinList(a.investorTypes) },
    { header: "Ticket min (GBP)", value: (a) => a.ticketMinGbp },
    { header: "Ticket max (GBP)", value: (a) => a.ticketMaxGbp },
    { header: "Last contact", value: (a) => a.lastContactAt },
    { header: "Interactions (12 months)", value: (a) => a.recentInteractionCount },
    { header: "Known by", value: (a) => joinList(a.knownBy.map((m) => m.name)) },
    { header: "Score", value: (a) => a.score },
    { header: "Why", value: (a) => a.fitReasons.join("; ") },
    { header: "Email", value: (a) => owner(a.person, a.person.email) },
    { header: "Phone", value: (a) => owner(a.person, a.person.phone) },
    { header: "ID", value: (a) => toGlobalId("Person", a.person.id) },
  ];
  return { columns, rows: rows.map((r) => r.row), total };
}
