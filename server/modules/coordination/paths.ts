import type { Db } from "../../db/client.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import { type EdgeKind, type EdgeRow, type NodeType, edgesAround } from "./paths.repository.js";
import { type Ref, longDate, ref } from "./sql.js";
import { toGlobalId } from "../../graphql/global-id.js";

// Shortest introduction paths from the viewer's member to a person. The graph
// is fetched outwards from the person (at most three statements for three
// hops), then paths are enumerated from the member and ranked: fewest hops,
// then strength (interactions along the path), then the most recent contact.

export type LinkKind = EdgeKind | "NETWORK";

interface GraphNode {
  type: NodeType;
  id: string;
  name: string;
  nameLatin: string | null;
}

interface GraphEdge {
  a: string;
  b: string;
  kind: LinkKind;
  strength: number;
  lastAt: string | null;
  label: string | null;
}

export interface IntroductionNode {
  type: NodeType;
  id: string;
  name: string;
  nameLatin: string | null;
}

export interface IntroductionStep {
  from: IntroductionNode;
  to: IntroductionNode;
  kind: LinkKind;
  description: string;
  strength: number;
  lastContactAt: string | null;
  opaque: boolean;
}

export interface IntroductionPath {
  hops: number;
  strength: number;
  lastContactAt: string | null;
  steps: IntroductionStep[];
  introducer: Ref | null;
}

/** Rows a layer may add: enough for any real neighbourhood, bounded for a huge one. */
const LAYER_LIMIT = 2000;
/** Paths enumerated before ranking. */
const PATH_LIMIT = 2000;

const key = (type: NodeType, id: string) => `${type}:${id}`;
const TYPE_NAME: Record<NodeType, "Member" | "Person" | "Organisation"> = { MEMBER: "Member", PERSON: "Person", ORGANISATION: "Organisation" };

class Graph {
  readonly nodes = new Map<string, GraphNode>();
  private readonly adjacent = new Map<string, Map<string, GraphEdge>>();

  addRow(row: EdgeRow) {
    const a = this.node(row.a_type, row.a_id, row.a_name, row.a_latin);
    const b = this.node(row.b_type, row.b_id, row.b_name, row.b_latin);
    this.link({ a, b, kind: row.kind, strength: row.strength, lastAt: row.last_at, label: row.label });
  }

  node(type: NodeType, id: string, name: string, nameLatin: string | null): string {
    const k = key(type, id);
    if (!this.nodes.has(k)) this.nodes.set(k, { type, id, name, nameLatin });
    return k;
  }

  /** One edge per pair of nodes: a visible link wins over an opaque one, then the stronger. */
  link(edge: GraphEdge) {
    for (const [from, to] of [
      [edge.a, edge.b],
      [edge.b, edge.a],
    ] as const) {
      const map = this.adjacent.get(from) ?? new Map<string, GraphEdge>();
      const existing = map.get(to);
      const better =
        !existing ||
        (existing.kind === "RELATIONSHIP" && edge.kind !== "RELATIONSHIP") ||
        (existing.kind !== "RELATIONSHIP") === (edge.kind !== "RELATIONSHIP") && edge.strength > existing.strength;
      if (better) map.set(to, edge);
      this.adjacent.set(from, map);
    }
  }

  neighbours(k: string): [string, GraphEdge][] {
    return [...(this.adjacent.get(k)?.entries() ?? [])];
  }
}

function ofType(graph: Graph, keys: Iterable<string>, type: NodeType): string[] {
  return [...keys].filter((k) => graph.nodes.get(k)?.type === type).map((k) => graph.nodes.get(k)!.id);
}

/** The graph within `maxHops` of the person, as far as it can reach the viewer's member. */
async function buildGraph(db: Db, viewer: Viewer, person: GraphNode, maxHops: number): Promise<Graph> {
  const graph = new Graph();
  const target = graph.node("PERSON", person.id, person.name, person.nameLatin);
  for (const row of await edgesAround(db, viewer, { people: [person.id], organisations: [] }, null, LAYER_LIMIT)) graph.addRow(row);
  const first = new Set(graph.neighbours(target).map(([k]) => k));
  let second = new Set<string>();
  // Every layer within maxHops is one statement, even when it has no nodes: a fixed count per maxHops.
  if (maxHops >= 2) {
    const organisations = ofType(graph, first, "ORGANISATION");
    for (const row of await edgesAround(db, viewer, { people: [], organisations }, null, LAYER_LIMIT)) graph.addRow(row);
    second = new Set(
      [...first]
        .filter((k) => graph.nodes.get(k)?.type === "ORGANISATION")
        .flatMap((k) => graph.neighbours(k).map(([n]) => n))
        .filter((n) => n !== target && !first.has(n) && graph.nodes.get(n)?.type !== "MEMBER"),
    );
  }
  if (maxHops >= 3) {
    // The third layer only matters where it reaches the viewer's own member.
    const nodes = { people: ofType(graph, second, "PERSON"), organisations: ofType(graph, second, "ORGANISATION") };
    for (const row of await edgesAround(db, viewer, nodes, viewer.memberId, LAYER_LIMIT)) graph.addRow(row);
  }
  return graph;
}

function describe(from: GraphNode, to: GraphNode, edge: GraphEdge): string {
  const [member, other] = from.type === "MEMBER" ? [from, to] : [to, from];
  switch (edge.kind) {
    case "NETWORK":
      return `${to.name} is a fellow member of the network: ask them for an introduction.`;
    case "RELATIONSHIP":
      return `${member.name} has a relationship with ${other.name}.`;
    case "INTERACTION":
      return `${member.name} met ${other.name} ${edge.strength === 1 ? "once" : `${edge.strength} times`}${edge.lastAt ? `, last on ${longDate(edge.lastAt)}` : ""}.`;
    case "AFFILIATION": {
      const [p, o] = from.type === "PERSON" ? [from, to] : [to, from];
      return `${p.name}: ${edge.label ? `${edge.label} at ` : ""}${o.name}.`;
    }
    case "ALUMNI": {
      const [p, o] = from.type === "PERSON" ? [from, to] : [to, from];
      return `${p.name} studied at ${o.name}${edge.label ? ` (${edge.label})` : ""}.`;
    }
    case "PARTNERSHIP":
      return `${from.name} and ${to.name}: ${edge.label ?? "partnership"}.`;
  }
}

/** Fewest hops to the target from every node (members other than the start are dead ends). */
function distancesTo(graph: Graph, target: string, start: string): Map<string, number> {
  const dist = new Map<string, number>([[target, 0]]);
  let frontier = [target];
  while (frontier.length) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const [n] of graph.neighbours(k)) {
        if (dist.has(n)) continue;
        dist.set(n, dist.get(k)! + 1);
        // A member relays only by being asked: paths continue through it only from the start.
        if (graph.nodes.get(n)?.type !== "MEMBER" || n === start) next.push(n);
      }
    }
    frontier = next;
  }
  return dist;
}

export async function findPaths(
  db: Db,
  viewer: Viewer,
  member: { id: string; name: string },
  person: { id: string; name: string; nameLatin: string | null },
  maxHops: number,
  first: number,
): Promise<IntroductionPath[]> {
  const graph = await buildGraph(db, viewer, { type: "PERSON", ...person }, maxHops);
  const start = graph.node("MEMBER", member.id, member.name, null);
  const target = key("PERSON", person.id);
  // The network: the viewer's member may ask any other member it finds in the graph.
  for (const [k, n] of graph.nodes) {
    if (n.type === "MEMBER" && k !== start) graph.link({ a: start, b: k, kind: "NETWORK", strength: 0, lastAt: null, label: null });
  }
  const dist = distancesTo(graph, target, start);
  const found: string[][] = [];
  const walk = (path: string[]) => {
    if (found.length >= PATH_LIMIT) return;
    const here = path.at(-1)!;
    if (here === target) {
      found.push(path);
      return;
    }
    const left = maxHops - (path.length - 1);
    for (const [n, edge] of graph.neighbours(here)) {
      if (path.includes(n) || (dist.get(n) ?? Infinity) > left - 1) continue;
      // Another member is only ever the first hop (you ask them); nothing passes through yours.
      if (graph.nodes.get(n)!.type === "MEMBER" && (path.length > 1 || edge.kind !== "NETWORK")) continue;
      walk([...path, n]);
    }
  };
  walk([start]);
  const ranked = found
    .map((path) => toPath(graph, path))
    .sort(
      (a, b) =>
        a.hops - b.hops ||
        b.strength - a.strength ||
        (b.lastContactAt ?? "").localeCompare(a.lastContactAt ?? "") ||
        pathKey(a).localeCompare(pathKey(b)),
    );
  // One path per other member (its best): you ask them once, whatever their route.
  const asked = new Set<string>();
  return ranked
    .filter((p) => {
      if (!p.introducer) return true;
      if (asked.has(p.introducer.id)) return false;
      asked.add(p.introducer.id);
      return true;
    })
    .slice(0, first);
}

const pathKey = (p: IntroductionPath) => p.steps.map((s) => s.to.id).join(">");

function toPath(graph: Graph, path: string[]): IntroductionPath {
  const steps: IntroductionStep[] = [];
  for (let i = 1; i < path.length; i++) {
    const from = graph.nodes.get(path[i - 1]!)!;
    const to = graph.nodes.get(path[i]!)!;
    const edge = graph.neighbours(path[i - 1]!).find(([n]) => n === path[i])![1];
    steps.push({
      from: publicNode(from),
      to: publicNode(to),
      kind: edge.kind,
      description: describe(from, to, edge),
      strength: edge.kind === "NETWORK" ? 0 : edge.strength,
      lastContactAt: edge.lastAt,
      opaque: edge.kind === "RELATIONSHIP",
    });
  }
  const introducer = path.slice(1).map((k) => graph.nodes.get(k)!).find((n) => n.type === "MEMBER");
  return {
    hops: steps.length,
    strength: steps.reduce((sum, s) => sum + s.strength, 0),
    lastContactAt: steps.map((s) => s.lastContactAt).filter((d): d is string => d !== null).sort().at(-1) ?? null,
    steps,
    introducer: introducer ? ref("Member", introducer.id, introducer.name) : null,
  };
}

function publicNode(n: GraphNode): IntroductionNode {
  return { type: n.type, id: toGlobalId(TYPE_NAME[n.type], n.id), name: n.name, nameLatin: n.nameLatin };
}
