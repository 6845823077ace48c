import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { type Viewer, visibleSql } from "../../policy/sharing.policy.js";

// Moving everything that points at a duplicate onto the record that is kept. Each move is
// one statement returning the ids it moved (for the audit trail). Links that the kept
// record already has are left on the merged record instead of being duplicated.
//
// Every link moves, whoever owns it, but only the ids the merging member may see are
// returned: the audit event is read by that member's admins and must not list another
// member's private records.

export type Moved = Record<string, string[]>;

/** Runs `move` (an UPDATE or DELETE … RETURNING) as the CTE `moved`, then `select` keeps the visible ids. */
async function ids(tx: Db, move: SQL, select: SQL): Promise<string[]> {
  return (await queryRows<{ id: string }>(tx, sql`with moved as (${move}) ${select}`)).map((r) => String(r.id));
}

/** Owned records pointing at the duplicate through `column`: repointed, their version bumped (a concurrent edit sees CONFLICT). */
function repoint(tx: Db, viewer: Viewer, table: string, column: string, keepId: string, mergeId: string) {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  return ids(
    tx,
    sql`update ${t} set ${c} = ${keepId}, version = version + 1, updated_at = now() where ${c} = ${mergeId}
      returning id, owner_member_id, visibility`,
    sql`select moved.id from moved where ${visibleSql(viewer, "moved")}`,
  );
}

/** Links of interactions (a composite key): the kept record joins every interaction the duplicate was in. */
async function relink(tx: Db, viewer: Viewer, table: string, column: string, keepId: string, mergeId: string) {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  await tx.execute(
    sql`insert into ${t} (interaction_id, ${c}) select interaction_id, ${keepId} from ${t} where ${c} = ${mergeId} on conflict do nothing`,
  );
  return ids(
    tx,
    sql`delete from ${t} where ${c} = ${mergeId} returning interaction_id`,
    sql`select i.id from moved join interactions i on i.id = moved.interaction_id where ${visibleSql(viewer, "i")}`,
  );
}

/** Affiliations and alumni ties are visible with their person and their organisation (or university). */
const visibleLinkSql = (viewer: Viewer, organisationColumn: string) =>
  sql`select moved.id from moved
    join people p on p.id = moved.person_id
    join organisations o on o.id = moved.${sql.identifier(organisationColumn)}
    where ${visibleSql(viewer, "p")} and ${visibleSql(viewer, "o")}`;

export async function movePersonLinks(tx: Db, viewer: Viewer, keepId: string, mergeId: string): Promise<Moved> {
  return {
    affiliations: await ids(
      tx,
      sql`update affiliations a set person_id = ${keepId}, updated_at = now()
        where a.person_id = ${mergeId} and not exists (
          select 1 from affiliations k where k.person_id = ${keepId} and k.organisation_id = a.organisation_id
            and k.role is not distinct from a.role)
        returning a.id, a.person_id, a.organisation_id`,
      visibleLinkSql(viewer, "organisation_id"),
    ),
    alumniTies: await ids(
      tx,
      sql`update alumni_ties t set person_id = ${keepId}, updated_at = now()
        where t.person_id = ${mergeId} and not exists (
          select 1 from alumni_ties k where k.person_id = ${keepId} and k.university_id = t.university_id
            and k.degree is not distinct from t.degree and k.subject is not distinct from t.subject
            and k.graduation_year is not distinct from t.graduation_year)
        returning t.id, t.person_id, t.university_id`,
      visibleLinkSql(viewer, "university_id"),
    ),
    interactions: await relink(tx, viewer, "interaction_people", "person_id", keepId, mergeId),
    followUps: await repoint(tx, viewer, "follow_ups", "person_id", keepId, mergeId),
    opportunities: await repoint(tx, viewer, "opportunities", "person_id", keepId, mergeId),
    investorProfiles: await repoint(tx, viewer, "investor_profiles", "person_id", keepId, mergeId),
  };
}

export async function moveOrganisationLinks(tx: Db, viewer: Viewer, keepId: string, mergeId: string): Promise<Moved> {
  return {
    affiliations: await ids(
      tx,
      sql`update affiliations a set organisation_id = ${keepId}, updated_at = now()
        where a.organisation_id = ${mergeId} and not exists (
          select 1 from affiliations k where k.organisation_id = ${keepId} and k.person_id = a.person_id
            and k.role is not distinct from a.role)
        returning a.id, a.person_id, a.organisation_id`,
      visibleLinkSql(viewer, "organisation_id"),
    ),
    alumniTies: await ids(
      tx,
      sql`update alumni_ties t set university_id = ${keepId}, updated_at = now()
        where t.university_id = ${mergeId} and not exists (
          select 1 from alumni_ties k where k.university_id = ${keepId} and k.person_id = t.person_id
            and k.degree is not distinct from t.degree and k.subject is not distinct from t.subject
            and k.graduation_year is not distinct from t.graduation_year)
        returning t.id, t.person_id, t.university_id`,
      visibleLinkSql(viewer, "university_id"),
    ),
    interactions: await relink(tx, viewer, "interaction_organisations", "organisation_id", keepId, mergeId),
    followUps: await repoint(tx, viewer, "follow_ups", "organisation_id", keepId, mergeId),
    opportunities: await repoint(tx, viewer, "opportunities", "organisation_id", keepId, mergeId),
    investorProfiles: await repoint(tx, viewer, "investor_profiles", "organisation_id", keepId, mergeId),
    partnershipParties: await ids(
      tx,
      sql`update partnership_parties p set organisation_id = ${keepId}, updated_at = now()
        where p.organisation_id = ${mergeId} and not exists (
          select 1 from partnership_parties k where k.partnership_id = p.partnership_id and k.side = p.side
            and k.organisation_id = ${keepId})
        returning p.id, p.partnership_id`,
      sql`select moved.id from moved join partnerships pt on pt.id = moved.partnership_id where ${visibleSql(viewer, "pt")}`,
    ),
    // The kept organisation itself is not made its own child (the service gives it the duplicate's parent).
    childOrganisations: await ids(
      tx,
      sql`update organisations set parent_id = ${keepId}, version = version + 1, updated_at = now()
        where parent_id = ${mergeId} and id <> ${keepId} returning id, owner_member_id, visibility`,
      sql`select moved.id from moved where ${visibleSql(viewer, "moved")}`,
    ),
  };
}
