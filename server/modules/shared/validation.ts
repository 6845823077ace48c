import { z } from "zod";
import { badInput } from "../../errors.js";

/** Parses input with zod; the first problem becomes BAD_USER_INPUT naming the field (e.g. "input.email"). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = "input"): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].join(".");
  throw badInput(field, `${field}: ${issue.message}`);
}

const trimmed = z.string().trim();
export const v = {
  name: trimmed.min(1, "is required").max(300, "must be at most 300 characters"),
  optionalText: (max = 5000) =>
    trimmed
      .max(max, `must be at most ${max} characters`)
      .nullish()
      .transform((s) => (s === "" ? null : s)),
  tags: z
    .array(trimmed.min(1, "must not be empty").max(80, "must be at most 80 characters"))
    .max(50, "must have at most 50 entries")
    .transform((tags) => [...new Set(tags)]),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real date"),
  email: trimmed.toLowerCase().pipe(z.email("must be an email address")),
  url: trimmed.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  countryCode: trimmed.toUpperCase().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"),
  gbp: z.number().int("must be a whole number of pounds").min(0, "must not be negative").max(1e15, "is too large"),
  version: z.number().int().min(1, "must be the version you read"),
};
