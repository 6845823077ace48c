import { type Context, viewerOf } from "../../context.js";
import type {
  InteractionRow,
  OrganisationRow,
  PartnershipRow,
  PersonRow,
  PlaceRow,
  VisitRow,
} from "../../db/rows.js";
import { interactions, organisations, partnerships, people, places, visits } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { type Connection, type PageArgs, decodeCursor, pageSize, toConnection } from "../shared/pagination.js";
import { jsonObject, rowFrom } from "../shared/raw-rows.js";
import { type SearchCursor, type SearchRow, searchPage } from "./search.repository.js";
import { snippetHtml, snippetText } from "./snippets.js";
import { type SearchTypename, parseSearchText } from "./text-query.js";

export type SearchKind = "PERSON" | "ORGANISATION" | "PLACE" | "PARTNERSHIP" | "VISIT" | "INTERACTION";
export const SEARCH_KINDS: SearchKind[] = ["PERSON", "ORGANISATION", "PLACE", "PARTNERSHIP", "VISIT", "INTERACTION"];

type NodeRow = PersonRow | OrganisationRow | PlaceRow | PartnershipRow | VisitRow | InteractionRow;

/** How each kind's record comes back from its JSON and into the request's loaders (so nested fields reuse it). */
const KINDS: Record<SearchKind, { typename: SearchTypename; toRow: (ctx: Context, json: Record<string, unknown>) => NodeRow }> = {
  PERSON: {
    typename: "Person",
    toRow: (ctx, json) => {
      const row = rowFrom(people, json);
      ctx.loaders.people.byId.prime(row.id, row);
      return row;
    },
  },
  ORGANISATION: {
    typename: "Organisation",
    toRow: (ctx, json) => {
      const row = rowFrom(organisations, json);
      ctx.loaders.organisations.byId.prime(row.id, row);
      return row;
    },
  },
  PLACE: {
    typename: "Place",
    toRow: (ctx, json) => {
      const row = rowFrom(places, json);
      ctx.loaders.places.byId.prime(row.id, row);
      return row;
    },
  },
  PARTNERSHIP: {
    typename: "Partnership",
    toRow: (ctx, json) => {
      const row = rowFrom(partnerships, json);
      ctx.loaders.partnerships.byId.prime(row.id, row);
      return row;
    },
  },
  VISIT: {
    typename: "Visit",
    toRow: (ctx, json) => {
      const row = rowFrom(visits, json);
      ctx.loaders.visits.byId.prime(row.id, row);
      return row;
    },
  },
  INTERACTION: {
    typename: "Interaction",
    toRow: (ctx, json) => {
      const row = rowFrom(interactions, json);
      ctx.loaders.interactions.byId.prime(row.id, row);
      return row;
    },
  },
};
const KIND_OF = new Map(SEARCH_KINDS.map((k) => [KINDS[k].typename, k]));

export interface SearchHitModel {
  /** The record's id (the cursor's tie-breaker). */
  id: string;
  kind: SearchKind;
  record: NodeRow & { __typename: SearchTypename };
  score: number;
  /** HTML: escaped text with <mark>…</mark> around matches. */
  snippet: string;
  /** The same text without marks, for CSV. */
  snippetText: string;
}

export interface SearchArgs {
  query: string;
  kinds?: readonly SearchKind[] | null;
}

function parseCursor(after: string | null | undefined): SearchCursor | null {
  if (!after) return null;
  const { key, id } = decodeCursor(after);
  if (!/^-?\d+(\.\d+)?$/.test(key) || !/^[0-9a-f-]{36}$/i.test(id)) throw badInput("after", "after is not a valid cursor.");
  return { score: key, id };
}

function kindsOf(kinds: readonly SearchKind[] | null | undefined): SearchKind[] {
  if (!kinds || kinds.length === 0) return SEARCH_KINDS;
  for (const [i, k] of kinds.entries()) if (!SEARCH_KINDS.includes(k)) throw badInput(`kinds.${i}`, `kinds.${i}: unknown kind.`);
  return SEARCH_KINDS.filter((k) => kinds.includes(k));
}

/** A page of hits: `size` is not capped here (exports ask for more than a GraphQL page). */
export async function searchHits(
  ctx: Context,
  args: SearchArgs,
  size: number,
  after: string | null | undefined,
): Promise<{ hits: { row: SearchHitModel; sortKey: string }[]; total: number }> {
  const viewer = viewerOf(ctx);
  const text = parseSearchText(args.query, "query");
  const kinds = kindsOf(args.kinds);
  const rows: SearchRow[] = await searchPage(
    ctx.db,
    viewer,
    text,
    kinds.map((k) => KINDS[k].typename),
    size,
    parseCursor(after),
  );
  const total = rows[0]?.total ?? 0;
  const hits = rows
    .filter((r) => r.id !== null && r.typename !== null && r.record !== null)
    .map((r) => {
      const kind = KIND_OF.get(r.typename!)!;
      const record = Object.assign(KINDS[kind].toRow(ctx, jsonObject(r.record)), { __typename: r.typename! });
      const hit: SearchHitModel = {
        id: r.id!,
        kind,
        record,
        score: Number(r.score),
        snippet: snippetHtml(r.snippet, text.terms),
        snippetText: snippetText(r.snippet),
      };
      return { row: hit, sortKey: r.score! };
    });
  return { hits, total };
}

export async function search(ctx: Context, args: SearchArgs, page: PageArgs): Promise<Connection<SearchHitModel>> {
  const size = pageSize(page.first);
  const { hits, total } = await searchHits(ctx, args, size, page.after);
  return toConnection(hits, size, async () => total);
}
