import type { MemberKey } from "./members.js";

// The four demo visits (public facts: ../SOURCES.md) and the fictional but
// plausible meeting history around them: interactions, opportunities and
// follow-ups logged by different members, some PRIVATE. Everything below the
// visits themselves is invented for the demo; people and companies in it are
// fictional (./contacts.ts, ./organisations.ts).

export interface VisitData {
  key: string;
  owner: MemberKey;
  title: string;
  direction: "OUTBOUND" | "INBOUND";
  startsOn: string;
  endsOn: string;
  lead: MemberKey;
  participants: MemberKey[];
  /** City keys (./places.ts), in itinerary order. */
  destinations: string[];
  objectives: string;
  visibility?: "PRIVATE" | "NETWORK";
}

export type InteractionKind =
  | "MEETING"
  | "CALL"
  | "EMAIL"
  | "EVENT"
  | "MISSION_MEETING"
  | "INWARD_DELEGATION"
  | "MOU_SIGNING"
  | "ROUNDTABLE"
  | "SITE_VISIT";

export interface InteractionData {
  key: string;
  owner: MemberKey;
  /** The user who logs it: a demo sign-in key or staff key of the owner member. */
  loggedBy: string;
  /** Further users of the owner member who were there. */
  attendees?: string[];
  visit?: string;
  /** ISO date-time with offset. */
  occurredAt: string;
  kind: InteractionKind;
  channel?: "IN_PERSON" | "VIDEO" | "PHONE" | "EMAIL" | "OTHER";
  subject: string;
  notes?: string;
  notesSensitive?: boolean;
  outcome?: string;
  /** A city key. */
  place: string;
  themes: string[];
  /** Contact keys (./contacts.ts). */
  participants?: string[];
  /** Alumni of the owner member in this city join as participants (up to `count`). */
  alumniIn?: { city: string; count: number };
  /** Organisation keys. */
  organisations?: string[];
  visibility?: "PRIVATE" | "NETWORK";
}

export interface OpportunityData {
  key: string;
  owner: MemberKey;
  title: string;
  organisation?: string;
  person?: string;
  sector: string;
  stage: "PROSPECT" | "ACTIVE" | "VERIFY_WIN" | "WON" | "LOST";
  capitalValueGbp?: number;
  jobs?: number;
  likelihood?: number;
  landOn?: string;
  visibility?: "PRIVATE" | "NETWORK";
}

export interface FollowUpData {
  owner: MemberKey;
  title: string;
  dueOn: string;
  /** A user key of the owner member. */
  assignee: string;
  status: "OPEN" | "DONE" | "CANCELLED";
  /** What it is about: at most one. */
  about?: { interaction?: string; partnership?: string; visit?: string; opportunity?: string; person?: string; organisation?: string };
  visibility?: "PRIVATE" | "NETWORK";
}

export const INDIA_MISSION = "West Midlands mission to India";

export const visitsData: VisitData[] = [
  {
    key: "india",
    owner: "wmca",
    title: INDIA_MISSION,
    direction: "OUTBOUND",
    startsOn: "2026-02-22",
    endsOn: "2026-02-27",
    lead: "wmca",
    participants: ["wmca", "bham", "dbt"],
    destinations: ["ahmedabad", "mumbai", "bengaluru"],
    objectives:
      "Mayoral-led trade mission to Ahmedabad, Mumbai and Bengaluru, the first from the UK in 2026, building on the UK–India " +
      "Free Trade Agreement signed in July 2025: strengthen economic and cultural ties, promote the West Midlands Investment Zone " +
      "to Indian businesses, engage travel trade, and deepen links with national and state leaders. Official mission partners " +
      "included the University of Birmingham, Aston University, Birmingham City University and the University of Warwick.",
  },
  {
    key: "china",
    owner: "wmca",
    title: "Mayor of the West Midlands in China",
    direction: "OUTBOUND",
    startsOn: "2026-01-28",
    endsOn: "2026-01-31",
    lead: "wmca",
    participants: ["wmca", "dbt"],
    destinations: ["beijing", "shanghai"],
    objectives:
      "The Mayor of the West Midlands joined the Prime Minister's visit to China (Beijing, then Shanghai): build business links " +
      "in electric vehicles, batteries and advanced manufacturing for the UK region that exports most to China, following up the " +
      "2025 mission that brought EcoFlow's European headquarters to Birmingham.",
  },
  {
    key: "japan",
    owner: "emca",
    title: "East Midlands delegation to Japan",
    direction: "OUTBOUND",
    startsOn: "2026-01-19",
    endsOn: "2026-01-23",
    lead: "emca",
    participants: ["emca", "derbyshire", "lboro", "nottingham"],
    destinations: ["tokyo", "toyotacity", "nagoya"],
    objectives:
      "East Midlands delegation to Japan in January 2026, followed by a visit to Toyota's Burnaston plant in Derbyshire: " +
      "Japanese investment into the region, the Toyota City Partnership, and university links in the campaign's target market.",
  },
  {
    key: "toyota2023",
    owner: "derbyshire",
    title: "Toyota City delegation to Derby: 25th anniversary",
    direction: "INBOUND",
    startsOn: "2023-10-27",
    endsOn: "2023-10-30",
    lead: "derbyshire",
    participants: ["derbyshire"],
    destinations: ["derby"],
    objectives:
      "Dignitaries from Toyota City visited Derby and Derbyshire in October 2023 to mark 25 years of the Toyota City " +
      "Partnership; the three Derbyshire councils reaffirmed their commitment to the partnership.",
  },
];

export const interactionsData: InteractionData[] = [
  // West Midlands mission to India
  {
    key: "india-sabarmati", owner: "wmca", loggedBy: "wmca", attendees: ["wmca.head"], visit: "india",
    occurredAt: "2026-02-23T10:30:00+05:30", kind: "MISSION_MEETING", place: "ahmedabad",
    subject: "Sabarmati Example Ventures: life sciences co-investment in the West Midlands",
    notes: "Fund wants co-investment alongside West Midlands life sciences funds; strong interest in the Birmingham Health Innovation Campus and the Investment Zone's tax reliefs.",
    outcome: "Agreed to receive the Investment Zone prospectus and a shortlist of spinouts.",
    themes: ["investment", "health and life sciences"], participants: ["aarav"], organisations: ["sabarmati"],
  },
  {
    key: "india-marinedrive", owner: "wmca", loggedBy: "wmca", visit: "india", visibility: "PRIVATE", notesSensitive: true,
    occurredAt: "2026-02-24T09:00:00+05:30", kind: "ROUNDTABLE", place: "mumbai",
    subject: "Marine Drive Example Capital: logistics platform in the Midlands",
    notes: "Shared in confidence: the fund is weighing a Midlands logistics platform against a northern alternative; decision at its June investment committee.",
    outcome: "Site options pack requested.",
    themes: ["investment", "logistics"], participants: ["rohan"], organisations: ["marinedrive"],
  },
  {
    key: "india-alumni", owner: "bham", loggedBy: "bham", attendees: ["bham.alumni"], visit: "india",
    occurredAt: "2026-02-24T19:00:00+05:30", kind: "EVENT", place: "mumbai",
    subject: "University of Birmingham alumni reception, Mumbai",
    notes: "Reception for alumni in finance and venture capital, hosted with the British Deputy High Commission.",
    outcome: "Several alumni investors asked to see the university's spinout pipeline.",
    themes: ["alumni", "investment"], alumniIn: { city: "mumbai", count: 6 }, organisations: ["uob", "bdhcmumbai"],
  },
  {
    key: "india-bdhc", owner: "dbt", loggedBy: "dbt.envoy", visit: "india",
    occurredAt: "2026-02-25T11:00:00+05:30", kind: "MEETING", place: "mumbai",
    subject: "Trade and investment briefing at the British Deputy High Commission Mumbai",
    notes: "Briefing on sector opportunities under the UK–India Free Trade Agreement for West Midlands exporters.",
    themes: ["trade", "free trade agreement"], organisations: ["bdhcmumbai"],
  },
  {
    key: "india-deccan", owner: "bham", loggedBy: "bham", visit: "india",
    occurredAt: "2026-02-26T14:00:00+05:30", kind: "MEETING", place: "bengaluru",
    subject: "Deccan Example Health Labs: diagnostics R&D partnership",
    notes: "Company exploring a UK R&D base for point-of-care diagnostics; interested in joint PhD studentships.",
    outcome: "Draft research collaboration agreement to follow.",
    themes: ["research", "health and life sciences"], participants: ["kavya"], organisations: ["deccanhealth", "uob"],
  },
  {
    key: "india-bengaluru-dbt", owner: "dbt", loggedBy: "dbt.envoy", visit: "india",
    occurredAt: "2026-02-26T16:30:00+05:30", kind: "MEETING", place: "bengaluru",
    subject: "Tech and health investment leads with the British Deputy High Commission Bengaluru",
    themes: ["investment", "creative and digital"], participants: ["arjunrao"], organisations: ["bdhcbengaluru"],
  },
  {
    key: "india-investindia", owner: "wmca", loggedBy: "wmca", visit: "india",
    occurredAt: "2026-02-27T10:00:00+05:30", kind: "MISSION_MEETING", place: "bengaluru",
    subject: "Invest India: Indian companies expanding to the West Midlands",
    notes: "Agreed a quarterly pipeline call on Indian companies looking at UK expansion.",
    themes: ["investment", "trade"], participants: ["neha"], organisations: ["investindia"],
  },

  // West Midlands mayor in China
  {
    key: "china-embassy", owner: "wmca", loggedBy: "wmca", attendees: ["wmca.head"], visit: "china",
    occurredAt: "2026-01-29T09:00:00+08:00", kind: "EVENT", place: "beijing",
    subject: "UK business delegation briefing at the British Embassy Beijing",
    themes: ["trade", "electric vehicles"], organisations: ["embbeijing"],
  },
  {
    key: "china-huangpu", owner: "wmca", loggedBy: "wmca.head", visit: "china", visibility: "PRIVATE", notesSensitive: true,
    occurredAt: "2026-01-30T15:00:00+08:00", kind: "MEETING", place: "shanghai",
    subject: "Huangpu Example Battery Systems: European module assembly site",
    notes: "Shortlist for a European assembly site includes a West Midlands location; board decision expected in the third quarter.",
    outcome: "Site visit to the West Midlands to be arranged.",
    themes: ["investment", "batteries"], participants: ["wanglei"], organisations: ["huangpubattery"],
  },
  {
    key: "china-cgshanghai", owner: "dbt", loggedBy: "dbt.envoy", visit: "china",
    occurredAt: "2026-01-31T10:00:00+08:00", kind: "MEETING", place: "shanghai",
    subject: "Electric vehicle supply-chain leads with the British Consulate-General Shanghai",
    themes: ["trade", "electric vehicles"], participants: ["chenjing"], organisations: ["cgshanghai"],
  },

  // East Midlands delegation to Japan, then Burnaston
  {
    key: "japan-jetro", owner: "emca", loggedBy: "emca", visit: "japan",
    occurredAt: "2026-01-19T14:00:00+09:00", kind: "MEETING", place: "tokyo",
    subject: "JETRO: Japanese investment into the East Midlands",
    notes: "Overview of Japanese companies reviewing UK sites; JETRO to share a list of automotive and hydrogen firms.",
    themes: ["investment", "automotive"], participants: ["nakamura"], organisations: ["jetro"],
  },
  {
    key: "japan-lboro-alumni", owner: "lboro", loggedBy: "lboro.alumni", visit: "japan",
    occurredAt: "2026-01-20T18:30:00+09:00", kind: "EVENT", place: "tokyo",
    subject: "Loughborough University alumni evening, Tokyo",
    outcome: "Alumni investors interested in transport technologies spinouts.",
    themes: ["alumni", "transport technologies"], alumniIn: { city: "tokyo", count: 5 }, organisations: ["lboro"],
  },
  {
    key: "japan-toyotacity", owner: "emca", loggedBy: "emca", attendees: ["emca.investment"], visit: "japan",
    occurredAt: "2026-01-21T10:00:00+09:00", kind: "MEETING", place: "toyotacity",
    subject: "Toyota City Government: the partnership after 27 years",
    notes: "Discussed how the East Midlands can support the councils' Toyota City Partnership with investment promotion.",
    outcome: "Toyota City to receive the East Midlands investment prospectus in Japanese.",
    themes: ["partnership", "investment"], participants: ["suzuki", "ito"], organisations: ["toyotacitygov", "derbyshirecc"],
  },
  {
    key: "japan-schools", owner: "derbyshire", loggedBy: "derbyshire.partnerships", visit: "japan",
    occurredAt: "2026-01-21T14:00:00+09:00", kind: "MEETING", place: "toyotacity",
    subject: "School exchange programme 2026–27",
    themes: ["education", "partnership"], participants: ["suzuki"], organisations: ["toyotacitygov"],
  },
  {
    key: "japan-aichi", owner: "emca", loggedBy: "emca.investment", visit: "japan", visibility: "PRIVATE", notesSensitive: true,
    occurredAt: "2026-01-22T11:00:00+09:00", kind: "MEETING", place: "nagoya",
    subject: "Aichi Example Precision Components: UK supplier site",
    notes: "Company needs a site within 30 minutes of Burnaston; indicative budget shared in confidence.",
    outcome: "Land options to be confirmed.",
    themes: ["investment", "automotive"], participants: ["yamamoto"], organisations: ["aichiprecision"],
  },
  {
    key: "japan-burnaston", owner: "emca", loggedBy: "emca", attendees: ["emca.investment"], visit: "japan",
    occurredAt: "2026-01-30T10:00:00+00:00", kind: "SITE_VISIT", place: "burnaston",
    subject: "Visit to Toyota's Burnaston plant after the Japan delegation",
    themes: ["automotive", "skills"], participants: ["marsh"], organisations: ["tmuk"],
  },

  // Toyota City delegation to Derby, October 2023
  {
    key: "toyota2023-welcome", owner: "derbyshire", loggedBy: "derbyshire.partnerships", visit: "toyota2023",
    occurredAt: "2023-10-27T10:00:00+01:00", kind: "INWARD_DELEGATION", place: "derby",
    subject: "Toyota City delegation: 25 years of the Toyota City Partnership",
    notes: "Programme in Derby: Allestree Park rewilding project, Derby Market Hall, Becketwell and Derby Cathedral.",
    outcome: "The three Derbyshire councils reaffirmed their commitment to the partnership.",
    themes: ["partnership", "environment", "culture"], participants: ["suzuki", "ito"],
    organisations: ["toyotacitygov", "derbyshirecc", "derbycc", "southderbyshire"],
  },
  {
    key: "toyota2023-education", owner: "derbyshire", loggedBy: "derbyshire.partnerships", visit: "toyota2023",
    occurredAt: "2023-10-30T09:30:00+00:00", kind: "MEETING", place: "derby",
    subject: "Education exchange planning with Toyota City",
    outcome: "Student exchange places for 2024 to be confirmed.",
    themes: ["education"], participants: ["suzuki"], organisations: ["toyotacitygov"],
  },

  // Campaign and other markets
  {
    key: "mi-hanriver", owner: "mi", loggedBy: "mi.campaign", channel: "VIDEO",
    occurredAt: "2025-11-12T09:00:00+00:00", kind: "CALL", place: "seoul",
    subject: "Han River Example Deep Tech Fund: Midlands spinout pipeline",
    themes: ["investment", "health and life sciences"], participants: ["park"], organisations: ["hanriverdeeptech"],
  },
  {
    key: "dbt-rhein", owner: "dbt", loggedBy: "dbt.envoy", channel: "VIDEO",
    occurredAt: "2025-10-08T13:00:00+01:00", kind: "CALL", place: "cologne",
    subject: "Rhein Example Kapital: hydrogen rail investments",
    themes: ["investment", "zero-carbon energy"], participants: ["becker"], organisations: ["rheinkapital"],
  },
  {
    key: "lboro-merlion", owner: "lboro", loggedBy: "lboro.alumni",
    occurredAt: "2025-09-17T10:00:00+08:00", kind: "MEETING", place: "singapore",
    subject: "Merlion Example Agri-Tech: vertical farming research partnership",
    outcome: "Research facility agreed in principle.",
    themes: ["research", "agri-tech"], participants: ["tan"], organisations: ["merlionagri", "lboro"],
  },
  {
    key: "gm-expo", owner: "gmca", loggedBy: "gmca.international",
    occurredAt: "2025-06-18T15:00:00+09:00", kind: "EVENT", place: "osaka",
    subject: "Kansai Example Hydrogen at EXPO 2025",
    themes: ["net zero", "investment"], participants: ["fujita", "matsumoto"], organisations: ["kansaihydrogen", "osakacitygov"],
  },
  {
    key: "uon-southbank", owner: "nottingham", loggedBy: "nottingham.alumni", channel: "VIDEO",
    occurredAt: "2025-12-03T08:00:00+00:00", kind: "CALL", place: "melbourne",
    subject: "Southbank Example Medtech: UK clinical trial hub",
    themes: ["research", "health and life sciences"], participants: ["oconnor"], organisations: ["southbankmedtech", "uon"],
  },
  {
    key: "wmca-greatlakes", owner: "wmca", loggedBy: "wmca", channel: "VIDEO",
    occurredAt: "2025-10-15T16:00:00+01:00", kind: "CALL", place: "chicago",
    subject: "Great Lakes Example Mobility: autonomous shuttle pilot in Coventry",
    themes: ["transport technologies", "investment"], participants: ["cole"], organisations: ["greatlakesmobility"],
  },
  {
    key: "gm-ruhr", owner: "gmca", loggedBy: "gmca.international", channel: "VIDEO",
    occurredAt: "2025-11-20T10:00:00+01:00", kind: "CALL", place: "essen",
    subject: "Metropole Ruhr: hydrogen and cyber security exchange",
    themes: ["zero-carbon energy", "cyber security"], participants: ["weber"], organisations: ["rvr"],
  },
];

export const opportunitiesData: OpportunityData[] = [
  {
    key: "sabarmati", owner: "wmca", title: "Sabarmati Example Ventures: West Midlands life sciences co-investment",
    organisation: "sabarmati", person: "aarav", sector: "health and life sciences", stage: "ACTIVE",
    capitalValueGbp: 15_000_000, jobs: 40, likelihood: 40, landOn: "2026-12-31",
  },
  {
    key: "marinedrive", owner: "wmca", title: "Marine Drive Example Capital: Midlands logistics platform", visibility: "PRIVATE",
    organisation: "marinedrive", person: "rohan", sector: "transport technologies", stage: "PROSPECT",
    capitalValueGbp: 60_000_000, jobs: 250, likelihood: 20, landOn: "2027-06-30",
  },
  {
    key: "huangpu", owner: "wmca", title: "Huangpu Example Battery Systems: European module assembly plant", visibility: "PRIVATE",
    organisation: "huangpubattery", person: "wanglei", sector: "transport technologies", stage: "ACTIVE",
    capitalValueGbp: 40_000_000, jobs: 180, likelihood: 30, landOn: "2027-03-31",
  },
  {
    key: "deccan", owner: "bham", title: "Deccan Example Health Labs: UK diagnostics R&D centre",
    organisation: "deccanhealth", person: "kavya", sector: "health and life sciences", stage: "PROSPECT",
    capitalValueGbp: 3_000_000, jobs: 25, likelihood: 35, landOn: "2027-01-31",
  },
  {
    key: "aichi", owner: "emca", title: "Aichi Example Precision Components: East Midlands supplier site", visibility: "PRIVATE",
    organisation: "aichiprecision", person: "yamamoto", sector: "automotive", stage: "VERIFY_WIN",
    capitalValueGbp: 12_000_000, jobs: 60, likelihood: 70, landOn: "2026-09-30",
  },
  {
    key: "hanriver", owner: "mi", title: "Han River Example Deep Tech Fund: Midlands spinout co-investment",
    organisation: "hanriverdeeptech", person: "park", sector: "health and life sciences", stage: "ACTIVE",
    capitalValueGbp: 8_000_000, jobs: 30, likelihood: 50, landOn: "2026-11-30",
  },
  {
    key: "rhein", owner: "dbt", title: "Rhein Example Kapital: hydrogen rail R&D",
    organisation: "rheinkapital", person: "becker", sector: "zero-carbon energy", stage: "PROSPECT",
    capitalValueGbp: 20_000_000, jobs: 45, likelihood: 25, landOn: "2027-09-30",
  },
  {
    key: "merlion", owner: "lboro", title: "Merlion Example Agri-Tech: vertical farming R&D facility",
    organisation: "merlionagri", person: "tan", sector: "agri-tech", stage: "WON",
    capitalValueGbp: 4_500_000, jobs: 20, likelihood: 100, landOn: "2025-11-30",
  },
  {
    key: "kansai", owner: "gmca", title: "Kansai Example Hydrogen: electrolyser service centre",
    organisation: "kansaihydrogen", person: "fujita", sector: "zero-carbon energy", stage: "LOST",
    capitalValueGbp: 9_000_000, jobs: 35, likelihood: 0, landOn: "2025-12-31",
  },
  {
    key: "southbank", owner: "nottingham", title: "Southbank Example Medtech: UK clinical trial hub",
    organisation: "southbankmedtech", person: "oconnor", sector: "health and life sciences", stage: "ACTIVE",
    capitalValueGbp: 2_500_000, jobs: 15, likelihood: 45, landOn: "2026-10-31",
  },
  {
    key: "greatlakes", owner: "wmca", title: "Great Lakes Example Mobility: Coventry autonomous shuttle pilot",
    organisation: "greatlakesmobility", person: "cole", sector: "transport technologies", stage: "PROSPECT",
    capitalValueGbp: 6_000_000, jobs: 22, likelihood: 30, landOn: "2027-04-30",
  },
];

export const followUpsData: FollowUpData[] = [
  { owner: "wmca", title: "Send the Investment Zone prospectus to Sabarmati Example Ventures", dueOn: "2026-03-06", assignee: "wmca", status: "DONE", about: { interaction: "india-sabarmati" } },
  { owner: "wmca", title: "Introduce Sabarmati Example Ventures to the Birmingham Health Innovation Campus", dueOn: "2026-04-15", assignee: "wmca.head", status: "OPEN", about: { opportunity: "sabarmati" } },
  { owner: "wmca", title: "Prepare a site options pack for Marine Drive Example Capital", dueOn: "2026-03-20", assignee: "wmca", status: "OPEN", about: { interaction: "india-marinedrive" }, visibility: "PRIVATE" },
  { owner: "wmca", title: "Circulate the India mission outcomes to the mission partners", dueOn: "2026-03-13", assignee: "wmca", status: "DONE", about: { visit: "india" } },
  { owner: "bham", title: "Share the spinout pipeline with the Mumbai alumni investors", dueOn: "2026-03-13", assignee: "bham.alumni", status: "OPEN", about: { interaction: "india-alumni" } },
  { owner: "bham", title: "Draft a research collaboration agreement with Deccan Example Health Labs", dueOn: "2026-04-30", assignee: "bham", status: "OPEN", about: { interaction: "india-deccan" } },
  { owner: "wmca", title: "Arrange a West Midlands site visit for Huangpu Example Battery Systems", dueOn: "2026-03-31", assignee: "wmca.head", status: "OPEN", about: { opportunity: "huangpu" }, visibility: "PRIVATE" },
  { owner: "dbt", title: "Pass the Shanghai EV supply-chain leads to the West Midlands team", dueOn: "2026-02-13", assignee: "dbt.envoy", status: "DONE", about: { interaction: "china-cgshanghai" } },
  { owner: "emca", title: "Send Toyota City Government the East Midlands investment prospectus in Japanese", dueOn: "2026-02-13", assignee: "emca.investment", status: "DONE", about: { interaction: "japan-toyotacity" } },
  { owner: "emca", title: "Confirm land options for Aichi Example Precision Components", dueOn: "2026-03-31", assignee: "emca.investment", status: "OPEN", about: { opportunity: "aichi" }, visibility: "PRIVATE" },
  { owner: "emca", title: "Report on the Japan delegation to the Combined County Authority board", dueOn: "2026-02-20", assignee: "emca", status: "DONE", about: { visit: "japan" } },
  { owner: "emca", title: "Ask JETRO for its list of automotive and hydrogen firms reviewing UK sites", dueOn: "2026-02-06", assignee: "emca", status: "OPEN", about: { interaction: "japan-jetro" } },
  { owner: "derbyshire", title: "Confirm host schools for the 2026–27 Toyota City exchange", dueOn: "2026-05-29", assignee: "derbyshire.partnerships", status: "OPEN", about: { partnership: "toyota" } },
  { owner: "derbyshire", title: "Confirm 2024 student exchange places with Toyota City", dueOn: "2023-12-15", assignee: "derbyshire.partnerships", status: "DONE", about: { interaction: "toyota2023-education" } },
  { owner: "mi", title: "Send Han River Example Deep Tech Fund the health spinout shortlist", dueOn: "2025-12-05", assignee: "mi.campaign", status: "OPEN", about: { interaction: "mi-hanriver" } },
  { owner: "gmca", title: "Agree the EXPO 2025 follow-up programme with Osaka City Government", dueOn: "2025-09-30", assignee: "gmca.international", status: "DONE", about: { partnership: "gm-osaka" } },
  { owner: "lboro", title: "Review the first year of the Merlion research facility", dueOn: "2026-11-30", assignee: "lboro.alumni", status: "OPEN", about: { opportunity: "merlion" } },
  { owner: "nottingham", title: "Send ethics approval timeline to Southbank Example Medtech", dueOn: "2025-12-19", assignee: "nottingham.alumni", status: "CANCELLED", about: { interaction: "uon-southbank" } },
];
