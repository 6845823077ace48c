import { CombinedGraphQLErrors } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { type ReactNode, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { CreateVisitDocument, UpdateVisitDocument, type VisitDetailFragment, VisitDocument, VisitFormMembersDocument, VisitPlaceOptionsDocument } from "../../generated/graphql";
import { ErrorSummary, type FieldProblem } from "../../ui/ErrorSummary";
import { Page } from "../../ui/Page";
import { describeError, errorCode } from "../../ui/errors";
import { CheckboxField, SelectField, TextField } from "../../ui/fields";
import { placeLabel } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import { FIELD_IDS, type PickedPlace, type VisitFormValues, fieldForServerError, validateVisit, visitInput } from "./visit-form";
import "./visits.css";

/** /visits/new and /visits/:id/edit. */
export function VisitFormPage() {
  const { id } = useParams();
  return id ? <EditVisit id={id} /> : <NewVisit />;
}

function NewVisit() {
  const viewer = useViewer();
  return (
    <Page title="Plan a visit" caption="Visits">
      <VisitForm
        initial={{
          title: "",
          direction: "",
          status: "PLANNED",
          startsOn: "",
          endsOn: "",
          leadMemberId: viewer.member.id,
          participatingMemberIds: [viewer.member.id],
          destinations: [],
          objectives: "",
          visibility: "NETWORK",
        }}
      />
    </Page>
  );
}

function EditVisit({ id }: { id: string }) {
  const { data, error, loading, refetch } = useQuery(VisitDocument, { variables: { id } });
  const visit = data?.visit;
  if (loading && !visit) return <Page title="Edit visit"><Loading label="Loading the visit…" /></Page>;
  if (error) return <Page title="Edit visit"><QueryError what="The visit" error={error} retry={() => void refetch()} /></Page>;
  if (!visit) {
    return (
      <Page title="Visit not found">
        <p>
          There is no visit at this address that you can see. <Link to="/visits">Back to visits</Link>
        </p>
      </Page>
    );
  }
  if (!visit.canEdit) {
    return (
      <Page title="You cannot edit this visit" caption={visit.title}>
        <p>
          Only editors and admins of {visit.ownerMember.name}, which keeps this record, can change it.{" "}
          <Link to={`/visits/${encodeURIComponent(visit.id)}`}>Back to the visit</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={`Edit visit: ${visit.title}`} heading="Edit visit" caption={visit.title}>
      <VisitForm visit={visit} initial={valuesOf(visit)} />
    </Page>
  );
}

function valuesOf(visit: VisitDetailFragment): VisitFormValues {
  return {
    title: visit.title,
    direction: visit.direction,
    status: visit.status,
    startsOn: visit.startsOn,
    endsOn: visit.endsOn,
    leadMemberId: visit.leadMember.id,
    participatingMemberIds: visit.participatingMembers.map((m) => m.id),
    destinations: visit.destinations.map((d) => ({ id: d.id, label: placeLabel(d) })),
    objectives: visit.objectives ?? "",
    visibility: visit.visibility,
  };
}

/** Server errors as summary entries: BAD_USER_INPUT names the field, CONFLICT means someone saved first. */
function serverProblems(error: unknown): FieldProblem[] {
  if (errorCode(error) === "CONFLICT") {
    return [{ field: null, message: "Someone else changed this visit after you opened it. Reload the page to see their changes, then make yours again." }];
  }
  if (!CombinedGraphQLErrors.is(error)) return [{ field: null, message: describeError(error) }];
  return error.errors.map((e) => {
    const target = fieldForServerError(typeof e.extensions?.field === "string" ? e.extensions.field : null);
    // "input.endsOn: must not be before startsOn." → "End date must not be before startsOn."
    const detail = e.message.replace(/^input\.[\w.]+:\s*/, "");
    return target ? { field: target.id, message: /^[a-z]/.test(detail) ? `${target.label} ${detail}` : detail } : { field: null, message: e.message };
  });
}

function VisitForm({ initial, visit }: { initial: VisitFormValues; visit?: VisitDetailFragment }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const members = useQuery(VisitFormMembersDocument);
  const evictLists = {
    // Lists and calendars filter by dates and places: drop them rather than guess where the visit now belongs.
    update(cache: { evict(o: { id: string; fieldName: string }): boolean; gc(): string[] }) {
      for (const fieldName of ["visits", "visitCalendar", "visitBriefing"]) cache.evict({ id: "ROOT_QUERY", fieldName });
      cache.gc();
    },
  };
  const [create, creating] = useMutation(CreateVisitDocument, evictLists);
  const [update, updating] = useMutation(UpdateVisitDocument, evictLists);
  const saving = creating.loading || updating.loading;
  const set = <K extends keyof VisitFormValues>(key: K, value: VisitFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errorFor = (id: string) => problems.find((p) => p.field === id)?.message ?? null;

  async function submit() {
    const found = validateVisit(values);
    setProblems(found);
    if (found.length) return;
    try {
      const input = visitInput(values);
      if (visit) {
        const { data } = await update({ variables: { id: visit.id, version: visit.version, input } });
        if (data) navigate(`/visits/${encodeURIComponent(data.updateVisit.id)}`, { state: { saved: "Your changes to the visit are saved." } });
      } else {
        const { data } = await create({ variables: { input: { ...input, direction: values.direction || "OUTBOUND" } } });
        if (data) navigate(`/visits/${encodeURIComponent(data.createVisit.id)}`, { state: { saved: "The visit is saved. Its briefing is ready." } });
      }
    } catch (err) {
      setProblems(serverProblems(err));
    }
  }

  const memberOptions = [...(members.data?.members.nodes ?? [])].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return (
    <form
      className="visit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary problems={problems} />
      <TextField id={FIELD_IDS.title} label="Title" hint="For example: West Midlands mission to India" value={values.title} error={errorFor(FIELD_IDS.title)} onChange={(e) => set("title", e.target.value)} autoComplete="off" />
      <Radios
        legend="Direction"
        name="visit-direction"
        error={errorFor(FIELD_IDS.direction)}
        value={values.direction}
        onChange={(v) => set("direction", v)}
        options={[
          ["OUTBOUND", "Outbound mission", "From England abroad"],
          ["INBOUND", "Inbound delegation", "Received in England"],
        ]}
      />
      <div className="visit-form__row">
        <TextField id={FIELD_IDS.startsOn} label="Start date" type="date" value={values.startsOn} error={errorFor(FIELD_IDS.startsOn)} onChange={(e) => set("startsOn", e.target.value)} />
        <TextField id={FIELD_IDS.endsOn} label="End date" type="date" value={values.endsOn} error={errorFor(FIELD_IDS.endsOn)} onChange={(e) => set("endsOn", e.target.value)} />
      </div>
      <SelectField id={FIELD_IDS.status} label="Status" value={values.status} error={errorFor(FIELD_IDS.status)} onChange={(e) => set("status", e.target.value as VisitFormValues["status"])}>
        <option value="PLANNED">Planned</option>
        <option value="CONFIRMED">Confirmed</option>
        <option value="COMPLETED">Completed</option>
        <option value="CANCELLED">Cancelled</option>
      </SelectField>
      <DestinationsField value={values.destinations} onChange={(d) => set("destinations", d)} error={errorFor(FIELD_IDS.destinationIds)} />
      <SelectField
        id={FIELD_IDS.leadMemberId}
        label="Lead member"
        value={values.leadMemberId}
        error={errorFor(FIELD_IDS.leadMemberId) ?? (members.error ? `Members could not be loaded: ${describeError(members.error)}` : null)}
        onChange={(e) => set("leadMemberId", e.target.value)}
      >
        {memberOptions.length ? null : <option value={values.leadMemberId}>{visit?.leadMember.name ?? viewer.member.name}</option>}
        {memberOptions.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <fieldset className={errorFor(FIELD_IDS.participatingMemberIds) ? "fieldset form-group--error" : "fieldset"} id={FIELD_IDS.participatingMemberIds} tabIndex={-1}>
        <legend className="fieldset__legend">Members taking part</legend>
        {errorFor(FIELD_IDS.participatingMemberIds) ? <p className="error-message">{errorFor(FIELD_IDS.participatingMemberIds)}</p> : null}
        {members.loading && !members.data ? <Loading label="Loading members…" /> : null}
        <div className="visit-form__members">
          {memberOptions.map((m) => (
            <CheckboxField
              key={m.id}
              id={`visit-member-${m.id}`}
              label={m.name}
              checked={values.participatingMemberIds.includes(m.id)}
              onChange={(e) => set("participatingMemberIds", e.target.checked ? [...values.participatingMemberIds, m.id] : values.participatingMemberIds.filter((x) => x !== m.id))}
            />
          ))}
        </div>
      </fieldset>
      <div className={errorFor(FIELD_IDS.objectives) ? "form-group form-group--error" : "form-group"}>
        <label className="label" htmlFor={FIELD_IDS.objectives}>
          Objectives
        </label>
        <div className="hint" id={`${FIELD_IDS.objectives}-hint`}>
          What the visit is for: they open the briefing pack
        </div>
        {errorFor(FIELD_IDS.objectives) ? <p className="error-message">{errorFor(FIELD_IDS.objectives)}</p> : null}
        <textarea id={FIELD_IDS.objectives} className="textarea" rows={5} value={values.objectives} aria-describedby={`${FIELD_IDS.objectives}-hint`} onChange={(e) => set("objectives", e.target.value)} />
      </div>
      <Radios
        legend="Who can see it"
        name="visit-visibility"
        error={errorFor(FIELD_IDS.visibility)}
        value={values.visibility}
        onChange={(v) => set("visibility", v)}
        options={[
          ["NETWORK", "Every member of the network", "So others can coordinate their travel with yours"],
          ["PRIVATE", `Only ${viewer.member.shortName ?? viewer.member.name}`, "Others are told only that your member is travelling there around then"],
        ]}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={saving} aria-busy={saving}>
          {saving ? "Saving…" : visit ? "Save changes" : "Save visit"}
        </button>
        <Link className="button button--secondary" to={visit ? `/visits/${encodeURIComponent(visit.id)}` : "/visits"}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function Radios<V extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  error,
}: {
  legend: string;
  name: string;
  value: V | "";
  onChange: (v: V) => void;
  options: [V, string, ReactNode][];
  error: string | null;
}) {
  return (
    <fieldset className={error ? "fieldset form-group--error" : "fieldset"}>
      <legend className="fieldset__legend">{legend}</legend>
      {error ? (
        <p className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {options.map(([v, label, hint]) => (
        <div className="radio" key={v}>
          <input
            type="radio"
            className="radio__input"
            id={`${name}-${v}`}
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
            aria-describedby={[`${name}-${v}-hint`, error ? `${name}-error` : ""].filter(Boolean).join(" ")}
          />
          <label className="radio__label" htmlFor={`${name}-${v}`}>
            {label}
            <span className="hint hint--small visit-form__radio-hint" id={`${name}-${v}-hint`}>
              {hint}
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function useDebounced(value: string, ms = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Places in itinerary order: search, choose, remove, move earlier. */
function DestinationsField({ value, onChange, error }: { value: PickedPlace[]; onChange: (v: PickedPlace[]) => void; error: string | null }) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const { data, loading } = useQuery(VisitPlaceOptionsDocument, { variables: { query: q }, skip: q.length < 2 });
  const chosen = new Set(value.map((p) => p.id));
  const options = q.length >= 2 ? (data?.places.nodes ?? []).filter((p) => !chosen.has(p.id)) : [];
  const id = FIELD_IDS.destinationIds;
  return (
    <fieldset className={error ? "fieldset form-group--error" : "fieldset"}>
      <legend className="fieldset__legend">Destinations</legend>
      {error ? <p className="error-message">{error}</p> : null}
      {value.length ? (
        <ol className="visit-form__places">
          {value.map((p, i) => (
            <li key={p.id} className="picked">
              <span>{p.label}</span>{" "}
              {i > 0 ? (
                <button type="button" className="link-button" onClick={() => onChange([...value.slice(0, i - 1), p, value[i - 1] as PickedPlace, ...value.slice(i + 1)])}>
                  Move earlier<span className="visually-hidden">: {p.label}</span>
                </button>
              ) : null}{" "}
              <button type="button" className="link-button" onClick={() => onChange(value.filter((x) => x.id !== p.id))}>
                Remove<span className="visually-hidden"> {p.label}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="form-group">
        <label className="label" htmlFor={id}>
          Add a destination
        </label>
        <div className="hint" id={`${id}-hint`}>
          Type a city, region or country, then choose it. Add them in itinerary order.
        </div>
        <input id={id} className="input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
        <div aria-live="polite">
          {loading ? <p className="hint">Searching…</p> : null}
          {q.length >= 2 && !loading && data && options.length === 0 ? <p className="hint">No places match “{q}”.</p> : null}
          {options.length ? (
            <ul className="suggestions__list" aria-label="Matching places">
              {options.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="suggestions__item"
                    onClick={() => {
                      onChange([...value, { id: p.id, label: placeLabel(p) }]);
                      setText("");
                      document.getElementById(id)?.focus();
                    }}
                  >
                    {placeLabel(p)}
                    {p.kind !== "CITY" ? ` (${p.kind.toLowerCase()})` : ""}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
