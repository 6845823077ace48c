import { type Request, type Response, Router } from "express";
import type { Config } from "../../config.js";
import { createContext } from "../../context.js";
import type { Database } from "../../db/client.js";
import { AppError, badInput } from "../../errors.js";
import { parseGlobalId } from "../../graphql/global-id.js";
import { viewerFromAuthorization } from "../sessions/sessions.service.js";
import { renderMarkdown } from "./briefings.markdown.js";
import * as briefings from "./briefings.service.js";

// Mounted at /briefings: GET /briefings/<visit id>.md and GET /briefings/places/<place id>.md?from=&to=:
// the briefing pack as Markdown, for the signed-in viewer (Authorization: Bearer).
// A visit that is missing or not visible answers 404 alike.

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const error = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

export function briefingsRouter(database: Database, config: Config): Router {
  const router = Router();
  const db = database.db;

  async function handle(req: Request, res: Response, load: (ctx: ReturnType<typeof createContext>) => Promise<briefings.BriefingModel | null>, what: string) {
    const viewer = await viewerFromAuthorization(db, config, req.header("authorization"));
    if (!viewer) {
      res.setHeader("www-authenticate", "Bearer");
      error(res, 401, "UNAUTHENTICATED", "You must sign in.");
      return;
    }
    const ctx = createContext({ db, config, viewer, requestId: res.locals.requestId as string, clientAddress: req.ip });
    try {
      const briefing = await load(ctx);
      if (!briefing) {
        error(res, 404, "NOT_FOUND", `${what} not found.`);
        return;
      }
      res.setHeader("cache-control", "no-store");
      res.setHeader("content-disposition", `inline; filename="briefing-${briefing.from}.md"`);
      res.type("text/markdown; charset=utf-8").send(renderMarkdown(briefing));
    } catch (err) {
      if (err instanceof AppError && err.code === "BAD_USER_INPUT") {
        res.status(400).json({ errors: [{ message: err.message, extensions: { code: err.code, field: err.field } }] });
        return;
      }
      throw err;
    }
  }

  /** The database id behind a global id of the expected type, or null (answered as not found). */
  const idOf = (type: string, globalId: string) => {
    const parsed = parseGlobalId(globalId);
    return parsed?.type === type ? parsed.id : null;
  };

  router.get("/places/:placeId.md", async (req, res) => {
    const id = idOf("Place", req.params.placeId);
    const from = typeof req.query.from === "string" ? req.query.from : "";
    const to = typeof req.query.to === "string" ? req.query.to : "";
    await handle(
      req,
      res,
      async (ctx) => {
        for (const [field, value] of [["from", from], ["to", to]] as const) {
          if (!isDate(value)) throw badInput(field, `${field} must be a date as YYYY-MM-DD.`);
        }
        return id ? briefings.placeBriefing(ctx, id, from, to) : null;
      },
      "Place",
    );
  });

  router.get("/:visitId.md", async (req, res) => {
    const id = idOf("Visit", req.params.visitId);
    await handle(req, res, async (ctx) => (id ? briefings.visitBriefing(ctx, id) : null), "Visit");
  });

  return router;
}
