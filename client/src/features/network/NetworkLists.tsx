import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import type { NetworkIntroductionPathsQuery, NetworkQuery } from "../../generated/graphql";
import { Loading, QueryError } from "../../ui/states";
import { NODE_STYLE } from "./cytoscape-style";
import { type Highlight, nodeHref } from "./graph-elements";

type Network = NonNullable<NetworkQuery["network"]>;
type Path = NonNullable<NetworkIntroductionPathsQuery["introductionPaths"]>[number];

const GROUPS = ["The centre", "Directly linked", "Two hops away"];

/** The introduction paths as text, each with a button that highlights it alone on the graph. */
export function PathList({
  paths,
  loading,
  error,
  highlight,
  onHighlight,
  onRetry,
}: {
  paths: readonly Path[];
  loading: boolean;
  error: unknown;
  highlight: Highlight;
  onHighlight: (h: Highlight) => void;
  onRetry: () => void;
}) {
  const viewer = useViewer();
  return (
    <section className="network__paths" aria-labelledby="network-paths-title">
      <h3 id="network-paths-title" className="heading-s">
        Introduction paths from {viewer.member.shortName ?? viewer.member.name}
      </h3>
      {loading ? <Loading label="Finding introduction paths…" /> : null}
      {error ? <QueryError what="Introduction paths" error={error} retry={onRetry} /> : null}
      {!loading && !error && paths.length === 0 ? (
        <p className="muted">No introduction path within three hops: nobody you can see links your member to this person.</p>
      ) : null}
      {paths.length ? (
        <ol className="path-list">
          {paths.map((path, index) => {
            const only = highlight === index;
            return (
              <li key={path.steps.map((s) => s.to.id).join(">") + (path.introducer?.id ?? "")} className="path-list__item">
                <p className="path-list__title">
                  {path.introducer ? `Ask ${path.introducer.name}` : "Your member's own links"}: {path.hops} {path.hops === 1 ? "hop" : "hops"}
                </p>
                <ol className="path-list__steps">
                  {path.steps.map((step) => (
                    <li key={`${step.from.id}>${step.to.id}`}>{step.description}</li>
                  ))}
                </ol>
                <button type="button" className="button button--secondary button--small" aria-pressed={only} onClick={() => onHighlight(only ? "all" : index)}>
                  {only ? "Show every path on the graph" : "Show only this path on the graph"}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}

/** Everything the graph shows, as lists by distance from the centre; "Show in graph" selects the node on the canvas. */
export function NetworkLists({
  network,
  folded,
  selected,
  onSelect,
}: {
  network: Network;
  folded: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const distance = new Map(network.nodes.map((n) => [n.id, n.distance]));
  // Each link is listed once, under its end farther from the centre.
  const linksOf = (id: string) =>
    network.edges.filter((e) => {
      const [a, b] = [distance.get(e.source) ?? 0, distance.get(e.target) ?? 0];
      return a === b ? e.source === id : (a > b ? e.source : e.target) === id;
    });
  return (
    <details className="network__lists" open={!folded}>
      <summary className="network__lists-summary">Everything in this network, as lists</summary>
      {GROUPS.map((title, d) => {
        const nodes = network.nodes.filter((n) => n.distance === d);
        if (!nodes.length) return null;
        return (
          <section key={title} aria-labelledby={`network-group-${d}`}>
            <h3 id={`network-group-${d}`} className="heading-s">
              {title} ({nodes.length})
            </h3>
            <ul className="plain-list">
              {nodes.map((n) => {
                const href = nodeHref(n);
                const name = n.nameLatin && n.nameLatin !== n.name ? `${n.name} (${n.nameLatin})` : n.name;
                const links = linksOf(n.id);
                return (
                  <li key={n.id} className="plain-list__item network__node">
                    <div className="network__node-head">
                      <span>
                        {href ? <Link to={href}>{name}</Link> : <strong>{name}</strong>} <span className="muted">– {NODE_STYLE[n.kind].label}</span>
                      </span>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={selected === n.id}
                        aria-label={`Show in graph: ${name}`}
                        onClick={() => onSelect(n.id)}
                      >
                        Show in graph
                      </button>
                    </div>
                    {links.length ? (
                      <ul className="network__link-list" aria-label={`Links of ${name}`}>
                        {links.map((e) => (
                          <li key={`${e.kind}:${e.source}:${e.target}`}>{e.description}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </details>
  );
}
