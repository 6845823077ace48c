import { type SQL, and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { PartnershipRow } from "../../db/rows.js";
import { organisations, partnershipParties, partnerships, places } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";
import { nameMatches } from "../shared/text.js";

export interface PartnershipFilter {
  query?: string | null;
  kind?: PartnershipRow["kind"] | null;
  status?: PartnershipRow["status"] | null;
  placeId?: string | null;
  countryCode?: string | null;
  memberId?: string | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

const sort: Sort = { key: sql`lower(${partnerships.name})`, cast: "text", direction: "asc" };

/**
 * Partnerships with a party matching `placeCondition`: either the party's own
 * place, or the place of a party organisation the viewer can see (a private
 * organisation must not make its partnership match).
 */
function withPartyWhere(viewer: Viewer, placeCondition: SQL): SQL {
  return inArray(
    partnerships.id,
    sql`(select ${partnershipParties.partnershipId} from ${partnershipParties}
      left join ${organisations} on ${organisations.id} = ${partnershipParties.organisationId} and ${visibleWhere(viewer, organisations)}
      join ${places} on ${places.id} = coalesce(${partnershipParties.placeId}, ${organisations.placeId})
      where ${placeCondition})`,
  );
}

export function partnershipsWhere(viewer: Viewer, filter: PartnershipFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, partnerships)];
  if (!filter.includeArchived) where.push(isNull(partnerships.archivedAt));
  if (filter.ownedByMe) where.push(eq(partnerships.ownerMemberId, viewer.memberId));
  if (filter.query) where.push(nameMatches(partnerships.name, filter.query));
  if (filter.kind) where.push(eq(partnerships.kind, filter.kind));
  if (filter.status) where.push(eq(partnerships.status, filter.status));
  if (filter.memberId) where.push(eq(partnerships.leadMemberId, filter.memberId));
  if (filter.placeId) where.push(withPartyWhere(viewer, eq(places.id, filter.placeId)));
  if (filter.countryCode) where.push(withPartyWhere(viewer, eq(places.countryCode, filter.countryCode.toUpperCase())));
  return allOf(...where);
}

export function listPartnerships(db: Db, viewer: Viewer, filter: PartnershipFilter, page: PageArgs) {
  return listPage<PartnershipRow>(db, partnerships, partnershipsWhere(viewer, filter), sort, page);
}

export interface PartyValues {
  side: "UK" | "INTERNATIONAL";
  placeId: string | null;
  organisationId: string | null;
}

/**
 * Replaces the parties the viewer can see, inside the caller's transaction. A
 * party organisation another member has since made private stays: the editor
 * could neither see it nor add it back.
 */
export async function replaceParties(tx: Db, viewer: Viewer, partnershipId: string, parties: PartyValues[] | undefined) {
  if (!parties) return;
  await tx
    .delete(partnershipParties)
    .where(
      and(
        eq(partnershipParties.partnershipId, partnershipId),
        or(
          isNull(partnershipParties.organisationId),
          inArray(partnershipParties.organisationId, sql`(select ${organisations.id} from ${organisations} where ${visibleWhere(viewer, organisations)})`),
        ),
      ),
    );
  if (parties.length) {
    await tx.insert(partnershipParties).values(parties.map((p) => ({ ...p, partnershipId })));
  }
}
