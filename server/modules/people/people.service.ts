import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { PersonRow } from "../../db/rows.js";
import { members, people } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { assertCanCreate, canSeeOwnerOnlyFields } from "../../policy/sharing.policy.js";
import { eq } from "drizzle-orm";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { optionalRef, requiredRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import * as repo from "./people.repository.js";

export function get(ctx: Context, id: string): Promise<PersonRow | null> {
  viewerOf(ctx);
  return ctx.loaders.people.byId.load(id);
}

export function list(ctx: Context, filter: repo.PersonFilter, page: PageArgs) {
  return repo.listPeople(ctx.db, viewerOf(ctx), filter, page);
}

/** Owner-only fields (email, phone, data-protection details) read through here. */
export function ownerOnly<K extends keyof PersonRow>(ctx: Context, person: PersonRow, key: K): PersonRow[K] | null {
  return canSeeOwnerOnlyFields(viewerOf(ctx), person) ? person[key] : null;
}

const Affiliation = z.object({
  organisationId: z.string(),
  role: v.optionalText(200),
  startedOn: v.date.nullish(),
  endedOn: v.date.nullish(),
});
const AlumniTie = z.object({
  universityId: z.string(),
  degree: v.optionalText(200),
  subject: v.optionalText(200),
  graduationYear: z.number().int().min(1900, "must be 1900 or later").max(2100, "must be 2100 or earlier").nullish(),
});

const personFields = {
  nameLatin: v.optionalText(300),
  jobTitle: v.optionalText(300),
  placeId: z.string().nullish(),
  languages: v.tags.optional(),
  sectors: v.tags.optional(),
  bio: v.optionalText(5000),
  email: v.email.nullish(),
  phone: z.string().trim().regex(/^[+\d][\d\s().-]{4,30}$/, "must be a phone number").nullish(),
  lawfulBasis: z.enum(["LEGITIMATE_INTERESTS", "CONSENT", "PUBLIC_TASK", "CONTRACT"]).optional(),
  lawfulBasisNote: v.optionalText(2000),
  consentAt: z.date().nullish(),
  retentionReviewOn: v.date.nullish(),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
  affiliations: z.array(Affiliation).max(50, "must have at most 50 entries").optional(),
  alumniTies: z.array(AlumniTie).max(20, "must have at most 20 entries").optional(),
};
const CreatePerson = z.object({ fullName: v.name, ...personFields }).refine((d) => d.lawfulBasis !== "CONSENT" || !!d.consentAt, {
  message: "is required when lawfulBasis is CONSENT",
  path: ["consentAt"],
});
const UpdatePerson = z.object({ fullName: v.name.optional(), ...personFields });
type PersonInput = z.infer<typeof UpdatePerson>;

/** Resolves the references in an input: every one must be a record the viewer can see. */
async function resolveRefs(ctx: Context, data: PersonInput) {
  const placeId = await optionalRef(ctx, "Place", data.placeId, "input.placeId");
  const affiliations = data.affiliations
    ? await Promise.all(
        data.affiliations.map(async (a, i) => {
          if (a.startedOn && a.endedOn && a.startedOn > a.endedOn) {
            throw badInput(`input.affiliations.${i}.endedOn`, `input.affiliations.${i}.endedOn: must not be before startedOn.`);
          }
          return {
            organisationId: await requiredRef(ctx, "Organisation", a.organisationId, `input.affiliations.${i}.organisationId`),
            role: a.role ?? null,
            startedOn: a.startedOn ?? null,
            endedOn: a.endedOn ?? null,
          };
        }),
      )
    : undefined;
  const alumniTies = data.alumniTies
    ? await Promise.all(
        data.alumniTies.map(async (t, i) => ({
          universityId: await requiredRef(ctx, "Organisation", t.universityId, `input.alumniTies.${i}.universityId`),
          degree: t.degree ?? null,
          subject: t.subject ?? null,
          graduationYear: t.graduationYear ?? null,
        })),
      )
    : undefined;
  return { placeId, affiliations, alumniTies };
}

function addMonths(date: Date, months: number): string {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export async function create(ctx: Context, input: unknown): Promise<PersonRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const parsed = parseInput(CreatePerson, input);
  const { affiliations: _a, alumniTies: _t, ...data } = parsed;
  const refs = await resolveRefs(ctx, parsed);
  return transaction(ctx, async (tx) => {
    let retentionReviewOn = data.retentionReviewOn ?? null;
    if (!retentionReviewOn) {
      // UK GDPR storage limitation: every record gets a review date from its member's policy.
      const [member] = await tx.select({ months: members.retentionMonths }).from(members).where(eq(members.id, viewer.memberId));
      retentionReviewOn = addMonths(new Date(), member?.months ?? 24);
    }
    const person = await insertAudited<PersonRow>(ctx, tx, people, "Person", {
      ...data,
      placeId: refs.placeId ?? null,
      retentionReviewOn,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    });
    await repo.replaceSubRecords(tx, viewer, person.id, { affiliations: refs.affiliations, alumniTies: refs.alumniTies });
    return person;
  });
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<PersonRow> {
  const parsed = parseInput(UpdatePerson, input);
  const { affiliations: _a, alumniTies: _t, ...patch } = parsed;
  const refs = await resolveRefs(ctx, parsed);
  return transaction(ctx, async (tx) => {
    const person = await updateVersioned<PersonRow>(
      ctx,
      tx,
      {
        table: people,
        recordType: "Person",
        id,
        version,
        authorize: (viewer, row) => {
          authorizeOwned(viewer, row, "Person");
          // UK GDPR: consent is recorded with the date it was given.
          const basis = patch.lawfulBasis ?? row.lawfulBasis;
          const consentAt = patch.consentAt === undefined ? row.consentAt : patch.consentAt;
          if (basis === "CONSENT" && !consentAt) throw badInput("input.consentAt", "input.consentAt: is required when lawfulBasis is CONSENT");
        },
      },
      { ...patch, placeId: refs.placeId },
    );
    await repo.replaceSubRecords(tx, viewerOf(ctx), id, { affiliations: refs.affiliations, alumniTies: refs.alumniTies });
    return person;
  });
}

export function archive(ctx: Context, id: string, version: number): Promise<PersonRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<PersonRow>(ctx, tx, {
      table: people,
      recordType: "Person",
      id,
      version,
      authorize: (viewer, row) => authorizeOwned(viewer, row, "Person"),
    }),
  );
}
