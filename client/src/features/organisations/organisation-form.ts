import type {
  CreateOrganisationInput,
  OrganisationDetailFragment,
  OrganisationKind,
  UpdateOrganisationInput,
  Visibility,
} from "../../generated/graphql.js";
// With the extension, so the Node tests (tests/client/) can load this file too.
import { placeLabel } from "../../ui/format.js";
import { type FieldRef, type Problem, changedKeys, joinList, splitList, textOrNull } from "../../ui/record-form.js";

// The organisation form's state, its checks, and the mutation inputs it turns into.

export const ORGANISATION_KINDS: OrganisationKind[] = [
  "CITY_GOVERNMENT",
  "REGIONAL_GOVERNMENT",
  "NATIONAL_GOVERNMENT",
  "DIPLOMATIC_POST",
  "UNIVERSITY",
  "COMPANY",
  "INVESTOR",
  "TRADE_BODY",
  "NGO",
  "OTHER",
];

export interface Picked {
  id: string;
  name: string;
}

export interface OrganisationFormValues {
  name: string;
  nameLatin: string;
  /** "" until chosen: there is no sensible default type. */
  kind: OrganisationKind | "";
  place: Picked | null;
  sectors: string;
  website: string;
  description: string;
  parent: Picked | null;
  visibility: Visibility;
}

export function emptyOrganisation(): OrganisationFormValues {
  return { name: "", nameLatin: "", kind: "", place: null, sectors: "", website: "", description: "", parent: null, visibility: "NETWORK" };
}

export function organisationValues(org: OrganisationDetailFragment): OrganisationFormValues {
  return {
    name: org.name,
    nameLatin: org.nameLatin ?? "",
    kind: org.kind,
    place: org.place ? { id: org.place.id, name: placeLabel(org.place) } : null,
    sectors: joinList(org.sectors),
    website: org.website ?? "",
    description: org.description ?? "",
    parent: org.parent ? { id: org.parent.id, name: org.parent.name } : null,
    visibility: org.visibility,
  };
}

export const ORGANISATION_IDS: Record<keyof OrganisationFormValues, string> = {
  name: "organisation-name",
  nameLatin: "organisation-name-latin",
  kind: "organisation-kind",
  place: "organisation-place",
  sectors: "organisation-sectors",
  website: "organisation-website",
  description: "organisation-description",
  parent: "organisation-parent",
  visibility: "organisation-visibility-NETWORK",
};

export const ORGANISATION_LABELS: Record<keyof OrganisationFormValues, string> = {
  name: "Name",
  nameLatin: "Name in Latin script",
  kind: "Type",
  place: "Place",
  sectors: "Sectors",
  website: "Website",
  description: "About",
  parent: "Part of",
  visibility: "Who can see this organisation",
};

const API_NAME: Record<keyof OrganisationFormValues, string> = {
  name: "name",
  nameLatin: "nameLatin",
  kind: "kind",
  place: "placeId",
  sectors: "sectors",
  website: "website",
  description: "description",
  parent: "parentId",
  visibility: "visibility",
};

/** The API's field names (as BAD_USER_INPUT reports them) → this form's fields. */
export const ORGANISATION_FIELDS: Record<string, FieldRef> = Object.fromEntries(
  (Object.keys(API_NAME) as (keyof OrganisationFormValues)[]).map((k) => [`input.${API_NAME[k]}`, { id: ORGANISATION_IDS[k], label: ORGANISATION_LABELS[k] }]),
);

/** "www.example.org" → "https://www.example.org": people rarely type the scheme. */
export function normaliseWebsite(text: string): string {
  const t = text.trim();
  if (!t) return "";
  return /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`;
}

function isWebsite(text: string): boolean {
  try {
    const url = new URL(normaliseWebsite(text));
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export function validateOrganisation(values: OrganisationFormValues): Problem[] {
  const problems: Problem[] = [];
  if (!values.name.trim()) problems.push({ field: ORGANISATION_IDS.name, message: "Enter the organisation's name" });
  if (!values.kind) problems.push({ field: ORGANISATION_IDS.kind, message: "Select the type of organisation" });
  if (values.website.trim() && !isWebsite(values.website)) {
    problems.push({ field: ORGANISATION_IDS.website, message: "Enter a website address in the correct format, like https://www.example.org" });
  }
  return problems;
}

function inputFor(key: keyof OrganisationFormValues, values: OrganisationFormValues): UpdateOrganisationInput {
  switch (key) {
    case "name":
      return { name: values.name.trim() };
    case "nameLatin":
    case "description":
      return { [key]: textOrNull(values[key]) };
    case "kind":
      return values.kind ? { kind: values.kind } : {};
    case "place":
      return { placeId: values.place?.id ?? null };
    case "sectors":
      return { sectors: splitList(values.sectors) };
    case "website":
      return { website: textOrNull(normaliseWebsite(values.website)) };
    case "parent":
      return { parentId: values.parent?.id ?? null };
    case "visibility":
      return { visibility: values.visibility };
  }
}

/** A new organisation; validateOrganisation has made sure a type is chosen. */
export function createOrganisationInput(values: OrganisationFormValues): CreateOrganisationInput {
  if (!values.kind) throw new Error("Choose a type before saving.");
  const input: CreateOrganisationInput = { name: values.name.trim(), kind: values.kind, visibility: values.visibility };
  const rest = Object.assign({}, ...(["nameLatin", "description", "website", "place", "parent", "sectors"] as const).map((k) => inputFor(k, values))) as UpdateOrganisationInput;
  // Empty optional fields are left out of a new record.
  for (const [key, value] of Object.entries(rest)) {
    if (value !== null && !(Array.isArray(value) && value.length === 0)) Object.assign(input, { [key]: value });
  }
  return input;
}

/** Only what the user changed (see updatePersonInput). */
export function updateOrganisationInput(original: OrganisationFormValues, values: OrganisationFormValues): UpdateOrganisationInput {
  return Object.assign({}, ...changedKeys(original, values).map((k) => inputFor(k, values))) as UpdateOrganisationInput;
}
