import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";

// Moving everything that points at a duplicate onto the record that is kept. Each move is
// one statement returning the ids it moved (for the audit trail). Links that the kept
// record already has are left on the merged record instead of being duplicated.

export type Moved = Record<string, string[]>;

async function ids(tx: Db, query: SQL): Promise<string[]> {
  return (await queryRows<{ id: string }>(tx, query)).map((r) => String(r.id));
}

/** Owned records pointing at the duplicate through `column`: repointed, their version bumped (a concurrent edit sees CONFLICT). */
function repoint(tx: Db, table: string, column: string, keepId: string, mergeId: string) {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  return ids(
    tx,
    sql`update ${t} set ${c} = ${keepId}, version = version + 1, updated_at = now() where ${c} = ${mergeId} returning id`,
  );
}

/** Links of interactions (a composite key): the kept record joins every interaction the duplicate was in. */
async function relink(tx: Db, table: string, column: string, keepId: string, mergeId: string) {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  await tx.execute(
    sql`insert into ${t} (interaction_id, ${c}) select interaction_id, ${keepId} from ${t} where ${c} = ${mergeId} on conflict do nothing`,
  );
  return ids(tx, sql`delete from ${t} where ${c} = ${mergeId} returning interaction_id as id`);
}

export async function movePersonLinks(tx: Db, keepId: string, mergeId: string): Promise<Moved> {
  return {
    affiliations: await ids(
      tx,
      sql`update affiliations a set person_id = ${keepId}, updated_at = now()
        where a.person_id = ${mergeId} and not exists (
          select 1 from affiliations k where k.person_id = ${keepId} and k.organisation_id = a.organisation_id
            and k.role is not distinct from a.role)
        returning a.id`,
    ),
    alumniTies: await ids(
      tx,
      sql`update alumni_ties t set person_id = ${keepId}, updated_at = now()
        where t.person_id = ${mergeId} and not exists (
          select 1 from alumni_ties k where k.person_id = ${keepId} and k.university_id = t.university_id
            and k.degree is not distinct from t.degree and k.subject is not distinct from t.subject
            and k.graduation_year is not distinct from t.graduation_year)
        returning t.id`,
    ),
    interactions: await relink(tx, "interaction_people", "person_id", keepId, mergeId),
    followUps: await repoint(tx, "follow_ups", "person_id", keepId, mergeId),
    opportunities: await repoint(tx, "opportunities", "person_id", keepId, mergeId),
    investorProfiles: await repoint(tx, "investor_profiles", "person_id", keepId, mergeId),
  };
}

export async function moveOrganisationLinks(tx: Db, keepId: string, mergeId: string): Promise<Moved> {
  return {
    affiliations: await ids(
      tx,
      sql`update affiliations a set organisation_id = ${keepId}, updated_at = now()
        where a.organisation_id = ${mergeId} and not exists (
          select 1 from affiliations k where k.organisation_id = ${keepId} and k.person_id = a.person_id
            and k.role is not distinct from a.role)
        returning a.id`,
    ),
    alumniTies: await ids(
      tx,
      sql`update alumni_ties t set university_id = ${keepId}, updated_at = now()
        where t.university_id = ${mergeId} and not exists (
          select 1 from alumni_ties k where k.university_id = ${keepId} and k.person_id = t.person_id
            and k.degree is not distinct from t.degree and k.subject is not distinct from t.subject
            and k.graduation_year is not distinct from t.graduation_year)
        returning t.id`,
    ),
    interactions: await relink(tx, "interaction_organisations", "organisation_id", keepId, mergeId),
    followUps: await repoint(tx, "follow_ups", "organisation_id", keepId, mergeId),
    opportunities: await repoint(tx, "opportunities", "organisation_id", keepId, mergeId),
    investorProfiles: await repoint(tx, "investor_profiles", "organisation_id", keepId, mergeId),
    partnershipParties: await ids(
      tx,
      sql`update partnership_parties p set organisation_id = ${keepId}, updated_at = now()
        where p.organisation_id = ${mergeId} and not exists (
          select 1 from partnership_parties k where k.partnership_id = p.partnership_id and k.side = p.side
            and k.organisation_id = ${keepId})
        returning p.id`,
    ),
    // The kept organisation itself is not made its own child (the service gives it the duplicate's parent).
    childOrganisations: await ids(
      tx,
      sql`update organisations set parent_id = ${keepId}, version = version + 1, updated_at = now()
        where parent_id = ${mergeId} and id <> ${keepId} returning id`,
    ),
  };
}
