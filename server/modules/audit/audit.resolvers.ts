import type { Resolvers } from "../../graphql/generated.js";
import { toGlobalId } from "../../graphql/global-id.js";
import * as audit from "./audit.service.js";

export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: (_, { filter, first, after }, ctx) => audit.list(ctx, filter ?? {}, { first, after }),
  },
  AuditEvent: {
    id: (e) => String(e.id),
    recordId: (e) => (e.recordId ? toGlobalId(e.recordType, e.recordId) : null),
    user: (e, _, ctx) => (e.userId ? ctx.loaders.members.userById.load(e.userId) : null),
    member: (e, _, ctx) => (e.memberId ? ctx.loaders.members.byId.load(e.memberId) : null),
    changes: (e) => (e.changes === null || e.changes === undefined ? null : JSON.stringify(e.changes)),
  },
};
