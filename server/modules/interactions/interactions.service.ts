import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { InteractionRow, OrganisationRow, PersonRow, UserRow } from "../../db/rows.js";
import { interactions } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";
import { type Viewer, assertCanCreate, canManageUsers, canSeeNotes } from "../../policy/sharing.policy.js";
import { getUser } from "../members/members.service.js";
import { type Connection, type PageArgs, pageSize } from "../shared/pagination.js";
import { archiveVersioned, authorizeOwned, insertAudited, transaction, updateVersioned } from "../shared/records.js";
import { optionalRef, requiredRef } from "../shared/references.js";
import { parseInput, v } from "../shared/validation.js";
import type { InteractionParent } from "./interactions.repository.js";
import * as repo from "./interactions.repository.js";

export function get(ctx: Context, id: string): Promise<InteractionRow | null> {
  viewerOf(ctx);
  return ctx.loaders.interactions.byId.load(id);
}

export function list(ctx: Context, filter: repo.InteractionFilter, page: PageArgs) {
  return repo.listInteractions(ctx.db, viewerOf(ctx), filter, page);
}

/** A visible parent's interactions that the viewer can see, newest first. */
export function interactionsOf(
  ctx: Context,
  parent: InteractionParent,
  parentId: string,
  page: PageArgs,
): Promise<Connection<InteractionRow>> {
  viewerOf(ctx);
  const key = { parentId, size: pageSize(page.first), after: page.after ?? null };
  return parent === "person"
    ? ctx.loaders.interactions.pagesByPerson.load(key)
    : ctx.loaders.interactions.pagesByOrganisation.load(key);
}

/** Sensitive notes: the owner member only, even on a NETWORK record. */
export function notes(ctx: Context, interaction: InteractionRow): string | null {
  return canSeeNotes(viewerOf(ctx), interaction) ? interaction.notes : null;
}

// The sub-record loaders filter people and organisations by visibility in SQL.
export async function participants(ctx: Context, interaction: InteractionRow): Promise<PersonRow[]> {
  return (await ctx.loaders.interactions.participantsByInteraction.load(interaction.id)).map((p) => p.person);
}

export async function organisationsOf(ctx: Context, interaction: InteractionRow): Promise<OrganisationRow[]> {
  return (await ctx.loaders.interactions.organisationsByInteraction.load(interaction.id)).map((o) => o.organisation);
}

/** As for user(id): a disabled account shows only to its own member's admins. */
export async function internalAttendees(ctx: Context, interaction: InteractionRow): Promise<UserRow[]> {
  const viewer = viewerOf(ctx);
  return (await ctx.loaders.interactions.usersByInteraction.load(interaction.id))
    .map((u) => u.user)
    .filter((u) => u.disabledAt === null || canManageUsers(viewer, u.memberId));
}

export function loggedBy(ctx: Context, interaction: InteractionRow): Promise<UserRow | null> | null {
  return interaction.createdById ? getUser(ctx, interaction.createdById) : null;
}

const ids = (max: number) => z.array(z.string()).max(max, `must have at most ${max} entries`);
const fields = {
  channel: z.enum(interactions.channel.enumValues).optional(),
  notes: v.optionalText(20000),
  notesSensitive: z.boolean().optional(),
  outcome: v.optionalText(5000),
  placeId: z.string().nullish(),
  visitId: z.string().nullish(),
  themes: v.tags.optional(),
  participantIds: ids(100).optional(),
  organisationIds: ids(50).optional(),
  internalAttendeeIds: ids(50).optional(),
  visibility: z.enum(["PRIVATE", "NETWORK"]).optional(),
};
const CreateInteraction = z.object({
  occurredAt: z.date(),
  kind: z.enum(interactions.kind.enumValues),
  subject: v.name,
  ...fields,
});
const UpdateInteraction = z.object({
  occurredAt: z.date().optional(),
  kind: z.enum(interactions.kind.enumValues).optional(),
  subject: v.name.optional(),
  ...fields,
});
type InteractionInput = z.infer<typeof UpdateInteraction>;

/** Internal attendees are users of the viewer's own member. */
async function attendeeRef(ctx: Context, viewer: Viewer, globalId: string, field: string): Promise<string> {
  const id = refOf("User", globalId, field);
  const user = await ctx.loaders.members.userById.load(id);
  if (!user || user.memberId !== viewer.memberId) throw badInput(field, `${field}: no such user in your member.`);
  return id;
}

/** Resolves the references in an input: every one must be a record the viewer can see. */
async function resolveRefs(ctx: Context, viewer: Viewer, data: InteractionInput) {
  const unique = (list: string[] | undefined) => list && [...new Set(list)];
  const [placeId, visitId, personIds, organisationIds, userIds] = await Promise.all([
    optionalRef(ctx, "Place", data.placeId, "input.placeId"),
    optionalRef(ctx, "Visit", data.visitId, "input.visitId"),
    data.participantIds &&
      Promise.all(data.participantIds.map((id, i) => requiredRef(ctx, "Person", id, `input.participantIds.${i}`))),
    data.organisationIds &&
      Promise.all(data.organisationIds.map((id, i) => requiredRef(ctx, "Organisation", id, `input.organisationIds.${i}`))),
    data.internalAttendeeIds &&
      Promise.all(data.internalAttendeeIds.map((id, i) => attendeeRef(ctx, viewer, id, `input.internalAttendeeIds.${i}`))),
  ]);
  return {
    placeId,
    visitId,
    lists: { personIds: unique(personIds), organisationIds: unique(organisationIds), userIds: unique(userIds) },
  };
}

export async function create(ctx: Context, input: unknown): Promise<InteractionRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const parsed = parseInput(CreateInteraction, input);
  const { participantIds: _p, organisationIds: _o, internalAttendeeIds: _u, ...data } = parsed;
  const refs = await resolveRefs(ctx, viewer, parsed);
  return transaction(ctx, async (tx) => {
    const interaction = await insertAudited<InteractionRow>(ctx, tx, interactions, "Interaction", {
      ...data,
      placeId: refs.placeId ?? null,
      visitId: refs.visitId ?? null,
      ownerMemberId: viewer.memberId,
      createdById: viewer.userId,
    });
    await repo.replaceSubRecords(tx, viewer, interaction.id, refs.lists);
    return interaction;
  });
}

export async function update(ctx: Context, id: string, version: number, input: unknown): Promise<InteractionRow> {
  const viewer = viewerOf(ctx);
  const parsed = parseInput(UpdateInteraction, input);
  const { participantIds: _p, organisationIds: _o, internalAttendeeIds: _u, ...patch } = parsed;
  const refs = await resolveRefs(ctx, viewer, parsed);
  return transaction(ctx, async (tx) => {
    const interaction = await updateVersioned<InteractionRow>(
      ctx,
      tx,
      {
        table: interactions,
        recordType: "Interaction",
        id,
        version,
        authorize: (v2, row) => authorizeOwned(v2, row, "Interaction"),
      },
      { ...patch, placeId: refs.placeId, visitId: refs.visitId },
    );
    await repo.replaceSubRecords(tx, viewer, id, refs.lists);
    return interaction;
  });
}

export function archive(ctx: Context, id: string, version: number): Promise<InteractionRow> {
  return transaction(ctx, (tx) =>
    archiveVersioned<InteractionRow>(ctx, tx, {
      table: interactions,
      recordType: "Interaction",
      id,
      version,
      authorize: (viewer, row) => authorizeOwned(viewer, row, "Interaction"),
    }),
  );
}
