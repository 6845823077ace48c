import type { Role } from "../../../server/policy/sharing.policy.js";

// The demo members' other staff accounts (the four demo sign-ins are in
// ../accounts.ts). Every account is fictional: "Demo …" names on .demo
// addresses, all with the demo password. Each member has users of different
// roles so role-based behaviour can be tried out.

export type MemberKey = "wmca" | "emca" | "gmca" | "derbyshire" | "bham" | "nottingham" | "lboro" | "mi" | "dbt" | "unit";

export interface StaffUser {
  key: string;
  member: MemberKey;
  email: string;
  name: string;
  role: Role;
  jobTitle: string;
}

export const demoStaff: StaffUser[] = [
  { key: "wmca.head", member: "wmca", email: "international@wmca.demo", name: "Demo Head of International", role: "ADMIN", jobTitle: "Head of International" },
  { key: "wmca.insight", member: "wmca", email: "insight@wmca.demo", name: "Demo Insight Analyst", role: "VIEWER", jobTitle: "Insight analyst" },

  { key: "emca.admin", member: "emca", email: "admin@emca.demo", name: "Demo Systems Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "emca.investment", member: "emca", email: "investment@emca.demo", name: "Demo Inward Investment Manager", role: "EDITOR", jobTitle: "Inward investment manager" },
  { key: "emca.board", member: "emca", email: "board.support@emca.demo", name: "Demo Board Support Officer", role: "VIEWER", jobTitle: "Board support officer" },

  { key: "gmca.admin", member: "gmca", email: "admin@gmca.demo", name: "Demo GMCA Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "gmca.international", member: "gmca", email: "international@gmca.demo", name: "Demo International Lead", role: "EDITOR", jobTitle: "International strategy lead" },
  { key: "gmca.research", member: "gmca", email: "research@gmca.demo", name: "Demo Research Officer", role: "VIEWER", jobTitle: "Research officer" },

  { key: "derbyshire.admin", member: "derbyshire", email: "admin@derbyshire.demo", name: "Demo Council Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "derbyshire.partnerships", member: "derbyshire", email: "partnerships@derbyshire.demo", name: "Demo International Partnerships Officer", role: "EDITOR", jobTitle: "International partnerships officer" },
  { key: "derbyshire.economy", member: "derbyshire", email: "economy@derbyshire.demo", name: "Demo Economic Development Officer", role: "VIEWER", jobTitle: "Economic development officer" },

  { key: "bham.admin", member: "bham", email: "admin@bham.demo", name: "Demo University Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "bham.alumni", member: "bham", email: "alumni@bham.demo", name: "Demo Alumni Relations Manager", role: "EDITOR", jobTitle: "Alumni relations manager" },
  { key: "bham.research", member: "bham", email: "research@bham.demo", name: "Demo Research Partnerships Adviser", role: "VIEWER", jobTitle: "Research partnerships adviser" },

  { key: "nottingham.admin", member: "nottingham", email: "admin@nottingham.demo", name: "Demo Nottingham Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "nottingham.alumni", member: "nottingham", email: "alumni@nottingham.demo", name: "Demo Global Engagement Manager", role: "EDITOR", jobTitle: "Global engagement manager" },
  { key: "nottingham.viewer", member: "nottingham", email: "global@nottingham.demo", name: "Demo Global Strategy Analyst", role: "VIEWER", jobTitle: "Global strategy analyst" },

  { key: "lboro.admin", member: "lboro", email: "admin@lboro.demo", name: "Demo Loughborough Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "lboro.alumni", member: "lboro", email: "alumni@lboro.demo", name: "Demo Alumni Investment Lead", role: "EDITOR", jobTitle: "Alumni investment lead" },
  { key: "lboro.enterprise", member: "lboro", email: "enterprise@lboro.demo", name: "Demo Enterprise Officer", role: "VIEWER", jobTitle: "Enterprise officer" },

  { key: "mi.admin", member: "mi", email: "admin@mi.demo", name: "Demo Partnership Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "mi.campaign", member: "mi", email: "campaign@mi.demo", name: "Demo Campaign Manager", role: "EDITOR", jobTitle: "R&D investment campaign manager" },
  { key: "mi.viewer", member: "mi", email: "insight@mi.demo", name: "Demo Policy Analyst", role: "VIEWER", jobTitle: "Policy analyst" },

  { key: "dbt.admin", member: "dbt", email: "admin@dbt.demo", name: "Demo Office Administrator", role: "ADMIN", jobTitle: "CRM administrator" },
  { key: "dbt.envoy", member: "dbt", email: "envoy.office@dbt.demo", name: "Demo Trade Envoy Office Lead", role: "EDITOR", jobTitle: "Trade envoy office lead" },
  { key: "dbt.analyst", member: "dbt", email: "analyst@dbt.demo", name: "Demo Trade Analyst", role: "VIEWER", jobTitle: "Trade analyst" },

  { key: "unit.coordinator", member: "unit", email: "coordinator@entente.demo", name: "Demo Network Coordinator", role: "EDITOR", jobTitle: "Network coordinator" },
  { key: "unit.observer", member: "unit", email: "observer@entente.demo", name: "Demo Network Observer", role: "VIEWER", jobTitle: "Network observer" },
];

/**
 * The account each member writes its demo records with: the demo sign-in where
 * the member has one, otherwise its editor. Keys are demo sign-in keys
 * (../accounts.ts) or staff keys above.
 */
export const writerOf: Record<MemberKey, string> = {
  wmca: "wmca",
  emca: "emca",
  gmca: "gmca.international",
  derbyshire: "derbyshire.partnerships",
  bham: "bham",
  nottingham: "nottingham.alumni",
  lboro: "lboro.alumni",
  mi: "mi.campaign",
  dbt: "dbt.envoy",
  unit: "unit",
};
