import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CombinedGraphQLErrors } from "@apollo/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import {
  type CreateOrganisationMutation,
  CreateOrganisationDocument,
  type CreatePersonMutation,
  CreatePersonDocument,
  type UpdateOrganisationMutation,
  UpdateOrganisationDocument,
  type UpdatePersonMutation,
  UpdatePersonDocument,
} from "../../client/src/generated/graphql.js";
import { createOrganisationInput, emptyOrganisation, ORGANISATION_FIELDS, organisationValues, updateOrganisationInput } from "../../client/src/features/organisations/organisation-form.js";
import { createPersonInput, emptyPerson, personFieldMap, personValues, updatePersonInput } from "../../client/src/features/people/person-form.js";
import { addMonthsIso, isConflict, rebase, serverProblems } from "../../client/src/ui/record-form.js";
import { type Actor, gid, makeActor, makeOrganisation } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// The form mappings against the real API: what the person and organisation
// forms send is accepted and means what the form said; a stale version is a
// conflict that the reload-and-rebase flow resolves; server field errors land
// on the form's fields.

let server: TestServer;
let editor: Actor;
let other: Actor;

beforeAll(async () => {
  server = await startTestServer();
  editor = await makeActor(server.db, server.config, "EDITOR", { retentionMonths: 18 });
  other = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

/** Runs one of the client's own operations, as the browser would send it; errors come back as Apollo's error type. */
async function run<T, V extends Record<string, unknown>>(doc: TypedDocumentNode<T, V>, variables: V, token: string): Promise<T> {
  const res = await server.gql<T>(print(doc), variables, token);
  if (res.errors?.length) throw new CombinedGraphQLErrors({ data: res.data, errors: res.errors });
  return res.data!;
}
const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e));

describe("person form ↔ API", () => {
  it("creates from the form's values with the member's retention default, and edits only what changed", async () => {
    const org = await makeOrganisation(server.db, editor, { name: "Form Test Motors" });
    const values = {
      ...emptyPerson(),
      fullName: "Lindiwe Form-Test",
      jobTitle: "Head of investment",
      email: "lindiwe@example.org",
      sectors: "automotive, batteries",
      affiliations: [{ key: "new-1", organisation: { id: gid("Organisation", org.id), name: org.name }, role: "Director", startedOn: "2021-04-01", endedOn: "" }],
    };
    const { createPerson: created } = await run<CreatePersonMutation, { input: ReturnType<typeof createPersonInput> }>(
      CreatePersonDocument,
      { input: createPersonInput(values) },
      editor.token,
    );
    expect(created).toMatchObject({ fullName: "Lindiwe Form-Test", lawfulBasis: "LEGITIMATE_INTERESTS", visibility: "NETWORK", version: 1, canEdit: true });
    // Left blank on the form: the member's policy (18 months) set the review date.
    expect(created.retentionReviewOn).toBe(addMonthsIso(new Date(), 18));
    // Loading the saved person back into the form gives what was entered (plus the defaults).
    const loaded = personValues(created);
    expect(loaded).toEqual({ ...values, retentionReviewOn: created.retentionReviewOn, affiliations: [{ ...values.affiliations[0]!, key: created.affiliations[0]!.id }] });

    const edited = { ...loaded, jobTitle: "", lawfulBasis: "CONSENT" as const, consentOn: "2026-01-15" };
    const input = updatePersonInput(loaded, edited);
    expect(Object.keys(input).sort()).toEqual(["consentAt", "jobTitle", "lawfulBasis"]);
    const { updatePerson: updated } = await run<UpdatePersonMutation, { id: string; version: number; input: typeof input }>(
      UpdatePersonDocument,
      { id: created.id, version: created.version, input },
      editor.token,
    );
    expect(updated).toMatchObject({ jobTitle: null, lawfulBasis: "CONSENT", version: 2 });
    expect(personValues(updated)).toEqual(edited);
  });

  it("a stale version is a conflict; after reloading, the user's changes go onto the latest version and save", async () => {
    const { createPerson: start } = await run<CreatePersonMutation, { input: ReturnType<typeof createPersonInput> }>(
      CreatePersonDocument,
      { input: createPersonInput({ ...emptyPerson(), fullName: "Conflict Person", jobTitle: "Consul" }) },
      editor.token,
    );
    const original = personValues(start);
    const mine = { ...original, jobTitle: "Consul General" };
    // Someone else saves first.
    const { updatePerson: theirs } = await run<UpdatePersonMutation, { id: string; version: number; input: ReturnType<typeof updatePersonInput> }>(
      UpdatePersonDocument,
      { id: start.id, version: start.version, input: { bio: "Posted to Birmingham in 2025." } },
      editor.token,
    );

    const stale = run(UpdatePersonDocument, { id: start.id, version: start.version, input: updatePersonInput(original, mine) }, editor.token);
    const error = await stale.then(() => null, (e: unknown) => e);
    expect(isConflict(error)).toBe(true);

    const latest = personValues(theirs);
    const { values, clashes } = rebase(original, mine, latest);
    expect(clashes).toEqual([]);
    const { updatePerson: saved } = await run<UpdatePersonMutation, { id: string; version: number; input: ReturnType<typeof updatePersonInput> }>(
      UpdatePersonDocument,
      { id: start.id, version: theirs.version, input: updatePersonInput(latest, values) },
      editor.token,
    );
    // Both changes survive: theirs (bio) and mine (job title).
    expect(saved).toMatchObject({ jobTitle: "Consul General", bio: "Posted to Birmingham in 2025.", version: 3 });
  });

  it("server field errors land on the form's fields", async () => {
    const hidden = await makeOrganisation(server.db, other, { visibility: "PRIVATE" });
    const values = {
      ...emptyPerson(),
      fullName: "Error Mapping",
      affiliations: [{ key: "new-1", organisation: { id: gid("Organisation", hidden.id), name: "Hidden" }, role: "", startedOn: "", endedOn: "" }],
    };
    const error = await run(CreatePersonDocument, { input: createPersonInput(values) }, editor.token).then(() => null, (e: unknown) => e);
    expect(serverProblems(error, personFieldMap(values), describeError)).toEqual([
      { field: "person-affiliation-0-organisation", message: "Organisation of affiliation 1: no such organisation." },
    ]);
  });
});

describe("organisation form ↔ API", () => {
  it("creates and edits from the form's values; a cycle in 'part of' is reported on that field", async () => {
    const { createOrganisation: parent } = await run<CreateOrganisationMutation, { input: ReturnType<typeof createOrganisationInput> }>(
      CreateOrganisationDocument,
      { input: createOrganisationInput({ ...emptyOrganisation(), name: "Aichi Prefecture", kind: "REGIONAL_GOVERNMENT" }) },
      editor.token,
    );
    const values = { ...emptyOrganisation(), name: "Toyota City", kind: "CITY_GOVERNMENT" as const, website: "www.city.toyota.aichi.jp", parent: { id: parent.id, name: parent.name } };
    const { createOrganisation: city } = await run<CreateOrganisationMutation, { input: ReturnType<typeof createOrganisationInput> }>(
      CreateOrganisationDocument,
      { input: createOrganisationInput(values) },
      editor.token,
    );
    expect(city).toMatchObject({ website: "https://www.city.toyota.aichi.jp", parent: { id: parent.id }, visibility: "NETWORK" });
    expect(organisationValues(city)).toEqual({ ...values, website: "https://www.city.toyota.aichi.jp" });

    // Making Aichi part of Toyota City would be a cycle.
    const before = organisationValues(parent);
    const cyclic = { ...before, parent: { id: city.id, name: city.name } };
    const error = await run<UpdateOrganisationMutation, { id: string; version: number; input: ReturnType<typeof updateOrganisationInput> }>(
      UpdateOrganisationDocument,
      { id: parent.id, version: parent.version, input: updateOrganisationInput(before, cyclic) },
      editor.token,
    ).then(() => null, (e: unknown) => e);
    expect(serverProblems(error, ORGANISATION_FIELDS, describeError)).toEqual([
      { field: "organisation-parent", message: "Part of: an organisation cannot be its own parent or belong to itself." },
    ]);
  });
});
