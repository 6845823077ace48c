import express, { type NextFunction, type Request, type Response } from "express";
import type { Config } from "../../config.js";
import { type Context, createContext } from "../../context.js";
import type { Database } from "../../db/client.js";
import { AppError, badInput } from "../../errors.js";
import { parseGlobalId } from "../../graphql/global-id.js";
import { parseAlumniFilter } from "../alumni/alumni.service.js";
import { recordAudit } from "../audit/audit.repository.js";
import { parsePeopleFilter } from "../search/people-filter.js";
import * as savedSearches from "../search/saved-searches.service.js";
import { viewerFromAuthorization } from "../sessions/sessions.service.js";
import { UNSTORABLE_TEXT_MESSAGE, isUnstorableText } from "../shared/text.js";
import { sendCsv } from "./csv.js";
import { type ExportResult, exportAlumni, exportPeople, exportSearch } from "./list-exports.js";

/** A result of any row type (its columns read its own rows). */
const erase = <T>(result: ExportResult<T>) => result as unknown as ExportResult<unknown>;

// CSV downloads of the lists people work from, with the same filters as the API:
//   GET /exports/people.csv?query=&organisationId=&placeId=&countryCode=&sector=&ownedByMe=&includeArchived=
//   GET /exports/search.csv?query=…&kinds=PERSON,ORGANISATION
//   GET /exports/alumni-investors.csv?universityId=&countryCodes=JP&placeId=&sectors=life%20sciences
//       &investorTypes=ANGEL&ticketMinGbp=1000000&ticketMaxGbp=&graduationYearFrom=&graduationYearTo=&query=
//   GET /exports/saved-searches/<saved search id>.csv
// Authenticated like /graphql (Authorization: Bearer <access token>). List
// parameters repeat (sectors=a&sectors=b); codes and kinds may also be
// comma-separated. Ids are global ids. At most EXPORT_LIMIT rows; when there
// were more, X-Export-Truncated: true. X-Total-Count is the full count.

type Query = Record<string, unknown>;

function values(q: Query, name: string, { split = false } = {}): string[] | undefined {
  const raw = q[name];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).map(String);
  if (list.some(isUnstorableText)) throw badInput(name, `${name} ${UNSTORABLE_TEXT_MESSAGE}.`);
  const out = split ? list.flatMap((v) => v.split(",")) : list;
  const trimmed = out.map((v) => v.trim()).filter((v) => v !== "");
  return trimmed.length ? trimmed : undefined;
}

const one = (q: Query, name: string) => values(q, name)?.[0];

/** Numbers as numbers; anything else is passed on as given, so validation names the field. */
function number(q: Query, name: string): number | string | undefined {
  const v = one(q, name);
  if (v === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function boolean(q: Query, name: string): boolean | string | undefined {
  const v = one(q, name)?.toLowerCase();
  if (v === undefined) return undefined;
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v;
}

export function peopleFilterFrom(q: Query) {
  return {
    query: one(q, "query"),
    organisationId: one(q, "organisationId"),
    placeId: one(q, "placeId"),
    countryCode: one(q, "countryCode"),
    sector: one(q, "sector"),
    ownedByMe: boolean(q, "ownedByMe"),
    includeArchived: boolean(q, "includeArchived"),
  };
}

export function alumniFilterFrom(q: Query) {
  return {
    universityId: one(q, "universityId"),
    countryCodes: values(q, "countryCodes", { split: true }),
    placeId: one(q, "placeId"),
    sectors: values(q, "sectors"),
    investorTypes: values(q, "investorTypes", { split: true }),
    ticketMinGbp: number(q, "ticketMinGbp"),
    ticketMaxGbp: number(q, "ticketMaxGbp"),
    graduationYearFrom: number(q, "graduationYearFrom"),
    graduationYearTo: number(q, "graduationYearTo"),
    query: one(q, "query"),
  };
}

function errorBody(message: string, code: string, field?: string) {
  return { errors: [{ message, extensions: field ? { code, field } : { code } }] };
}

/** Errors in the same shape as GraphQL's: bad input 400 (with the field, named as the query parameter), missing 404. */
function sendError(res: Response, err: unknown, next: NextFunction): void {
  if (!(err instanceof AppError)) return next(err);
  const field = err.field?.replace(/^filter\./, "");
  const message = err.message.replace(/^filter\./, "");
  const status = { BAD_USER_INPUT: 400, NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409, INTERNAL_SERVER_ERROR: 500 }[err.code];
  if (status === 500) return next(err);
  res.status(status).json(errorBody(message, err.code, field));
}

export function exportsRouter(database: Database, config: Config): express.Router {
  const router = express.Router();

  /** The signed-in viewer's context, or a 401 answer (null). */
  async function contextFor(req: Request, res: Response): Promise<Context | null> {
    const viewer = await viewerFromAuthorization(database.db, config, req.header("authorization"));
    if (!viewer) {
      res.status(401).json(errorBody("You must sign in.", "UNAUTHENTICATED"));
      return null;
    }
    return createContext({ db: database.db, config, viewer, requestId: res.locals.requestId as string | undefined, clientAddress: req.ip });
  }

  /** Runs an export, audits it (personal data left the system) and sends the CSV. */
  function csvRoute<T>(name: string, run: (ctx: Context, q: Query, req: Request) => Promise<{ filename: string; result: ExportResult<T> } | null>) {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        const ctx = await contextFor(req, res);
        if (!ctx) return;
        const q = req.query as Query;
        const out = await run(ctx, q, req);
        if (!out) {
          res.status(404).json(errorBody("Saved search not found.", "NOT_FOUND"));
          return;
        }
        const { filename, result } = out;
        await recordAudit(ctx.db, ctx, {
          action: "export",
          recordType: "Export",
          recordId: null,
          changes: { export: name, rows: result.rows.length, total: result.total },
        });
        res.setHeader("x-total-count", String(result.total));
        if (result.total > result.rows.length) res.setHeader("x-export-truncated", "true");
        sendCsv(res, filename, result.columns, result.rows);
      } catch (err) {
        sendError(res, err, next);
      }
    };
  }

  router.get(
    "/people.csv",
    csvRoute("people.csv", async (ctx, q) => ({ filename: "people", result: await exportPeople(ctx, parsePeopleFilter(peopleFilterFrom(q))) })),
  );

  router.get(
    "/search.csv",
    csvRoute("search.csv", async (ctx, q) => {
      const params = savedSearches.parseSearchParams({ query: one(q, "query") ?? "", kinds: values(q, "kinds", { split: true }) }, "filter");
      return { filename: "search", result: await exportSearch(ctx, params) };
    }),
  );

  router.get(
    "/alumni-investors.csv",
    csvRoute("alumni-investors.csv", async (ctx, q) => ({
      filename: "alumni-investors",
      result: await exportAlumni(ctx, parseAlumniFilter(alumniFilterFrom(q))),
    })),
  );

  router.get(
    "/saved-searches/:file",
    csvRoute<unknown>("saved-search.csv", async (ctx, _q, req) => {
      const match = /^([A-Za-z0-9_-]+)\.csv$/.exec(String(req.params.file));
      const parsed = match ? parseGlobalId(match[1]!) : null;
      const saved = parsed?.type === "SavedSearch" ? await savedSearches.get(ctx, parsed.id) : null;
      if (!saved) return null;
      const filename = saved.name;
      switch (saved.kind) {
        case "SEARCH":
          return { filename, result: erase(await exportSearch(ctx, savedSearches.parseSearchParams(saved.filter, "filter"))) };
        case "ALUMNI":
          return { filename, result: erase(await exportAlumni(ctx, parseAlumniFilter(saved.filter))) };
        case "PEOPLE":
          return { filename, result: erase(await exportPeople(ctx, parsePeopleFilter(saved.filter))) };
      }
    }),
  );

  return router;
}
