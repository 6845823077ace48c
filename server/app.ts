import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import helmet from "helmet";
import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "./config.js";
import { type Context, createContext } from "./context.js";
import type { Database } from "./db/client.js";
import { runWithCounter } from "./db/statements.js";
import { formatError } from "./graphql/errors.js";
import { buildSchema } from "./graphql/schema.js";
import { armor, costLimitPlugin } from "./graphql/limits.js";
import { textInputPlugin } from "./graphql/text-input.js";
import { createMetrics } from "./observability/metrics.js";
import { pinoHttp } from "pino-http";
import { viewerFromAuthorization } from "./modules/sessions/sessions.service.js";
import { importUploadRouter } from "./modules/imports/imports.upload.js";
import { stopImports } from "./modules/imports/imports.runner.js";
import { memberExportRouter } from "./modules/exports/member-export.js";
import { exportsRouter } from "./modules/exports/exports.routes.js";
import { briefingsRouter } from "./modules/briefings/briefings.routes.js";
import { corsMiddleware } from "./cors.js";
import type { Logger } from "./logger.js";

const KNOWN_ROUTES = new Set(["/graphql", "/healthz", "/readyz", "/metrics"]);
/** A bounded label set: ids in paths must not explode the metric's cardinality. */
function routeLabel(path: string): string {
  if (KNOWN_ROUTES.has(path)) return path;
  const first = path.split("/")[1];
  return first ? `/${first}/*` : "/";
}

export interface App {
  express: Express;
  /** Stops GraphQL: the HTTP server stops taking requests and in-flight ones finish first. */
  stop(): Promise<void>;
}

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** The server the app will be mounted on, so shutdown can drain it. */
  httpServer: Server;
}

export async function createApp({ config, database, logger, httpServer }: AppDeps): Promise<App> {
  const production = config.env === "production";
  const metrics = createMetrics(database.pool);
  const schema = buildSchema();
  const limits = armor();
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limits.validationRules,
    formatError: formatError(logger),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // Cross-site request forgery: refuse simple requests without a preflight.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<Context>[]),
      costLimitPlugin(schema),
      textInputPlugin(),
      metrics.graphqlPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.use(
    helmet({
      // The web client is served from this origin; inline styles come from React.
      contentSecurityPolicy: {
        directives: { "script-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:"] },
      },
    }),
  );
  app.set("trust proxy", "loopback");
  // Time to receive the whole request: uploads to /imports get IMPORT_TIMEOUT_SECONDS, the rest REQUEST_TIMEOUT_SECONDS.
  app.use(requestDeadline((req) => (req.method === "POST" && req.path === "/imports" ? config.timeouts.importUploadMs : config.timeouts.requestMs)));

  app.use((req, res, next) => {
    const requestId = (req.header("x-request-id") ?? "").slice(0, 100) || randomUUID();
    res.setHeader("x-request-id", requestId);
    res.locals.requestId = requestId;
    // Every SQL statement this request runs is counted (X-SQL-Statements; benchmarks and tests read it).
    const counter = { statements: 0 };
    res.locals.counter = counter;
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
      if (!res.headersSent) res.setHeader("x-sql-statements", String(counter.statements));
      return writeHead(...args);
    }) as typeof res.writeHead;
    const route = routeLabel(req.path); // read now: mounted routers rewrite req.path later
    res.on("finish", () => {
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    runWithCounter(counter, next);
  });
  // One line per request: id, method, path (no query string: it may carry names), status, time.
  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => String(res.getHeader("x-request-id")),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/metrics" },
    }),
  );

  // Cross-origin browsers: the CORS_ORIGINS allow-list only (default: same origin only).
  app.use(corsMiddleware(config.corsOrigins));

  app.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await database.ping();
      res.json({ status: "ready", database: database.kind });
    } catch (err) {
      logger.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "unavailable" });
    }
  });

  // File uploads for imports (up to 200 MB, this route only) and a member's full export.
  app.use("/imports", importUploadRouter(database, config));
  app.use("/exports", memberExportRouter(database, config));
  // CSV of people lists, searches and alumni searches, with the API's filters and sharing rules.
  app.use("/exports", exportsRouter(database, config));
  // Briefing packs as Markdown, for the signed-in viewer.
  app.use("/briefings", briefingsRouter(database, config));

  app.use(
    "/graphql",
    express.json({ limit: "1mb", type: ["application/json", "application/graphql-response+json"] }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await viewerFromAuthorization(database.db, config, req.header("authorization"));
        return createContext({
          db: database.db,
          config,
          viewer,
          requestId: res.locals.requestId as string,
          clientAddress: req.ip,
        });
      },
    }),
  );

  serveClient(app);

  // Body-parser failures (oversized or malformed bodies) answer in JSON with their status (413, 400).
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const status = typeof err === "object" && err !== null && "status" in err ? Number(err.status) : 500;
    if (res.headersSent) return next(err);
    if (status === 413) {
      res.status(413).json({ errors: [{ message: "Request body too large.", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({ errors: [{ message: "Malformed request.", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    logger.error({ err, requestId: res.locals.requestId }, "unhandled error");
    res.status(500).json({ errors: [{ message: "Something went wrong on our side.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  });

  // A slow or stalled client cannot hold a connection open indefinitely. Node's own limit is a
  // backstop at the longest deadline (it is per server, not per route); requestDeadline applies each.
  httpServer.requestTimeout = Math.max(config.timeouts.requestMs, config.timeouts.importUploadMs);
  httpServer.headersTimeout = Math.min(15_000, config.timeouts.requestMs);

  return {
    express: app,
    stop: async () => {
      await stopImports();
      await apollo.stop();
    },
  };
}

/**
 * Refuses a request whose body has not fully arrived within its deadline (408, connection
 * closed), as Node's requestTimeout does, but per request, so one route can allow longer.
 */
function requestDeadline(deadlineOf: (req: express.Request) => number): express.RequestHandler {
  return (req, res, next) => {
    if (req.complete) return next();
    const ms = deadlineOf(req);
    const timer = setTimeout(() => {
      if (req.complete) return;
      if (!res.headersSent) {
        res.setHeader("connection", "close");
        res.status(408).json({ errors: [{ message: `The request did not arrive within ${ms / 1000} s.`, extensions: { code: "BAD_REQUEST" } }] });
      }
      // Then the request is destroyed (and its connection): whatever reads its body sees it close unfinished.
      if (res.writableFinished || res.headersSent) req.destroy();
      else res.on("finish", () => req.destroy());
    }, ms);
    timer.unref();
    res.on("close", () => clearTimeout(timer));
    req.on("end", () => clearTimeout(timer));
    next();
  };
}

/**
 * The web client built by Vite (client/dist; dist/client/dist in a compiled
 * build). Registered after the API, so /graphql, /healthz and /readyz always
 * win; any other page address gets index.html and the client routes it.
 */
function serveClient(app: Express) {
  const clientDir = fileURLToPath(new URL("../client/dist", import.meta.url));
  const indexHtml = join(clientDir, "index.html");
  if (!existsSync(indexHtml)) return;
  app.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, path) => {
        // Vite puts a content hash in every asset name: cache those for good, never index.html.
        res.setHeader("cache-control", path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  app.get("/{*path}", (req, res, next) => {
    // A missing file (/assets/x.js, /favicon.png) is a 404, not the app.
    if (extname(req.path) || !req.accepts("html")) return next();
    res.setHeader("cache-control", "no-cache");
    res.sendFile(indexHtml);
  });
}
