import type { Context } from "../../context.js";
import type { Db } from "../../db/client.js";
import { auditEvents } from "../../db/tables/index.js";

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId: string | null;
  changes?: Record<string, unknown> | null;
}

/** Written in the same transaction as the change it describes: both commit, or neither. */
export async function recordAudit(tx: Db, ctx: Context, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    userId: ctx.viewer?.userId ?? null,
    memberId: ctx.viewer?.memberId ?? null,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    changes: entry.changes ?? null,
    requestId: ctx.requestId,
  });
}

/** Field-by-field changes between a stored row and a patch, for the audit log. */
export function diff(before: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}
