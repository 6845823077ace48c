import type { MemberKey } from "./members.js";

// The Invest in UK University R&D – Midlands campaign (launched in May 2024 at
// UKREiiF; led by Midlands Innovation and the Midlands Engine, hosted at
// Loughborough University, 17 Midlands universities): its six target markets
// and five sectors, as national priorities (set by the DBT office) and member
// priorities (Midlands Innovation and the member universities), plus the
// members' own market priorities behind the demo visits. See ../SOURCES.md.

export interface PriorityData {
  owner: MemberKey;
  name: string;
  scope: "NATIONAL" | "MEMBER";
  countryCode?: string;
  sector?: string;
  weight: number;
  description: string;
  visibility?: "PRIVATE" | "NETWORK";
}

export const CAMPAIGN = "Invest in UK University R&D – Midlands";

export const CAMPAIGN_MARKETS: { code: string; name: string }[] = [
  { code: "AU", name: "Australia" },
  { code: "DE", name: "Germany" },
  { code: "JP", name: "Japan" },
  { code: "SG", name: "Singapore" },
  { code: "KR", name: "South Korea" },
  { code: "US", name: "USA" },
];

export const CAMPAIGN_SECTORS = [
  "agri-tech",
  "health and life sciences",
  "transport technologies",
  "creative and digital",
  "zero-carbon energy",
] as const;

const campaignNote =
  `Part of the ${CAMPAIGN} campaign, launched in May 2024: a £3m campaign by 17 Midlands universities, led by Midlands ` +
  "Innovation and the Midlands Engine and hosted at Loughborough University, to attract overseas investment into university R&D.";

export const prioritiesData: PriorityData[] = [
  ...CAMPAIGN_MARKETS.map(
    (m): PriorityData => ({
      owner: "dbt",
      name: `${CAMPAIGN}: ${m.name}`,
      scope: "NATIONAL",
      countryCode: m.code,
      weight: 8,
      description: `${m.name} is one of the campaign's six target markets. ${campaignNote}`,
    }),
  ),
  ...CAMPAIGN_SECTORS.map(
    (sector): PriorityData => ({
      owner: "dbt",
      name: `${CAMPAIGN}: ${sector}`,
      scope: "NATIONAL",
      sector,
      weight: 8,
      description: `One of the campaign's five sectors of Midlands research strength. ${campaignNote}`,
    }),
  ),
  ...CAMPAIGN_SECTORS.map(
    (sector): PriorityData => ({
      owner: "mi",
      name: `Midlands Innovation campaign sector: ${sector}`,
      scope: "MEMBER",
      sector,
      weight: 9,
      description: `Midlands Innovation leads the campaign's work on ${sector}. ${campaignNote}`,
    }),
  ),
  {
    owner: "lboro",
    name: "Campaign host: Japan – transport technologies",
    scope: "MEMBER",
    countryCode: "JP",
    sector: "transport technologies",
    weight: 7,
    description: `Loughborough University hosts the campaign. ${campaignNote}`,
  },
  {
    owner: "nottingham",
    name: "Australia – agri-tech alumni investors",
    scope: "MEMBER",
    countryCode: "AU",
    sector: "agri-tech",
    weight: 6,
    description: `Alumni engagement in one of the campaign's markets and sectors. ${campaignNote}`,
  },
  {
    owner: "bham",
    name: "USA – health and life sciences alumni investors",
    scope: "MEMBER",
    countryCode: "US",
    sector: "health and life sciences",
    weight: 6,
    description: `Alumni engagement in one of the campaign's markets and sectors. ${campaignNote}`,
  },
  {
    owner: "wmca",
    name: "India: trade and investment after the UK–India Free Trade Agreement",
    scope: "MEMBER",
    countryCode: "IN",
    weight: 9,
    description: "The West Midlands mission to India (22–27 February 2026) followed the UK–India Free Trade Agreement signed in July 2025.",
  },
  {
    owner: "wmca",
    name: "China: electric vehicles, batteries and advanced manufacturing",
    scope: "MEMBER",
    countryCode: "CN",
    sector: "transport technologies",
    weight: 7,
    description: "The West Midlands is the UK's leading exporting region to China; focus on electric vehicles, batteries and advanced manufacturing.",
  },
  {
    owner: "emca",
    name: "Japan: automotive supply chain",
    scope: "MEMBER",
    countryCode: "JP",
    sector: "automotive",
    weight: 8,
    description: "Building on the Toyota City Partnership and Toyota's Burnaston plant.",
  },
  {
    owner: "gmca",
    name: "Japan: net zero and innovation",
    scope: "MEMBER",
    countryCode: "JP",
    sector: "zero-carbon energy",
    weight: 8,
    description: "Following the Greater Manchester–Osaka Memorandum of Understanding of December 2023.",
  },
];
