import { describe, expect, it } from "@jest/globals";
import { CombinedGraphQLErrors } from "@apollo/client";
import {
  createOrganisationInput,
  emptyOrganisation,
  normaliseWebsite,
  ORGANISATION_FIELDS,
  updateOrganisationInput,
  validateOrganisation,
} from "../../client/src/features/organisations/organisation-form.js";
import {
  type PersonFormValues,
  createPersonInput,
  emptyPerson,
  personFieldMap,
  updatePersonInput,
  validatePerson,
} from "../../client/src/features/people/person-form.js";
import { changedKeys, fieldFor, isConflict, rebase, serverProblems, splitList } from "../../client/src/ui/record-form.js";

// The logic of the person and organisation forms: what a form's state becomes
// as mutation input, which checks run before sending, how server errors find
// their field, and how a conflict carries the user's changes onto the latest version.

const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e));

const saved = (): PersonFormValues => ({
  ...emptyPerson(),
  fullName: "Akio Toyoda",
  nameLatin: "",
  jobTitle: "Chairman",
  email: "akio@example.jp",
  languages: "ja, en",
  sectors: "automotive",
  retentionReviewOn: "2027-06-01",
  affiliations: [{ key: "aff-1", organisation: { id: "org-1", name: "Toyota" }, role: "Chairman", startedOn: "2009-06-23", endedOn: "" }],
});

const badInput = (field: string, message: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code: "BAD_USER_INPUT", field } }] });

describe("a new person as createPerson input", () => {
  it("leaves empty optional fields out, so the API's defaults apply, and trims what is given", () => {
    const input = createPersonInput({ ...emptyPerson(), fullName: "  Ngozi Okonjo  ", sectors: "finance, , trade, finance", phone: " " });
    expect(input).toEqual({ fullName: "Ngozi Okonjo", lawfulBasis: "LEGITIMATE_INTERESTS", visibility: "NETWORK", sectors: ["finance", "trade"] });
  });

  it("sends the consent date (as midday UTC) only with the consent basis, and drops affiliation rows without an organisation", () => {
    const base = { ...emptyPerson(), fullName: "A", consentOn: "2026-03-02" };
    expect(createPersonInput(base).consentAt).toBeUndefined();
    const input = createPersonInput({
      ...base,
      lawfulBasis: "CONSENT",
      affiliations: [
        { key: "n1", organisation: null, role: "ignored", startedOn: "", endedOn: "" },
        { key: "n2", organisation: { id: "org-9", name: "X" }, role: " CEO ", startedOn: "2020-01-01", endedOn: "" },
      ],
    });
    expect(input.consentAt).toBe("2026-03-02T12:00:00.000Z");
    expect(input.affiliations).toEqual([{ organisationId: "org-9", role: "CEO", startedOn: "2020-01-01", endedOn: null }]);
  });
});

describe("an edited person as updatePerson input", () => {
  it("is empty when nothing changed", () => {
    expect(updatePersonInput(saved(), saved())).toEqual({});
  });

  it("sends only the changed fields; a cleared field is null, lists are split", () => {
    const draft = { ...saved(), jobTitle: "  ", email: "a.toyoda@example.jp", languages: "ja,en, fr", place: { id: "place-1", name: "Toyota City" } };
    expect(updatePersonInput(saved(), draft)).toEqual({
      jobTitle: null,
      email: "a.toyoda@example.jp",
      languages: ["ja", "en", "fr"],
      placeId: "place-1",
    });
  });

  it("replaces affiliations only when they changed, and then sends the whole list", () => {
    const draft = saved();
    draft.affiliations = [...draft.affiliations, { key: "new-1", organisation: { id: "org-2", name: "Denso" }, role: "", startedOn: "", endedOn: "" }];
    expect(updatePersonInput(saved(), draft)).toEqual({
      affiliations: [
        { organisationId: "org-1", role: "Chairman", startedOn: "2009-06-23", endedOn: null },
        { organisationId: "org-2", role: null, startedOn: null, endedOn: null },
      ],
    });
  });
});

describe("checks before sending a person", () => {
  const now = new Date("2026-05-10T10:00:00Z");

  it("names every problem at once, in the order of the form, with the field to link to", () => {
    const problems = validatePerson(
      {
        ...emptyPerson(),
        email: "not an email",
        phone: "call me",
        lawfulBasis: "CONSENT",
        affiliations: [{ key: "n1", organisation: null, role: "", startedOn: "2024-05-01", endedOn: "2023-01-01" }],
      },
      null,
      now,
    );
    expect(problems).toEqual([
      { field: "person-full-name", message: "Enter the person's full name" },
      { field: "person-email", message: "Enter an email address in the correct format, like name@example.com" },
      { field: "person-phone", message: "Enter a phone number, like +44 121 496 0000" },
      { field: "person-consent-on", message: "Enter the date consent was given" },
      { field: "person-affiliation-0-organisation", message: "Choose the organisation for affiliation 1, or remove it" },
      { field: "person-affiliation-0-endedOn", message: "End date of affiliation 1 must be the same as or after its start date" },
    ]);
  });

  it("rejects consent in the future and impossible dates; a review date, once set, must stay", () => {
    const consent = { ...emptyPerson(), fullName: "A", lawfulBasis: "CONSENT" as const };
    expect(validatePerson({ ...consent, consentOn: "2026-05-11" }, null, now).map((p) => p.message)).toEqual([
      "Date consent was given must be today or in the past",
    ]);
    expect(validatePerson({ ...consent, consentOn: "2026-02-30" }, null, now).map((p) => p.message)).toEqual(["Date consent was given must be a real date"]);
    expect(validatePerson({ ...consent, consentOn: "2026-05-10" }, null, now)).toEqual([]);
    expect(validatePerson({ ...saved(), retentionReviewOn: "" }, saved(), now)).toEqual([
      { field: "person-retention-review-on", message: "Enter a retention review date" },
    ]);
    // A new person may leave it blank: the member's policy sets it.
    expect(validatePerson({ ...emptyPerson(), fullName: "B" }, null, now)).toEqual([]);
  });
});

describe("server errors on the form", () => {
  const fields = personFieldMap(saved());

  it("links BAD_USER_INPUT to the named field, with its label, including nested names", () => {
    expect(serverProblems(badInput("input.email", "input.email: must be an email address"), fields, describeError)).toEqual([
      { field: "person-email", message: "Email address must be an email address." },
    ]);
    expect(serverProblems(badInput("input.affiliations.0.endedOn", "input.affiliations.0.endedOn: must not be before startedOn."), fields, describeError)).toEqual([
      { field: "person-affiliation-0-endedOn", message: "End date of affiliation 1 must not be before startedOn." },
    ]);
    // An entry of a list belongs to the list's field.
    expect(fieldFor("input.sectors.3", fields)).toEqual({ id: "person-sectors", label: "Sectors" });
    expect(serverProblems(badInput("input.sectors.3", "input.sectors.3: must be at most 80 characters"), fields, describeError)).toEqual([
      { field: "person-sectors", message: "Sectors must be at most 80 characters." },
    ]);
  });

  it("keeps messages it cannot place, and explains failures that are not GraphQL errors", () => {
    expect(serverProblems(badInput("input.somethingElse", "Something is wrong."), fields, describeError)).toEqual([{ field: null, message: "Something is wrong." }]);
    expect(serverProblems(new TypeError("Failed to fetch"), fields, describeError)).toEqual([{ field: null, message: "Failed to fetch" }]);
  });

  it("recognises a conflict (someone saved first) and nothing else as one", () => {
    const conflict = new CombinedGraphQLErrors({ data: null, errors: [{ message: "Changed by someone else.", extensions: { code: "CONFLICT" } }] });
    expect(isConflict(conflict)).toBe(true);
    expect(isConflict(badInput("input.email", "x"))).toBe(false);
    expect(isConflict(new Error("CONFLICT"))).toBe(false);
  });
});

describe("after a conflict: the user's changes on top of the latest version", () => {
  it("takes the other person's changes where the user changed nothing, and keeps the user's own", () => {
    const original = saved();
    const mine = { ...original, jobTitle: "Honorary chairman", email: "new@example.jp" };
    const theirs = { ...original, bio: "Third-generation leader.", email: "theirs@example.jp" };
    const { values, clashes } = rebase(original, mine, theirs);
    expect(values).toEqual({ ...original, jobTitle: "Honorary chairman", email: "new@example.jp", bio: "Third-generation leader." });
    // Both changed the email, differently: the form shows the user's value and says so.
    expect(clashes).toEqual(["email"]);
    // Saving now sends only the user's changes, against the latest version.
    expect(updatePersonInput(theirs, values)).toEqual({ jobTitle: "Honorary chairman", email: "new@example.jp" });
  });

  it("is no clash when both made the same change", () => {
    const original = saved();
    const same = { ...original, jobTitle: "President" };
    expect(rebase(original, same, { ...same }).clashes).toEqual([]);
    expect(changedKeys(same, rebase(original, same, same).values)).toEqual([]);
  });
});

describe("organisation form", () => {
  it("turns a website without a scheme into https, and checks the rest", () => {
    expect(normaliseWebsite(" www.toyota.jp ")).toBe("https://www.toyota.jp");
    expect(normaliseWebsite("http://example.org")).toBe("http://example.org");
    expect(validateOrganisation({ ...emptyOrganisation(), website: "not a site" })).toEqual([
      { field: "organisation-name", message: "Enter the organisation's name" },
      { field: "organisation-kind", message: "Select the type of organisation" },
      { field: "organisation-website", message: "Enter a website address in the correct format, like https://www.example.org" },
    ]);
  });

  it("creates with only what is filled in, and updates only what changed", () => {
    const values = { ...emptyOrganisation(), name: " Toyota City ", kind: "CITY_GOVERNMENT" as const, website: "www.city.toyota.aichi.jp", sectors: "automotive" };
    expect(createOrganisationInput(values)).toEqual({
      name: "Toyota City",
      kind: "CITY_GOVERNMENT",
      visibility: "NETWORK",
      website: "https://www.city.toyota.aichi.jp",
      sectors: ["automotive"],
    });
    const saved = { ...values, parent: { id: "org-aichi", name: "Aichi" } };
    expect(updateOrganisationInput(saved, { ...saved, parent: null, visibility: "PRIVATE" })).toEqual({ parentId: null, visibility: "PRIVATE" });
    expect(serverProblems(badInput("input.parentId", "input.parentId: an organisation cannot be its own parent or belong to itself."), ORGANISATION_FIELDS, describeError)).toEqual([
      { field: "organisation-parent", message: "Part of: an organisation cannot be its own parent or belong to itself." },
    ]);
  });

  it("splits lists on commas, semicolons and new lines, without repeats", () => {
    expect(splitList("a; b\nc, a ,")).toEqual(["a", "b", "c"]);
  });
});
