import { and, inArray, isNull } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { investorProfiles } from "../../db/tables/index.js";
import { byIdLoader, groupLoader } from "../shared/loaders.js";
import { profilesVisibleWhere } from "./investors.repository.js";

export function investorsLoaders(ctx: Context) {
  return {
    /** Visible profiles only (the profile and its subject): anything else loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(investorProfiles)
        .where(and(inArray(investorProfiles.id, [...ids]), profilesVisibleWhere(viewerOf(ctx)))),
    ),
    /** A person's visible, unarchived profiles (one statement per batch). */
    byPerson: groupLoader(
      (personIds) =>
        ctx.db
          .select()
          .from(investorProfiles)
          .where(
            and(
              inArray(investorProfiles.personId, [...personIds]),
              isNull(investorProfiles.archivedAt),
              profilesVisibleWhere(viewerOf(ctx)),
            ),
          )
          .orderBy(investorProfiles.createdAt, investorProfiles.id),
      (p) => p.personId!,
    ),
    /** An organisation's visible, unarchived profiles (one statement per batch). */
    byOrganisation: groupLoader(
      (organisationIds) =>
        ctx.db
          .select()
          .from(investorProfiles)
          .where(
            and(
              inArray(investorProfiles.organisationId, [...organisationIds]),
              isNull(investorProfiles.archivedAt),
              profilesVisibleWhere(viewerOf(ctx)),
            ),
          )
          .orderBy(investorProfiles.createdAt, investorProfiles.id),
      (p) => p.organisationId!,
    ),
  };
}
