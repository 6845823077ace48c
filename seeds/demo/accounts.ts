import { inArray } from "drizzle-orm";
import type { Db } from "../../server/db/client.js";
import { members, users } from "../../server/db/tables/index.js";
import type { Role } from "../../server/policy/sharing.policy.js";

// The demo members and sign-ins: no service imports here, so the server can
// list the demo accounts without loading the seeding code.

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
  { key: "gmca", name: "Greater Manchester Combined Authority", shortName: "GMCA", kind: "COMBINED_AUTHORITY", website: "https://www.greatermanchester-ca.gov.uk" },
  { key: "derbyshire", name: "Derbyshire County Council", shortName: "DCC", kind: "COUNCIL", website: "https://www.derbyshire.gov.uk" },
  { key: "bham", name: "University of Birmingham", shortName: "UoB", kind: "UNIVERSITY", website: "https://www.birmingham.ac.uk" },
  { key: "nottingham", name: "University of Nottingham", shortName: "UoN", kind: "UNIVERSITY", website: "https://www.nottingham.ac.uk" },
  { key: "lboro", name: "Loughborough University", shortName: "Lboro", kind: "UNIVERSITY", website: "https://www.lboro.ac.uk" },
  { key: "mi", name: "Midlands Innovation", shortName: "MI", kind: "OTHER", website: "https://midlandsinnovation.org.uk" },
  { key: "dbt", name: "DBT Midlands Trade Envoy Office", shortName: "DBT Midlands", kind: "GOVERNMENT_UNIT", website: "https://www.gov.uk/government/organisations/department-for-business-and-trade" },
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

