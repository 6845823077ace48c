import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor;

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config);
});
afterAll(() => server.stop());

describe("/metrics", () => {
  it("reports per-operation latency, statements and event-loop lag in Prometheus format", async () => {
    await server.gql(`query PeopleForMetrics { people { totalCount } }`, {}, alice.token);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/entente_graphql_operation_duration_seconds_count\{operation="PeopleForMetrics",type="query",outcome="ok"\} 1/);
    expect(text).toMatch(/entente_graphql_sql_statements_count\{operation="PeopleForMetrics"\} 1/);
    expect(text).toMatch(/entente_http_requests_total\{method="POST",route="\/graphql",status="200"\}/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
  });
});

describe("/healthz and /readyz", () => {
  it("answers liveness and database readiness", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });
});
