import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import express, { type Request, type Response } from "express";
import { alumniInvestors } from "./alumni.js";
import { visitBriefing } from "./briefing.js";
import { BadInput, type FloorViewer, Queries, authenticate, dbId, openPool } from "./db.js";
import { logInteraction } from "./log-interaction.js";
import { personProfile } from "./person.js";
import { search } from "./search.js";

// The floor: the benchmark's answers produced by hand-written SQL behind plain
// Express routes — pg directly, no GraphQL, no DataLoader, no ORM. Each route
// takes the same variables the GraphQL operation takes, checks the same
// bearer token and session, applies the same visibility rule, and answers in
// the same { data } shape, so the harness validates (and compares) both alike.
// Run by the harness as its own process: FLOOR_DATABASE_URL, FLOOR_PORT, JWT_SECRET.

const url = process.env.FLOOR_DATABASE_URL;
const port = Number(process.env.FLOOR_PORT ?? 4620);
const secret = process.env.JWT_SECRET;
if (!url || !secret) {
  console.error("floor: FLOOR_DATABASE_URL and JWT_SECRET are required");
  process.exit(2);
}

const pool = openPool(url);
const app = express();
app.disable("x-powered-by");
app.use(express.json({ limit: "1mb" }));

const loop = monitorEventLoopDelay({ resolution: 20 });
loop.enable();

app.get("/floor/ready", async (_req, res) => {
  await pool.query("select 1");
  res.json({ status: "ready" });
});
app.get("/floor/stats", (_req, res) => {
  const cpu = process.cpuUsage();
  res.json({
    rssBytes: process.memoryUsage().rss,
    eventLoopP99Seconds: loop.percentile(99) / 1e9,
    eventLoopMaxSeconds: loop.max / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  });
  loop.reset();
});

type Handler = (q: Queries, viewer: FloorViewer, body: Record<string, unknown>, requestId: string) => Promise<unknown>;

function route(path: string, handler: Handler) {
  app.post(path, async (req: Request, res: Response) => {
    const q = new Queries(pool);
    const send = (status: number, body: unknown) => {
      res.setHeader("x-sql-statements", String(q.statements));
      res.status(status).json(body);
    };
    try {
      const viewer = await authenticate(q, secret!, req.header("authorization"));
      if (!viewer) return send(200, { data: null, errors: [{ message: "Sign in first.", extensions: { code: "UNAUTHENTICATED" } }] });
      const data = await handler(q, viewer, (req.body ?? {}) as Record<string, unknown>, randomUUID());
      send(200, { data });
    } catch (error) {
      if (error instanceof BadInput) return send(200, { data: null, errors: [{ message: error.message, extensions: { code: "BAD_USER_INPUT" } }] });
      console.error(error);
      send(500, { data: null, errors: [{ message: "floor failure", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    }
  });
}

route("/floor/log-interaction", (q, viewer, body, requestId) => logInteraction(q, viewer, requestId, body));
route("/floor/alumni-investors", (q, viewer, body) => alumniInvestors(q, viewer, body));
route("/floor/search", (q, viewer, body) => search(q, viewer, body));
route("/floor/visit-briefing", (q, viewer, body) => visitBriefing(q, viewer, dbId("Visit", body.visitId)));
route("/floor/person", (q, viewer, body) => personProfile(q, viewer, dbId("Person", body.id)));

const server = app.listen(port, "127.0.0.1");
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
