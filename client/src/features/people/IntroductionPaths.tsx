import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import {
  type IntroductionPathsQuery,
  IntroductionPathsDocument,
  type PathNodeFragment,
  RequestIntroductionDocument,
  type RequestIntroductionMutation,
} from "../../generated/graphql";
import { ErrorSummary, type FieldProblem } from "../../ui/ErrorSummary";
import { TextAreaField } from "../../ui/RecordFormParts";
import { fieldProblems } from "../../ui/errors";
import { formatDate, withLatin } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import "./records.css";

type Path = NonNullable<IntroductionPathsQuery["introductionPaths"]>[number];
type Sent = RequestIntroductionMutation["requestIntroduction"];

const nodeName = (n: PathNodeFragment) => withLatin(n.name, n.nameLatin);

function NodeLink({ node }: { node: PathNodeFragment }) {
  if (node.type === "PERSON") return <Link to={`/people/${encodeURIComponent(node.id)}`}>{nodeName(node)}</Link>;
  if (node.type === "ORGANISATION") return <Link to={`/organisations/${encodeURIComponent(node.id)}`}>{nodeName(node)}</Link>;
  return <strong>{nodeName(node)}</strong>;
}

/**
 * The warmest routes from the viewer's member to the person, and a way to ask
 * the member on a route for an introduction. The request becomes a private
 * follow-up for that member's admins; the confirmation says so.
 */
export function IntroductionPaths({ personId, personName, canRequest }: { personId: string; personName: string; canRequest: boolean }) {
  const { data, error, loading, refetch } = useQuery(IntroductionPathsDocument, { variables: { personId } });
  // The route whose request form is open (one at a time).
  const [asking, setAsking] = useState<number | null>(null);
  const [sent, setSent] = useState<Record<string, Sent>>({});
  const paths = data?.introductionPaths ?? [];

  return (
    <section aria-labelledby="paths-title" className="section">
      <h2 id="paths-title" className="heading-m">
        Introduction paths
      </h2>
      <p className="hint">
        The shortest routes from your member to {personName}, through meetings, jobs, degrees and partnerships you can see. A member on a route can
        introduce you.
      </p>
      {loading ? <Loading label="Finding introduction paths…" /> : null}
      {error ? <QueryError what="Introduction paths" error={error} retry={() => void refetch()} /> : null}
      {data && paths.length === 0 ? <p className="muted">No route within three steps, from the records you can see.</p> : null}
      {paths.length ? (
        <ol className="paths">
          {paths.map((path, n) => (
            <PathCard
              key={n}
              n={n + 1}
              path={path}
              canRequest={canRequest}
              asking={asking === n}
              sent={path.introducer ? (sent[path.introducer.id] ?? null) : null}
              onAsk={() => setAsking(n)}
              onCancel={() => setAsking(null)}
              onSent={(result) => {
                setSent({ ...sent, [result.introducer.id]: result });
                setAsking(null);
              }}
              personId={personId}
              personName={personName}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function PathCard(props: {
  n: number;
  path: Path;
  canRequest: boolean;
  asking: boolean;
  sent: Sent | null;
  onAsk: () => void;
  onCancel: () => void;
  onSent: (result: Sent) => void;
  personId: string;
  personName: string;
}) {
  const { n, path, canRequest, asking, sent, onAsk } = props;
  const introducer = path.introducer;
  const steps = path.hops === 1 ? "1 step" : `${path.hops} steps`;
  return (
    <li className="path" aria-labelledby={`path-${n}-title`}>
      <h3 id={`path-${n}-title`} className="heading-s path__title">
        Route {n}: {steps}
        {introducer ? `, through ${introducer.name}` : ", through your own member"}
      </h3>
      <ol className="path__steps">
        {path.steps.map((s, i) => (
          <li key={i}>
            <NodeLink node={s.from} /> to <NodeLink node={s.to} />: {s.description}
          </li>
        ))}
      </ol>
      {!introducer ? <p className="muted">Your own colleagues are on this route: ask them.</p> : null}
      {introducer && sent ? <RequestSent sent={sent} /> : null}
      {introducer && !sent && canRequest && !asking ? (
        <button type="button" className="button button--secondary" onClick={onAsk}>
          Request introduction
          <span className="visually-hidden">
            {" "}
            to {props.personName} from {introducer.name}
          </span>
        </button>
      ) : null}
      {introducer && !sent && !canRequest ? <p className="muted">Editors can ask {introducer.name} for an introduction.</p> : null}
      {introducer && !sent && asking ? (
        <RequestForm personId={props.personId} personName={props.personName} introducer={introducer} onCancel={props.onCancel} onSent={props.onSent} />
      ) : null}
    </li>
  );
}

const FIELDS = { message: { id: "introduction-message", label: "Message" } };

function RequestForm({
  personId,
  personName,
  introducer,
  onCancel,
  onSent,
}: {
  personId: string;
  personName: string;
  introducer: { id: string; name: string };
  onCancel: () => void;
  onSent: (result: Sent) => void;
}) {
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [request, { loading }] = useMutation(RequestIntroductionDocument);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!message.trim()) {
      setProblems([{ field: FIELDS.message.id, message: `Enter a message for ${introducer.name}` }]);
      return;
    }
    try {
      const { data } = await request({ variables: { personId, memberId: introducer.id, message: message.trim() } });
      if (data) onSent(data.requestIntroduction);
    } catch (err) {
      setProblems(fieldProblems(err, FIELDS));
    }
  }

  return (
    <form className="path__request" noValidate onSubmit={onSubmit} aria-label={`Ask ${introducer.name} for an introduction`}>
      <ErrorSummary problems={problems} />
      <TextAreaField
        ref={ref}
        id={FIELDS.message.id}
        label={`Message to ${introducer.name}`}
        hint={`Say why you would like to meet ${personName}. ${introducer.name}'s admins get it as a follow-up; they see your name and your member.`}
        value={message}
        maxLength={2000}
        onChange={(e) => setMessage(e.target.value)}
        error={problems.find((p) => p.field === FIELDS.message.id)?.message}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Sending…" : "Send request"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RequestSent({ sent }: { sent: Sent }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice confirmation" role="status" tabIndex={-1} ref={ref}>
      <h4 className="heading-s">Introduction requested from {sent.introducer.name}</h4>
      <p>
        {sent.introducer.name}’s admins have a follow-up to introduce you to {sent.person.name}, due in two weeks. They will contact you. Sent{" "}
        {formatDate(sent.requestedAt)}.
      </p>
    </div>
  );
}
