import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { type Actor, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { BOUNDARY, multipart, multipartOverhead, slowly, streamRequest, uploadOk } from "./helpers.js";

// The upload route's limits: the 200 MB size limit, and its own time limit (longer than the
// rest of the API's), both over real HTTP with bodies generated as they are sent.

const LIMIT = 200 * 1024 * 1024;
const MB = Buffer.alloc(1024 * 1024, "Z0000001,A generated name that fills the file up\n");

/** `bytes` of CSV, generated 1 MB at a time (never held whole). */
async function* csvOf(bytes: number): AsyncGenerator<Buffer> {
  yield Buffer.from("Ref,Name\n");
  let left = bytes - 9;
  while (left > 0) {
    const piece = left >= MB.length ? MB : MB.subarray(0, left);
    left -= piece.length;
    yield piece;
  }
}

const jobsOf = async (server: TestServer, actor: Actor) =>
  Number(
    (
      await queryRows<{ n: string }>(
        server.db,
        sql`select (select count(*) from import_jobs where member_id = ${actor.member.id})
                 + (select count(*) from import_file_chunks c join import_jobs j on j.id = c.job_id where j.member_id = ${actor.member.id}) as n`,
      )
    )[0]!.n,
  );

describe("POST /imports size limit", () => {
  let server: TestServer;
  let actor: Actor;
  beforeAll(async () => {
    server = await startTestServer();
    actor = await makeActor(server.db, server.config, "EDITOR");
  });
  afterAll(() => server.stop());

  const headers = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}` });

  it("requires authentication before reading a body", async () => {
    const res = await streamRequest(server, "/imports", headers("nope"), multipart("PEOPLE", "p.csv", csvOf(1024)));
    expect(res.status).toBe(401);
    expect(res.body?.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a declared size over 200 MB at once with 413 naming the limit; nothing is written", async () => {
    const fileBytes = LIMIT + 1024 * 1024;
    const total = fileBytes + multipartOverhead("PEOPLE", "big.csv");
    const res = await streamRequest(server, "/imports", headers(actor.token), multipart("PEOPLE", "big.csv", csvOf(fileBytes)), total);
    expect(res.status).toBe(413);
    expect(res.body?.errors?.[0]).toEqual({ message: "The file is larger than the upload limit of 200 MB.", extensions: { code: "BAD_REQUEST" } });
    // Answered from the headers: the client had sent a small part of the body at most.
    expect(res.bytesSent).toBeLessThan(LIMIT / 4);
    expect(await jobsOf(server, actor)).toBe(0);
  });

  it("stops a streamed upload (no declared size) at 200 MB with 413, deleting what it had stored", async () => {
    const res = await streamRequest(server, "/imports", headers(actor.token), multipart("PEOPLE", "endless.csv", csvOf(LIMIT + 8 * 1024 * 1024)));
    expect(res.status).toBe(413);
    expect(res.body?.errors?.[0]?.message).toBe("The file is larger than the upload limit of 200 MB.");
    // The server stopped reading soon after the limit.
    expect(res.bytesSent).toBeGreaterThan(LIMIT);
    expect(res.bytesSent).toBeLessThan(LIMIT + 8 * 1024 * 1024);
    expect(await jobsOf(server, actor)).toBe(0);
    // And it still takes uploads.
    await uploadOk(server, actor.token, "PEOPLE", "small.csv", "Ref,Name\nS1,Small File\n");
    expect(await jobsOf(server, actor)).toBe(2); // the job and its one chunk
  });
});

describe("POST /imports time limit", () => {
  let server: TestServer;
  let actor: Actor;
  beforeAll(async () => {
    // The API's requests must arrive within 1 s here; uploads within 4 s.
    server = await startTestServer({ REQUEST_TIMEOUT_SECONDS: "1", IMPORT_TIMEOUT_SECONDS: "4" });
    actor = await makeActor(server.db, server.config, "EDITOR");
  });
  afterAll(() => server.stop());

  const headers = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `T${i},Trickled Person ${i}\n`);

  it("lets an upload take longer than the rest of the API may", async () => {
    // Five pieces 600 ms apart: 2.4 s, over the 1 s other requests get.
    const res = await streamRequest(server, "/imports", { ...headers, authorization: `Bearer ${actor.token}` }, multipart("PEOPLE", "slow.csv", slowly(["Ref,Name\n", ...rows(4)], 600)));
    expect(res.status).toBe(201);
    expect(res.ms).toBeGreaterThan(2000);
  });

  it("keeps the shorter limit for every other route", async () => {
    const query = JSON.stringify({ query: "{ __typename }" });
    const res = await streamRequest(server, "/graphql", { "content-type": "application/json" }, slowly([query.slice(0, 5), query.slice(5, 10), query.slice(10, 15), query.slice(15)], 800));
    // Cut at about 1 s: a 408, or the connection closed under the still-sending client.
    expect([408, null]).toContain(res.status);
    expect(res.ms).toBeGreaterThanOrEqual(900);
    expect(res.ms).toBeLessThan(2300);
  });

  it("cuts an upload that takes longer than its own limit, keeping nothing of it", async () => {
    const before = await jobsOf(server, actor);
    const res = await streamRequest(server, "/imports", { ...headers, authorization: `Bearer ${actor.token}` }, multipart("PEOPLE", "slower.csv", slowly(["Ref,Name\n", ...rows(7)], 1000)));
    expect([408, null]).toContain(res.status);
    if (res.status === 408) expect(res.body?.errors?.[0]?.message).toBe("The request did not arrive within 4 s.");
    expect(res.ms).toBeGreaterThanOrEqual(3900);
    expect(res.ms).toBeLessThan(6500);
    // The job the upload had started (and its stored chunk) is gone.
    for (let i = 0; i < 50 && (await jobsOf(server, actor)) !== before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await jobsOf(server, actor)).toBe(before);
  });
});
