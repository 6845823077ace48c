import { useMutation } from "@apollo/client/react";
import { useViewer } from "../../app/auth/AuthProvider";
import { CreateOrganisationDocument, type OrganisationDetailFragment, OrganisationDocument, type OrganisationKind, UpdateOrganisationDocument } from "../../generated/graphql";
import { TextAreaField, VisibilityField } from "../../ui/RecordFormParts";
import { EditRecordRoute, NewRecordGate, RecordFormPage } from "../../ui/RecordFormPage";
import { SelectField, TextField } from "../../ui/fields";
import { humanise } from "../../ui/format";
import { useRecordForm } from "../../ui/useRecordForm";
import { ORGANISATIONS } from "./OrganisationPage";
import { OrganisationPicker, PlacePicker } from "./Pickers";
import {
  ORGANISATION_FIELDS,
  ORGANISATION_IDS,
  ORGANISATION_KINDS,
  ORGANISATION_LABELS,
  type OrganisationFormValues,
  createOrganisationInput,
  emptyOrganisation,
  organisationValues,
  updateOrganisationInput,
  validateOrganisation,
} from "./organisation-form";
import "../people/records.css";

/** /organisations/new: editors and admins add an organisation, owned by their member. */
export function NewOrganisationPage() {
  return (
    <NewRecordGate kind={ORGANISATIONS} title="Add an organisation">
      <OrganisationForm organisation={null} reload={async () => null} />
    </NewRecordGate>
  );
}

/** /organisations/:id/edit: the owner member's editors change an organisation. */
export function EditOrganisationPage() {
  return (
    <EditRecordRoute kind={ORGANISATIONS} document={OrganisationDocument} select={(d) => d.organisation} name={(o) => ({ name: o.name, latin: o.nameLatin })}>
      {(org, reload) => <OrganisationForm key={org.id} organisation={org} reload={reload} />}
    </EditRecordRoute>
  );
}

function OrganisationForm({
  organisation,
  reload,
}: {
  organisation: OrganisationDetailFragment | null;
  reload: () => Promise<OrganisationDetailFragment | null>;
}) {
  const viewer = useViewer();
  const member = viewer.member.shortName ?? viewer.member.name;
  const form = useRecordForm<OrganisationFormValues>({
    initial: organisation ? organisationValues(organisation) : emptyOrganisation(),
    version: organisation?.version ?? null,
    validate: validateOrganisation,
    fields: () => ORGANISATION_FIELDS,
    label: (k) => ORGANISATION_LABELS[k],
  });
  const { values, set, errorFor } = form;
  const [create] = useMutation(CreateOrganisationDocument);
  const [update] = useMutation(UpdateOrganisationDocument);

  return (
    <RecordFormPage
      kind={ORGANISATIONS}
      record={organisation ? { id: organisation.id, name: organisation.name } : null}
      form={form}
      create={async (v) => {
        const { data } = await create({ variables: { input: createOrganisationInput(v) } });
        return data ? { id: data.createOrganisation.id, name: data.createOrganisation.name } : null;
      }}
      changes={updateOrganisationInput}
      update={async (id, version, input) => {
        await update({ variables: { id, version, input } });
      }}
      reload={reload}
      values={organisationValues}
    >
      <TextField
        id={ORGANISATION_IDS.name}
        label="Name"
        hint="The name it uses, in any script"
        value={values.name}
        onChange={(e) => set("name", e.target.value)}
        error={errorFor(ORGANISATION_IDS.name)}
        autoComplete="off"
      />
      <TextField
        id={ORGANISATION_IDS.nameLatin}
        label="Name in Latin script (optional)"
        hint="If the name is written in another script: for example, 豊田市 is Toyota City"
        value={values.nameLatin}
        onChange={(e) => set("nameLatin", e.target.value)}
        error={errorFor(ORGANISATION_IDS.nameLatin)}
        autoComplete="off"
      />
      <SelectField
        id={ORGANISATION_IDS.kind}
        label="Type"
        value={values.kind}
        onChange={(e) => set("kind", e.target.value as OrganisationKind | "")}
        error={errorFor(ORGANISATION_IDS.kind)}
      >
        <option value="">Choose a type</option>
        {ORGANISATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {humanise(k)}
          </option>
        ))}
      </SelectField>
      <PlacePicker id={ORGANISATION_IDS.place} label="Place (optional)" value={values.place} onChange={(p) => set("place", p)} error={errorFor(ORGANISATION_IDS.place)} />
      <TextField
        id={ORGANISATION_IDS.sectors}
        label="Sectors (optional)"
        hint="Separated by commas: automotive, life sciences"
        value={values.sectors}
        onChange={(e) => set("sectors", e.target.value)}
        error={errorFor(ORGANISATION_IDS.sectors)}
        autoComplete="off"
      />
      <TextField
        id={ORGANISATION_IDS.website}
        label="Website (optional)"
        hint="For example, www.example.org"
        type="url"
        spellCheck={false}
        value={values.website}
        onChange={(e) => set("website", e.target.value)}
        error={errorFor(ORGANISATION_IDS.website)}
        autoComplete="off"
      />
      <TextAreaField
        id={ORGANISATION_IDS.description}
        label="About (optional)"
        hint="What it does, and why it matters to the network"
        value={values.description}
        onChange={(e) => set("description", e.target.value)}
        error={errorFor(ORGANISATION_IDS.description)}
      />
      <OrganisationPicker
        id={ORGANISATION_IDS.parent}
        label="Part of (optional)"
        hint="The larger organisation it belongs to, such as a ministry for an agency"
        value={values.parent}
        onChange={(p) => set("parent", p)}
        error={errorFor(ORGANISATION_IDS.parent)}
        exclude={organisation?.id}
      />
      <VisibilityField name="organisation-visibility" noun="organisation" owner={member} personal={false} value={values.visibility} onChange={(v) => set("visibility", v)} />
    </RecordFormPage>
  );
}
