import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import type { MemberRow, UserRow } from "../../db/rows.js";
import { members, users } from "../../db/tables/index.js";
import { badInput, forbidden, notFound } from "../../errors.js";
import { hashPassword, passwordProblem } from "../../auth/passwords.js";
import { canManageUsers } from "../../policy/sharing.policy.js";
import { insertAudited, transaction, updateVersioned } from "../shared/records.js";
import type { PageArgs } from "../shared/pagination.js";
import { parseInput, v } from "../shared/validation.js";
import { revokeAllForUser } from "../sessions/sessions.repository.js";
import * as repo from "./members.repository.js";

export function get(ctx: Context, id: string): Promise<MemberRow | null> {
  viewerOf(ctx);
  return ctx.loaders.members.byId.load(id);
}

export function list(ctx: Context, filter: repo.MemberFilter, page: PageArgs) {
  viewerOf(ctx);
  return repo.listMembers(ctx.db, filter, page);
}

/** A member's users: its own admins also see disabled accounts. */
export function usersOf(ctx: Context, member: MemberRow, page: PageArgs) {
  const viewer = viewerOf(ctx);
  return repo.listUsers(ctx.db, member.id, canManageUsers(viewer, member.id), page);
}

export async function getUser(ctx: Context, id: string): Promise<UserRow | null> {
  const viewer = viewerOf(ctx);
  const user = await ctx.loaders.members.userById.load(id);
  if (!user) return null;
  // Disabled accounts are an internal matter of their member.
  if (user.disabledAt && !canManageUsers(viewer, user.memberId)) return null;
  return user;
}

/** Colleagues see each other's email; other members see the name and role only. */
export function userEmail(ctx: Context, user: UserRow): string | null {
  return viewerOf(ctx).memberId === user.memberId ? user.email : null;
}

const UpdateMember = z.object({
  name: v.name.optional(),
  shortName: v.optionalText(40),
  website: v.url.nullish(),
  retentionMonths: z.number().int().min(1, "must be at least 1").max(120, "must be at most 120").optional(),
});

export async function updateMember(ctx: Context, id: string, version: number, input: unknown): Promise<MemberRow> {
  const patch = parseInput(UpdateMember, input);
  return transaction(ctx, (tx) =>
    updateVersioned<MemberRow>(ctx, tx, {
      table: members,
      recordType: "Member",
      id,
      version,
      authorize: (viewer, row) => {
        if (!canManageUsers(viewer, row.id)) throw forbidden("Only this member's admins can change it.");
      },
    }, patch),
  ).catch((err: unknown) => {
    if (violatedConstraint(err) === "members_name_key") throw badInput("input.name", "input.name: another member already has this name.");
    throw err;
  });
}

/** The unique index a write broke (23505), from the driver's error or its causes; PGlite and pg alike. */
function violatedConstraint(err: unknown): string | null {
  for (let e: unknown = err; e !== null && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : null;
  }
  return null;
}

const role = z.enum(["ADMIN", "EDITOR", "VIEWER"]);
const CreateUser = z.object({
  email: v.email,
  name: v.name,
  role,
  jobTitle: v.optionalText(200),
  password: z.string(),
});

export async function createUser(ctx: Context, input: unknown): Promise<UserRow> {
  const viewer = viewerOf(ctx);
  const data = parseInput(CreateUser, input);
  const problem = passwordProblem(data.password);
  if (problem) throw badInput("input.password", `input.password: ${problem}`);
  if (!canManageUsers(viewer, viewer.memberId)) throw forbidden("Only admins can add users.");
  const existing = await ctx.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, data.email) });
  if (existing) throw badInput("input.email", "input.email: a user with this email already exists.");
  const passwordHash = await hashPassword(data.password);
  return transaction(ctx, (tx) =>
    insertAudited<UserRow>(ctx, tx, users, "User", {
      email: data.email,
      name: data.name,
      role: data.role,
      jobTitle: data.jobTitle ?? null,
      memberId: viewer.memberId,
      passwordHash,
    }),
  ).catch((err: unknown) => {
    // Another admin added the same email between the check above and this insert.
    if (violatedConstraint(err) === "users_email_key") throw badInput("input.email", "input.email: a user with this email already exists.");
    throw err;
  });
}

const UpdateUser = z.object({
  name: v.name.optional(),
  jobTitle: v.optionalText(200),
  role: role.optional(),
  disabled: z.boolean().optional(),
});

export async function updateUser(ctx: Context, id: string, version: number, input: unknown): Promise<UserRow> {
  const viewer = viewerOf(ctx);
  const { disabled, ...rest } = parseInput(UpdateUser, input);
  if (id === viewer.userId && disabled) {
    throw badInput("input.disabled", "input.disabled: you cannot disable yourself; ask another admin.");
  }
  if (id === viewer.userId && rest.role && rest.role !== "ADMIN") {
    throw badInput("input.role", "input.role: you cannot demote yourself; ask another admin.");
  }
  const patch: Record<string, unknown> = { ...rest };
  if (disabled !== undefined) patch.disabledAt = disabled ? new Date() : null;
  return transaction(ctx, async (tx) => {
    const user = await updateVersioned<UserRow>(ctx, tx, {
      table: users,
      recordType: "User",
      id,
      version,
      authorize: (v2, row) => {
        // Another member's users are not this admin's business: indistinguishable from missing.
        if (!canManageUsers(v2, row.memberId)) throw notFound("User");
      },
    }, patch);
    if (disabled) await revokeAllForUser(tx, id);
    return user;
  });
}
