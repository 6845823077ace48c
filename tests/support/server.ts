import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/app.js";
import { type Config, parseConfig } from "../../server/config.js";
import type { Database, Db } from "../../server/db/client.js";
import { createLogger } from "../../server/logger.js";
import { openTestDatabase } from "./databases.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
  /** SQL statements the server ran for this request (from X-SQL-Statements). */
  statements: number;
  headers: Headers;
}

export interface TestServer {
  url: string;
  db: Db;
  database: Database;
  config: Config;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real app over real HTTP on a fresh database: what a client sees, nothing mocked. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const { database, drop } = await openTestDatabase();
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const httpServer: Server = createServer();
  const app = await createApp({ config, database, logger: createLogger(config.logLevel), httpServer });
  httpServer.on("request", app.express);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

  return {
    url,
    db: database.db,
    database,
    config,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T | null; errors?: GraphQLResponse<T>["errors"] };
      return {
        status: res.status,
        data: body.data ?? null,
        errors: body.errors,
        statements: Number(res.headers.get("x-sql-statements") ?? "NaN"),
        headers: res.headers,
      };
    },
    async stop() {
      await app.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await drop();
    },
  };
}
