// The network graph's elements, worked out from the API's answers: the
// network around a record, and the introduction paths from the viewer's member
// to it. Path steps that are not links of the network (asking another member,
// or "has a relationship" from records you cannot see) become path-only
// elements, shown only while paths are highlighted. Pure, so it is tested
// without a browser (tests/client/).

export type NodeKind = "MEMBER" | "PERSON" | "ORGANISATION" | "PLACE";

export interface NetNode {
  id: string;
  kind: NodeKind;
  name: string;
  nameLatin: string | null;
  distance: number;
}

export interface NetEdge {
  source: string;
  target: string;
  kind: string;
  strength: number;
  description: string;
}

export interface PathNode {
  type: "MEMBER" | "PERSON" | "ORGANISATION";
  id: string;
  name: string;
  nameLatin: string | null;
}

export interface PathStep {
  from: PathNode;
  to: PathNode;
  kind: string;
  description: string;
}

export interface IntroPath {
  steps: readonly PathStep[];
}

export interface GraphNodeData {
  id: string;
  label: string;
  name: string;
  kind: NodeKind;
  distance: number;
  /** Indexes of the introduction paths through this node. */
  paths: number[];
  pathOnly: boolean;
  centre: boolean;
  viewerMember: boolean;
}

export interface GraphEdgeData {
  id: string;
  source: string;
  target: string;
  kind: string;
  description: string;
  width: number;
  paths: number[];
  pathOnly: boolean;
}

export interface GraphElements {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
}

const withLatin = (name: string, latin: string | null) => (latin && latin !== name ? `${name} (${latin})` : name);
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Long names are cut on the canvas; the full name is in the lists and the details panel. */
export function shortLabel(name: string, max = 28): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** Line width from the number of interactions or partnerships behind a link: 1.5 to 6 px. */
export function edgeWidth(strength: number): number {
  return Math.min(6, 1.5 + Math.log2(Math.max(1, strength)));
}

export function buildElements(
  network: { nodes: readonly NetNode[]; edges: readonly NetEdge[]; centre: { id: string } },
  paths: readonly IntroPath[],
  viewerMemberId: string | null,
): GraphElements {
  const nodes = new Map<string, GraphNodeData>();
  for (const n of network.nodes) {
    const name = withLatin(n.name, n.nameLatin);
    nodes.set(n.id, {
      id: n.id,
      label: shortLabel(name),
      name,
      kind: n.kind,
      distance: n.distance,
      paths: [],
      pathOnly: false,
      centre: n.id === network.centre.id,
      viewerMember: n.id === viewerMemberId,
    });
  }
  // One link per pair on the canvas: the strongest kind; the lists show them all.
  const edges = new Map<string, GraphEdgeData>();
  for (const e of network.edges) {
    const key = pairKey(e.source, e.target);
    const existing = edges.get(key);
    if (existing) {
      existing.description = `${existing.description} ${e.description}`;
      existing.width = Math.max(existing.width, edgeWidth(e.strength));
      continue;
    }
    edges.set(key, {
      id: `e:${key}`,
      source: e.source,
      target: e.target,
      kind: e.kind,
      description: e.description,
      width: edgeWidth(e.strength),
      paths: [],
      pathOnly: false,
    });
  }

  paths.forEach((path, index) => {
    const hops = path.steps.length;
    path.steps.forEach((step, i) => {
      // Steps run from the viewer's member to the centre: the step's start is hops - i from it.
      for (const [end, distance] of [
        [step.from, hops - i],
        [step.to, hops - i - 1],
      ] as const) {
        let node = nodes.get(end.id);
        if (!node) {
          const name = withLatin(end.name, end.nameLatin);
          node = {
            id: end.id,
            label: shortLabel(name),
            name,
            kind: end.type,
            distance,
            paths: [],
            pathOnly: true,
            centre: false,
            viewerMember: end.id === viewerMemberId,
          };
          nodes.set(end.id, node);
        }
        if (!node.paths.includes(index)) node.paths.push(index);
      }
      const key = pairKey(step.from.id, step.to.id);
      let edge = edges.get(key);
      if (!edge) {
        edge = {
          id: `p:${key}`,
          source: step.from.id,
          target: step.to.id,
          kind: step.kind,
          description: step.description,
          width: 2,
          paths: [],
          pathOnly: true,
        };
        edges.set(key, edge);
      }
      if (!edge.paths.includes(index)) edge.paths.push(index);
    });
  });

  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** "all" highlights every path; a number highlights one; null none. */
export type Highlight = "all" | number | null;

/** Cytoscape classes for an element under a highlight: on the path, dimmed, or hidden (path-only, not highlighted). */
export function highlightClasses(el: { paths: readonly number[]; pathOnly: boolean }, highlight: Highlight): string[] {
  if (highlight === null) return el.pathOnly ? ["hidden"] : [];
  const on = highlight === "all" ? el.paths.length > 0 : el.paths.includes(highlight);
  if (on) return ["on-path"];
  return el.pathOnly ? ["hidden"] : ["dimmed"];
}

/** Where a node's own page is, when it has one (members have none). */
export function nodeHref(node: { id: string; kind: string }): string | null {
  const id = encodeURIComponent(node.id);
  if (node.kind === "PERSON") return `/people/${id}`;
  if (node.kind === "ORGANISATION") return `/organisations/${id}`;
  if (node.kind === "PLACE") return `/partnerships?place=${id}`;
  return null;
}
