import { useQuery } from "@apollo/client/react";
import cytoscape, { type Core, type LayoutOptions } from "cytoscape";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { NetworkDocument, NetworkIntroductionPathsDocument, type NetworkQuery } from "../../generated/graphql";
import { errorCode } from "../../ui/errors";
import { CheckboxField, SelectField } from "../../ui/fields";
import { Empty, Loading, QueryError } from "../../ui/states";
import { EDGE_STYLE, NODE_STYLE, PATH_COLOUR, graphStyle } from "./cytoscape-style";
import { type GraphElements, type GraphNodeData, type Highlight, buildElements, highlightClasses, nodeHref } from "./graph-elements";
import { NetworkLists, PathList } from "./NetworkLists";
import "./network.css";

export type LoadedCentre = NonNullable<NetworkQuery["network"]>["centre"];

export interface NetworkGraphProps {
  /** The global id of a Person or an Organisation. */
  centre: string;
  /** 1 or 2 hops to start with (the reader can change it); default 1. */
  depth?: 1 | 2;
  /** At most this many nodes (1 to 200); default 60. */
  first?: number;
  /** Height of the drawing in CSS pixels; default 480. */
  height?: number;
  /** On another record's page: a level-2 "Network" heading, a link to the full page, and the lists folded away. */
  embedded?: boolean;
  /** Called with the centre once it has loaded (the page uses it for its title). */
  onLoaded?: (centre: LoadedCentre) => void;
}

type LayoutName = "concentric" | "cose";

/**
 * The network around a person or organisation, drawn with cytoscape, with the
 * viewer's introduction paths to a person highlighted on request. The canvas
 * is for sighted mouse and touch users; the lists beside it carry everything
 * it shows, and their buttons select nodes in it, for keyboard and screen
 * reader users.
 */
export function NetworkGraph({ centre, depth: initialDepth = 1, first = 60, height = 480, embedded = false, onLoaded }: NetworkGraphProps) {
  const viewer = useViewer();
  const ids = useId();
  const [depth, setDepth] = useState<1 | 2>(initialDepth);
  const [layout, setLayout] = useState<LayoutName>("cose");
  const [highlight, setHighlight] = useState<Highlight>("all");
  const [selected, setSelected] = useState<string | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);

  const { data, previousData, error, loading, refetch } = useQuery(NetworkDocument, { variables: { centre, depth, first } });
  const network = (data ?? previousData)?.network ?? null;
  const isPerson = network?.centre.kind === "PERSON";
  const pathsQuery = useQuery(NetworkIntroductionPathsDocument, { variables: { personId: centre }, skip: !isPerson });
  const paths = useMemo(() => pathsQuery.data?.introductionPaths ?? [], [pathsQuery.data]);
  // Wait for the paths before the first drawing, so the layout does not jump when they arrive.
  const pathsSettled = !isPerson || !pathsQuery.loading;

  const elements = useMemo<GraphElements | null>(
    () => (network && pathsSettled ? buildElements(network, paths, viewer.member.id) : null),
    [network, paths, pathsSettled, viewer.member.id],
  );

  useEffect(() => {
    if (network && onLoaded) onLoaded(network.centre);
  }, [network, onLoaded]);

  useEffect(
    () => () => {
      cyRef.current?.destroy();
      cyRef.current = null;
    },
    [],
  );

  // Draw: (re)create the elements and run the layout when the data or the layout choice changes.
  useEffect(() => {
    const container = canvas.current;
    if (!container || !elements) return;
    let cy = cyRef.current;
    if (!cy || cy.container() !== container) {
      cy?.destroy();
      cy = cytoscape({
        container,
        style: graphStyle(),
        // The page scrolls with the wheel; zoom is on the buttons.
        userZoomingEnabled: false,
        boxSelectionEnabled: false,
        autoungrabify: false,
        minZoom: 0.2,
        // Fitting a handful of nodes would otherwise blow them up to poster size.
        maxZoom: 1.6,
      });
      cy.on("tap", "node", (e) => setSelected(e.target.id()));
      cy.on("tap", (e) => {
        if (e.target === cy) setSelected(null);
      });
      cyRef.current = cy;
    }
    const target = cy;
    target.batch(() => {
      target.elements().remove();
      target.add([
        ...elements.nodes.map((n) => ({ group: "nodes" as const, data: { ...n } })),
        ...elements.edges.map((e) => ({ group: "edges" as const, data: { ...e } })),
      ]);
    });
    const rings: LayoutOptions = {
      name: "concentric",
      animate: false,
      fit: true,
      padding: 30,
      minNodeSpacing: 36,
      concentric: (node) => 10 - Number(node.data("distance")),
      levelWidth: () => 1,
    };
    target.layout(rings).run();
    // The force layout starts from the rings, so it gives the same picture every time.
    if (layout === "cose") {
      target
        .layout({
          name: "cose",
          animate: false,
          randomize: false,
          fit: true,
          padding: 30,
          nodeRepulsion: () => 400_000,
          idealEdgeLength: () => 100,
          nodeOverlap: 20,
          gravity: 1,
          numIter: 1000,
          componentSpacing: 60,
        })
        .run();
    }
  }, [elements, layout]);

  // Highlight: classes only, so the nodes stay where they are.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !elements) return;
    cy.batch(() => {
      cy.elements().removeClass("on-path dimmed hidden");
      cy.elements().forEach((el) => {
        const classes = highlightClasses({ paths: el.data("paths") as number[], pathOnly: Boolean(el.data("pathOnly")) }, paths.length ? highlight : null);
        if (classes.length) el.addClass(classes.join(" "));
      });
    });
  }, [elements, highlight, paths.length]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().unselect();
    if (!selected) return;
    const node = cy.getElementById(selected);
    if (node.nonempty()) {
      node.select();
      cy.animate({ center: { eles: node } }, { duration: 0 });
    }
  }, [selected, elements]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  const notFound = errorCode(error) === "BAD_USER_INPUT" || (data && !data.network);
  if (!network) {
    if (loading) return <Loading label="Loading the network…" />;
    if (notFound) {
      return (
        <Empty title="No network to show">
          <p>This person or organisation does not exist, was removed, or is private to another member.</p>
        </Empty>
      );
    }
    return <QueryError what="The network" error={error} retry={() => void refetch()} />;
  }

  const selectedNode = elements?.nodes.find((n) => n.id === selected) ?? null;
  const shownNodes = elements?.nodes.filter((n) => !n.pathOnly) ?? [];
  const centreName = network.centre.nameLatin && network.centre.nameLatin !== network.centre.name ? `${network.centre.name} (${network.centre.nameLatin})` : network.centre.name;
  const summary = `${shownNodes.length} ${shownNodes.length === 1 ? "node" : "nodes"} and ${network.edges.length} ${network.edges.length === 1 ? "link" : "links"} within ${network.depth === 1 ? "one hop" : "two hops"} of ${centreName}.`;

  return (
    <section className={embedded ? "network network--embedded" : "network"} aria-labelledby={embedded ? `${ids}-title` : undefined} aria-label={embedded ? undefined : "Network graph"}>
      {embedded ? (
        <div className="section__header">
          <h2 id={`${ids}-title`} className="heading-m">
            Network
          </h2>
          <Link to={`/network/${encodeURIComponent(centre)}`}>
            Open the network page<span className="visually-hidden"> for {centreName}</span>
          </Link>
        </div>
      ) : null}
      <div className="network__controls">
        <SelectField id={`${ids}-depth`} label="How far" value={String(depth)} onChange={(e) => setDepth(e.target.value === "2" ? 2 : 1)}>
          <option value="1">Direct links (one hop)</option>
          <option value="2">Links of links (two hops)</option>
        </SelectField>
        <SelectField id={`${ids}-layout`} label="Layout" value={layout} onChange={(e) => setLayout(e.target.value === "cose" ? "cose" : "concentric")}>
          <option value="cose">Force-directed</option>
          <option value="concentric">Rings around the centre</option>
        </SelectField>
        {isPerson && paths.length ? (
          <CheckboxField
            id={`${ids}-paths`}
            label="Highlight introduction paths"
            checked={highlight !== null}
            onChange={(e) => setHighlight(e.target.checked ? "all" : null)}
          />
        ) : null}
      </div>
      <p className="network__summary" role="status" aria-live="polite">
        {loading ? "Updating… " : ""}
        {summary}
        {network.truncated ? ` Only the ${first} closest are shown; open a node's own network to see further.` : ""}
      </p>
      <div className="network__stage">
        <div
          ref={canvas}
          className="network__canvas"
          style={{ height }}
          role="img"
          aria-label={`Network graph around ${centreName}: ${summary} The lists below describe the same network.`}
        />
        <div className="network__zoom" role="group" aria-label="Zoom the graph">
          <button type="button" className="button button--secondary button--small" onClick={() => zoom(1.25)}>
            Zoom in
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => zoom(0.8)}>
            Zoom out
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => cyRef.current?.fit(undefined, 30)}>
            Fit
          </button>
        </div>
      </div>
      <Legend />
      <NodeDetails node={selectedNode} network={network} onClose={() => setSelected(null)} />
      {isPerson ? (
        <PathList
          paths={paths}
          loading={pathsQuery.loading}
          error={pathsQuery.error}
          highlight={highlight}
          onHighlight={setHighlight}
          onRetry={() => void pathsQuery.refetch()}
        />
      ) : (
        <p className="muted">Introduction paths are found for people: open the network around one of the people here to see yours.</p>
      )}
      <NetworkLists network={network} folded={embedded} selected={selected} onSelect={setSelected} />
    </section>
  );
}

function Legend() {
  return (
    <div className="network-legend" aria-label="Legend" role="group">
      <ul className="network-legend__list">
        {Object.entries(NODE_STYLE).map(([kind, s]) => (
          <li key={kind}>
            <svg viewBox="0 0 20 20" className="network-legend__swatch" aria-hidden="true" focusable="false">
              {s.shape === "ellipse" ? <circle cx="10" cy="10" r="8" fill={s.colour} /> : null}
              {s.shape === "round-rectangle" ? <rect x="2" y="3" width="16" height="14" rx="3" fill={s.colour} /> : null}
              {s.shape === "round-hexagon" ? <polygon points="10,1 18,5.5 18,14.5 10,19 2,14.5 2,5.5" fill={s.colour} /> : null}
              {s.shape === "round-triangle" ? <polygon points="10,2 19,18 1,18" fill={s.colour} /> : null}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <ul className="network-legend__list">
        {Object.entries(EDGE_STYLE).map(([kind, s]) => (
          <li key={kind}>
            <svg viewBox="0 0 30 10" className="network-legend__line" aria-hidden="true" focusable="false">
              <line x1="1" y1="5" x2="29" y2="5" stroke={s.colour} strokeWidth="3" strokeDasharray={s.dashed ? "5 3" : undefined} />
            </svg>
            {s.label}
          </li>
        ))}
        <li>
          <svg viewBox="0 0 30 10" className="network-legend__line" aria-hidden="true" focusable="false">
            <line x1="1" y1="5" x2="29" y2="5" stroke={PATH_COLOUR} strokeWidth="5" />
          </svg>
          Introduction path
        </li>
      </ul>
    </div>
  );
}

function NodeDetails({ node, network, onClose }: { node: GraphNodeData | null; network: NonNullable<NetworkQuery["network"]>; onClose: () => void }) {
  const links = node ? network.edges.filter((e) => e.source === node.id || e.target === node.id) : [];
  const href = node ? nodeHref(node) : null;
  return (
    <div className="network__details" aria-live="polite">
      {node ? (
        <div className="panel">
          <h3 className="heading-s">{node.name}</h3>
          <p className="muted">
            {NODE_STYLE[node.kind].label}
            {node.centre ? ", the centre" : node.pathOnly ? ", on an introduction path" : `, ${node.distance === 1 ? "one hop" : `${node.distance} hops`} away`}
          </p>
          {links.length ? (
            <ul className="network__link-list">
              {links.map((e) => (
                <li key={`${e.kind}:${e.source}:${e.target}`}>{e.description}</li>
              ))}
            </ul>
          ) : null}
          <p className="network__actions">
            {href ? <Link to={href}>Open {node.kind === "PLACE" ? "its partnerships" : "the record"}</Link> : null}
            {!node.centre && (node.kind === "PERSON" || node.kind === "ORGANISATION") ? (
              <Link to={`/network/${encodeURIComponent(node.id)}`}>Centre the network here</Link>
            ) : null}
            <button type="button" className="link-button" onClick={onClose}>
              Clear selection
            </button>
          </p>
        </div>
      ) : (
        <p className="hint">Select a node in the graph, or use “Show in graph” in the lists below, to see how it is linked.</p>
      )}
    </div>
  );
}
