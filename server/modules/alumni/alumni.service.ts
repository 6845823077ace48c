import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { AlumniTieRow, InvestorProfileRow, MemberRow, PersonRow } from "../../db/rows.js";
import { alumniTies, investorProfiles, members, people } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";
import { type Connection, type PageArgs, decodeCursor, pageSize, toConnection } from "../shared/pagination.js";
import { jsonObject, rowFrom } from "../shared/raw-rows.js";
import { parseInput, v } from "../shared/validation.js";
import { parseSearchText } from "../search/text-query.js";
import { type AlumniCursor, type AlumniFilter, type AlumniRow, INVESTOR_TYPES, type InvestorType, alumniPage } from "./alumni.repository.js";

const FilterInput = z.object({
  universityId: z.string().nullish(),
  countryCodes: z.array(v.countryCode).max(50, "must have at most 50 entries").nullish(),
  placeId: z.string().nullish(),
  sectors: z
    .array(z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"))
    .max(20, "must have at most 20 entries")
    .nullish(),
  investorTypes: z.array(z.enum(INVESTOR_TYPES)).max(INVESTOR_TYPES.length, "has too many entries").nullish(),
  ticketMinGbp: v.gbp.nullish(),
  ticketMaxGbp: v.gbp.nullish(),
  graduationYearFrom: z.number().int("must be a whole year").min(1900, "must be 1900 or later").max(2100, "must be 2100 or earlier").nullish(),
  graduationYearTo: z.number().int("must be a whole year").min(1900, "must be 1900 or later").max(2100, "must be 2100 or earlier").nullish(),
  query: z.string().nullish(),
});

/** The filter as a client sends it (GraphQL input, a saved search, or an export's query string). */
export type AlumniFilterInput = z.input<typeof FilterInput>;

/** Validates a filter and resolves its global ids; errors name the field under `prefix` (e.g. "filter.ticketMaxGbp"). */
export function parseAlumniFilter(input: unknown, prefix = "filter"): AlumniFilter {
  const f = parseInput(FilterInput, input ?? {}, prefix);
  if (f.ticketMinGbp != null && f.ticketMaxGbp != null && f.ticketMinGbp > f.ticketMaxGbp) {
    throw badInput(`${prefix}.ticketMaxGbp`, `${prefix}.ticketMaxGbp: must not be less than ticketMinGbp.`);
  }
  if (f.graduationYearFrom != null && f.graduationYearTo != null && f.graduationYearFrom > f.graduationYearTo) {
    throw badInput(`${prefix}.graduationYearTo`, `${prefix}.graduationYearTo: must not be before graduationYearFrom.`);
  }
  const query = f.query?.trim();
  return {
    universityId: f.universityId ? refOf("Organisation", f.universityId, `${prefix}.universityId`) : null,
    countryCodes: [...new Set(f.countryCodes ?? [])],
    placeId: f.placeId ? refOf("Place", f.placeId, `${prefix}.placeId`) : null,
    sectors: [...new Set(f.sectors ?? [])],
    investorTypes: [...new Set(f.investorTypes ?? [])],
    ticketMinGbp: f.ticketMinGbp ?? null,
    ticketMaxGbp: f.ticketMaxGbp ?? null,
    graduationYearFrom: f.graduationYearFrom ?? null,
    graduationYearTo: f.graduationYearTo ?? null,
    text: query ? parseSearchText(query, `${prefix}.query`) : null,
  };
}

export interface AlumniTieModel extends AlumniTieRow {
  universityName: string;
}

export interface AlumniInvestorModel {
  /** The person's id (the cursor's tie-breaker). */
  id: string;
  person: PersonRow;
  alumniTies: AlumniTieModel[];
  investorProfiles: InvestorProfileRow[];
  sectors: string[];
  matchedSectors: string[];
  investorTypes: InvestorType[];
  ticketMinGbp: number | null;
  ticketMaxGbp: number | null;
  countryCode: string | null;
  priorityMarket: boolean;
  lastContactAt: Date | null;
  recentInteractionCount: number;
  knownBy: MemberRow[];
  fit: number;
  warmth: number;
  score: number;
  fitReasons: string[];
}

/** £950k, £1m, £1.5m, £25m, £2bn. */
export function formatGbp(value: number): string {
  const short = (n: number, unit: string) => `£${Number.isInteger(n) ? n : Number(n.toFixed(1))}${unit}`;
  if (value >= 1e9) return short(value / 1e9, "bn");
  if (value >= 1e6) return short(value / 1e6, "m");
  if (value >= 1e3) return short(value / 1e3, "k");
  return `£${value}`;
}

export function formatTicket(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min === null) return `up to ${formatGbp(max!)}`;
  if (max === null) return `${formatGbp(min)}+`;
  return min === max ? formatGbp(min) : `${formatGbp(min)}–${formatGbp(max)}`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (d: string | Date | null) => (d === null ? null : d instanceof Date ? d : new Date(d));

function reasons(f: AlumniFilter, r: AlumniRow, m: Omit<AlumniInvestorModel, "fitReasons">): string[] {
  const out: string[] = [];
  for (const t of m.alumniTies) {
    const detail = [t.degree, t.subject].filter(Boolean).join(" ");
    const year = t.graduationYear ? `${detail ? ", " : ""}${t.graduationYear}` : "";
    out.push(`Alumni of ${t.universityName}${detail || year ? ` (${detail}${year})` : ""}`);
  }
  if (m.matchedSectors.length) {
    out.push(
      f.sectors.length
        ? `Invests in ${m.matchedSectors.join(", ")} (asked for ${f.sectors.join(", ")})`
        : `Invests in priority sectors: ${m.matchedSectors.join(", ")}`,
    );
  } else if (m.sectors.length) {
    out.push(`Invests in ${m.sectors.join(", ")}`);
  }
  const ticket = formatTicket(m.ticketMinGbp, m.ticketMaxGbp);
  const asked = formatTicket(f.ticketMinGbp, f.ticketMaxGbp);
  if (ticket) {
    const inside =
      (f.ticketMinGbp === null || (m.ticketMinGbp !== null && m.ticketMinGbp >= f.ticketMinGbp)) &&
      (f.ticketMaxGbp === null || (m.ticketMaxGbp !== null && m.ticketMaxGbp <= f.ticketMaxGbp));
    out.push(asked ? `Ticket ${ticket} ${inside ? "within" : "overlaps"} ${asked}` : `Ticket ${ticket}`);
  } else {
    out.push("Ticket size not recorded");
  }
  if (r.via?.length) out.push(`Invests through ${r.via.join(", ")}`);
  if (m.priorityMarket) out.push(`Based in a priority market: ${m.countryCode} (${r.market_name})`);
  else if (m.countryCode) out.push(`Based in ${m.countryCode}`);
  const lastOwn = asDate(r.last_own_at);
  const names = new Map(m.knownBy.map((k) => [k.id, k.shortName ?? k.name]));
  if (lastOwn) out.push(`Your member last met them on ${day(lastOwn)}`);
  else if (m.lastContactAt) {
    out.push(`Last contact on ${day(m.lastContactAt)} by ${names.get(r.last_member_id ?? "") ?? "another member"}`);
  } else out.push("No contact recorded yet");
  if (m.recentInteractionCount > 0) {
    out.push(`${m.recentInteractionCount} interaction${m.recentInteractionCount === 1 ? "" : "s"} you can see in the last 12 months`);
  }
  if (m.knownBy.length) out.push(`Known to ${m.knownBy.map((k) => k.shortName ?? k.name).join(", ")}`);
  return out;
}

function toModel(ctx: Context, f: AlumniFilter, r: AlumniRow): AlumniInvestorModel {
  const person = rowFrom(people, jsonObject(r.person));
  ctx.loaders.people.byId.prime(person.id, person);
  const ties = ((jsonObject(r.ties) as unknown as Record<string, unknown>[] | null) ?? []).map((t) => ({
    ...rowFrom(alumniTies, t),
    universityName: String(t.university_name),
  }));
  const profiles = ((jsonObject(r.profiles) as unknown as Record<string, unknown>[] | null) ?? []).map((p) => {
    const row = rowFrom(investorProfiles, p);
    ctx.loaders.investors.byId.prime(row.id, row);
    return row;
  });
  const knownBy = ((jsonObject(r.known_by) as unknown as Record<string, unknown>[] | null) ?? []).map((k) => {
    const row = rowFrom(members, k);
    ctx.loaders.members.byId.prime(row.id, row);
    return row;
  });
  const model = {
    id: person.id,
    person,
    alumniTies: ties,
    investorProfiles: profiles,
    sectors: r.all_sectors ?? [],
    matchedSectors: r.matched_sectors ?? [],
    investorTypes: (r.types ?? []) as InvestorType[],
    ticketMinGbp: r.tmin === null ? null : Number(r.tmin),
    ticketMaxGbp: r.tmax === null ? null : Number(r.tmax),
    countryCode: r.country_code?.trim() ?? null,
    priorityMarket: r.market_name !== null,
    lastContactAt: asDate(r.last_at),
    recentInteractionCount: r.recent_count ?? 0,
    knownBy,
    fit: Number(r.fit),
    warmth: Number(r.warmth),
    score: Number(r.score),
  };
  return { ...model, fitReasons: reasons(f, r, model) };
}

function parseCursor(after: string | null | undefined): AlumniCursor | null {
  if (!after) return null;
  const { key, id } = decodeCursor(after);
  if (!/^-?\d+(\.\d+)?$/.test(key) || !/^[0-9a-f-]{36}$/i.test(id)) throw badInput("after", "after is not a valid cursor.");
  return { score: key, id };
}

/** A page of results; `size` is not capped here (exports ask for more than a GraphQL page). */
export async function alumniResults(
  ctx: Context,
  filter: AlumniFilter,
  size: number,
  after: string | null | undefined,
): Promise<{ rows: { row: AlumniInvestorModel; sortKey: string }[]; total: number }> {
  const viewer = viewerOf(ctx);
  const rows = await alumniPage(ctx.db, viewer, filter, size, parseCursor(after));
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.filter((r) => r.id !== null).map((r) => ({ row: toModel(ctx, filter, r), sortKey: r.score! })),
  };
}

export async function alumniInvestors(ctx: Context, filter: unknown, page: PageArgs): Promise<Connection<AlumniInvestorModel>> {
  viewerOf(ctx);
  const size = pageSize(page.first);
  const { rows, total } = await alumniResults(ctx, parseAlumniFilter(filter), size, page.after);
  return toConnection(rows, size, async () => total);
}
