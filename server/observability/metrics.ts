import type { ApolloServerPlugin } from "@apollo/server";
import client from "prom-client";
import type pg from "pg";
import type { Context } from "../context.js";
import { currentStatementCount } from "../db/statements.js";

// Prometheus metrics for /metrics: request counts and latencies per GraphQL
// operation, HTTP status counts, pool usage and the default process metrics
// (including event-loop lag). One registry per app, so tests stay isolated.

export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<"method" | "route" | "status">;
  graphqlPlugin: ApolloServerPlugin<Context>;
}

export function createMetrics(pool?: pg.Pool): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const httpRequests = new client.Counter({
    name: "entente_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const operations = new client.Histogram({
    name: "entente_graphql_operation_duration_seconds",
    help: "GraphQL operation latency by operation name and outcome",
    labelNames: ["operation", "type", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const statements = new client.Histogram({
    name: "entente_graphql_sql_statements",
    help: "SQL statements run per GraphQL operation",
    labelNames: ["operation"] as const,
    buckets: [1, 2, 3, 5, 8, 13, 21, 34, 55],
    registers: [registry],
  });
  if (pool) {
    new client.Gauge({
      name: "entente_db_pool_connections",
      help: "PostgreSQL pool connections by state",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }

  const graphqlPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const end = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const name = operationName ?? "anonymous";
          const seconds = Number(process.hrtime.bigint() - end) / 1e9;
          operations.observe({ operation: name, type: operation?.operation ?? "unknown", outcome: errors?.length ? "error" : "ok" }, seconds);
          statements.observe({ operation: name }, currentStatementCount());
        },
      };
    },
  };

  return { registry, httpRequests, graphqlPlugin };
}
