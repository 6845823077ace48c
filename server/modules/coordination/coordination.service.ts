import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { FollowUpRow } from "../../db/rows.js";
import { followUps, users } from "../../db/tables/index.js";
import { badInput } from "../../errors.js";
import { parseGlobalId, refOf, toGlobalId } from "../../graphql/global-id.js";
import { canSee } from "../../policy/sharing.policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { insertAudited, transaction } from "../shared/records.js";
import * as alertsRepo from "./alerts.repository.js";
import {
  type CoordinationAlert,
  overdueAlerts,
  overdueFacts,
  partnershipAlerts,
  rankAlerts,
  sharedContactAlerts,
  signalFacts,
  travelAlerts,
} from "./alerts.js";
import { type EngagementReport, buildReport } from "./engagement.js";
import * as engagementRepo from "./engagement.repository.js";
import { type IntroductionPath, findPaths } from "./paths.js";
import { findPerson } from "./paths.repository.js";
import { type Ref, addDays, addMonths, daysBetween, ref, today } from "./sql.js";

const limit = (value: number | null | undefined, field: string, fallback: number, max: number): number => {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(field, `${field} must be a whole number from 1 to ${max}.`);
  return value;
};

/**
 * The viewer's member's coordination alerts, most urgent first. Four statements:
 * travel, shared contacts, partnerships, overdue follow-ups.
 */
export async function coordinationAlerts(ctx: Context, first: number | null | undefined): Promise<CoordinationAlert[]> {
  const viewer = viewerOf(ctx);
  const n = limit(first, "first", 20, 100);
  const on = today();
  const yearAgo = addMonths(on, -12);
  const member = await ctx.loaders.members.byId.load(viewer.memberId);
  const us = member ? ref("Member", member.id, member.name) : null;
  const [travel, contacts, partnerships, overdue] = await Promise.all([
    alertsRepo.travelOverlaps(ctx.db, viewer, { kind: "member", memberId: viewer.memberId, today: on }, viewer.memberId, 50),
    alertsRepo.sharedContacts(ctx.db, viewer, { kind: "member", memberId: viewer.memberId }, yearAgo, on, 50),
    alertsRepo.partnershipSignals(ctx.db, viewer, viewer.memberId, on, yearAgo, n),
    alertsRepo.overdueFollowUps(ctx.db, viewer.memberId, on, n),
  ]);
  return rankAlerts([
    ...travelAlerts(travel, us),
    ...sharedContactAlerts(contacts),
    ...partnershipAlerts(signalFacts(partnerships), on),
    ...overdueAlerts(overdueFacts(overdue)),
  ]).slice(0, n);
}

/** The viewer's visible person, or null (missing and invisible look the same). */
async function visiblePerson(ctx: Context, personId: string) {
  const [row] = await findPerson(ctx.db, viewerOf(ctx), personId);
  return row ?? null;
}

export async function introductionPaths(
  ctx: Context,
  personId: string,
  maxHops: number | null | undefined,
  first: number | null | undefined,
): Promise<IntroductionPath[] | null> {
  const viewer = viewerOf(ctx);
  const hops = limit(maxHops, "maxHops", 3, 3);
  const n = limit(first, "first", 10, 25);
  const person = await visiblePerson(ctx, personId);
  if (!person) return null;
  const member = (await ctx.loaders.members.byId.load(viewer.memberId))!;
  return findPaths(ctx.db, viewer, member, { id: person.id, name: person.full_name, nameLatin: person.name_latin }, hops, n);
}

export interface IntroductionRequest {
  introducer: Ref;
  person: Ref;
  message: string;
  requestedAt: Date;
}

/**
 * Asks another member for a warm introduction: a PRIVATE follow-up owned by that
 * member, assigned to one of its admins, with the message in its notes. The title
 * names the person only when that member can see them (it is their relationship).
 */
export async function requestIntroduction(
  ctx: Context,
  args: { personId: string; message: string; memberId?: string | null },
): Promise<IntroductionRequest> {
  const viewer = viewerOf(ctx);
  const message = args.message.trim();
  if (!message) throw badInput("message", "message: is required.");
  if (message.length > 2000) throw badInput("message", "message: must be at most 2000 characters.");
  const personId = refOf("Person", args.personId, "personId");
  const wanted = args.memberId ? refOf("Member", args.memberId, "memberId") : null;
  if (wanted === viewer.memberId) throw badInput("memberId", "memberId: that is your own member; ask a colleague instead.");
  const person = await visiblePerson(ctx, personId);
  if (!person) throw badInput("personId", "personId: no such person.");
  const requester = (await ctx.loaders.members.byId.load(viewer.memberId))!;
  const paths = await findPaths(ctx.db, viewer, requester, { id: person.id, name: person.full_name, nameLatin: person.name_latin }, 3, 25);
  const introducers = paths.map((p) => p.introducer).filter((r): r is Ref => r !== null);
  const introducer = wanted ? introducers.find((r) => r.id === toGlobalId("Member", wanted)) : introducers[0];
  if (!introducer) {
    throw wanted
      ? badInput("memberId", "memberId: that member is not on an introduction path to this person.")
      : badInput("personId", "personId: no other member has a relationship with this person.");
  }
  const targetId = wanted ?? parseGlobalId(introducer.id)!.id;
  const user = await ctx.loaders.members.userById.load(viewer.userId);
  const knownToTarget = canSee({ ...viewer, memberId: targetId, role: "VIEWER" }, { ownerMemberId: person.owner_member_id, visibility: person.visibility });
  const title = `Introduction request from ${requester.name}: ${knownToTarget ? person.full_name : "a contact"}`.slice(0, 300);
  const notes = `${message}\n\n— ${user?.name ?? "A user"}, ${requester.name}`;
  const requestedAt = new Date();
  await transaction(ctx, async (tx) => {
    const [admin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.memberId, targetId), eq(users.role, "ADMIN"), isNull(users.disabledAt)))
      .orderBy(sql`lower(${users.name})`, asc(users.id))
      .limit(1);
    const followUp = await insertAudited<FollowUpRow>(ctx, tx, followUps, "FollowUp", {
      title,
      notes,
      dueOn: addDays(today(), 14),
      assigneeId: admin?.id ?? null,
      personId: knownToTarget ? person.id : null,
      visibility: "PRIVATE",
      ownerMemberId: targetId,
      createdById: viewer.userId,
    });
    await recordAudit(tx, ctx, {
      action: "request_introduction",
      recordType: "Person",
      recordId: person.id,
      changes: { introducerMemberId: targetId, followUpId: followUp.id },
    });
  });
  return {
    introducer,
    person: ref("Person", person.id, person.full_name, person.name_latin),
    message,
    requestedAt,
  };
}

export async function engagementByPriority(ctx: Context, from: string, to: string): Promise<EngagementReport> {
  const viewer = viewerOf(ctx);
  if (to < from) throw badInput("to", "to must not be before from.");
  if (daysBetween(from, to) > 3 * 366) throw badInput("to", "to: the period may be at most 3 years.");
  const [priorities, interactions, visits, opportunities] = await Promise.all([
    engagementRepo.visiblePriorities(ctx.db, viewer),
    engagementRepo.interactionEngagement(ctx.db, viewer, from, to),
    engagementRepo.visitEngagement(ctx.db, viewer, from, to),
    engagementRepo.opportunityEngagement(ctx.db, viewer, from, to),
  ]);
  return buildReport(from, to, priorities, { interactions, visits, opportunities });
}
