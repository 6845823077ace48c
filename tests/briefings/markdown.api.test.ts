import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { gid, makeInteraction, makePlace, makeVisit } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { type IndiaMission, at, buildIndiaMission, day, markdown } from "./india-mission.js";

let server: TestServer;
let m: IndiaMission;

beforeAll(async () => {
  server = await startTestServer();
  m = await buildIndiaMission(server);
});
afterAll(() => server.stop());

describe("GET /briefings/:visitId.md", () => {
  it("answers 401 without a valid token, 404 for an invisible visit like a missing one, and Markdown for a visible one", async () => {
    const id = gid("Visit", m.mission.id);
    expect((await markdown(server, `/briefings/${id}.md`)).status).toBe(401);
    expect((await markdown(server, `/briefings/${id}.md`, "not-a-token")).status).toBe(401);
    expect((await markdown(server, `/briefings/${gid("Visit", m.emcaSecretVisit.id)}.md`, m.uni.token)).status).toBe(404);
    expect((await markdown(server, `/briefings/garbage.md`, m.uni.token)).status).toBe(404);
    const res = await markdown(server, `/briefings/${id}.md`, m.uni.token);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/markdown/);
    expect(res.body).toMatch(/^# Briefing: West Midlands mission to India\n/);
    for (const text of ["## Points to take", "## Key people", "Aarav Example", "Sabarmati: life sciences co-investment", "## Coordination warnings"]) {
      expect(res.body).toContain(text);
    }
    // The owner member's own sensitive notes print for it.
    expect(res.body).toContain("alumni gift pledges");
    const place = await markdown(server, `/briefings/places/${gid("Place", m.mumbai.id)}.md?from=${day(30)}&to=${day(32)}`, m.wmca.token);
    expect(place.status).toBe(200);
    expect(place.body).toMatch(/^# Briefing: Mumbai\n/);
  });

  it("escapes what records contain, so a subject cannot inject links or HTML", async () => {
    const place = await makePlace(server.db, { name: "Injection City", countryCode: "FR" });
    const visit = await makeVisit(server.db, m.wmca, { title: "Trip [click](http://evil.example)", destinationIds: [place.id] });
    await makeInteraction(server.db, m.wmca, { subject: "![x](http://evil.example/a.png) <script>alert(1)</script>", occurredAt: at(-3), placeId: place.id, visitId: visit.id });
    const res = await markdown(server, `/briefings/${gid("Visit", visit.id)}.md`, m.wmca.token);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("<script>");
    expect(res.body).not.toMatch(/(^|[^\\])\]\(http/m);
    expect(res.body).toContain("\\<script\\>");
  });
});

describe("visitCalendar", () => {
  const calendar = (from: string, to: string, token?: string) =>
    server.gql<{ visitCalendar: { title: string; startsOn: string }[] }>(
      `query($from: Date!, $to: Date!) { visitCalendar(from: $from, to: $to) { title startsOn endsOn leadMember { name } destinations { name } } }`,
      { from, to },
      token,
    );

  it("requires authentication", async () => {
    const res = await calendar(day(0), day(60));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists the visits you can see that overlap the range, in date order, without another member's private ones", async () => {
    const early = await makeVisit(server.db, m.uni, { title: "Calendar early", startsOn: day(200), endsOn: day(202) });
    await makeVisit(server.db, m.dbt, { title: "Calendar overlapping start", startsOn: day(195), endsOn: day(201) });
    await makeVisit(server.db, m.emca, { title: "Calendar private", startsOn: day(201), endsOn: day(203), visibility: "PRIVATE" });
    await makeVisit(server.db, m.uni, { title: "Calendar later", startsOn: day(210), endsOn: day(212) });
    const res = await calendar(day(200), day(205), m.wmca.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.visitCalendar.map((v) => v.title)).toEqual(["Calendar overlapping start", "Calendar early"]);
    const own = await calendar(day(200), day(205), m.emca.token);
    expect(own.data!.visitCalendar.map((v) => v.title)).toContain("Calendar private");
    expect(early.id).toBeDefined();
  });

  it("validates the range", async () => {
    const reversed = await calendar(day(10), day(1), m.wmca.token);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const long = await calendar(day(0), day(500), m.wmca.token);
    expect(long.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
  });
});
