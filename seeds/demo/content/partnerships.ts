import type { MemberKey } from "./members.js";

// City partnerships, twinnings and MoUs of the demo network: public facts only
// (../SOURCES.md). Where a source gives only the year, signedOn is 1 January of
// that year and the description says "since <year>"; where it gives no year,
// signedOn is left empty.
//
// The UK side of a city link is the city council (an organisation); the
// international side is the partner city (a place), or the partner government
// where the network deals with it directly. Links of councils that are not
// members are recorded by the member for that area, or by the Network
// Coordination Unit, and shared with the whole network.

export type PartnershipKind = "SISTER_CITY" | "PARTNER_CITY" | "FRIENDSHIP" | "MOU" | "RESEARCH_COLLABORATION" | "TRADE_AGREEMENT" | "INVESTMENT_AGREEMENT";

export interface PartyData {
  side: "UK" | "INTERNATIONAL";
  /** A city or region key (./places.ts). */
  place?: string;
  /** An organisation key (./organisations.ts). */
  organisation?: string;
}

export interface PartnershipData {
  key: string;
  owner: MemberKey;
  name: string;
  kind: PartnershipKind;
  status: "PROPOSED" | "ACTIVE" | "DORMANT" | "ENDED";
  signedOn?: string;
  themes: string[];
  lead?: MemberKey;
  description: string;
  parties: PartyData[];
}

const cityLink = (
  key: string,
  owner: MemberKey,
  council: string,
  ukName: string,
  partnerCity: string,
  partnerName: string,
  kind: PartnershipKind,
  year: number | null,
  themes: string[],
  description: string,
): PartnershipData => ({
  key,
  owner,
  name: `${ukName}–${partnerName} ${kind === "SISTER_CITY" ? "sister cities" : "partner cities"}`,
  kind,
  status: "ACTIVE",
  ...(year ? { signedOn: `${year}-01-01` } : {}),
  themes,
  description,
  parties: [
    { side: "UK", organisation: council },
    { side: "INTERNATIONAL", place: partnerCity },
  ],
});

export const TOYOTA_CITY_PARTNERSHIP = "Toyota City Partnership";

export const partnershipsData: PartnershipData[] = [
  {
    key: "toyota",
    owner: "derbyshire",
    lead: "derbyshire",
    name: TOYOTA_CITY_PARTNERSHIP,
    kind: "SISTER_CITY",
    status: "ACTIVE",
    signedOn: "1998-11-16",
    themes: ["economy", "environment", "education", "culture", "sport"],
    description:
      "Twinning agreement signed on 16 November 1998 by Derbyshire County Council, Derby City Council and South Derbyshire " +
      "District Council with Toyota City (Aichi Prefecture, Japan), following the opening of Toyota's Burnaston plant. The " +
      "councils work with Toyota City on the economy, environment, education, culture and sport; school and college exchanges " +
      "have involved nearly 1,000 students. A delegation from Toyota City visited Derby and Derbyshire in October 2023 to mark " +
      "the 25th anniversary.",
    parties: [
      { side: "UK", organisation: "derbyshirecc" },
      { side: "UK", organisation: "derbycc" },
      { side: "UK", organisation: "southderbyshire" },
      { side: "INTERNATIONAL", organisation: "toyotacitygov" },
    ],
  },

  // Birmingham: partner cities in Europe, sister cities beyond.
  cityLink("bham-lyon", "wmca", "birminghamcc", "Birmingham", "lyon", "Lyon", "PARTNER_CITY", 1951, ["transport", "culture", "education", "science"], "Birmingham's longest-standing partner city, since 1951. Both cities are founder members of EUROCITIES."),
  cityLink("bham-frankfurt", "wmca", "birminghamcc", "Birmingham", "frankfurt", "Frankfurt", "PARTNER_CITY", 1966, ["culture", "education", "civic exchange"], "Partner cities since 1966."),
  cityLink("bham-leipzig", "wmca", "birminghamcc", "Birmingham", "leipzig", "Leipzig", "PARTNER_CITY", null, ["research", "education", "culture"], "Partner city agreement; a Leipzig delegation visited Birmingham in June 2025."),
  cityLink("bham-milan", "wmca", "birminghamcc", "Birmingham", "milan", "Milan", "PARTNER_CITY", null, ["culture", "civic exchange"], "Partner city agreement."),
  cityLink("bham-chicago", "wmca", "birminghamcc", "Birmingham", "chicago", "Chicago", "SISTER_CITY", 1993, ["trade", "education", "culture"], "Sister cities since 1993."),
  cityLink("bham-guangzhou", "wmca", "birminghamcc", "Birmingham", "guangzhou", "Guangzhou", "SISTER_CITY", null, ["trade", "education", "research"], "Sister city agreement; the University of Birmingham works with the Guangzhou municipal government."),
  cityLink("bham-johannesburg", "wmca", "birminghamcc", "Birmingham", "johannesburg", "Johannesburg", "SISTER_CITY", null, ["civic exchange"], "Sister city agreement."),

  // Manchester.
  cityLink("man-chemnitz", "gmca", "manchestercc", "Manchester", "chemnitz", "Chemnitz", "SISTER_CITY", 1983, ["culture", "urban development"], "Twinned since 1983; the agreement was updated in 2003 on its 20th anniversary."),
  cityLink("man-wuhan", "gmca", "manchestercc", "Manchester", "wuhan", "Wuhan", "SISTER_CITY", 1986, ["trade", "investment", "culture", "sport"], "Friendship and sister city link since 1986, renewed with an action plan on its 30th anniversary in 2016."),
  cityLink("man-losangeles", "gmca", "manchestercc", "Manchester", "losangeles", "Los Angeles", "SISTER_CITY", 2009, ["culture", "trade"], "Sister cities since 2009."),

  // Leeds.
  cityLink("leeds-lille", "unit", "leedscc", "Leeds", "lille", "Lille", "PARTNER_CITY", 1968, ["youth", "education", "culture"], "Partner cities since 1968, Leeds' first partnership."),
  cityLink("leeds-dortmund", "unit", "leedscc", "Leeds", "dortmund", "Dortmund", "PARTNER_CITY", 1969, ["schools and youth", "community", "arts", "culture", "sport"], "Twinned since 1969; the Memorandum of Understanding was re-signed on 12 February 2021."),
  cityLink("leeds-hangzhou", "unit", "leedscc", "Leeds", "hangzhou", "Hangzhou", "PARTNER_CITY", 1988, ["business", "education", "culture"], "Partner cities since 1988; a new Memorandum of Understanding was signed on the 30th anniversary in 2018."),
  cityLink("leeds-brno", "unit", "leedscc", "Leeds", "brno", "Brno", "PARTNER_CITY", 1991, ["local government", "culture", "education"], "Partnership developed from 1991 and formalised by a Memorandum of Understanding in 2003."),
  cityLink("leeds-durban", "unit", "leedscc", "Leeds", "durban", "Durban", "PARTNER_CITY", 1998, ["economic development", "environment", "arts and culture"], "Partner cities since 1998, under a Memorandum of Understanding signed that year."),

  // Nottingham.
  cityLink("notts-karlsruhe", "emca", "nottinghamcc", "Nottingham", "karlsruhe", "Karlsruhe", "SISTER_CITY", 1969, ["culture", "education", "transport"], "Twinned since 1969; Karlsruhe advised Nottingham on its tram network."),
  cityLink("notts-ningbo", "emca", "nottinghamcc", "Nottingham", "ningbo", "Ningbo", "SISTER_CITY", 2005, ["education", "trade", "culture"], "Sister cities since 2005, a year after the University of Nottingham Ningbo China opened."),

  // Derby (Toyota City is the Toyota City Partnership above).
  cityLink("derby-osnabrueck", "emca", "derbycc", "Derby", "osnabrueck", "Osnabrück", "SISTER_CITY", 1976, ["young people", "culture", "civic exchange"], "Twinned since 1976."),
  {
    key: "derby-hefei",
    owner: "emca",
    name: "Derby–Hefei memorandum of understanding",
    kind: "MOU",
    status: "ACTIVE",
    signedOn: "2016-01-01",
    themes: ["economic cooperation", "trade", "investment"],
    description: "Memorandum of Understanding signed in Hefei in 2016 to promote economic cooperation, trade and investment, after Hefei delegates first visited Derby in October 2015.",
    parties: [
      { side: "UK", organisation: "derbycc" },
      { side: "INTERNATIONAL", place: "hefei" },
    ],
  },

  // Liverpool.
  cityLink("liv-cologne", "unit", "liverpoolcc", "Liverpool", "cologne", "Cologne", "SISTER_CITY", 1952, ["culture", "civic exchange"], "Twinned since 1952."),
  cityLink("liv-dublin", "unit", "liverpoolcc", "Liverpool", "dublin", "Dublin", "SISTER_CITY", 1997, ["culture", "trade"], "Twinned since 1997."),
  cityLink("liv-shanghai", "unit", "liverpoolcc", "Liverpool", "shanghai", "Shanghai", "SISTER_CITY", 1999, ["trade", "education", "culture"], "Twinned since 1999."),

  // Bristol.
  cityLink("bristol-bordeaux", "unit", "bristolcc", "Bristol", "bordeaux", "Bordeaux", "SISTER_CITY", 1947, ["culture", "education", "trade"], "Twinned since 1947, one of the first UK twinnings."),
  cityLink("bristol-hannover", "unit", "bristolcc", "Bristol", "hannover", "Hannover", "SISTER_CITY", 1947, ["culture", "youth", "media"], "Twinned since 1947, the first post-war twinning of a British and a German city."),
  cityLink("bristol-porto", "unit", "bristolcc", "Bristol", "porto", "Porto", "SISTER_CITY", 1984, ["culture", "tourism", "trade"], "Twinned since 1984."),
  cityLink("bristol-guangzhou", "unit", "bristolcc", "Bristol", "guangzhou", "Guangzhou", "SISTER_CITY", 2001, ["trade", "culture"], "Twinned since 2001."),

  // Leicester.
  cityLink("leic-strasbourg", "unit", "leicestercc", "Leicester", "strasbourg", "Strasbourg", "SISTER_CITY", null, ["culture", "civic exchange"], "Twin city agreement."),
  {
    ...cityLink("leic-krefeld", "unit", "leicestercc", "Leicester", "krefeld", "Krefeld", "SISTER_CITY", null, ["culture", "sport", "apprenticeships"], "Twinned since 14 May 1969; staff and apprentice exchanges continue."),
    signedOn: "1969-05-14",
  },
  cityLink("leic-rajkot", "unit", "leicestercc", "Leicester", "rajkot", "Rajkot", "SISTER_CITY", null, ["culture", "community"], "Twin city agreement."),
  cityLink("leic-chongqing", "unit", "leicestercc", "Leicester", "chongqing", "Chongqing", "SISTER_CITY", 1993, ["trade", "education"], "Twinned since 1993."),

  // Greater Manchester's own agreements.
  {
    key: "gm-osaka",
    owner: "gmca",
    lead: "gmca",
    name: "Greater Manchester–Osaka memorandum of understanding",
    kind: "MOU",
    status: "ACTIVE",
    signedOn: "2023-12-04",
    themes: ["net zero", "trade and investment", "innovation", "education", "EXPO 2025"],
    description:
      "Memorandum of Understanding for the Partnership of Friendship and Cooperation, signed in Osaka on 4 December 2023 on the " +
      "first day of Greater Manchester's mission to Japan: net zero, trade and investment, innovation and university links, and a " +
      "joint plan for EXPO 2025 in Osaka.",
    parties: [
      { side: "UK", place: "greatermanchester" },
      { side: "INTERNATIONAL", organisation: "osakacitygov" },
    ],
  },
  {
    key: "gm-ruhr",
    owner: "gmca",
    lead: "gmca",
    name: "Greater Manchester–Metropole Ruhr memorandum of understanding",
    kind: "MOU",
    status: "ACTIVE",
    signedOn: "2021-09-02",
    themes: ["climate change", "sustainable mobility", "digitisation and cybersecurity", "innovation and research", "devolution"],
    description:
      "Memorandum of Understanding with the Regionalverband Ruhr, signed in Essen during Greater Manchester's mission to " +
      "North Rhine-Westphalia on 2–3 September 2021: a strategic partnership of two former industrial regions.",
    parties: [
      { side: "UK", place: "greatermanchester" },
      { side: "INTERNATIONAL", place: "ruhr" },
      { side: "INTERNATIONAL", organisation: "rvr" },
    ],
  },
];
