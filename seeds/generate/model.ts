import { COUNTRIES, type Country, countryByCode } from "../places/countries.js";
import { type City, worldCities } from "./cities.js";
import { type Locale, LOCALES, asciiSlug, countryLanguages, localesOf, personName } from "./names.js";
import { IdSpace, Random, Weighted, hashString } from "./random.js";
import { type Counts, type Scale, countsFor } from "./scale.js";
import * as words from "./vocabulary.js";

// The generated world, built deterministically from (scale, seed, fraction).
// Members, users, places, organisations, people, visits and partnerships are
// held in memory (at most a few hundred thousand small objects at L); the
// million interactions are derived on demand by index (`interactionAt`), so
// their tables stream without ever being held in memory.

export type Visibility = "PRIVATE" | "NETWORK";
type MemberKind = "COMBINED_AUTHORITY" | "COUNCIL" | "UNIVERSITY" | "GOVERNMENT_UNIT" | "GROWTH_AGENCY" | "NETWORK_UNIT" | "OTHER";
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
type Channel = "IN_PERSON" | "VIDEO" | "PHONE" | "EMAIL" | "OTHER";

/** Reference data ids do not depend on the dataset: every dataset shares one Tokyo. */
const PLACES_NAMESPACE = hashString("entente:places:v1");
const DAY = 86_400_000;

export const GENERATED_PASSWORD = "entente-generated";
export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_ANCHOR = "2026-11-01";

export interface GenerateOptions {
  scale: Scale;
  seed?: number;
  /** Load a slice: 0 < fraction ≤ 1 of the tier's counts. */
  fraction?: number;
  /** One argon2 hash shared by every generated user (hash GENERATED_PASSWORD once). */
  passwordHash: string;
  /** "Today" of the generated world (YYYY-MM-DD): dates are spread around it. Fixed for determinism. */
  anchor?: string;
}

export interface PlaceModel {
  id: string;
  kind: "COUNTRY" | "CITY";
  name: string;
  countryCode: string;
  parentId: string | null;
  latitude: number;
  longitude: number;
}

export interface MemberModel {
  index: number;
  id: string;
  name: string;
  baseName: string;
  shortName: string;
  kind: MemberKind;
  website: string;
  domain: string;
  retentionMonths: number;
  homeCity: PlaceModel;
  users: number[];
  editors: number[];
  visits: number[];
}

export interface UserModel {
  id: string;
  email: string;
  name: string;
  member: number;
  role: "ADMIN" | "EDITOR" | "VIEWER";
  jobTitle: string;
}

export interface OrganisationModel {
  index: number;
  id: string;
  owner: number;
  visibility: Visibility;
  createdBy: number;
  name: string;
  nameLatin: string | null;
  kind: OrganisationKind;
  place: PlaceModel;
  countryCode: string;
  sectors: string[];
  website: string;
  domain: string;
  description: string | null;
  parent: number | null;
  externalId: string;
  createdAt: number;
}

export interface AffiliationModel {
  organisation: number;
  role: string;
  startedOn: string | null;
  endedOn: string | null;
}

export interface AlumniModel {
  university: number;
  degree: string;
  subject: string;
  graduationYear: number;
}

export interface PersonModel {
  index: number;
  id: string;
  owner: number;
  visibility: Visibility;
  createdBy: number;
  fullName: string;
  nameLatin: string | null;
  jobTitle: string | null;
  place: PlaceModel;
  countryCode: string;
  languages: string[];
  sectors: string[];
  bio: string | null;
  email: string | null;
  phone: string | null;
  lawfulBasis: "LEGITIMATE_INTERESTS" | "CONSENT" | "PUBLIC_TASK" | "CONTRACT";
  lawfulBasisNote: string | null;
  consentAt: number | null;
  retentionReviewOn: string;
  externalId: string;
  createdAt: number;
  organisation: number | null;
  affiliations: AffiliationModel[];
  alumni: AlumniModel[];
  investor: boolean;
}

export interface VisitModel {
  index: number;
  id: string;
  owner: number;
  visibility: Visibility;
  createdBy: number;
  title: string;
  direction: "OUTBOUND" | "INBOUND";
  status: "PLANNED" | "CONFIRMED" | "COMPLETED" | "CANCELLED";
  startsOn: number;
  endsOn: number;
  lead: number;
  objectives: string;
  destinations: PlaceModel[];
  members: number[];
  createdAt: number;
}

export interface PartyModel {
  side: "UK" | "INTERNATIONAL";
  place: PlaceModel | null;
  organisation: number | null;
}

export interface PartnershipModel {
  index: number;
  id: string;
  owner: number;
  visibility: Visibility;
  createdBy: number;
  name: string;
  kind: "SISTER_CITY" | "PARTNER_CITY" | "FRIENDSHIP" | "MOU" | "RESEARCH_COLLABORATION" | "TRADE_AGREEMENT" | "INVESTMENT_AGREEMENT";
  status: "PROPOSED" | "ACTIVE" | "DORMANT" | "ENDED";
  signedOn: string | null;
  renewalDueOn: string | null;
  themes: string[];
  description: string;
  parties: PartyModel[];
  createdAt: number;
}

export interface InteractionModel {
  index: number;
  id: string;
  owner: number;
  visibility: Visibility;
  createdBy: number;
  occurredAt: number;
  kind: InteractionKind;
  channel: Channel;
  subject: string;
  notes: string | null;
  notesSensitive: boolean;
  outcome: string | null;
  place: PlaceModel | null;
  visit: number | null;
  themes: string[];
  idempotencyKey: string | null;
  people: number[];
  users: number[];
  organisations: number[];
  createdAt: number;
}

// --- dates -----------------------------------------------------------------

// Millions of timestamps are formatted, so the date part is cached per day
// (the output is exactly Date.prototype.toISOString's).
const dayStrings = new Map<number, string>();

export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY);
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 10);
    dayStrings.set(day, text);
  }
  return text;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoTimestamp(ms: number): string {
  const t = ms - Math.floor(ms / DAY) * DAY;
  const millis = t % 1000;
  const seconds = Math.floor(t / 1000);
  const m = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
  return `${isoDate(ms)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${m}Z`;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

// --- weights -----------------------------------------------------------------

// Where contacts and organisations are: the UK's main markets weigh most, every
// other country with a city a little, so places are worldwide.
const COUNTRY_WEIGHTS: Record<string, number> = {
  GB: 12, US: 10, CN: 8, IN: 8, JP: 6, DE: 6, FR: 5, KR: 4, AE: 4, SA: 3, CA: 4, AU: 4, IT: 3, ES: 3, NL: 3, BR: 3,
  SG: 3, CH: 2, SE: 2, IE: 2, PL: 2, TR: 2, MX: 2, ZA: 2, NG: 2, KE: 1.5, EG: 1.5, QA: 1.5, IL: 1.5, TW: 2, HK: 2,
  ID: 2, VN: 2, TH: 1.5, MY: 1.5, PH: 1, PK: 1.5, BD: 1, GH: 1, AR: 1, CL: 1, CO: 1, NO: 1.5, DK: 1.5, FI: 1, BE: 2,
  AT: 1, PT: 1.5, GR: 1, CZ: 1, HU: 0.8, RO: 0.8, UA: 1, NZ: 1, MA: 1, KZ: 0.7, RU: 0.3, IR: 0.2, ET: 0.8, RW: 0.6,
  TZ: 0.6, UG: 0.6, PE: 0.7, OM: 0.8, KW: 0.8, BH: 0.6, JO: 0.6, LK: 0.7, NP: 0.4,
};
const DEFAULT_COUNTRY_WEIGHT = 0.12;

const ORGANISATION_KINDS = new Weighted<OrganisationKind>([
  ["COMPANY", 44], ["INVESTOR", 10], ["UNIVERSITY", 8], ["CITY_GOVERNMENT", 8], ["REGIONAL_GOVERNMENT", 4],
  ["NATIONAL_GOVERNMENT", 3], ["DIPLOMATIC_POST", 5], ["TRADE_BODY", 6], ["NGO", 7], ["OTHER", 5],
]);

const INTERACTION_KINDS = new Weighted<InteractionKind>([
  ["MEETING", 30], ["CALL", 18], ["EMAIL", 20], ["EVENT", 8], ["MISSION_MEETING", 7], ["INWARD_DELEGATION", 4],
  ["MOU_SIGNING", 1], ["ROUNDTABLE", 6], ["SITE_VISIT", 6],
]);

const MEMBER_KIND_SEQUENCE: MemberKind[] = ["NETWORK_UNIT", "UNIVERSITY", "COMBINED_AUTHORITY", "COUNCIL", "GOVERNMENT_UNIT"];
const MEMBER_KINDS = new Weighted<MemberKind>([
  ["COUNCIL", 35], ["UNIVERSITY", 25], ["COMBINED_AUTHORITY", 12], ["GOVERNMENT_UNIT", 10], ["GROWTH_AGENCY", 12], ["OTHER", 6],
]);

const GOVERNMENTAL: ReadonlySet<OrganisationKind> = new Set(["CITY_GOVERNMENT", "REGIONAL_GOVERNMENT", "NATIONAL_GOVERNMENT", "DIPLOMATIC_POST"]);

// --- the world -----------------------------------------------------------------

export class World {
  readonly scale: Scale;
  readonly seed: number;
  readonly fraction: number;
  readonly anchor: string;
  readonly anchorMs: number;
  readonly counts: Counts;
  readonly label: string;
  readonly namespace: number;
  readonly passwordHash: string;
  readonly ids: IdSpace;

  readonly countries: PlaceModel[] = [];
  readonly cities: PlaceModel[] = [];
  readonly members: MemberModel[] = [];
  readonly users: UserModel[] = [];
  readonly organisations: OrganisationModel[] = [];
  readonly people: PersonModel[] = [];
  readonly visits: VisitModel[] = [];
  readonly partnerships: PartnershipModel[] = [];

  private readonly countryPlaces = new Map<string, PlaceModel>();
  private readonly citiesByCountry = new Map<string, Weighted<PlaceModel>>();
  private readonly ukCities: PlaceModel[] = [];
  private countryPicker!: Weighted<Country>;
  private foreignCountryPicker!: Weighted<Country>;
  private memberPicker!: Weighted<number>;
  private readonly orgsByCountry = new Map<string, number[]>();
  private readonly orgPeople: number[][] = [];
  private orgByRank: number[] = [];
  private personByRank: number[] = [];
  private networkOrgs: number[] = [];
  private networkPeople: number[] = [];
  private commercialOrgs: number[] = [];
  private universityOrgs: number[] = [];

  constructor(options: GenerateOptions) {
    this.scale = options.scale;
    this.seed = options.seed ?? DEFAULT_SEED;
    if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > 0xffffffff) {
      throw new Error(`seed must be an integer between 0 and ${0xffffffff}, got ${options.seed}`);
    }
    this.fraction = options.fraction ?? 1;
    this.counts = countsFor(this.scale, this.fraction);
    this.anchor = options.anchor ?? DEFAULT_ANCHOR;
    this.anchorMs = Date.parse(`${this.anchor}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.anchor) || Number.isNaN(this.anchorMs)) {
      throw new Error(`anchor must be a date YYYY-MM-DD, got ${this.anchor}`);
    }
    this.passwordHash = options.passwordHash;
    const identity = datasetIdentity(options);
    this.label = identity.label;
    this.namespace = identity.namespace;
    this.ids = new IdSpace(this.namespace);

    this.buildPlaces();
    this.buildMembers();
    this.buildUsers();
    this.buildOrganisations();
    this.buildPeople();
    this.buildVisits();
    this.buildPartnerships();
  }

  /** The first member's id: present in a database exactly when this dataset was loaded. */
  get markerMemberId(): string {
    return this.members[0]!.id;
  }

  private rng(stream: string, index = 0): Random {
    return Random.derive(this.namespace, stream, index);
  }

  // --- places ---

  private buildPlaces(): void {
    for (const c of COUNTRIES) {
      const place: PlaceModel = {
        id: Random.derive(PLACES_NAMESPACE, "country", hashString(c.code)).uuid(),
        kind: "COUNTRY",
        name: c.name,
        countryCode: c.code,
        parentId: null,
        latitude: c.latitude,
        longitude: c.longitude,
      };
      this.countries.push(place);
      this.countryPlaces.set(c.code, place);
    }
    const byCountry = new Map<string, [PlaceModel, number][]>();
    for (const city of worldCities()) {
      const place = cityPlace(city, this.countryPlaces.get(city.countryCode)!.id);
      this.cities.push(place);
      const list = byCountry.get(city.countryCode) ?? [];
      list.push([place, Math.sqrt(city.population)]);
      byCountry.set(city.countryCode, list);
      if (city.countryCode === "GB") this.ukCities.push(place);
    }
    for (const [code, list] of byCountry) this.citiesByCountry.set(code, new Weighted(list));
    const weighted = COUNTRIES.filter((c) => this.citiesByCountry.has(c.code)).map(
      (c) => [c, COUNTRY_WEIGHTS[c.code] ?? DEFAULT_COUNTRY_WEIGHT] as const,
    );
    this.countryPicker = new Weighted(weighted);
    this.foreignCountryPicker = new Weighted(weighted.filter(([c]) => c.code !== "GB"));
  }

  countryPlace(code: string): PlaceModel {
    return this.countryPlaces.get(code)!;
  }

  private cityIn(rng: Random, code: string): PlaceModel {
    const picker = this.citiesByCountry.get(code);
    return picker ? picker.pick(rng) : this.countryPlace(code);
  }

  // --- members and users ---

  private buildMembers(): void {
    const rng = this.rng("members");
    const usedNames = new Set<string>();
    const townName = () => {
      for (;;) {
        const name = `${rng.pick(words.PLACE_PREFIXES)}${rng.pick(words.PLACE_SUFFIXES)}`;
        if (!usedNames.has(name)) {
          usedNames.add(name);
          return name;
        }
      }
    };
    const activity: [number, number][] = [];
    for (let i = 0; i < this.counts.members; i++) {
      const kind = MEMBER_KIND_SEQUENCE[i] ?? MEMBER_KINDS.pick(rng);
      const town = townName();
      const other = townName();
      const baseName = memberName(rng, kind, town, other);
      const shortName = baseName
        .split(/\s+/)
        .filter((w) => /^[A-Z]/.test(w) && w !== "and" && w !== "of")
        .map((w) => w[0])
        .join("");
      const domain = `${asciiSlug(baseName, "-")}.${asciiSlug(this.label, "-")}.example`;
      this.members.push({
        index: i,
        id: this.ids.of("member", i),
        name: `${baseName} [${this.label}]`,
        baseName,
        shortName,
        kind,
        website: `https://www.${domain}`,
        domain,
        retentionMonths: rng.pick([12, 24, 24, 36]),
        homeCity: rng.pick(this.ukCities.slice(0, 40)),
        users: [],
        editors: [],
        visits: [],
      });
      // A few members log most of the network's activity; the coordination unit little.
      activity.push([i, kind === "NETWORK_UNIT" ? 0.2 : 1 / (1 + rng.zipf(this.counts.members, 1))]);
    }
    this.memberPicker = new Weighted(activity);
  }

  private buildUsers(): void {
    const rng = this.rng("users");
    const n = this.counts.users;
    const m = this.members.length;
    const emails = new Set<string>();
    const weights = new Weighted(this.members.map((mm, i) => [i, mm.kind === "NETWORK_UNIT" ? 0.5 : 1] as const));
    for (let j = 0; j < n; j++) {
      // Every member gets an admin and an editor first; the rest are spread by weight.
      const member = j < m ? j : j < 2 * m ? j - m : weights.pick(rng);
      const role: UserModel["role"] = j < m ? "ADMIN" : j < 2 * m ? "EDITOR" : rng.chance(0.65) ? "EDITOR" : "VIEWER";
      const name = personName(rng, LOCALES.uk);
      const mm = this.members[member]!;
      let local = `${asciiSlug(name.given)}.${asciiSlug(name.family)}`;
      for (let k = 2; emails.has(`${local}@${mm.domain}`); k++) local = `${asciiSlug(name.given)}.${asciiSlug(name.family)}${k}`;
      const email = `${local}@${mm.domain}`;
      emails.add(email);
      this.users.push({
        id: this.ids.of("user", j),
        email,
        name: name.fullName,
        member,
        role,
        jobTitle: rng.pick(words.USER_TITLES),
      });
      mm.users.push(j);
      if (role !== "VIEWER") mm.editors.push(j);
    }
  }

  private pickMember(rng: Random): number {
    return this.memberPicker.pick(rng);
  }

  private editorOf(rng: Random, member: number): number {
    return rng.pick(this.members[member]!.editors);
  }

  private visibleTo(record: { owner: number; visibility: Visibility }, member: number): boolean {
    return record.visibility === "NETWORK" || record.owner === member;
  }

  private createdAt(rng: Random, maxDaysAgo = 7 * 365, minDaysAgo = 20): number {
    const days = minDaysAgo + rng.int(maxDaysAgo - minDaysAgo);
    return this.anchorMs - days * DAY - rng.int(DAY);
  }

  // --- organisations ---

  private buildOrganisations(): void {
    const n = this.counts.organisations;
    const rankRng = this.rng("organisation-ranks");
    this.orgByRank = permutation(rankRng, n);
    const hot = hotSet(this.orgByRank, Math.max(1, Math.floor(n * 0.01)));
    const universityMembers = this.members.filter((m) => m.kind === "UNIVERSITY");

    for (let k = 0; k < n; k++) {
      const rng = this.rng("organisation", k);
      const own = universityMembers[k];
      if (own) {
        // Each member university's own record, the target of alumni ties.
        this.pushOrganisation({
          index: k,
          id: this.ids.of("organisation", k),
          owner: own.index,
          visibility: "NETWORK",
          createdBy: this.editorOf(rng, own.index),
          name: own.baseName,
          nameLatin: null,
          kind: "UNIVERSITY",
          place: own.homeCity,
          countryCode: "GB",
          sectors: ["education", "research"],
          website: own.website,
          domain: own.domain,
          description: "Member university of the network.",
          parent: null,
          externalId: `O${pad(k)}`,
          createdAt: this.createdAt(rng, 8 * 365, 7 * 365),
        });
        continue;
      }
      const kind = ORGANISATION_KINDS.pick(rng);
      const owner = this.pickMember(rng);
      const visibility: Visibility = hot.has(k) || rng.chance(0.8) ? "NETWORK" : "PRIVATE";
      let country = this.countryPicker.pick(rng);
      let place: PlaceModel;
      let subject = country;
      if (kind === "DIPLOMATIC_POST") {
        // Mostly foreign missions in the UK, some British posts abroad.
        subject = this.foreignCountryPicker.pick(rng);
        if (rng.chance(0.7)) {
          country = countryByCode("GB");
          place = rng.chance(0.75) ? this.ukCities[0]! : rng.pick(this.ukCities.slice(0, 12));
        } else {
          country = subject;
          place = this.cityIn(rng, subject.code);
        }
      } else {
        place = this.cityIn(rng, country.code);
      }
      const loc = localesOf(country).pick(rng);
      const { name, nameLatin } = organisationName(rng, kind, country, subject, place, loc);
      const latin = nameLatin ?? name;
      const domain = `${asciiSlug(latin, "-").slice(0, 40)}.example`;
      const sectors = [
        ...new Set(kind === "UNIVERSITY" ? ["education", "research", ...rng.sample(words.SECTORS, 1)] : rng.sample(words.SECTORS, 1 + rng.int(3))),
      ];
      const sameCountry = this.orgsByCountry.get(country.code);
      const parent = sameCountry && sameCountry.length > 3 && rng.chance(0.05) ? rng.pick(sameCountry) : null;
      this.pushOrganisation({
        index: k,
        id: this.ids.of("organisation", k),
        owner,
        visibility,
        createdBy: this.editorOf(rng, owner),
        name,
        nameLatin,
        kind,
        place,
        countryCode: country.code,
        sectors,
        website: `https://www.${domain}`,
        domain,
        description: rng.chance(0.5) ? `${kindLabel(kind)} in ${place.name}, ${country.name}. Interests: ${sectors.join(", ")}.` : null,
        parent: parent !== null && this.visibleTo(this.organisations[parent]!, owner) ? parent : null,
        externalId: `O${pad(k)}`,
        createdAt: this.createdAt(rng),
      });
    }
    this.networkOrgs = this.organisations.filter((o) => o.visibility === "NETWORK").map((o) => o.index);
    this.commercialOrgs = this.organisations.filter((o) => o.kind === "COMPANY" || o.kind === "INVESTOR").map((o) => o.index);
    this.universityOrgs = this.organisations.filter((o) => o.kind === "UNIVERSITY" && o.countryCode === "GB" && this.members[o.owner]!.kind === "UNIVERSITY").map((o) => o.index);
  }

  private pushOrganisation(org: OrganisationModel): void {
    this.organisations.push(org);
    this.orgPeople.push([]);
    const list = this.orgsByCountry.get(org.countryCode);
    if (list) list.push(org.index);
    else this.orgsByCountry.set(org.countryCode, [org.index]);
  }

  /** A Zipf-skewed organisation the member can see (few organisations get most of the activity). */
  private hotOrganisation(rng: Random, member: number): number {
    for (let t = 0; t < 6; t++) {
      const k = this.orgByRank[rng.zipf(this.orgByRank.length)]!;
      if (this.visibleTo(this.organisations[k]!, member)) return k;
    }
    return rng.pick(this.networkOrgs);
  }

  // --- people ---

  private buildPeople(): void {
    const n = this.counts.people;
    this.personByRank = permutation(this.rng("person-ranks"), n);
    const hot = hotSet(this.personByRank, Math.max(1, Math.floor(n * 0.01)));
    for (let k = 0; k < n; k++) {
      const rng = this.rng("person", k);
      const owner = this.pickMember(rng);
      const visibility: Visibility = hot.has(k) || rng.chance(0.78) ? "NETWORK" : "PRIVATE";
      const country = this.countryPicker.pick(rng);
      const loc = localesOf(country).pick(rng);
      const name = personName(rng, loc);

      let organisation: number | null = null;
      const local = this.orgsByCountry.get(country.code);
      if (local && rng.chance(0.88)) {
        for (let t = 0; t < 4 && organisation === null; t++) {
          const candidate = local[rng.zipf(local.length, 3)]!;
          if (this.visibleTo(this.organisations[candidate]!, owner)) organisation = candidate;
        }
      }
      const org = organisation === null ? null : this.organisations[organisation]!;
      const jobTitle = org ? rng.pick(words.JOB_TITLES[org.kind] ?? words.JOB_TITLES.OTHER!) : rng.chance(0.5) ? "Independent consultant" : null;
      const place = org && org.countryCode === country.code && rng.chance(0.7) ? org.place : this.cityIn(rng, country.code);
      const createdAt = this.createdAt(rng);

      const languages = new Set<string>();
      const spoken = loc.language ?? countryLanguages(country)[0];
      if (spoken) languages.add(spoken);
      if (rng.chance(0.7) || languages.size === 0) languages.add("en");
      const sectors = org && rng.chance(0.8) ? rng.sample(org.sectors, 1 + rng.int(2)) : rng.sample(words.SECTORS, 1 + rng.int(2));

      const affiliations: AffiliationModel[] = [];
      if (org) {
        affiliations.push({ organisation: org.index, role: jobTitle ?? "Staff", startedOn: rng.chance(0.6) ? isoDate(createdAt - rng.int(10 * 365) * DAY) : null, endedOn: null });
      }
      if (rng.chance(0.3)) {
        const past = rng.pick(this.networkOrgs);
        if (past !== organisation) {
          const ended = createdAt - rng.range(30, 6 * 365) * DAY;
          affiliations.push({
            organisation: past,
            role: rng.pick(words.JOB_TITLES[this.organisations[past]!.kind] ?? words.JOB_TITLES.OTHER!),
            startedOn: isoDate(ended - rng.range(365, 8 * 365) * DAY),
            endedOn: isoDate(ended),
          });
        }
      }

      const investor = org?.kind === "INVESTOR" ? rng.chance(0.6) : rng.chance(0.025);
      const alumni: AlumniModel[] = [];
      if (this.universityOrgs.length > 0 && rng.chance(investor ? 0.45 : 0.12)) {
        const year = rng.range(1978, 2025);
        alumni.push({
          university: rng.pick(this.universityOrgs),
          degree: rng.pick(words.DEGREES),
          subject: rng.pick(words.UNIVERSITY_SUBJECTS),
          graduationYear: year,
        });
        if (rng.chance(0.1)) {
          alumni.push({ university: rng.pick(this.universityOrgs), degree: "PhD", subject: rng.pick(words.UNIVERSITY_SUBJECTS), graduationYear: Math.min(2025, year + rng.range(3, 6)) });
        }
      }

      const governmental = org !== null && GOVERNMENTAL.has(org.kind);
      const basisRoll = rng.float();
      const lawfulBasis: PersonModel["lawfulBasis"] =
        governmental && basisRoll < 0.3 ? "PUBLIC_TASK" : basisRoll > 0.85 ? "CONSENT" : basisRoll > 0.82 ? "CONTRACT" : "LEGITIMATE_INTERESTS";
      const member = this.members[owner]!;
      const emailDomain = org?.domain ?? `${rng.pick(["mail", "post", "inbox"])}.example`;

      const person: PersonModel = {
        index: k,
        id: this.ids.of("person", k),
        owner,
        visibility,
        createdBy: this.editorOf(rng, owner),
        fullName: name.fullName,
        nameLatin: name.nameLatin,
        jobTitle,
        place,
        countryCode: country.code,
        languages: [...languages],
        sectors: [...new Set(sectors)],
        bio: rng.chance(0.5) ? fill(rng.pick(words.BIO_TEMPLATES), { title: jobTitle ?? "Contact", org: org?.nameLatin ?? org?.name ?? "an independent practice", sector: sectors[0] ?? "trade", city: place.name }) : null,
        email: rng.chance(0.7) ? `${asciiSlug(name.given)}.${asciiSlug(name.family)}@${emailDomain}` : null,
        phone: rng.chance(0.45) ? phoneNumber(rng, country) : null,
        lawfulBasis,
        lawfulBasisNote: lawfulBasis === "LEGITIMATE_INTERESTS" && rng.chance(0.2) ? "Business contact met in a professional capacity." : null,
        consentAt: lawfulBasis === "CONSENT" ? createdAt + rng.int(30) * DAY : null,
        retentionReviewOn: isoDate(addMonths(createdAt, member.retentionMonths)),
        externalId: `P${pad(k)}`,
        createdAt,
        organisation,
        affiliations,
        alumni,
        investor,
      };
      this.people.push(person);
      if (organisation !== null) this.orgPeople[organisation]!.push(k);
    }
    this.networkPeople = this.people.filter((p) => p.visibility === "NETWORK").map((p) => p.index);
  }

  private hotPerson(rng: Random, member: number): number {
    for (let t = 0; t < 6; t++) {
      const k = this.personByRank[rng.zipf(this.personByRank.length)]!;
      if (this.visibleTo(this.people[k]!, member)) return k;
    }
    return rng.pick(this.networkPeople);
  }

  private personAt(rng: Random, organisation: number, member: number): number | null {
    const staff = this.orgPeople[organisation]!;
    for (let t = 0; t < 3 && staff.length > 0; t++) {
      const k = staff[rng.zipf(staff.length, 2)]!;
      if (this.visibleTo(this.people[k]!, member)) return k;
    }
    return null;
  }

  // --- visits ---

  private buildVisits(): void {
    for (let v = 0; v < this.counts.visits; v++) {
      const rng = this.rng("visit", v);
      const lead = this.pickMember(rng);
      const member = this.members[lead]!;
      const direction = rng.chance(0.75) ? "OUTBOUND" : "INBOUND";
      const startsOn = this.anchorMs - 4 * 365 * DAY + rng.int(4 * 365 + 240) * DAY;
      const endsOn = startsOn + rng.range(1, 6) * DAY;
      const status: VisitModel["status"] =
        endsOn < this.anchorMs ? (rng.chance(0.92) ? "COMPLETED" : "CANCELLED") : startsOn > this.anchorMs ? (rng.chance(0.6) ? "PLANNED" : "CONFIRMED") : "CONFIRMED";
      const country = this.foreignCountryPicker.pick(rng);
      const destinations: PlaceModel[] = [];
      if (direction === "INBOUND") destinations.push(member.homeCity);
      else if (rng.chance(0.1)) destinations.push(this.countryPlace(country.code));
      else {
        const n = rng.range(1, 3);
        for (let t = 0; t < n * 2 && destinations.length < n; t++) {
          const city = this.cityIn(rng, country.code);
          if (!destinations.includes(city)) destinations.push(city);
        }
        if (rng.chance(0.15)) {
          const second = this.cityIn(rng, this.foreignCountryPicker.pick(rng).code);
          if (!destinations.includes(second)) destinations.push(second);
        }
      }
      const others = rng.sample(this.members.map((m) => m.index).filter((i) => i !== lead), rng.int(4));
      const first = destinations[0]!;
      const sector = rng.pick(words.SECTORS);
      const titles = direction === "OUTBOUND" ? words.VISIT_TITLES_OUTBOUND : words.VISIT_TITLES_INBOUND;
      const foreignCity = direction === "INBOUND" ? this.cityIn(rng, country.code) : first;
      this.visits.push({
        index: v,
        id: this.ids.of("visit", v),
        owner: lead,
        visibility: rng.chance(0.85) ? "NETWORK" : "PRIVATE",
        createdBy: this.editorOf(rng, lead),
        title: fill(rng.pick(titles), { country: country.name, city: foreignCity.name, sector: capitalise(sector) }),
        direction,
        status,
        startsOn,
        endsOn,
        lead,
        objectives: rng.pick(words.VISIT_OBJECTIVES),
        destinations,
        members: [lead, ...others],
        createdAt: Math.min(startsOn - rng.range(14, 120) * DAY, this.anchorMs - DAY),
      });
      member.visits.push(v);
    }
  }

  // --- partnerships ---

  private buildPartnerships(): void {
    const kinds = new Weighted<PartnershipModel["kind"]>([
      ["SISTER_CITY", 20], ["PARTNER_CITY", 10], ["FRIENDSHIP", 8], ["MOU", 25], ["RESEARCH_COLLABORATION", 17], ["TRADE_AGREEMENT", 10], ["INVESTMENT_AGREEMENT", 10],
    ]);
    for (let p = 0; p < this.counts.partnerships; p++) {
      const rng = this.rng("partnership", p);
      const owner = this.pickMember(rng);
      const member = this.members[owner]!;
      const kind = member.kind === "UNIVERSITY" && rng.chance(0.7) ? "RESEARCH_COLLABORATION" : kinds.pick(rng);
      const country = this.foreignCountryPicker.pick(rng);
      const parties: PartyModel[] = [];
      const ownUniversity = this.organisations.find((o) => o.owner === owner && o.kind === "UNIVERSITY" && o.countryCode === "GB");
      if (kind === "RESEARCH_COLLABORATION" && ownUniversity) parties.push({ side: "UK", place: null, organisation: ownUniversity.index });
      else parties.push({ side: "UK", place: member.homeCity, organisation: null });

      const civic = kind === "SISTER_CITY" || kind === "PARTNER_CITY" || kind === "FRIENDSHIP";
      let counterpartName: string;
      if (civic) {
        const city = this.cityIn(rng, country.code);
        parties.push({ side: "INTERNATIONAL", place: city, organisation: null });
        counterpartName = city.name;
      } else {
        const wanted: OrganisationKind[] =
          kind === "RESEARCH_COLLABORATION" ? ["UNIVERSITY"] : kind === "MOU" ? ["CITY_GOVERNMENT", "REGIONAL_GOVERNMENT", "UNIVERSITY", "TRADE_BODY"] : ["NATIONAL_GOVERNMENT", "TRADE_BODY", "COMPANY", "INVESTOR"];
        const candidates = (this.orgsByCountry.get(country.code) ?? []).filter((k) => {
          const o = this.organisations[k]!;
          return wanted.includes(o.kind) && this.visibleTo(o, owner);
        });
        const anywhere = () => {
          const elsewhere = this.networkOrgs.filter((k) => wanted.includes(this.organisations[k]!.kind) && this.organisations[k]!.countryCode !== "GB");
          return elsewhere.length > 0 ? rng.pick(elsewhere) : rng.pick(this.networkOrgs);
        };
        const org = candidates.length > 0 ? rng.pick(candidates) : anywhere();
        parties.push({ side: "INTERNATIONAL", place: null, organisation: org });
        const o = this.organisations[org]!;
        counterpartName = o.nameLatin ?? o.name;
        if (rng.chance(0.2)) parties.push({ side: "INTERNATIONAL", place: this.cityIn(rng, o.countryCode), organisation: null });
      }
      const ukName = parties[0]!.organisation !== null ? this.organisations[parties[0]!.organisation]!.name : member.homeCity.name;
      const signedYear = civic ? rng.range(1955, 2025) : rng.range(2008, 2026);
      const signedMs = Date.parse(`${signedYear}-01-01T00:00:00Z`) + rng.int(365) * DAY;
      const signed = signedMs < this.anchorMs;
      const status: PartnershipModel["status"] = !signed ? "PROPOSED" : rng.pick(["ACTIVE", "ACTIVE", "ACTIVE", "DORMANT", "ENDED"] as const);
      const renews = !civic && signed && status !== "ENDED";
      let renewal = signedMs;
      while (renews && renewal < this.anchorMs - 180 * DAY) renewal = addMonths(renewal, 12 * rng.pick([3, 5]));
      this.partnerships.push({
        index: p,
        id: this.ids.of("partnership", p),
        owner,
        visibility: rng.chance(0.85) ? "NETWORK" : "PRIVATE",
        createdBy: this.editorOf(rng, owner),
        name: `${ukName} – ${counterpartName} ${partnershipLabel(kind)}`,
        kind,
        status,
        signedOn: signed ? isoDate(signedMs) : null,
        renewalDueOn: renews ? isoDate(renewal) : null,
        themes: rng.sample(words.THEMES, rng.range(1, 3)),
        description: rng.pick(words.PARTNERSHIP_DESCRIPTIONS),
        parties,
        createdAt: this.createdAt(rng),
      });
    }
  }

  // --- interactions (derived on demand) ---

  interactionAt(i: number): InteractionModel {
    const rng = this.rng("interaction", i);
    const owner = this.pickMember(rng);
    const member = this.members[owner]!;
    let kind = INTERACTION_KINDS.pick(rng);
    const createdBy = this.editorOf(rng, owner);

    let visit: number | null = null;
    let occurredAt = this.anchorMs - Math.floor(6 * 365 * Math.pow(rng.float(), 1.6)) * DAY - DAY + rng.range(7, 18) * 3_600_000 + rng.int(60) * 60_000;
    let place: PlaceModel | null = null;
    if (member.visits.length > 0 && rng.chance(0.1)) {
      const v = this.visits[rng.pick(member.visits)]!;
      if (v.status !== "CANCELLED" && v.startsOn < this.anchorMs) {
        visit = v.index;
        occurredAt = v.startsOn + rng.int(Math.max(1, Math.round((v.endsOn - v.startsOn) / DAY) + 1)) * DAY + rng.range(8, 18) * 3_600_000;
        place = rng.pick(v.destinations);
        kind = v.direction === "INBOUND" ? "INWARD_DELEGATION" : rng.chance(0.7) ? "MISSION_MEETING" : "SITE_VISIT";
      }
    }
    const channel: Channel =
      kind === "EMAIL" ? "EMAIL" : kind === "CALL" ? (rng.chance(0.5) ? "PHONE" : "VIDEO") : kind === "MEETING" && rng.chance(0.35) ? "VIDEO" : "IN_PERSON";

    const organisations: number[] = [];
    const orgCount = rng.chance(0.7) ? 1 : rng.chance(0.83) ? 2 : 3;
    for (let t = 0; t < orgCount * 2 && organisations.length < orgCount; t++) {
      const o = this.hotOrganisation(rng, owner);
      if (!organisations.includes(o)) organisations.push(o);
    }
    const people: number[] = [];
    const peopleCount = rng.chance(0.1) ? 0 : rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
    for (let t = 0; t < peopleCount * 2 && people.length < peopleCount; t++) {
      const fromOrg = rng.chance(0.75) ? this.personAt(rng, rng.pick(organisations), owner) : null;
      const p = fromOrg ?? this.hotPerson(rng, owner);
      if (!people.includes(p)) people.push(p);
    }
    const users = [createdBy];
    if (rng.chance(0.3)) {
      const other = rng.pick(member.editors);
      if (other !== createdBy) users.push(other);
    }
    const primary = this.organisations[organisations[0]!]!;
    if (!place && channel === "IN_PERSON") place = primary.place;

    const sector = primary.sectors[0] ?? "trade";
    const theme = rng.pick(words.THEMES);
    const subject = fill(rng.pick(words.INTERACTION_SUBJECTS[kind]), {
      org: primary.nameLatin ?? primary.name,
      sector,
      city: (place ?? primary.place).name,
      theme,
    });
    const sensitive = rng.chance(0.06);
    const notes = sensitive ? rng.pick(words.SENSITIVE_NOTES) : rng.chance(0.55) ? rng.pick(words.NOTES) : null;
    const createdAt = Math.min(occurredAt + rng.int(3 * DAY), this.anchorMs + DAY);
    return {
      index: i,
      id: this.ids.of("interaction", i),
      owner,
      visibility: rng.chance(0.75) ? "NETWORK" : "PRIVATE",
      createdBy,
      occurredAt,
      kind,
      channel,
      subject,
      notes,
      notesSensitive: sensitive,
      outcome: rng.chance(0.5) ? rng.pick(words.OUTCOMES) : null,
      place,
      visit,
      themes: rng.chance(0.6) ? [theme, ...rng.sample(words.THEMES, rng.int(2))].filter((t, idx, all) => all.indexOf(t) === idx) : [],
      idempotencyKey: rng.chance(0.2) ? `mobile-${i.toString(36)}` : null,
      people,
      users,
      organisations,
      createdAt,
    };
  }

  // --- helpers for the pipeline tables ---

  /** The organisation a member works with on an opportunity: a company or investor it can see. */
  commercialOrganisation(rng: Random, member: number): number {
    for (let t = 0; t < 6; t++) {
      const k = this.commercialOrgs.length > 0 ? this.commercialOrgs[rng.zipf(this.commercialOrgs.length, 20)]! : this.hotOrganisation(rng, member);
      if (this.visibleTo(this.organisations[k]!, member)) return k;
    }
    return this.hotOrganisation(rng, member);
  }

  staffMember(rng: Random, organisation: number, member: number): number | null {
    return this.personAt(rng, organisation, member);
  }

  memberFor(rng: Random): number {
    return this.pickMember(rng);
  }

  editor(rng: Random, member: number): number {
    return this.editorOf(rng, member);
  }

  stream(name: string, index = 0): Random {
    return this.rng(name, index);
  }

  foreignCountry(rng: Random): Country {
    return this.foreignCountryPicker.pick(rng);
  }

  randomCreatedAt(rng: Random): number {
    return this.createdAt(rng);
  }
}

/**
 * A dataset's label (in member names and e-mail domains), id namespace and
 * marker: the id of its first member, present in a database exactly when the
 * dataset was loaded. Cheap: no need to build the world to ask.
 */
export function datasetIdentity(options: Pick<GenerateOptions, "scale" | "seed" | "fraction" | "anchor">): {
  label: string;
  namespace: number;
  markerMemberId: string;
} {
  const seed = options.seed ?? DEFAULT_SEED;
  const fraction = options.fraction ?? 1;
  const anchor = options.anchor ?? DEFAULT_ANCHOR;
  const label = `gen ${options.scale}-${seed}${fraction < 1 ? ` f${fraction}` : ""}`;
  const namespace = hashString(`entente:${label}:${anchor}`) ^ seed;
  return { label, namespace, markerMemberId: new IdSpace(namespace).of("member", 0) };
}

// --- small helpers -----------------------------------------------------------

function cityPlace(city: City, countryId: string): PlaceModel {
  return {
    id: Random.derive(PLACES_NAMESPACE, "city", city.geonameId).uuid(),
    kind: "CITY",
    name: city.name,
    countryCode: city.countryCode,
    parentId: countryId,
    latitude: city.latitude,
    longitude: city.longitude,
  };
}

function permutation(rng: Random, n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

function hotSet(byRank: number[], n: number): Set<number> {
  return new Set(byRank.slice(0, n));
}

export function pad(n: number): string {
  return String(n).padStart(7, "0");
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function phoneNumber(rng: Random, country: Country): string {
  const code = country.dialCodes.length > 0 ? rng.pick(country.dialCodes) : "+44";
  const digits = Array.from({ length: code.length > 4 ? 7 : 9 }, () => rng.int(10)).join("");
  return `${code} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

function memberName(rng: Random, kind: MemberKind, town: string, other: string): string {
  switch (kind) {
    case "COMBINED_AUTHORITY":
      return rng.chance(0.5) ? `Greater ${town} Combined Authority` : `${town} and ${other} Combined Authority`;
    case "COUNCIL":
      return `${town} ${rng.pick(["City", "County", "Borough", "District"])} Council`;
    case "UNIVERSITY":
      return rng.chance(0.6) ? `University of ${town}` : `${town} ${rng.pick(["Metropolitan", "Technological", "Royal"])} University`;
    case "GOVERNMENT_UNIT":
      return rng.chance(0.5) ? `${town} Regional Trade Envoy Office` : `${town} Devolved Diplomacy Unit`;
    case "GROWTH_AGENCY":
      return rng.chance(0.5) ? `${town} Growth Company` : `Invest ${town}`;
    case "NETWORK_UNIT":
      return `${town} Network Coordination Unit`;
    case "OTHER":
      return `${town} Chamber of Commerce`;
  }
}

function kindLabel(kind: OrganisationKind): string {
  return capitalise(kind.toLowerCase().replace(/_/g, " "));
}

function partnershipLabel(kind: PartnershipModel["kind"]): string {
  switch (kind) {
    case "SISTER_CITY":
      return "Sister City Partnership";
    case "PARTNER_CITY":
      return "Partner City Agreement";
    case "FRIENDSHIP":
      return "Friendship Link";
    case "MOU":
      return "Memorandum of Understanding";
    case "RESEARCH_COLLABORATION":
      return "Research Collaboration";
    case "TRADE_AGREEMENT":
      return "Trade Agreement";
    case "INVESTMENT_AGREEMENT":
      return "Investment Agreement";
  }
}

function organisationName(
  rng: Random,
  kind: OrganisationKind,
  country: Country,
  subject: Country,
  place: PlaceModel,
  loc: Locale,
): { name: string; nameLatin: string | null } {
  const surname = () => rng.pick(loc.family).m;
  switch (kind) {
    case "COMPANY": {
      const native = words.NATIVE_COMPANY[country.code];
      if (native && rng.chance(0.5)) {
        const family = surname();
        const [word, wordLatin] = rng.pick(native.words);
        const joiner = country.code === "KR" ? " " : "";
        return { name: `${family.native}${word}${joiner}${native.suffix[0]}`, nameLatin: `${family.latin} ${wordLatin} ${native.suffix[1]}` };
      }
      const suffixes = words.COMPANY_SUFFIXES_BY_COUNTRY[country.code] ?? words.DEFAULT_COMPANY_SUFFIXES;
      const stem = rng.chance(0.5) ? surname().latin : rng.chance(0.5) ? place.name : `${rng.pick(words.PLACE_PREFIXES)}${rng.pick(["tek", "gen", "ora", "ix", "ova", "ex"])}`;
      return { name: `${stem} ${rng.pick(words.COMPANY_WORDS)} ${rng.pick(suffixes)}`, nameLatin: null };
    }
    case "INVESTOR":
      if (rng.chance(0.08)) return { name: `${country.name} Sovereign Investment Authority`, nameLatin: null };
      return { name: `${rng.chance(0.5) ? surname().latin : place.name} ${rng.pick(words.INVESTOR_WORDS)}`, nameLatin: null };
    case "UNIVERSITY":
      return {
        name: rng.pick([`University of ${place.name}`, `${place.name} Institute of Technology`, `${place.name} National University`, `${place.name} University of Applied Sciences`]),
        nameLatin: null,
      };
    case "CITY_GOVERNMENT":
      return { name: rng.pick([`City of ${place.name}`, `${place.name} City Government`, `${place.name} Metropolitan Government`]), nameLatin: null };
    case "REGIONAL_GOVERNMENT":
      return { name: `${place.name} Regional Government`, nameLatin: null };
    case "NATIONAL_GOVERNMENT":
      return {
        name: rng.pick([`Ministry of Trade of ${country.name}`, `${country.name} Investment Promotion Agency`, `Ministry of Foreign Affairs of ${country.name}`, `${country.name} Ministry of Science and Technology`]),
        nameLatin: null,
      };
    case "DIPLOMATIC_POST":
      if (country.code === "GB") {
        return { name: place.name === "London" ? `Embassy of ${subject.name} in London` : `Consulate General of ${subject.name} in ${place.name}`, nameLatin: null };
      }
      return { name: rng.chance(0.5) ? `British Embassy ${place.name}` : `British Consulate General ${place.name}`, nameLatin: null };
    case "TRADE_BODY":
      return {
        name: rng.pick([`${country.name}-British Chamber of Commerce`, `${place.name} Chamber of Commerce`, `${capitalise(rng.pick(words.SECTORS))} Association of ${country.name}`]),
        nameLatin: null,
      };
    case "NGO":
      return { name: `${place.name} ${rng.pick(words.NGO_TOPICS)} ${rng.pick(words.NGO_WORDS)}`, nameLatin: null };
    case "OTHER":
      return { name: `${surname().latin} ${rng.pick(["Consulting", "Advisory", "Events", "Media", "Associates"])}`, nameLatin: null };
  }
}
