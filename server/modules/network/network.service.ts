import { type Context, viewerOf } from "../../context.js";
import { badInput } from "../../errors.js";
import { parseGlobalId } from "../../graphql/global-id.js";
import { type Network, NetworkBuilder } from "./network.graph.js";
import { findCentre, links } from "./network.repository.js";

// The network around a person or organisation. A fixed number of statements
// for a given depth, whatever the fan-out: the centre, one per layer, and one
// for the links among the nodes kept.

export const MAX_DEPTH = 2;
export const MAX_NODES = 200;
const DEFAULT_NODES = 60;
/** Rows a layer may bring back: far more than the cap, bounded for a hub with thousands of links. */
const LAYER_LIMIT = 2000;

const CENTRE_KINDS = { Person: "PERSON", Organisation: "ORGANISATION" } as const;

function whole(value: number | null | undefined, field: string, fallback: number, max: number): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(field, `${field} must be a whole number from 1 to ${max}.`);
  return value;
}

/** The centre's kind and database id; anything but a Person or Organisation id is bad input naming `centre`. */
export function parseCentre(globalId: string): { kind: "PERSON" | "ORGANISATION"; id: string } {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput("centre", "centre is not a valid id.");
  const kind = CENTRE_KINDS[parsed.type as keyof typeof CENTRE_KINDS];
  if (!kind) throw badInput("centre", "centre must be the id of a Person or an Organisation.");
  return { kind, id: parsed.id };
}

export async function network(
  ctx: Context,
  centreId: string,
  depthArg: number | null | undefined,
  first: number | null | undefined,
): Promise<Network | null> {
  const viewer = viewerOf(ctx);
  const depth = whole(depthArg, "depth", 1, MAX_DEPTH);
  const cap = whole(first, "first", DEFAULT_NODES, MAX_NODES);
  const { kind, id } = parseCentre(centreId);
  // Missing, archived and another member's private record all look the same.
  const [centre] = await findCentre(ctx.db, viewer, kind, id);
  if (!centre) return null;

  const graph = new NetworkBuilder({ kind, id: centre.id, name: centre.name, nameLatin: centre.name_latin }, cap);
  for (let distance = 1; distance <= depth; distance++) {
    // Run even when the frontier is empty, so the statement count depends on depth only.
    graph.addLayer(await links(ctx.db, viewer, graph.frontier(distance - 1), "touching", LAYER_LIMIT), distance, LAYER_LIMIT);
  }
  graph.addLinks(await links(ctx.db, viewer, graph.all(), "within", LAYER_LIMIT), LAYER_LIMIT);
  return graph.build(depth);
}
