import { useMutation, useQuery } from "@apollo/client/react";
import { useViewer } from "../../app/auth/AuthProvider";
import { CreatePersonDocument, MemberRetentionDocument, type PersonDetailFragment, PersonDocument, UpdatePersonDocument } from "../../generated/graphql";
import { Radios, TextAreaField, VisibilityField } from "../../ui/RecordFormParts";
import { EditRecordRoute, NewRecordGate, RecordFormPage } from "../../ui/RecordFormPage";
import { TextField } from "../../ui/fields";
import { formatDate } from "../../ui/format";
import { addMonthsIso } from "../../ui/record-form";
import { useRecordForm } from "../../ui/useRecordForm";
import { OrganisationPicker, PlacePicker } from "../organisations/Pickers";
import { PEOPLE } from "./PersonPage";
import {
  type AffiliationDraft,
  LAWFUL_BASES,
  PERSON_IDS,
  type PersonFormValues,
  createPersonInput,
  emptyPerson,
  personFieldMap,
  personLabel,
  personValues,
  updatePersonInput,
  validatePerson,
} from "./person-form";
import "./records.css";

/** /people/new: editors and admins add a person, owned by their member. */
export function NewPersonPage() {
  return (
    <NewRecordGate kind={PEOPLE} title="Add a person">
      <PersonForm person={null} reload={async () => null} />
    </NewRecordGate>
  );
}

/** /people/:id/edit: the owner member's editors change a person. */
export function EditPersonPage() {
  return (
    <EditRecordRoute kind={PEOPLE} document={PersonDocument} select={(d) => d.person} name={(p) => ({ name: p.fullName, latin: p.nameLatin })}>
      {(person, reload) => <PersonForm key={person.id} person={person} reload={reload} />}
    </EditRecordRoute>
  );
}

let nextRow = 0;

function PersonForm({ person, reload }: { person: PersonDetailFragment | null; reload: () => Promise<PersonDetailFragment | null> }) {
  const viewer = useViewer();
  const member = viewer.member.shortName ?? viewer.member.name;
  const form = useRecordForm<PersonFormValues>({
    initial: person ? personValues(person) : emptyPerson(),
    version: person?.version ?? null,
    validate: validatePerson,
    fields: personFieldMap,
    label: personLabel,
  });
  const { values, set, errorFor } = form;
  const retention = useQuery(MemberRetentionDocument, { variables: { id: viewer.member.id } }).data?.member;
  const [create] = useMutation(CreatePersonDocument);
  const [update] = useMutation(UpdatePersonDocument);
  const setAffiliation = (key: string, patch: Partial<AffiliationDraft>) =>
    set(
      "affiliations",
      values.affiliations.map((a) => (a.key === key ? { ...a, ...patch } : a)),
    );
  const defaultReview = retention ? addMonthsIso(new Date(), retention.retentionMonths) : null;

  return (
    <RecordFormPage
      kind={PEOPLE}
      record={person ? { id: person.id, name: person.fullName } : null}
      form={form}
      create={async (v) => {
        const { data } = await create({ variables: { input: createPersonInput(v) } });
        return data ? { id: data.createPerson.id, name: data.createPerson.fullName } : null;
      }}
      changes={updatePersonInput}
      update={async (id, version, input) => {
        await update({ variables: { id, version, input } });
      }}
      reload={reload}
      values={personValues}
    >
      <TextField
        id={PERSON_IDS.fullName}
        label="Full name"
        hint="As they write it, in any script"
        value={values.fullName}
        onChange={(e) => set("fullName", e.target.value)}
        error={errorFor(PERSON_IDS.fullName)}
        autoComplete="off"
      />
      <TextField
        id={PERSON_IDS.nameLatin}
        label="Name in Latin script (optional)"
        hint="If the name is written in another script: for example, 豊田 章男 is Akio Toyoda"
        value={values.nameLatin}
        onChange={(e) => set("nameLatin", e.target.value)}
        error={errorFor(PERSON_IDS.nameLatin)}
        autoComplete="off"
      />
      <TextField
        id={PERSON_IDS.jobTitle}
        label="Job title (optional)"
        value={values.jobTitle}
        onChange={(e) => set("jobTitle", e.target.value)}
        error={errorFor(PERSON_IDS.jobTitle)}
        autoComplete="off"
      />
      <PlacePicker id={PERSON_IDS.place} label="Place (optional)" value={values.place} onChange={(p) => set("place", p)} error={errorFor(PERSON_IDS.place)} />
      <div className="record-form__row">
        <TextField
          id={PERSON_IDS.languages}
          label="Languages (optional)"
          hint="Language codes, separated by commas: en, ja, yo"
          value={values.languages}
          onChange={(e) => set("languages", e.target.value)}
          error={errorFor(PERSON_IDS.languages)}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id={PERSON_IDS.sectors}
          label="Sectors (optional)"
          hint="Separated by commas: automotive, life sciences"
          value={values.sectors}
          onChange={(e) => set("sectors", e.target.value)}
          error={errorFor(PERSON_IDS.sectors)}
          autoComplete="off"
        />
      </div>
      <TextAreaField
        id={PERSON_IDS.bio}
        label="Biography (optional)"
        hint="A few sentences other members would find useful before meeting them"
        value={values.bio}
        onChange={(e) => set("bio", e.target.value)}
        error={errorFor(PERSON_IDS.bio)}
      />

      <Affiliations rows={values.affiliations} onChange={(rows) => set("affiliations", rows)} onRow={setAffiliation} errorFor={errorFor} />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">Contact details</legend>
        <div className="hint">Only {member} can see these, even when the person is shared with the network.</div>
        <TextField
          id={PERSON_IDS.email}
          label="Email address (optional)"
          type="email"
          spellCheck={false}
          value={values.email}
          onChange={(e) => set("email", e.target.value)}
          error={errorFor(PERSON_IDS.email)}
          autoComplete="off"
        />
        <TextField
          id={PERSON_IDS.phone}
          label="Phone number (optional)"
          type="tel"
          value={values.phone}
          onChange={(e) => set("phone", e.target.value)}
          error={errorFor(PERSON_IDS.phone)}
          autoComplete="off"
        />
      </fieldset>

      <h2 className="heading-m">Data protection</h2>
      <Radios
        name="person-lawful-basis"
        legend="Lawful basis for holding their details"
        hint="UK GDPR needs one. Only your member sees it."
        value={values.lawfulBasis}
        onChange={(v) => set("lawfulBasis", v)}
        error={errorFor(PERSON_IDS.lawfulBasis)}
        options={LAWFUL_BASES.map((b) => ({ value: b.value, label: b.label, hint: b.hint }))}
      >
        {values.lawfulBasis === "CONSENT" ? (
          <div className="conditional">
            <TextField
              id={PERSON_IDS.consentOn}
              label="Date consent was given"
              type="date"
              value={values.consentOn}
              onChange={(e) => set("consentOn", e.target.value)}
              error={errorFor(PERSON_IDS.consentOn)}
            />
          </div>
        ) : null}
      </Radios>
      <TextAreaField
        id={PERSON_IDS.lawfulBasisNote}
        label="Note on the lawful basis (optional)"
        hint="For legitimate interests, the reason you keep in touch; for consent, how it was given"
        rows={2}
        value={values.lawfulBasisNote}
        onChange={(e) => set("lawfulBasisNote", e.target.value)}
        error={errorFor(PERSON_IDS.lawfulBasisNote)}
      />
      <TextField
        id={PERSON_IDS.retentionReviewOn}
        label={person?.retentionReviewOn ? "Retention review date" : "Retention review date (optional)"}
        hint={
          retention
            ? `When ${member} checks whether it still needs this record. ${
                person ? `${member}'s policy is a review every ${retention.retentionMonths} months.` : `Leave blank for ${member}'s policy: ${retention.retentionMonths} months, which is ${formatDate(defaultReview ?? "")}.`
              }`
            : `When ${member} checks whether it still needs this record.`
        }
        type="date"
        value={values.retentionReviewOn}
        onChange={(e) => set("retentionReviewOn", e.target.value)}
        error={errorFor(PERSON_IDS.retentionReviewOn)}
      />

      <VisibilityField name="person-visibility" noun="person" owner={member} personal value={values.visibility} onChange={(v) => set("visibility", v)} />
    </RecordFormPage>
  );
}

function Affiliations({
  rows,
  onChange,
  onRow,
  errorFor,
}: {
  rows: AffiliationDraft[];
  onChange: (rows: AffiliationDraft[]) => void;
  onRow: (key: string, patch: Partial<AffiliationDraft>) => void;
  errorFor: (id: string) => string | null;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Organisations they work or worked for</legend>
      {rows.map((a, i) => (
        <div className="affiliation" key={a.key} role="group" aria-labelledby={`affiliation-${a.key}-title`}>
          <p className="heading-s affiliation__title" id={`affiliation-${a.key}-title`}>
            Affiliation {i + 1}
          </p>
          <OrganisationPicker
            id={PERSON_IDS.affiliation(i, "organisation")}
            label="Organisation"
            value={a.organisation}
            onChange={(o) => onRow(a.key, { organisation: o })}
            error={errorFor(PERSON_IDS.affiliation(i, "organisation"))}
          />
          <TextField
            id={PERSON_IDS.affiliation(i, "role")}
            label="Role (optional)"
            value={a.role}
            onChange={(e) => onRow(a.key, { role: e.target.value })}
            error={errorFor(PERSON_IDS.affiliation(i, "role"))}
            autoComplete="off"
          />
          <div className="record-form__row">
            <TextField
              id={PERSON_IDS.affiliation(i, "startedOn")}
              label="From (optional)"
              type="date"
              value={a.startedOn}
              onChange={(e) => onRow(a.key, { startedOn: e.target.value })}
              error={errorFor(PERSON_IDS.affiliation(i, "startedOn"))}
            />
            <TextField
              id={PERSON_IDS.affiliation(i, "endedOn")}
              label="Until (optional)"
              hint="Leave blank if they still work there"
              type="date"
              value={a.endedOn}
              onChange={(e) => onRow(a.key, { endedOn: e.target.value })}
              error={errorFor(PERSON_IDS.affiliation(i, "endedOn"))}
            />
          </div>
          <button type="button" className="link-button" onClick={() => onChange(rows.filter((r) => r.key !== a.key))}>
            Remove affiliation {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...rows, { key: `new-${++nextRow}`, organisation: null, role: "", startedOn: "", endedOn: "" }])}
      >
        Add an organisation
      </button>
    </fieldset>
  );
}
