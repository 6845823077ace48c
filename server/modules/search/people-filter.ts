import { z } from "zod";
import { refOf } from "../../graphql/global-id.js";
import type { PersonFilter } from "../people/people.repository.js";
import { parseInput, v } from "../shared/validation.js";

// The people list's filter, validated, for the places that take it from
// outside GraphQL's own argument handling: saved searches and CSV exports.

const PeopleFilterInput = z.object({
  query: z.string().trim().max(200, "must be at most 200 characters").nullish(),
  organisationId: z.string().nullish(),
  placeId: z.string().nullish(),
  countryCode: v.countryCode.nullish(),
  sector: z.string().trim().max(80, "must be at most 80 characters").nullish(),
  ownedByMe: z.boolean().nullish(),
  includeArchived: z.boolean().nullish(),
});

/** Validates a people filter and resolves its global ids; errors name the field under `prefix`. */
export function parsePeopleFilter(input: unknown, prefix = "filter"): PersonFilter {
  const f = parseInput(PeopleFilterInput, input ?? {}, prefix);
  return {
    query: f.query || null,
    organisationId: f.organisationId ? refOf("Organisation", f.organisationId, `${prefix}.organisationId`) : null,
    placeId: f.placeId ? refOf("Place", f.placeId, `${prefix}.placeId`) : null,
    countryCode: f.countryCode ?? null,
    sector: f.sector || null,
    ownedByMe: f.ownedByMe ?? null,
    includeArchived: f.includeArchived ?? null,
  };
}
