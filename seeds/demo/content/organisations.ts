import type { MemberKey } from "./members.js";

// External organisations of the demo network. Real bodies (councils,
// universities, diplomatic posts, agencies, Toyota's Derbyshire plant) carry
// only public facts (../SOURCES.md). Every organisation with "Example" in its
// name is fictional, has an .example website and says so in its description.

type OrganisationKind =
  | "CITY_GOVERNMENT"
  | "REGIONAL_GOVERNMENT"
  | "NATIONAL_GOVERNMENT"
  | "DIPLOMATIC_POST"
  | "UNIVERSITY"
  | "COMPANY"
  | "INVESTOR"
  | "TRADE_BODY"
  | "NGO"
  | "OTHER";

export interface OrganisationData {
  key: string;
  /** The member that records and owns it. */
  owner: MemberKey;
  name: string;
  nameLatin?: string;
  kind: OrganisationKind;
  /** A city key (./places.ts). */
  city: string;
  sectors?: string[];
  website?: string;
  description?: string;
  /** An organisation key above. */
  parent?: string;
  visibility?: "PRIVATE" | "NETWORK";
  /** An investor profile for the organisation itself. */
  investor?: {
    investorType: "ANGEL" | "VENTURE_CAPITAL" | "PRIVATE_EQUITY" | "CORPORATE" | "SOVEREIGN_WEALTH" | "FAMILY_OFFICE" | "INSTITUTIONAL" | "OTHER";
    sectors: string[];
    ticketMinGbp: number;
    ticketMaxGbp: number;
    stages: string[];
  };
}

export const FICTIONAL_ORGANISATION = "Fictional organisation created for the Entente demo network.";

export const organisationsData: OrganisationData[] = [
  // Member universities as organisations, so alumni ties and research links can point at them.
  {
    key: "uob", owner: "bham", name: "University of Birmingham", kind: "UNIVERSITY", city: "birmingham",
    sectors: ["education", "research", "health and life sciences"], website: "https://www.birmingham.ac.uk",
    description: "Research-intensive university in Birmingham; a partner of the West Midlands mission to India in February 2026.",
  },
  {
    key: "uon", owner: "nottingham", name: "University of Nottingham", kind: "UNIVERSITY", city: "nottingham",
    sectors: ["education", "research", "agri-tech"], website: "https://www.nottingham.ac.uk",
    description: "Research-intensive university in Nottingham, with campuses in China and Malaysia.",
  },
  {
    key: "unnc", owner: "nottingham", name: "University of Nottingham Ningbo China", kind: "UNIVERSITY", city: "ningbo",
    parent: "uon", sectors: ["education", "research"], website: "https://www.nottingham.edu.cn",
    description: "Sino-British joint-venture university in Ningbo, founded in 2004; the first foreign university campus in China.",
  },
  {
    key: "lboro", owner: "lboro", name: "Loughborough University", kind: "UNIVERSITY", city: "loughborough",
    sectors: ["education", "research", "transport technologies", "zero-carbon energy"], website: "https://www.lboro.ac.uk",
    description: "University in Loughborough; host of the Invest in UK University R&D – Midlands campaign.",
  },
  {
    key: "aston", owner: "unit", name: "Aston University", kind: "UNIVERSITY", city: "birmingham",
    sectors: ["education", "research"], website: "https://www.aston.ac.uk",
    description: "Birmingham university; an official partner of the West Midlands mission to India in February 2026.",
  },
  {
    key: "bcu", owner: "unit", name: "Birmingham City University", kind: "UNIVERSITY", city: "birmingham",
    sectors: ["education", "creative and digital"], website: "https://www.bcu.ac.uk",
    description: "Birmingham university; an official partner of the West Midlands mission to India in February 2026.",
  },
  {
    key: "warwick", owner: "unit", name: "University of Warwick", kind: "UNIVERSITY", city: "coventry",
    sectors: ["education", "research"], website: "https://warwick.ac.uk",
    description: "University near Coventry; an official partner of the West Midlands mission to India in February 2026.",
  },

  // English councils that are not members: parties to city partnerships.
  {
    key: "derbyshirecc", owner: "derbyshire", name: "Derbyshire County Council", kind: "REGIONAL_GOVERNMENT", city: "matlock",
    website: "https://www.derbyshire.gov.uk", description: "County council for Derbyshire, based at County Hall, Matlock. Party to the Toyota City Partnership since 1998.",
  },
  {
    key: "derbycc", owner: "unit", name: "Derby City Council", kind: "CITY_GOVERNMENT", city: "derby",
    website: "https://www.derby.gov.uk", description: "City council for Derby. Twinned with Osnabrück since 1976; party to the Toyota City Partnership since 1998.",
  },
  {
    key: "southderbyshire", owner: "unit", name: "South Derbyshire District Council", kind: "CITY_GOVERNMENT", city: "swadlincote",
    website: "https://www.southderbyshire.gov.uk", description: "District council for South Derbyshire, home of Toyota's Burnaston plant. Party to the Toyota City Partnership since 1998.",
  },
  { key: "birminghamcc", owner: "unit", name: "Birmingham City Council", kind: "CITY_GOVERNMENT", city: "birmingham", website: "https://www.birmingham.gov.uk" },
  { key: "manchestercc", owner: "unit", name: "Manchester City Council", kind: "CITY_GOVERNMENT", city: "manchester", website: "https://www.manchester.gov.uk" },
  { key: "leedscc", owner: "unit", name: "Leeds City Council", kind: "CITY_GOVERNMENT", city: "leeds", website: "https://www.leeds.gov.uk" },
  { key: "nottinghamcc", owner: "unit", name: "Nottingham City Council", kind: "CITY_GOVERNMENT", city: "nottingham", website: "https://www.nottinghamcity.gov.uk" },
  { key: "liverpoolcc", owner: "unit", name: "Liverpool City Council", kind: "CITY_GOVERNMENT", city: "liverpool", website: "https://liverpool.gov.uk" },
  { key: "bristolcc", owner: "unit", name: "Bristol City Council", kind: "CITY_GOVERNMENT", city: "bristol", website: "https://www.bristol.gov.uk" },
  { key: "leicestercc", owner: "unit", name: "Leicester City Council", kind: "CITY_GOVERNMENT", city: "leicester", website: "https://www.leicester.gov.uk" },

  // Partner governments and agencies abroad.
  {
    key: "toyotacitygov", owner: "derbyshire", name: "Toyota City Government", kind: "CITY_GOVERNMENT", city: "toyotacity",
    sectors: ["automotive"], description: "Municipal government of Toyota City, Aichi Prefecture; partner of Derbyshire's three councils since 1998.",
  },
  {
    key: "osakacitygov", owner: "gmca", name: "Osaka City Government", kind: "CITY_GOVERNMENT", city: "osaka",
    description: "Municipal government of Osaka; signed a Memorandum of Understanding with Greater Manchester on 4 December 2023.",
  },
  {
    key: "rvr", owner: "gmca", name: "Regionalverband Ruhr", kind: "REGIONAL_GOVERNMENT", city: "essen",
    description: "Regional association of the Ruhr metropolitan area (Metropole Ruhr), seated in Essen; signed a Memorandum of Understanding with Greater Manchester in September 2021.",
  },
  {
    key: "investindia", owner: "wmca", name: "Invest India", kind: "NATIONAL_GOVERNMENT", city: "newdelhi",
    website: "https://www.investindia.gov.in", description: "India's national investment promotion and facilitation agency.",
  },
  {
    key: "jetro", owner: "emca", name: "Japan External Trade Organization (JETRO)", kind: "NATIONAL_GOVERNMENT", city: "tokyo",
    website: "https://www.jetro.go.jp", description: "Japanese government agency promoting trade and investment between Japan and the world.",
  },

  // Diplomatic posts.
  { key: "embjapan", owner: "unit", name: "Embassy of Japan in the UK", kind: "DIPLOMATIC_POST", city: "london", website: "https://www.uk.emb-japan.go.jp" },
  { key: "cgindiabham", owner: "wmca", name: "Consulate General of India, Birmingham", kind: "DIPLOMATIC_POST", city: "birmingham" },
  { key: "bdhcmumbai", owner: "dbt", name: "British Deputy High Commission Mumbai", kind: "DIPLOMATIC_POST", city: "mumbai" },
  { key: "bdhcbengaluru", owner: "dbt", name: "British Deputy High Commission Bengaluru", kind: "DIPLOMATIC_POST", city: "bengaluru" },
  { key: "embbeijing", owner: "dbt", name: "British Embassy Beijing", kind: "DIPLOMATIC_POST", city: "beijing" },
  { key: "cgshanghai", owner: "dbt", name: "British Consulate-General Shanghai", kind: "DIPLOMATIC_POST", city: "shanghai" },
  { key: "cgosaka", owner: "dbt", name: "British Consulate-General Osaka", kind: "DIPLOMATIC_POST", city: "osaka" },

  // Companies (public facts only).
  {
    key: "toyotamotor", owner: "emca", name: "トヨタ自動車株式会社", nameLatin: "Toyota Motor Corporation", kind: "COMPANY", city: "toyotacity",
    sectors: ["automotive"], website: "https://global.toyota", description: "Car maker headquartered in Toyota City, Aichi Prefecture.",
  },
  {
    key: "tmuk", owner: "derbyshire", name: "Toyota Motor Manufacturing (UK) Ltd", kind: "COMPANY", city: "burnaston", parent: "toyotamotor",
    sectors: ["automotive"], description: "Toyota's UK car plant at Burnaston, South Derbyshire; the first car left its production line on 16 December 1992.",
  },

  // Fictional organisations met on the demo visits.
  {
    key: "sabarmati", owner: "wmca", name: "Sabarmati Example Ventures", kind: "INVESTOR", city: "ahmedabad",
    sectors: ["health and life sciences", "advanced manufacturing"], website: "https://sabarmati-ventures.example", description: FICTIONAL_ORGANISATION,
    investor: { investorType: "VENTURE_CAPITAL", sectors: ["health and life sciences", "advanced manufacturing"], ticketMinGbp: 1_000_000, ticketMaxGbp: 15_000_000, stages: ["series A", "series B"] },
  },
  {
    key: "marinedrive", owner: "wmca", name: "Marine Drive Example Capital", kind: "INVESTOR", city: "mumbai", visibility: "PRIVATE",
    sectors: ["transport technologies", "real estate"], website: "https://marine-drive-capital.example", description: FICTIONAL_ORGANISATION,
    investor: { investorType: "PRIVATE_EQUITY", sectors: ["transport technologies", "real estate"], ticketMinGbp: 10_000_000, ticketMaxGbp: 80_000_000, stages: ["growth", "buyout"] },
  },
  {
    key: "deccanhealth", owner: "bham", name: "Deccan Example Health Labs", kind: "COMPANY", city: "bengaluru",
    sectors: ["health and life sciences"], website: "https://deccan-health.example", description: FICTIONAL_ORGANISATION,
  },
  {
    key: "huangpubattery", owner: "wmca", name: "Huangpu Example Battery Systems", kind: "COMPANY", city: "shanghai", visibility: "PRIVATE",
    sectors: ["transport technologies", "zero-carbon energy"], website: "https://huangpu-battery.example", description: FICTIONAL_ORGANISATION,
  },
  {
    key: "aichiprecision", owner: "emca", name: "Aichi Example Precision Components", kind: "COMPANY", city: "toyotacity", visibility: "PRIVATE",
    sectors: ["automotive", "advanced manufacturing"], website: "https://aichi-precision.example", description: FICTIONAL_ORGANISATION,
  },
  {
    key: "kansaihydrogen", owner: "gmca", name: "Kansai Example Hydrogen", kind: "COMPANY", city: "osaka",
    sectors: ["zero-carbon energy"], website: "https://kansai-hydrogen.example", description: FICTIONAL_ORGANISATION,
  },
  {
    key: "hanriverdeeptech", owner: "mi", name: "Han River Example Deep Tech Fund", kind: "INVESTOR", city: "seoul",
    sectors: ["health and life sciences", "creative and digital"], website: "https://hanriver-deeptech.example", description: FICTIONAL_ORGANISATION,
    investor: { investorType: "VENTURE_CAPITAL", sectors: ["health and life sciences", "creative and digital"], ticketMinGbp: 500_000, ticketMaxGbp: 8_000_000, stages: ["seed", "series A"] },
  },
  {
    key: "rheinkapital", owner: "dbt", name: "Rhein Example Kapital", kind: "INVESTOR", city: "cologne",
    sectors: ["zero-carbon energy", "transport technologies"], website: "https://rhein-kapital.example", description: FICTIONAL_ORGANISATION,
    investor: { investorType: "FAMILY_OFFICE", sectors: ["zero-carbon energy", "transport technologies"], ticketMinGbp: 2_000_000, ticketMaxGbp: 25_000_000, stages: ["series B", "growth"] },
  },
  {
    key: "merlionagri", owner: "lboro", name: "Merlion Example Agri-Tech", kind: "COMPANY", city: "singapore",
    sectors: ["agri-tech"], website: "https://merlion-agritech.example", description: FICTIONAL_ORGANISATION,
  },
  {
    key: "southbankmedtech", owner: "nottingham", name: "Southbank Example Medtech", kind: "COMPANY", city: "melbourne",
    sectors: ["health and life sciences"], website: "https://southbank-medtech.example", description: FICTIONAL_ORGANISATION,
  },
  {
    key: "greatlakesmobility", owner: "wmca", name: "Great Lakes Example Mobility", kind: "COMPANY", city: "chicago",
    sectors: ["transport technologies"], website: "https://greatlakes-mobility.example", description: FICTIONAL_ORGANISATION,
  },
];
