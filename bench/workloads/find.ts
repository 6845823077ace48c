import { Random, hashString } from "../../seeds/generate/random.js";
import { Problem, arr, bool, checking, descending, globalId, num, obj, str } from "./check.js";
import type { Fixtures } from "./fixtures.js";
import { type Scenario, fromPool, pool } from "./types.js";

// W2: a university international office looks for alumni investors
// (alumniInvestors) and anyone looks things up (search). Filters and terms come
// from the loaded data — real sectors, countries, universities, ticket sizes,
// surnames, organisation and city names, and typos of surnames — so most find
// something. The pool of requests is checked once before the measured phases
// (the preflight); a request that found something then must find something
// under load.

/** The web client's query (client/src/features/alumni/alumni.graphql). */
export const ALUMNI_INVESTORS = `query AlumniInvestors($filter: AlumniInvestorFilter, $first: Int, $after: String) {
  alumniInvestors(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      score fit warmth fitReasons matchedSectors sectors investorTypes ticketMinGbp ticketMaxGbp
      countryCode priorityMarket lastContactAt recentInteractionCount
      knownBy { id name shortName }
      alumniTies { id degree subject graduationYear university { id name } }
      person { id fullName jobTitle }
    }
  }
}`;

/** The web client's query (client/src/features/search/search.graphql). */
export const GLOBAL_SEARCH = `query GlobalSearch($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      kind score snippet
      record {
        id
        ... on Person { fullName }
        ... on Organisation { name }
        ... on Place { name }
        ... on Partnership { name }
        ... on Visit { title }
        ... on Interaction { subject }
      }
    }
  }
}`;

/** A sector as someone would type it: the whole sector or its last two words ("life sciences"). */
function typed(sector: string, rng: Random): string {
  const words = sector.split(" ");
  return words.length > 2 && rng.chance(0.5) ? words.slice(-2).join(" ") : sector;
}

const ticketFloor = (value: number) => Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));

export function alumniFilters(fixtures: Fixtures): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  fixtures.alumni.forEach((row, i) => {
    const rng = Random.derive(hashString("bench:W2:alumni"), i);
    const sector = row.sectors.length ? typed(rng.pick(row.sectors), rng) : null;
    const countries = row.country_code ? [row.country_code, ...rng.sample(fixtures.countries, rng.int(3))] : [];
    switch (i % 6) {
      case 0:
        filters.push(sector ? { sectors: [sector] } : {});
        break;
      case 1:
        filters.push({ ...(sector ? { sectors: [sector] } : {}), countryCodes: [...new Set(countries)] });
        break;
      case 2:
        filters.push({
          countryCodes: [...new Set(countries)],
          ...(row.ticket_min_gbp !== null ? { ticketMinGbp: ticketFloor(row.ticket_min_gbp) } : {}),
        });
        break;
      case 3:
        filters.push({ universityId: globalId("Organisation", row.university_id), ...(sector ? { sectors: [sector] } : {}) });
        break;
      case 4:
        filters.push({ investorTypes: [row.investor_type], ...(row.country_code ? { countryCodes: [row.country_code] } : {}) });
        break;
      default:
        // The page as it opens: every member university's alumni, ranked by the priorities.
        filters.push(
          row.graduation_year !== null ? { graduationYearFrom: row.graduation_year - 5, graduationYearTo: row.graduation_year + 5 } : {},
        );
    }
  });
  return filters;
}

export function searchTerms(fixtures: Fixtures): string[] {
  const w = fixtures.searchWords;
  const rng = Random.derive(hashString("bench:W2:search"), 0);
  const typo = (word: string) => {
    const chars = [...word];
    const k = 1 + rng.int(chars.length - 2);
    [chars[k], chars[k + 1]] = [chars[k + 1]!, chars[k]!];
    return chars.join("");
  };
  const terms = [
    ...w.surnames.slice(0, 30),
    ...w.fullNames.slice(0, 10),
    ...w.organisationWords.slice(0, 25),
    ...w.cities.slice(0, 20),
    ...w.sectors,
    ...w.surnames
      .slice(30, 45)
      .filter((s) => [...s].length >= 6)
      .map(typo),
  ];
  // Interleave the kinds of term so a short run still sees every kind.
  return Random.derive(hashString("bench:W2:order"), 0).sample(terms, terms.length);
}

export function alumniScenario(fixtures: Fixtures): Scenario {
  const requests = pool(
    fixtures,
    alumniFilters(fixtures).map((filter) => ({ filter, first: 20 })),
  );
  return {
    name: "alumniInvestors",
    workload: "W2",
    document: ALUMNI_INVESTORS,
    floorPath: "/floor/alumni-investors",
    targets: { statements: 3, p95Ms: 50 },
    pool: requests,
    request: fromPool,
    check(data) {
      let n = 0;
      return checking(
        () => n,
        () => {
          const c = obj(data.alumniInvestors, "alumniInvestors");
          const nodes = arr(c.nodes, "alumniInvestors.nodes", { min: 1, max: 20 });
          n = nodes.length;
          const total = num(c.totalCount, "alumniInvestors.totalCount", { min: nodes.length });
          if (bool(obj(c.pageInfo, "pageInfo").hasNextPage, "pageInfo.hasNextPage") !== total > nodes.length) {
            throw new Problem("pageInfo.hasNextPage disagrees with totalCount");
          }
          nodes.forEach((node, k) => {
            str(obj(node.person, `nodes.${k}.person`).fullName, `nodes.${k}.person.fullName`);
            num(node.score, `nodes.${k}.score`, { min: 0, max: 100 });
            num(node.fit, `nodes.${k}.fit`, { min: 0, max: 1 });
            num(node.warmth, `nodes.${k}.warmth`, { min: 0, max: 1 });
            arr(node.fitReasons, `nodes.${k}.fitReasons`, { min: 1 });
            arr(node.alumniTies, `nodes.${k}.alumniTies`, { min: 1 });
            arr(node.knownBy, `nodes.${k}.knownBy`, { min: 1 });
          });
          descending(
            nodes.map((x) => x.score as number),
            "alumniInvestors.nodes.score",
          );
        },
      );
    },
    fingerprint(data) {
      const c = data.alumniInvestors as { totalCount: number; nodes: { person: { id: string }; score: number; fitReasons: string[] }[] };
      return { total: c.totalCount, nodes: c.nodes.map((x) => [x.person.id, x.score, x.fitReasons]) };
    },
  };
}

const SEARCH_KINDS = new Set(["PERSON", "ORGANISATION", "PLACE", "PARTNERSHIP", "VISIT", "INTERACTION"]);

export function searchScenario(fixtures: Fixtures): Scenario {
  const requests = pool(
    fixtures,
    searchTerms(fixtures).map((query) => ({ query, first: 20 })),
  );
  return {
    name: "search",
    workload: "W2",
    document: GLOBAL_SEARCH,
    floorPath: "/floor/search",
    targets: { statements: 3, p95Ms: 50 },
    pool: requests,
    request: fromPool,
    check(data) {
      let n = 0;
      return checking(
        () => n,
        () => {
          const c = obj(data.search, "search");
          const nodes = arr(c.nodes, "search.nodes", { min: 1, max: 20 });
          n = nodes.length;
          num(c.totalCount, "search.totalCount", { min: nodes.length });
          nodes.forEach((node, k) => {
            if (!SEARCH_KINDS.has(node.kind as string)) throw new Problem(`search.nodes.${k}.kind is ${String(node.kind)}`);
            str(obj(node.record, `search.nodes.${k}.record`).id, `search.nodes.${k}.record.id`);
            if (typeof node.snippet !== "string") throw new Problem(`search.nodes.${k}.snippet is not a string`);
            num(node.score, `search.nodes.${k}.score`, { min: 0 });
          });
          descending(
            nodes.map((x) => x.score as number),
            "search.nodes.score",
          );
        },
      );
    },
    fingerprint(data) {
      const c = data.search as { totalCount: number; nodes: { kind: string; score: number; snippet: string; record: { id: string } }[] };
      return { total: c.totalCount, nodes: c.nodes.map((x) => [x.kind, x.record.id, x.score, x.snippet]) };
    },
  };
}
