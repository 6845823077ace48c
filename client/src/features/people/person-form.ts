import type {
  AffiliationInput,
  CreatePersonInput,
  LawfulBasis,
  PersonDetailFragment,
  UpdatePersonInput,
  Visibility,
} from "../../generated/graphql.js";
// With the extension, so the Node tests (tests/client/) can load this file too.
import { placeLabel, withLatin } from "../../ui/format.js";
import { type FieldRef, type Problem, changedKeys, isDate, joinList, splitList, textOrNull, todayIso } from "../../ui/record-form.js";

// The person form's state, its checks, and the mutation inputs it turns into.
// Plain TypeScript (no React), so tests/client/ can pin the mapping.

export interface Picked {
  id: string;
  name: string;
}

export interface AffiliationDraft {
  /** The affiliation's id when it was loaded, or a local key for a new row. */
  key: string;
  organisation: Picked | null;
  role: string;
  startedOn: string;
  endedOn: string;
}

export interface PersonFormValues {
  fullName: string;
  nameLatin: string;
  jobTitle: string;
  place: Picked | null;
  /** Comma-separated, as typed. */
  languages: string;
  sectors: string;
  bio: string;
  email: string;
  phone: string;
  lawfulBasis: LawfulBasis;
  lawfulBasisNote: string;
  /** The day consent was given (YYYY-MM-DD); the API stores an instant. */
  consentOn: string;
  retentionReviewOn: string;
  visibility: Visibility;
  affiliations: AffiliationDraft[];
}

export const LAWFUL_BASES: { value: LawfulBasis; label: string; hint: string }[] = [
  {
    value: "LEGITIMATE_INTERESTS",
    label: "Legitimate interests",
    hint: "The usual basis for professional contacts: you have a real reason to keep in touch and it does not override their rights.",
  },
  { value: "PUBLIC_TASK", label: "Public task", hint: "Holding the record is part of your organisation's official functions." },
  { value: "CONTRACT", label: "Contract", hint: "You need the record to carry out a contract with them." },
  { value: "CONSENT", label: "Consent", hint: "They agreed to you holding their details. Record the date they agreed." },
];

/** A new person: legitimate interests (the usual basis, and the API's default) and shared with the network. */
export function emptyPerson(): PersonFormValues {
  return {
    fullName: "",
    nameLatin: "",
    jobTitle: "",
    place: null,
    languages: "",
    sectors: "",
    bio: "",
    email: "",
    phone: "",
    lawfulBasis: "LEGITIMATE_INTERESTS",
    lawfulBasisNote: "",
    consentOn: "",
    retentionReviewOn: "",
    visibility: "NETWORK",
    affiliations: [],
  };
}

/** The form's values for a saved person (the form only opens for the owner member, who sees every field). */
export function personValues(person: PersonDetailFragment): PersonFormValues {
  return {
    fullName: person.fullName,
    nameLatin: person.nameLatin ?? "",
    jobTitle: person.jobTitle ?? "",
    place: person.place ? { id: person.place.id, name: placeLabel(person.place) } : null,
    languages: joinList(person.languages),
    sectors: joinList(person.sectors),
    bio: person.bio ?? "",
    email: person.email ?? "",
    phone: person.phone ?? "",
    lawfulBasis: person.lawfulBasis ?? "LEGITIMATE_INTERESTS",
    lawfulBasisNote: person.lawfulBasisNote ?? "",
    consentOn: person.consentAt ? person.consentAt.slice(0, 10) : "",
    retentionReviewOn: person.retentionReviewOn ?? "",
    visibility: person.visibility,
    affiliations: person.affiliations.map((a) => ({
      key: a.id,
      organisation: { id: a.organisation.id, name: withLatin(a.organisation.name, a.organisation.nameLatin) },
      role: a.role ?? "",
      startedOn: a.startedOn ?? "",
      endedOn: a.endedOn ?? "",
    })),
  };
}

/** Element ids of the form's fields. Affiliation rows are numbered by position, as the API numbers them. */
export const PERSON_IDS = {
  fullName: "person-full-name",
  nameLatin: "person-name-latin",
  jobTitle: "person-job-title",
  place: "person-place",
  languages: "person-languages",
  sectors: "person-sectors",
  bio: "person-bio",
  email: "person-email",
  phone: "person-phone",
  lawfulBasis: "person-lawful-basis-LEGITIMATE_INTERESTS",
  lawfulBasisNote: "person-lawful-basis-note",
  consentOn: "person-consent-on",
  retentionReviewOn: "person-retention-review-on",
  visibility: "person-visibility-NETWORK",
  affiliation: (i: number, part: "organisation" | "role" | "startedOn" | "endedOn") => `person-affiliation-${i}-${part}`,
} as const;

export const PERSON_LABELS: Record<Exclude<keyof PersonFormValues, "affiliations">, string> = {
  fullName: "Full name",
  nameLatin: "Name in Latin script",
  jobTitle: "Job title",
  place: "Place",
  languages: "Languages",
  sectors: "Sectors",
  bio: "Biography",
  email: "Email address",
  phone: "Phone number",
  lawfulBasis: "Lawful basis",
  lawfulBasisNote: "Note on the lawful basis",
  consentOn: "Date consent was given",
  retentionReviewOn: "Retention review date",
  visibility: "Who can see this person",
};

/** The API's field names (as BAD_USER_INPUT reports them) → this form's fields. */
export function personFieldMap(values: PersonFormValues): Record<string, FieldRef> {
  const map: Record<string, FieldRef> = {};
  for (const [key, label] of Object.entries(PERSON_LABELS) as [keyof typeof PERSON_LABELS, string][]) {
    const apiName = key === "place" ? "placeId" : key === "consentOn" ? "consentAt" : key;
    map[`input.${apiName}`] = { id: PERSON_IDS[key], label };
  }
  values.affiliations.forEach((_, i) => {
    const n = i + 1;
    map[`input.affiliations.${i}`] = { id: PERSON_IDS.affiliation(i, "organisation"), label: `Affiliation ${n}` };
    map[`input.affiliations.${i}.organisationId`] = { id: PERSON_IDS.affiliation(i, "organisation"), label: `Organisation of affiliation ${n}` };
    map[`input.affiliations.${i}.role`] = { id: PERSON_IDS.affiliation(i, "role"), label: `Role in affiliation ${n}` };
    map[`input.affiliations.${i}.startedOn`] = { id: PERSON_IDS.affiliation(i, "startedOn"), label: `Start date of affiliation ${n}` };
    map[`input.affiliations.${i}.endedOn`] = { id: PERSON_IDS.affiliation(i, "endedOn"), label: `End date of affiliation ${n}` };
  });
  return map;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The API's rule: digits, spaces and ( ) . - with an optional leading +.
const PHONE = /^[+\d][\d\s().-]{4,30}$/;

/**
 * Everything the form can check before sending, in the order of the fields, as
 * GOV.UK error messages. `original` is the saved person when editing.
 */
export function validatePerson(values: PersonFormValues, original: PersonFormValues | null, now = new Date()): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!values.fullName.trim()) add(PERSON_IDS.fullName, "Enter the person's full name");
  if (values.email.trim() && !EMAIL.test(values.email.trim())) {
    add(PERSON_IDS.email, "Enter an email address in the correct format, like name@example.com");
  }
  if (values.phone.trim() && !PHONE.test(values.phone.trim())) add(PERSON_IDS.phone, "Enter a phone number, like +44 121 496 0000");
  if (values.lawfulBasis === "CONSENT") {
    if (!values.consentOn) add(PERSON_IDS.consentOn, "Enter the date consent was given");
    else if (!isDate(values.consentOn)) add(PERSON_IDS.consentOn, "Date consent was given must be a real date");
    else if (values.consentOn > todayIso(now)) add(PERSON_IDS.consentOn, "Date consent was given must be today or in the past");
  }
  if (values.retentionReviewOn && !isDate(values.retentionReviewOn)) {
    add(PERSON_IDS.retentionReviewOn, "Retention review date must be a real date");
  } else if (!values.retentionReviewOn && original?.retentionReviewOn) {
    // Every record keeps a review date once it has one (UK GDPR storage limitation).
    add(PERSON_IDS.retentionReviewOn, "Enter a retention review date");
  }
  values.affiliations.forEach((a, i) => {
    const n = i + 1;
    if (!a.organisation) add(PERSON_IDS.affiliation(i, "organisation"), `Choose the organisation for affiliation ${n}, or remove it`);
    if (a.startedOn && !isDate(a.startedOn)) add(PERSON_IDS.affiliation(i, "startedOn"), `Start date of affiliation ${n} must be a real date`);
    if (a.endedOn && !isDate(a.endedOn)) add(PERSON_IDS.affiliation(i, "endedOn"), `End date of affiliation ${n} must be a real date`);
    else if (a.startedOn && a.endedOn && isDate(a.startedOn) && a.endedOn < a.startedOn) {
      add(PERSON_IDS.affiliation(i, "endedOn"), `End date of affiliation ${n} must be the same as or after its start date`);
    }
  });
  return problems;
}

/** Consent is recorded as an instant; a date from the form is taken as midday UTC, so it shows as that day everywhere. */
const consentAt = (day: string): string | null => (day ? `${day}T12:00:00.000Z` : null);

const affiliationInputs = (rows: AffiliationDraft[]): AffiliationInput[] =>
  rows.flatMap((a) =>
    a.organisation
      ? [{ organisationId: a.organisation.id, role: textOrNull(a.role), startedOn: a.startedOn || null, endedOn: a.endedOn || null }]
      : [],
  );

/** One form field as the API's input fields. */
function inputFor(key: keyof PersonFormValues, values: PersonFormValues): UpdatePersonInput {
  switch (key) {
    case "fullName":
      return { fullName: values.fullName.trim() };
    case "nameLatin":
    case "jobTitle":
    case "bio":
    case "email":
    case "phone":
    case "lawfulBasisNote":
      return { [key]: textOrNull(values[key]) };
    case "place":
      return { placeId: values.place?.id ?? null };
    case "languages":
    case "sectors":
      return { [key]: splitList(values[key]) };
    case "lawfulBasis":
      return { lawfulBasis: values.lawfulBasis };
    case "consentOn":
      return { consentAt: consentAt(values.consentOn) };
    case "retentionReviewOn":
      return { retentionReviewOn: values.retentionReviewOn || null };
    case "visibility":
      return { visibility: values.visibility };
    case "affiliations":
      return { affiliations: affiliationInputs(values.affiliations) };
  }
}

/**
 * A new person. Empty optional fields are left out, so the API's defaults apply:
 * the retention review date from the member's policy. Consent is sent only with
 * the consent basis.
 */
export function createPersonInput(values: PersonFormValues): CreatePersonInput {
  const input: CreatePersonInput = { fullName: values.fullName.trim(), lawfulBasis: values.lawfulBasis, visibility: values.visibility };
  for (const key of ["nameLatin", "jobTitle", "bio", "email", "phone", "lawfulBasisNote"] as const) {
    const text = textOrNull(values[key]);
    if (text) input[key] = text;
  }
  if (values.place) input.placeId = values.place.id;
  if (splitList(values.languages).length) input.languages = splitList(values.languages);
  if (splitList(values.sectors).length) input.sectors = splitList(values.sectors);
  if (values.lawfulBasis === "CONSENT" && values.consentOn) input.consentAt = consentAt(values.consentOn);
  if (values.retentionReviewOn) input.retentionReviewOn = values.retentionReviewOn;
  if (values.affiliations.length) input.affiliations = affiliationInputs(values.affiliations);
  return input;
}

/**
 * Only what the user changed: the API leaves out fields unchanged, so a save
 * does not rewrite (or audit) values nobody touched, and affiliations are
 * replaced only when the user edited them.
 */
export function updatePersonInput(original: PersonFormValues, values: PersonFormValues): UpdatePersonInput {
  return Object.assign({}, ...changedKeys(original, values).map((key) => inputFor(key, values))) as UpdatePersonInput;
}

/** A form field's label, as the conflict notice names it. */
export const personLabel = (key: keyof PersonFormValues): string => (key === "affiliations" ? "Affiliations" : PERSON_LABELS[key]);
