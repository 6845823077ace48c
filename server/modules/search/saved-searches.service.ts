import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import { badInput, notFound } from "../../errors.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { recordAudit } from "../audit/audit.repository.js";
import { alumniInvestors, parseAlumniFilter } from "../alumni/alumni.service.js";
import * as peopleService from "../people/people.service.js";
import type { PageArgs } from "../shared/pagination.js";
import { transaction } from "../shared/records.js";
import { parseInput } from "../shared/validation.js";
import { parsePeopleFilter } from "./people-filter.js";
import * as repo from "./saved-searches.repository.js";
import { SEARCH_KINDS, type SearchKind, search } from "./search.service.js";
import { parseSearchText } from "./text-query.js";

export type { SavedSearchRow } from "./saved-searches.repository.js";
type SavedSearchRow = repo.SavedSearchRow;

export const MAX_SAVED_SEARCHES = 100;

export function list(ctx: Context): Promise<SavedSearchRow[]> {
  return repo.listForUser(ctx.db, viewerOf(ctx).userId);
}

/** The viewer's own saved search, or null (missing and someone else's look the same). */
export function get(ctx: Context, id: string): Promise<SavedSearchRow | null> {
  return repo.findForUser(ctx.db, viewerOf(ctx).userId, id);
}

const SearchParams = z.object({
  query: z.string(),
  kinds: z.array(z.enum(SEARCH_KINDS as [SearchKind, ...SearchKind[]])).max(SEARCH_KINDS.length, "has too many entries").nullish(),
});

/** A saved (or to-be-saved) search's arguments, validated. */
export function parseSearchParams(input: unknown, prefix: string): { query: string; kinds: SearchKind[] } {
  const p = parseInput(SearchParams, input, prefix);
  const text = parseSearchText(p.query, `${prefix}.query`);
  return { query: text.literal, kinds: [...new Set(p.kinds ?? [])] };
}

const CreateInput = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  search: z.record(z.string(), z.unknown()).nullish(),
  alumni: z.record(z.string(), z.unknown()).nullish(),
  people: z.record(z.string(), z.unknown()).nullish(),
});

/** Keeps only the keys that were given a value. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

export async function create(ctx: Context, input: unknown): Promise<SavedSearchRow> {
  const viewer = viewerOf(ctx);
  const data = parseInput(CreateInput, input);
  const given = (["search", "alumni", "people"] as const).filter((k) => data[k] != null);
  if (given.length !== 1) throw badInput("input", "input: give exactly one of search, alumni and people.");
  const which = given[0]!;
  let kind: repo.SavedSearchKind;
  let filter: Record<string, unknown>;
  if (which === "search") {
    kind = "SEARCH";
    filter = parseSearchParams(data.search, "input.search");
  } else if (which === "alumni") {
    kind = "ALUMNI";
    filter = compact(data.alumni!);
    parseAlumniFilter(filter, "input.alumni");
  } else {
    kind = "PEOPLE";
    filter = compact(data.people!);
    parsePeopleFilter(filter, "input.people");
  }
  return transaction(ctx, async (tx) => {
    if ((await repo.countForUser(tx, viewer.userId)) >= MAX_SAVED_SEARCHES) {
      throw badInput("input", `input: you can keep at most ${MAX_SAVED_SEARCHES} saved searches; delete one first.`);
    }
    const row = await repo.insertUnlessNameTaken(tx, { userId: viewer.userId, name: data.name, kind, filter });
    if (!row) throw badInput("input.name", "input.name: you already have a saved search with this name.");
    await recordAudit(tx, ctx, { action: "create", recordType: "SavedSearch", recordId: row.id, changes: { name: row.name, kind, filter } });
    return row;
  });
}

export function remove(ctx: Context, id: string): Promise<string> {
  const viewer = viewerOf(ctx);
  return transaction(ctx, async (tx) => {
    const row = await repo.deleteForUser(tx, viewer.userId, id);
    if (!row) throw notFound("Saved search");
    await recordAudit(tx, ctx, { action: "delete", recordType: "SavedSearch", recordId: row.id, changes: { name: row.name } });
    return toGlobalId("SavedSearch", row.id);
  });
}

// Running a saved search re-validates its filter (ids may since have become
// invisible: they then match nothing, exactly as in a fresh query).

export function searchResults(ctx: Context, saved: SavedSearchRow, page: PageArgs) {
  if (saved.kind !== "SEARCH") return null;
  return search(ctx, parseSearchParams(saved.filter, "filter"), page);
}

export function alumniResults(ctx: Context, saved: SavedSearchRow, page: PageArgs) {
  if (saved.kind !== "ALUMNI") return null;
  return alumniInvestors(ctx, saved.filter, page);
}

export function peopleResults(ctx: Context, saved: SavedSearchRow, page: PageArgs) {
  if (saved.kind !== "PEOPLE") return null;
  return peopleService.list(ctx, parsePeopleFilter(saved.filter, "filter"), page);
}
