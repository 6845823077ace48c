import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { OrganisationRow, PersonRow } from "../../db/rows.js";
import { badInput } from "../../errors.js";
import { v } from "../shared/validation.js";
import * as repo from "./matching.repository.js";

export type { Match, MatchReason, OrganisationQuery, PersonQuery } from "./matching.repository.js";

export const DEFAULT_MATCHES = 5;
export const MAX_MATCHES = 20;

/** Like parseInput, for query arguments: the failing field is the argument's own name. */
function parseArgs<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".");
  throw badInput(field, `${field}: ${issue.message}`);
}

const first = z
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_MATCHES, `must be at most ${MAX_MATCHES}`)
  .nullish();

const PersonMatchArgs = z.object({
  name: v.optionalText(300),
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).nullish(),
  organisationName: v.optionalText(300),
  countryCode: v.countryCode.nullish(),
  first,
});
const OrganisationMatchArgs = z.object({
  name: v.name,
  countryCode: v.countryCode.nullish(),
  first,
});

/** Ranked likely duplicates of a person among the records the viewer can see. */
export async function personMatches(ctx: Context, args: unknown): Promise<repo.Match<PersonRow>[]> {
  const viewer = viewerOf(ctx);
  const a = parseArgs(PersonMatchArgs, args);
  if (!a.name && !a.email) throw badInput("name", "name: give a name or an email to match.");
  const query = { name: a.name ?? null, email: a.email ?? null, organisationName: a.organisationName ?? null, countryCode: a.countryCode ?? null };
  return repo.matchPeople(ctx.db, viewer, [query], a.first ?? DEFAULT_MATCHES);
}

/** Ranked likely duplicates of an organisation among the records the viewer can see. */
export async function organisationMatches(ctx: Context, args: unknown): Promise<repo.Match<OrganisationRow>[]> {
  const viewer = viewerOf(ctx);
  const a = parseArgs(OrganisationMatchArgs, args);
  return repo.matchOrganisations(ctx.db, viewer, [{ name: a.name, countryCode: a.countryCode ?? null }], a.first ?? DEFAULT_MATCHES);
}

/** Likely duplicates for several people at once (one statement), grouped in query order. */
export async function likelyPeople(ctx: Context, queries: repo.PersonQuery[]): Promise<repo.Match<PersonRow>[][]> {
  const matches = await repo.matchPeople(ctx.db, viewerOf(ctx), queries, DEFAULT_MATCHES);
  return queries.map((_, i) => matches.filter((m) => m.index === i));
}

/** Likely duplicates for several organisations at once (one statement), grouped in query order. */
export async function likelyOrganisations(ctx: Context, queries: repo.OrganisationQuery[]): Promise<repo.Match<OrganisationRow>[][]> {
  const matches = await repo.matchOrganisations(ctx.db, viewerOf(ctx), queries, DEFAULT_MATCHES);
  return queries.map((_, i) => matches.filter((m) => m.index === i));
}
