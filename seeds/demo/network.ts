import { hashPassword } from "../../server/auth/passwords.js";
import { DEMO_PASSWORD, type DemoUser, demoMembers, demoUsers, presentDemoUsers } from "./accounts.js";
import { parseConfig } from "../../server/config.js";
import { type Context, createContext } from "../../server/context.js";
import type { Db } from "../../server/db/client.js";
import { members, users } from "../../server/db/tables/index.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import * as organisations from "../../server/modules/organisations/organisations.service.js";
import * as people from "../../server/modules/people/people.service.js";
import * as places from "../../server/modules/places/places.service.js";

/**
 * Loads the demo network in one transaction: all of it or nothing. Records go
 * through the same services as production writes, signed in as demo users.
 */
export async function loadDemoNetwork(db: Db): Promise<DemoUser[]> {
  const config = parseConfig({ NODE_ENV: "development" });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const memberIds = new Map<string, string>();
    for (const m of demoMembers) {
      const [row] = await tx.insert(members).values({ name: m.name, shortName: m.shortName, kind: m.kind, website: m.website }).returning();
      memberIds.set(m.key, row!.id);
    }
    const ctxs = new Map<string, Context>();
    for (const u of demoUsers) {
      const memberId = memberIds.get(u.key)!;
      const [row] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, jobTitle: u.jobTitle, role: u.role, memberId, passwordHash })
        .returning();
      ctxs.set(u.key, createContext({ db: tx, config, viewer: { userId: row!.id, memberId, role: u.role, email: u.email, sessionId: "seed" } }));
    }
    const as = (key: string) => ctxs.get(key)!;
    const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

    const gb = await places.create(as("unit"), { kind: "COUNTRY", name: "United Kingdom", countryCode: "GB", latitude: 54, longitude: -2 });
    const jp = await places.create(as("unit"), { kind: "COUNTRY", name: "Japan", countryCode: "JP", latitude: 36, longitude: 138 });
    const inCountry = await places.create(as("unit"), { kind: "COUNTRY", name: "India", countryCode: "IN", latitude: 21, longitude: 78 });
    const birmingham = await places.create(as("unit"), { kind: "CITY", name: "Birmingham", countryCode: "GB", parentId: gid("Place", gb), latitude: 52.4862, longitude: -1.8904 });
    const toyotaCity = await places.create(as("unit"), { kind: "CITY", name: "豊田市", nameLatin: "Toyota City", countryCode: "JP", parentId: gid("Place", jp), latitude: 35.0824, longitude: 137.1563 });
    const ahmedabad = await places.create(as("unit"), { kind: "CITY", name: "Ahmedabad", countryCode: "IN", parentId: gid("Place", inCountry), latitude: 23.0225, longitude: 72.5714 });

    const uob = await organisations.create(as("bham"), { name: "University of Birmingham", kind: "UNIVERSITY", placeId: gid("Place", birmingham), sectors: ["education", "research"], website: "https://www.birmingham.ac.uk" });
    const toyotaGov = await organisations.create(as("emca"), { name: "Toyota City Government", kind: "CITY_GOVERNMENT", placeId: gid("Place", toyotaCity), sectors: ["automotive"] });
    const gift = await organisations.create(as("wmca"), { name: "Ahmedabad Example Ventures", kind: "INVESTOR", placeId: gid("Place", ahmedabad), sectors: ["health and life sciences"], visibility: "PRIVATE" });

    await people.create(as("emca"), {
      fullName: "豊田 花子", nameLatin: "Toyoda Hanako", jobTitle: "International Affairs Officer (fictional)",
      placeId: gid("Place", toyotaCity), email: "hanako.toyoda@toyota-city.example", languages: ["ja", "en"],
      affiliations: [{ organisationId: gid("Organisation", toyotaGov), role: "International Affairs Officer" }],
    });
    await people.create(as("wmca"), {
      fullName: "Priya Example", jobTitle: "Partner (fictional)", placeId: gid("Place", ahmedabad),
      email: "priya@ahmedabad-ventures.example", visibility: "PRIVATE", sectors: ["health and life sciences"],
      affiliations: [{ organisationId: gid("Organisation", gift), role: "Partner" }],
    });
    await people.create(as("bham"), {
      fullName: "Arjun Example", jobTitle: "Angel investor (fictional)", placeId: gid("Place", ahmedabad),
      email: "arjun@alumni.example", sectors: ["health and life sciences"],
      alumniTies: [{ universityId: gid("Organisation", uob), degree: "MBA", subject: "Business", graduationYear: 2009 }],
    });
  });
  return presentDemoUsers(db);
}

