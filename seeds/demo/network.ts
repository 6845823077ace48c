import { inArray } from "drizzle-orm";
import { hashPassword } from "../../server/auth/passwords.js";
import { parseConfig } from "../../server/config.js";
import { type Context, createContext } from "../../server/context.js";
import type { Db } from "../../server/db/client.js";
import { members, users } from "../../server/db/tables/index.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import type { Role } from "../../server/policy/sharing.policy.js";
import * as organisations from "../../server/modules/organisations/organisations.service.js";
import * as people from "../../server/modules/people/people.service.js";
import * as places from "../../server/modules/places/places.service.js";

export const DEMO_PASSWORD = "entente-demo";

export interface DemoUser {
  email: string;
  role: Role;
  member: string;
}

type MemberKind = (typeof members.kind.enumValues)[number];

export const demoMembers: { key: string; name: string; shortName: string; kind: MemberKind; website: string }[] = [
  { key: "wmca", name: "West Midlands Combined Authority", shortName: "WMCA", kind: "COMBINED_AUTHORITY", website: "https://www.wmca.org.uk" },
  { key: "emca", name: "East Midlands Combined County Authority", shortName: "EMCCA", kind: "COMBINED_AUTHORITY", website: "https://www.eastmidlands-cca.gov.uk" },
  { key: "bham", name: "University of Birmingham", shortName: "UoB", kind: "UNIVERSITY", website: "https://www.birmingham.ac.uk" },
  { key: "unit", name: "Network Coordination Unit", shortName: "NCU", kind: "NETWORK_UNIT", website: "https://entente.example" },
];

export const demoUsers: (DemoUser & { key: string; name: string; jobTitle: string })[] = [
  { key: "wmca", email: "envoy@wmca.demo", role: "EDITOR", member: "West Midlands Combined Authority", name: "Demo Trade Envoy", jobTitle: "Regional trade envoy" },
  { key: "bham", email: "intl@bham.demo", role: "EDITOR", member: "University of Birmingham", name: "Demo International Officer", jobTitle: "International office" },
  { key: "emca", email: "mayor.office@emca.demo", role: "EDITOR", member: "East Midlands Combined County Authority", name: "Demo Mayoral Adviser", jobTitle: "Mayor's office" },
  { key: "unit", email: "admin@entente.demo", role: "ADMIN", member: "Network Coordination Unit", name: "Demo Network Administrator", jobTitle: "Network coordination" },
];

/** The demo sign-ins that exist in this database (none if it was never seeded). */
export async function presentDemoUsers(db: Db): Promise<DemoUser[]> {
  const found = await db.select({ email: users.email }).from(users).where(inArray(users.email, demoUsers.map((u) => u.email)));
  const emails = new Set(found.map((f) => f.email));
  return demoUsers.filter((u) => emails.has(u.email)).map(({ email, role, member }) => ({ email, role, member }));
}

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

