import { z } from "zod";

// The only module that reads process.env. Every problem is listed at once so
// an operator fixes a bad deployment in one pass, not one variable at a time.
const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  DEMO_DATA: z.enum(["true", "false"]).optional(),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Key rotation: tokens signed with the previous key stay valid until the given instant.
  JWT_PREVIOUS_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_PREVIOUS_SECRET_UNTIL: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant, e.g. 2026-12-01T00:00:00Z" }).optional(),
  JWT_ISSUER: z.string().default("entente"),
  JWT_AUDIENCE: z.string().default("entente-api"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  // How long a client may take to send a request (a slow client cannot hold a connection open);
  // file uploads to /imports get their own, longer limit.
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  IMPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  // Browser origins allowed to call the API cross-origin, comma-separated; unset = same origin only.
  CORS_ORIGINS: z.string().optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; poolMax: number };
  demoData: boolean;
  jwt: {
    secret: string;
    previous: { secret: string; until: Date } | null;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
  };
  logLevel: string;
  /** Time allowed to receive a whole request: uploads to /imports, and everything else. */
  timeouts: { requestMs: number; importUploadMs: number };
  /** Exact origins (scheme://host[:port]) allowed to call the API from a browser on another origin. */
  corsOrigins: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

// A development secret is fine for the embedded demo, never for production.
const DEV_JWT_SECRET = "entente-development-secret-do-not-use-in-production";

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set" (as shells and compose files often pass them).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === "production" && !e.JWT_SECRET) problems.push("JWT_SECRET: required when NODE_ENV=production");
  if (Boolean(e.JWT_PREVIOUS_SECRET) !== Boolean(e.JWT_PREVIOUS_SECRET_UNTIL)) {
    problems.push("JWT_PREVIOUS_SECRET_UNTIL: set both JWT_PREVIOUS_SECRET and JWT_PREVIOUS_SECRET_UNTIL, or neither");
  }
  const corsOrigins = parseOrigins(e.CORS_ORIGINS ?? "", problems);
  if (problems.length) throw new ConfigError(problems);
  const database: Config["database"] = e.DATABASE_URL
    ? { kind: "postgres", url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
    : { kind: "pglite", dataDir: e.DATA_DIR };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    // Demo data is on by default for the embedded database only: a real server
    // should never be filled with demo users unless someone asks for it.
    demoData: e.DEMO_DATA ? e.DEMO_DATA === "true" : database.kind === "pglite",
    jwt: {
      secret: e.JWT_SECRET ?? DEV_JWT_SECRET,
      previous:
        e.JWT_PREVIOUS_SECRET && e.JWT_PREVIOUS_SECRET_UNTIL
          ? { secret: e.JWT_PREVIOUS_SECRET, until: new Date(e.JWT_PREVIOUS_SECRET_UNTIL) }
          : null,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    },
    logLevel: e.LOG_LEVEL,
    timeouts: { requestMs: e.REQUEST_TIMEOUT_SECONDS * 1000, importUploadMs: e.IMPORT_TIMEOUT_SECONDS * 1000 },
    corsOrigins,
  };
}

/**
 * CORS_ORIGINS entries must be exact origins: an allow-list compared byte for byte
 * with the Origin header, so "*", paths and anything a browser would never send as
 * an Origin are refused rather than silently never matching.
 */
function parseOrigins(value: string, problems: string[]): string[] {
  const origins = new Set<string>();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const origin = originOf(entry);
    if (origin) origins.add(origin);
    else problems.push(`CORS_ORIGINS: "${entry}" must be an origin such as https://app.example.org (http or https, a host, an optional port; no path)`);
  }
  return [...origins];
}

/** The serialised origin (as browsers send it) of an http(s) URL with nothing after the host, or null. */
function originOf(entry: string): string | null {
  if (!URL.canParse(entry) || /[?#]/.test(entry)) return null;
  const url = new URL(entry);
  const web = url.protocol === "https:" || url.protocol === "http:";
  return web && !url.username && !url.password && url.pathname === "/" ? url.origin : null;
}
