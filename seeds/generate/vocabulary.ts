// Word pools for the generated network. Everything here is fictional: member
// institutions are built from invented English place names, and organisations
// from surnames, cities and trade words, so no generated record describes a
// real body or person.

export const SECTORS = [
  "advanced manufacturing",
  "automotive",
  "aerospace",
  "clean energy",
  "health and life sciences",
  "digital and technology",
  "financial services",
  "creative industries",
  "education",
  "research",
  "agri-food",
  "logistics",
  "professional services",
  "space",
  "rail",
  "maritime",
  "construction",
  "tourism",
  "semiconductors",
  "net zero",
] as const;

export const THEMES = [
  "trade",
  "investment",
  "research",
  "education",
  "culture",
  "tourism",
  "net zero",
  "skills",
  "innovation",
  "health",
  "transport",
  "smart cities",
  "student mobility",
  "export",
] as const;

export const PLACE_PREFIXES = [
  "Ash", "Brad", "Cal", "Dun", "Elm", "Fair", "Glen", "Hart", "Ivy", "King", "Lang", "Mar", "Nor", "Oak", "Pen",
  "Ravens", "Stan", "Thorn", "Up", "Wal", "Whit", "York", "Bel", "Crow", "Dray", "Fern", "Gold", "Hol", "Kes",
  "Lyd", "Mill", "Ned", "Orm", "Pel", "Quen", "Rother", "Sil", "Tam", "Wen", "Alder",
] as const;

export const PLACE_SUFFIXES = [
  "ford", "ley", "ton", "bury", "field", "ham", "wick", "mouth", "by", "stead", "bridge", "chester", "dale", "minster",
  "borough", "well", "combe", "holme",
] as const;

export const UNIVERSITY_SUBJECTS = [
  "Engineering", "Computer Science", "Medicine", "Economics", "Law", "Business", "Physics", "Chemistry",
  "Mathematics", "Architecture", "International Relations", "Materials Science", "Biochemistry", "Finance",
  "Public Policy", "Data Science", "Mechanical Engineering", "Pharmacy", "History", "Design",
] as const;

export const DEGREES = ["BA", "BSc", "BEng", "MA", "MSc", "MBA", "MEng", "LLM", "PhD", "MPhil"] as const;

export const COMPANY_WORDS = [
  "Precision", "Motors", "Energy", "Biotech", "Systems", "Logistics", "Foods", "Semiconductors", "Robotics",
  "Pharma", "Materials", "Aerospace", "Digital", "Analytics", "Mobility", "Batteries", "Medical", "Textiles",
  "Engineering", "Software", "Hydrogen", "Rail", "Marine", "Solar", "Wind", "Networks", "Instruments", "Chemicals",
] as const;

export const COMPANY_SUFFIXES_BY_COUNTRY: Record<string, readonly string[]> = {
  JP: ["Co., Ltd.", "Corporation", "K.K."],
  CN: ["Co., Ltd.", "Group", "Technology Co., Ltd."],
  KR: ["Co., Ltd.", "Corp."],
  DE: ["GmbH", "AG", "SE"],
  AT: ["GmbH", "AG"],
  CH: ["AG", "SA"],
  FR: ["SA", "SAS"],
  IT: ["S.p.A.", "S.r.l."],
  ES: ["S.A.", "S.L."],
  NL: ["B.V.", "N.V."],
  BR: ["Ltda.", "S.A."],
  IN: ["Pvt Ltd", "Ltd"],
  US: ["Inc.", "LLC", "Corp."],
  SE: ["AB"],
  PL: ["Sp. z o.o.", "S.A."],
};
export const DEFAULT_COMPANY_SUFFIXES = ["Ltd", "Group", "Holdings", "International"] as const;

// Native-script company names for a few markets: [native word, Latin], suffix pairs.
export const NATIVE_COMPANY: Record<string, { words: [string, string][]; suffix: [string, string] }> = {
  JP: {
    words: [["精密", "Seimitsu"], ["電機", "Denki"], ["工業", "Kogyo"], ["化学", "Kagaku"], ["製薬", "Seiyaku"], ["商事", "Shoji"], ["自動車", "Jidosha"], ["重工", "Juko"]],
    suffix: ["株式会社", "K.K."],
  },
  CN: {
    words: [["科技", "Technology"], ["新能源", "New Energy"], ["汽车", "Automotive"], ["生物", "Biotech"], ["电子", "Electronics"], ["物流", "Logistics"], ["医药", "Pharmaceutical"]],
    suffix: ["有限公司", "Co., Ltd."],
  },
  KR: {
    words: [["전자", "Electronics"], ["중공업", "Heavy Industries"], ["바이오", "Bio"], ["화학", "Chemical"], ["에너지", "Energy"], ["모빌리티", "Mobility"]],
    suffix: ["주식회사", "Co., Ltd."],
  },
};

export const INVESTOR_WORDS = ["Capital", "Ventures", "Partners", "Investments", "Equity", "Growth Fund", "Holdings", "Asset Management"] as const;
export const NGO_WORDS = ["Foundation", "Trust", "Institute", "Alliance", "Network", "Forum", "Council", "Initiative"] as const;
export const NGO_TOPICS = ["Climate", "Education", "Cities", "Health", "Innovation", "Youth", "Culture", "Water", "Enterprise", "Peace"] as const;

export const JOB_TITLES: Record<string, readonly string[]> = {
  CITY_GOVERNMENT: ["Mayor", "Deputy Mayor", "Director of International Affairs", "International Relations Officer", "Head of Economic Development", "City Councillor", "Chief of Staff"],
  REGIONAL_GOVERNMENT: ["Governor", "Vice Governor", "Director of External Affairs", "Head of Investment Promotion", "Trade Commissioner", "Policy Adviser"],
  NATIONAL_GOVERNMENT: ["Minister", "Deputy Minister", "Director General", "Head of Unit", "Senior Policy Officer", "Trade Negotiator"],
  DIPLOMATIC_POST: ["Ambassador", "Consul General", "Deputy Head of Mission", "Trade Attaché", "First Secretary (Economic)", "Science and Innovation Counsellor", "Political Officer"],
  UNIVERSITY: ["Vice-Chancellor", "President", "Pro-Vice-Chancellor (International)", "Professor", "Dean of Engineering", "Director of Partnerships", "Head of Alumni Relations"],
  COMPANY: ["Chief Executive Officer", "Managing Director", "Head of Europe", "Chief Technology Officer", "VP Business Development", "Country Manager UK", "Head of Investment", "Chief Financial Officer"],
  INVESTOR: ["Managing Partner", "Partner", "Principal", "Investment Director", "Head of Private Equity", "Chief Investment Officer", "Associate"],
  TRADE_BODY: ["Chair", "Director General", "Head of Trade Missions", "Policy Manager", "Membership Director"],
  NGO: ["Executive Director", "Programme Director", "Head of Partnerships", "Country Director", "Research Fellow"],
  OTHER: ["Director", "Adviser", "Consultant", "Project Manager"],
};

export const USER_TITLES = [
  "International Relations Manager", "Trade Envoy", "Inward Investment Manager", "Head of International",
  "Policy Officer", "Partnerships Officer", "Mayoral Adviser", "International Office Director", "Data Officer",
  "Business Development Manager",
] as const;

const MEETING_SUBJECTS = [
  "Introductory meeting with {org}",
  "Discussion of expansion plans in the UK",
  "{sector} investment opportunity",
  "Research partnership with {org}",
  "Student exchange and scholarships",
  "Renewal of the partnership agreement",
  "Catch-up on {theme} projects",
  "Supply-chain opportunities in {sector}",
  "Market entry advice for {org}",
];

export const INTERACTION_SUBJECTS: Record<
  "MEETING" | "CALL" | "EMAIL" | "EVENT" | "MISSION_MEETING" | "INWARD_DELEGATION" | "MOU_SIGNING" | "ROUNDTABLE" | "SITE_VISIT",
  readonly string[]
> = {
  MEETING: MEETING_SUBJECTS,
  CALL: ["Follow-up call on {sector} collaboration", "Call with {org} about next steps", ...MEETING_SUBJECTS],
  EMAIL: ["Follow-up on {sector} collaboration", "Introduction to {org}", "Information requested by {org}", ...MEETING_SUBJECTS],
  EVENT: ["Alumni reception in {city}", "Trade mission briefing", "{sector} showcase", "Investment summit: {theme}"],
  MISSION_MEETING: ["Mission meeting with {org}", "{sector} investment opportunity", "Market visit: {city}"],
  INWARD_DELEGATION: ["Delegation from {city}", "Hosted visit by {org}"],
  MOU_SIGNING: ["MoU signing with {org}", "Signing of the {theme} agreement"],
  ROUNDTABLE: ["Roundtable on {theme}", "{sector} investors roundtable"],
  SITE_VISIT: ["Site visit to {city}", "Tour of {org} facilities"],
};

export const OUTCOMES = [
  "Agreed to share a project proposal.",
  "Interested in a site visit next quarter.",
  "Asked for introductions to local suppliers.",
  "Will confirm investment committee timing.",
  "Positive; next step is a formal MoU draft.",
  "No immediate opportunity; keep warm.",
  "Requested data on skills and land availability.",
  "Agreed joint funding bid.",
] as const;

export const NOTES = [
  "Discussed priorities for the coming year and possible joint events.",
  "They are comparing three UK regions; our offer on skills was well received.",
  "Raised concerns about visa processing times for researchers.",
  "Keen to host a return delegation; asked about dates in the spring.",
  "Board approval expected after the summer; budget not yet confirmed.",
  "Shared the regional investment prospectus and case studies.",
  "Mentioned competing interest from another European city.",
  "Interested in the university's battery research facilities.",
] as const;

export const SENSITIVE_NOTES = [
  "Commercially sensitive: valuation and shortlist discussed in confidence.",
  "Personal circumstances mentioned; do not share.",
  "Confidential: early-stage plans not yet announced to staff.",
] as const;

export const FOLLOW_UP_TITLES = [
  "Send meeting summary",
  "Share investment prospectus",
  "Introduce to university research team",
  "Arrange site visit",
  "Draft MoU text",
  "Confirm delegation programme",
  "Send land and property options",
  "Book return visit",
  "Update opportunity stage",
  "Thank-you letter from the Mayor",
] as const;

export const OPPORTUNITY_TITLES = [
  "{org}: UK {sector} facility",
  "{org}: European headquarters",
  "{org}: R&D centre",
  "{org}: expansion of UK operations",
  "{org}: joint research programme",
  "{org}: export contract",
  "{org}: fund investment in regional start-ups",
] as const;

export const VISIT_TITLES_OUTBOUND = [
  "Trade mission to {country}",
  "Mayoral visit to {city}",
  "{sector} delegation to {country}",
  "University recruitment tour: {country}",
  "Investment roadshow: {city}",
] as const;

export const VISIT_TITLES_INBOUND = [
  "Delegation from {city}",
  "{country} {sector} mission to the region",
  "Inward visit: {city} partners",
] as const;

export const VISIT_OBJECTIVES = [
  "Meet investors with UK expansion plans and present the regional offer.",
  "Renew partnership commitments and agree a programme for next year.",
  "Build research links and student recruitment pipelines.",
  "Support local exporters and open doors with buyers.",
] as const;

export const PARTNERSHIP_DESCRIPTIONS = [
  "Long-standing link covering culture, education and business exchange.",
  "Focused collaboration on net zero and clean growth.",
  "Joint research and student mobility programme.",
  "Agreement to promote two-way trade and investment.",
] as const;

export const INVESTOR_STAGES = ["pre-seed", "seed", "series A", "series B", "growth", "buyout", "infrastructure", "real estate"] as const;

export const BIO_TEMPLATES = [
  "{title} at {org}. Works on {sector} and international partnerships.",
  "Leads {sector} work at {org}; previously in government.",
  "{title}, {org}. Long-standing contact of the network; interested in UK collaboration.",
  "Based in {city}. Focus on {sector} and investment into the UK.",
] as const;
