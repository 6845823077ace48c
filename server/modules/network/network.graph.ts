import { toGlobalId } from "../../graphql/global-id.js";
import { longDate } from "../coordination/sql.js";
import type { LinkKind, LinkRow, NodeKind, NodeSets } from "./network.repository.js";

// Turns the rows of each layer into a bounded graph: nodes are admitted in the
// order the rows come (nearest layer first, strongest link first) until the
// cap; links are kept when both their ends were admitted. Pure, so the
// ranking and the cap do not depend on the database.

export interface NetworkNode {
  id: string;
  kind: NodeKind;
  name: string;
  nameLatin: string | null;
  distance: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  kind: LinkKind;
  strength: number;
  lastContactAt: string | null;
  description: string;
}

export interface Network {
  centre: NetworkNode;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  depth: number;
  truncated: boolean;
}

interface Held {
  kind: NodeKind;
  id: string;
  name: string;
  nameLatin: string | null;
  distance: number;
}

const TYPE_NAME: Record<NodeKind, string> = { MEMBER: "Member", PERSON: "Person", ORGANISATION: "Organisation", PLACE: "Place" };
const keyOf = (kind: NodeKind, id: string) => `${kind}:${id}`;

export class NetworkBuilder {
  private readonly nodes = new Map<string, Held>();
  private readonly links = new Map<string, LinkRow>();
  private truncated = false;

  constructor(
    centre: { kind: NodeKind; id: string; name: string; nameLatin: string | null },
    private readonly cap: number,
  ) {
    this.nodes.set(keyOf(centre.kind, centre.id), { ...centre, distance: 0 });
  }

  /**
   * Rows touching the nodes at distance - 1: their other ends join at
   * `distance` while there is room. A full page of rows means the database
   * held more than the layer limit, so the answer is marked truncated.
   */
  addLayer(rows: LinkRow[], distance: number, rowLimit: number): void {
    if (rows.length >= rowLimit) this.truncated = true;
    for (const row of rows) {
      for (const [kind, id, name, nameLatin] of [
        [row.a_kind, row.a_id, row.a_name, row.a_latin],
        [row.b_kind, row.b_id, row.b_name, row.b_latin],
      ] as const) {
        const k = keyOf(kind, id);
        if (this.nodes.has(k)) continue;
        if (this.nodes.size >= this.cap) {
          this.truncated = true;
          continue;
        }
        this.nodes.set(k, { kind, id, name, nameLatin, distance });
      }
      this.addLink(row);
    }
  }

  /** Rows among nodes already admitted (they add links, never nodes). */
  addLinks(rows: LinkRow[], rowLimit: number): void {
    if (rows.length >= rowLimit) this.truncated = true;
    for (const row of rows) this.addLink(row);
  }

  /** The admitted nodes at `distance` that may be expanded: members link to everything, so they are ends, not hubs. */
  frontier(distance: number): NodeSets {
    return this.sets((n) => n.distance === distance && n.kind !== "MEMBER");
  }

  /** Every admitted node, by kind. */
  all(): NodeSets {
    return this.sets(() => true);
  }

  build(depth: number): Network {
    const nodes = [...this.nodes.values()].map(publicNode);
    const edges: NetworkEdge[] = [];
    for (const row of this.links.values()) {
      const a = this.nodes.get(keyOf(row.a_kind, row.a_id));
      const b = this.nodes.get(keyOf(row.b_kind, row.b_id));
      if (!a || !b) continue;
      edges.push({
        source: toGlobalId(TYPE_NAME[a.kind], a.id),
        target: toGlobalId(TYPE_NAME[b.kind], b.id),
        kind: row.kind,
        strength: row.strength,
        lastContactAt: row.last_at,
        description: describe(row),
      });
    }
    edges.sort((x, y) => y.strength - x.strength || (y.lastContactAt ?? "").localeCompare(x.lastContactAt ?? ""));
    return { centre: nodes[0]!, nodes, edges, depth, truncated: this.truncated };
  }

  private addLink(row: LinkRow): void {
    const ends = [keyOf(row.a_kind, row.a_id), keyOf(row.b_kind, row.b_id)].sort();
    const k = `${row.kind}|${ends.join("|")}`;
    // The same pair and kind from two statements has the same aggregate: the first is kept.
    if (!this.links.has(k)) this.links.set(k, row);
  }

  private sets(keep: (n: Held) => boolean): NodeSets {
    const sets: Record<NodeKind, string[]> = { MEMBER: [], PERSON: [], ORGANISATION: [], PLACE: [] };
    for (const n of this.nodes.values()) if (keep(n)) sets[n.kind].push(n.id);
    return sets;
  }
}

function publicNode(n: Held): NetworkNode {
  return { id: toGlobalId(TYPE_NAME[n.kind], n.id), kind: n.kind, name: n.name, nameLatin: n.nameLatin, distance: n.distance };
}

/** A sentence for the link, from what the rows carry (all of it from records the viewer can see). */
export function describe(row: LinkRow): string {
  const a = row.a_name;
  const b = row.b_name;
  switch (row.kind) {
    case "INTERACTION":
      return `${a} met ${b} ${row.strength === 1 ? "once" : `${row.strength} times`}${row.last_at ? `, last on ${longDate(row.last_at)}` : ""}.`;
    case "AFFILIATION":
      return row.label ? `${a}: ${row.label} at ${b}.` : `${a} works or worked at ${b}.`;
    case "ALUMNI":
      return `${a} studied at ${b}${row.label ? ` (${row.label})` : ""}.`;
    case "PARTNERSHIP":
      return `${a} and ${b}: ${row.label ?? "partnership"}.`;
  }
}
