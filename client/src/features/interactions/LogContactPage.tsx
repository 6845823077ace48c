import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import {
  ContactOrganisationOptionsDocument,
  ContactPersonMatchesDocument,
  ContactPlaceOptionsDocument,
  type InteractionKind,
  type LogContactMutation,
  LogContactDocument,
  type LogInteractionInput,
  type LogParticipantInput,
} from "../../generated/graphql";
import { ErrorSummary, type FieldProblem } from "../../ui/ErrorSummary";
import { Page } from "../../ui/Page";
import { fieldProblems } from "../../ui/errors";
import { CheckboxField, SelectField, TextField } from "../../ui/fields";

type Participant =
  | { key: string; kind: "existing"; personId: string; name: string; detail: string | null }
  | { key: string; kind: "new"; fullName: string; organisation: string; role: string };

interface Picked {
  id: string;
  name: string;
}

interface FollowUp {
  key: string;
  title: string;
  dueOn: string;
}

type PendingMatch = LogContactMutation["logInteraction"]["pendingMatches"][number];
type Logged = NonNullable<LogContactMutation["logInteraction"]["interaction"]>;
/** How the user settled a likely duplicate: use an existing record, or create the new one anyway. */
type Resolution = { existingId: string } | "createAnyway";

const KINDS: [InteractionKind, string][] = [
  ["MEETING", "Meeting"],
  ["CALL", "Call"],
  ["EMAIL", "Email"],
  ["EVENT", "Event"],
  ["MISSION_MEETING", "Mission meeting"],
  ["INWARD_DELEGATION", "Inward delegation"],
  ["MOU_SIGNING", "MoU signing"],
  ["ROUNDTABLE", "Roundtable"],
  ["SITE_VISIT", "Site visit"],
];

const FIELDS: Record<string, { id: string; label: string }> = {
  "input.occurredAt": { id: "contact-when", label: "When" },
  "input.kind": { id: "contact-kind", label: "Kind" },
  "input.subject": { id: "contact-subject", label: "Subject" },
  "input.notes": { id: "contact-notes", label: "Notes" },
  "input.outcome": { id: "contact-outcome", label: "Outcome" },
  "input.placeId": { id: "contact-place", label: "Place" },
};

function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function useDebounced(value: string, ms = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

let nextKey = 0;
const localKey = () => `k${++nextKey}`;

export function LogContactPage() {
  const [when, setWhen] = useState(localNow);
  const [kind, setKind] = useState<InteractionKind>("MEETING");
  const [subject, setSubject] = useState("");
  const [place, setPlace] = useState<Picked | null>(null);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [organisations, setOrganisations] = useState<Picked[]>([]);
  const [notes, setNotes] = useState("");
  const [sensitive, setSensitive] = useState(false);
  const [outcome, setOutcome] = useState("");
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [pending, setPending] = useState<PendingMatch[]>([]);
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [logged, setLogged] = useState<Logged | null>(null);
  // One key per submission, kept across retries (network failures, confirming matches).
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const [log, { loading }] = useMutation(LogContactDocument);

  function reset() {
    idempotencyKey.current = crypto.randomUUID();
    setWhen(localNow());
    setKind("MEETING");
    setSubject("");
    setPlace(null);
    setParticipants([]);
    setOrganisations([]);
    setNotes("");
    setSensitive(false);
    setOutcome("");
    setFollowUps([]);
    setProblems([]);
    setPending([]);
    setResolutions({});
    setLogged(null);
  }

  function buildInput(chosen: Record<string, Resolution>): LogInteractionInput {
    const people: LogParticipantInput[] = participants.map((p, i) => {
      if (p.kind === "existing") return { personId: p.personId };
      const field = `input.participants.${i}.new`;
      const r = chosen[field];
      if (r && r !== "createAnyway") return { personId: r.existingId };
      const orgField = `${field}.organisation.new`;
      const orgR = chosen[orgField];
      const org = p.organisation.trim()
        ? orgR && orgR !== "createAnyway"
          ? { organisationId: orgR.existingId }
          : { new: { name: p.organisation.trim(), createAnyway: orgR === "createAnyway" ? true : undefined } }
        : undefined;
      return {
        new: {
          fullName: p.fullName.trim(),
          role: p.role.trim() || undefined,
          organisation: org,
          createAnyway: r === "createAnyway" ? true : undefined,
        },
      };
    });
    return {
      idempotencyKey: idempotencyKey.current,
      occurredAt: new Date(when).toISOString(),
      kind,
      subject: subject.trim(),
      placeId: place?.id,
      notes: notes.trim() || undefined,
      notesSensitive: sensitive,
      outcome: outcome.trim() || undefined,
      participants: people,
      organisations: organisations.map((o) => ({ organisationId: o.id })),
      followUps: followUps.filter((f) => f.title.trim()).map((f) => ({ title: f.title.trim(), dueOn: f.dueOn || undefined })),
    };
  }

  function validate(): FieldProblem[] {
    const found: FieldProblem[] = [];
    if (!when || Number.isNaN(new Date(when).getTime())) found.push({ field: "contact-when", message: "Enter when the contact took place." });
    if (!subject.trim()) found.push({ field: "contact-subject", message: "Enter a subject." });
    participants.forEach((p) => {
      if (p.kind === "new" && !p.fullName.trim()) found.push({ field: `participant-${p.key}-name`, message: "Enter the new contact's name." });
    });
    followUps.forEach((f) => {
      if (!f.title.trim() && f.dueOn) found.push({ field: `follow-up-${f.key}-title`, message: "Enter what the follow-up is, or remove it." });
    });
    return found;
  }

  async function submit(chosen: Record<string, Resolution>) {
    const found = validate();
    setProblems(found);
    if (found.length) return;
    try {
      const { data } = await log({ variables: { input: buildInput(chosen) } });
      const payload = data?.logInteraction;
      if (!payload) return;
      if (payload.pendingMatches.length) {
        setPending(payload.pendingMatches);
        return;
      }
      setPending([]);
      if (payload.interaction) setLogged(payload.interaction);
    } catch (error) {
      // The form and its idempotency key stay: submitting again cannot create a duplicate.
      const list = fieldProblems(error, FIELDS);
      setProblems(list.map((p) => (p.field ? p : { field: null, message: `${p.message} Your entry is kept: submit again to retry.` })));
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(resolutions);
  }

  if (logged) {
    return (
      <Page title="Contact logged">
        <div className="panel confirmation" role="status">
          <h2 className="heading-m">“{logged.subject}” is in the meeting history</h2>
          <p>Logged for {new Date(logged.occurredAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}.</p>
          {logged.participants.length ? (
            <>
              <p>People who took part:</p>
              <ul className="list">
                {logged.participants.map((p) => (
                  <li key={p.id}>
                    <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.fullName}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {logged.organisations.length ? (
            <>
              <p>Organisations involved:</p>
              <ul className="list">
                {logged.organisations.map((o) => (
                  <li key={o.id}>
                    <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="button" onClick={reset}>
            Log another contact
          </button>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Log a contact">
      <ErrorSummary problems={problems} />
      {pending.length ? (
        <PendingMatches
          pending={pending}
          resolutions={resolutions}
          onChange={setResolutions}
          busy={loading}
          onConfirm={() => void submit(resolutions)}
        />
      ) : null}
      <form className="log-form" noValidate onSubmit={onSubmit}>
        <div className="log-form__row">
          <TextField id="contact-when" label="When" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} error={problemFor(problems, "contact-when")} />
          <SelectField id="contact-kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value as InteractionKind)}>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField id="contact-subject" label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} error={problemFor(problems, "contact-subject")} autoComplete="off" />
        <PlacePicker value={place} onChange={setPlace} />

        <ParticipantsField participants={participants} onChange={setParticipants} problems={problems} />
        <OrganisationsField value={organisations} onChange={setOrganisations} />

        <div className="form-group">
          <label className="label" htmlFor="contact-notes">
            Notes
          </label>
          <textarea id="contact-notes" className="textarea" rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <CheckboxField id="contact-sensitive" label="Notes are sensitive (only your member sees them)" checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} />
        <TextField id="contact-outcome" label="Outcome" hint="Optional: what was agreed" value={outcome} onChange={(e) => setOutcome(e.target.value)} autoComplete="off" />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">Follow-ups</legend>
          {followUps.map((f, i) => (
            <div className="log-form__row log-form__follow-up" key={f.key}>
              <TextField
                id={`follow-up-${f.key}-title`}
                label={`Follow-up ${i + 1}`}
                value={f.title}
                error={problemFor(problems, `follow-up-${f.key}-title`)}
                onChange={(e) => setFollowUps(followUps.map((x) => (x.key === f.key ? { ...x, title: e.target.value } : x)))}
              />
              <TextField
                id={`follow-up-${f.key}-due`}
                label={`Due date for follow-up ${i + 1}`}
                type="date"
                value={f.dueOn}
                onChange={(e) => setFollowUps(followUps.map((x) => (x.key === f.key ? { ...x, dueOn: e.target.value } : x)))}
              />
              <button type="button" className="link-button" onClick={() => setFollowUps(followUps.filter((x) => x.key !== f.key))}>
                Remove follow-up {i + 1}
              </button>
            </div>
          ))}
          <button type="button" className="button button--secondary" onClick={() => setFollowUps([...followUps, { key: localKey(), title: "", dueOn: "" }])}>
            Add a follow-up
          </button>
        </fieldset>

        <button type="submit" className="button" disabled={loading}>
          {loading ? "Saving…" : "Log contact"}
        </button>
      </form>
    </Page>
  );
}

function problemFor(problems: FieldProblem[], field: string): string | null {
  return problems.find((p) => p.field === field)?.message ?? null;
}

function PendingMatches({
  pending,
  resolutions,
  onChange,
  onConfirm,
  busy,
}: {
  pending: PendingMatch[];
  resolutions: Record<string, Resolution>;
  onChange: (r: Record<string, Resolution>) => void;
  onConfirm: () => void;
  busy: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [pending]);
  const settled = pending.every((m) => resolutions[m.field]);
  return (
    <section className="notice notice--warning pending-matches" ref={ref} tabIndex={-1} aria-labelledby="pending-title">
      <h2 id="pending-title" className="heading-m">
        Check these before saving
      </h2>
      <p>Some new names look like records that already exist. Nothing has been saved yet.</p>
      {pending.map((m) => {
        const current = resolutions[m.field];
        const options = [
          ...m.people.map((p) => ({ id: p.person.id, label: p.person.jobTitle ? `${p.person.fullName}, ${p.person.jobTitle}` : p.person.fullName, score: p.score })),
          ...m.organisations.map((o) => ({ id: o.organisation.id, label: o.organisation.name, score: o.score })),
        ];
        const group = `pending-${m.field.replace(/\W+/g, "-")}`;
        return (
          <fieldset className="fieldset" key={m.field}>
            <legend className="fieldset__legend">“{m.name}” may already exist</legend>
            {options.map((o) => (
              <div className="radio" key={o.id}>
                <input
                  type="radio"
                  className="radio__input"
                  id={`${group}-${o.id}`}
                  name={group}
                  checked={current !== undefined && current !== "createAnyway" && current.existingId === o.id}
                  onChange={() => onChange({ ...resolutions, [m.field]: { existingId: o.id } })}
                />
                <label className="radio__label" htmlFor={`${group}-${o.id}`}>
                  Use {o.label} ({Math.round(o.score * 100)}% match)
                </label>
              </div>
            ))}
            <div className="radio">
              <input
                type="radio"
                className="radio__input"
                id={`${group}-new`}
                name={group}
                checked={current === "createAnyway"}
                onChange={() => onChange({ ...resolutions, [m.field]: "createAnyway" })}
              />
              <label className="radio__label" htmlFor={`${group}-new`}>
                Create “{m.name}” as new
              </label>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button" disabled={!settled || busy} onClick={onConfirm}>
        {busy ? "Saving…" : "Confirm and log contact"}
      </button>
    </section>
  );
}

function PlacePicker({ value, onChange }: { value: Picked | null; onChange: (p: Picked | null) => void }) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const { data, loading } = useQuery(ContactPlaceOptionsDocument, { variables: { query: q }, skip: q.length < 2 || value !== null });
  if (value) {
    return (
      <div className="form-group">
        <p className="label" id="contact-place-label">
          Place
        </p>
        <p className="picked">
          <span>{value.name}</span>{" "}
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            Change place
          </button>
        </p>
      </div>
    );
  }
  const options = q.length >= 2 ? (data?.places.nodes ?? []) : [];
  return (
    <div className="form-group">
      <label className="label" htmlFor="contact-place">
        Place
      </label>
      <div className="hint" id="contact-place-hint">
        Optional: type a city or region, then choose it
      </div>
      <input id="contact-place" className="input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="contact-place-hint" autoComplete="off" />
      <Suggestions
        label="Matching places"
        loading={loading}
        empty={q.length >= 2 && !loading && data !== undefined && options.length === 0 ? "No places match." : null}
        items={options.map((p) => ({ id: p.id, label: `${p.name} (${p.countryCode})`, onPick: () => onChange({ id: p.id, name: `${p.name} (${p.countryCode})` }) }))}
      />
    </div>
  );
}

function Suggestions({ label, items, loading, empty }: { label: string; items: { id: string; label: string; onPick: () => void }[]; loading: boolean; empty: string | null }) {
  return (
    <div className="suggestions" aria-live="polite">
      {loading ? <p className="hint">Searching…</p> : null}
      {empty ? <p className="hint">{empty}</p> : null}
      {items.length ? (
        <ul className="suggestions__list" aria-label={label}>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="suggestions__item" onClick={item.onPick}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ParticipantsField({ participants, onChange, problems }: { participants: Participant[]; onChange: (p: Participant[]) => void; problems: FieldProblem[] }) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const inputRef = useRef<HTMLInputElement>(null);
  const { data, loading } = useQuery(ContactPersonMatchesDocument, { variables: { name: q }, skip: q.length < 2 });
  const chosen = new Set(participants.flatMap((p) => (p.kind === "existing" ? [p.personId] : [])));
  const matches = q.length >= 2 ? (data?.personMatches ?? []).filter((m) => !chosen.has(m.person.id)) : [];

  function add(p: Participant) {
    onChange([...participants, p]);
    setText("");
    inputRef.current?.focus();
  }
  function update(key: string, patch: Partial<{ fullName: string; organisation: string; role: string }>) {
    onChange(participants.map((p) => (p.key === key && p.kind === "new" ? { ...p, ...patch } : p)));
  }

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Participants</legend>
      {participants.length ? (
        <ul className="participants">
          {participants.map((p) => (
            <li key={p.key} className="participants__item">
              {p.kind === "existing" ? (
                <p className="picked">
                  <span>
                    {p.name}
                    {p.detail ? <span className="hint"> ({p.detail})</span> : null}
                  </span>{" "}
                  <button type="button" className="link-button" onClick={() => onChange(participants.filter((x) => x.key !== p.key))}>
                    Remove {p.name}
                  </button>
                </p>
              ) : (
                <div className="new-contact">
                  <p className="caption">New contact</p>
                  <TextField id={`participant-${p.key}-name`} label="Full name" value={p.fullName} error={problemFor(problems, `participant-${p.key}-name`)} onChange={(e) => update(p.key, { fullName: e.target.value })} autoComplete="off" />
                  <TextField id={`participant-${p.key}-organisation`} label="Organisation" hint="Optional" value={p.organisation} onChange={(e) => update(p.key, { organisation: e.target.value })} autoComplete="off" />
                  <TextField id={`participant-${p.key}-role`} label="Role" hint="Optional: their job title" value={p.role} onChange={(e) => update(p.key, { role: e.target.value })} autoComplete="off" />
                  <button type="button" className="link-button" onClick={() => onChange(participants.filter((x) => x.key !== p.key))}>
                    Remove new contact {p.fullName}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-group">
        <label className="label" htmlFor="participant-search">
          Add a participant
        </label>
        <div className="hint" id="participant-search-hint">
          Type a name, then choose an existing person or create a new contact
        </div>
        <input ref={inputRef} id="participant-search" className="input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="participant-search-hint" autoComplete="off" />
        <Suggestions
          label="Matching people"
          loading={loading}
          empty={null}
          items={matches.map((m) => {
            const org = m.person.affiliations.find((a) => a.current)?.organisation.name;
            const detail = [m.person.jobTitle, org].filter(Boolean).join(", ") || null;
            return {
              id: m.person.id,
              label: detail ? `${m.person.fullName} (${detail})` : m.person.fullName,
              onPick: () => add({ key: localKey(), kind: "existing", personId: m.person.id, name: m.person.fullName, detail }),
            };
          })}
        />
        {text.trim().length >= 2 ? (
          <button type="button" className="button button--secondary" onClick={() => add({ key: localKey(), kind: "new", fullName: text.trim(), organisation: "", role: "" })}>
            Create new contact “{text.trim()}”
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function OrganisationsField({ value, onChange }: { value: Picked[]; onChange: (p: Picked[]) => void }) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const { data, loading } = useQuery(ContactOrganisationOptionsDocument, { variables: { query: q }, skip: q.length < 2 });
  const chosen = new Set(value.map((o) => o.id));
  const options = q.length >= 2 ? (data?.organisations.nodes ?? []).filter((o) => !chosen.has(o.id)) : [];
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Organisations</legend>
      {value.length ? (
        <ul className="participants">
          {value.map((o) => (
            <li key={o.id} className="picked">
              <span>{o.name}</span>{" "}
              <button type="button" className="link-button" onClick={() => onChange(value.filter((x) => x.id !== o.id))}>
                Remove {o.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-group">
        <label className="label" htmlFor="organisation-search">
          Add an organisation
        </label>
        <div className="hint" id="organisation-search-hint">
          Optional: participants’ own organisations are added for you
        </div>
        <input id="organisation-search" className="input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="organisation-search-hint" autoComplete="off" />
        <Suggestions
          label="Matching organisations"
          loading={loading}
          empty={q.length >= 2 && !loading && data !== undefined && options.length === 0 ? "No organisations match." : null}
          items={options.map((o) => ({
            id: o.id,
            label: o.name,
            onPick: () => {
              onChange([...value, { id: o.id, name: o.name }]);
              setText("");
            },
          }))}
        />
      </div>
    </fieldset>
  );
}
