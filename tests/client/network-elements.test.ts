import { describe, expect, it } from "@jest/globals";
import { type NetEdge, type NetNode, buildElements, edgeWidth, highlightClasses, nodeHref, shortLabel } from "../../client/src/features/network/graph-elements.js";

// The network graph's elements: the API's nodes and links, with introduction
// paths laid over them (path-only elements for steps that are not links).

const node = (id: string, kind: NetNode["kind"], distance: number, name = id): NetNode => ({ id, kind, name, nameLatin: null, distance });
const edge = (source: string, target: string, kind: string, strength = 1, description = `${source}–${target}`): NetEdge => ({
  source,
  target,
  kind,
  strength,
  description,
});

const network = {
  centre: { id: "ravi" },
  nodes: [node("ravi", "PERSON", 0, "Ravi"), node("tata", "ORGANISATION", 1), node("wmca", "MEMBER", 1), node("meera", "PERSON", 2)],
  edges: [edge("ravi", "tata", "AFFILIATION"), edge("wmca", "ravi", "INTERACTION", 4), edge("meera", "tata", "AFFILIATION"), edge("tata", "ravi", "PARTNERSHIP")],
};

const pathNode = (id: string, type: "MEMBER" | "PERSON" | "ORGANISATION", name = id) => ({ id, type, name, nameLatin: null });
const paths = [
  // Ours: WMCA met Ravi.
  { steps: [{ from: pathNode("wmca", "MEMBER"), to: pathNode("ravi", "PERSON"), kind: "INTERACTION", description: "WMCA met Ravi." }] },
  // Through another member who has a private relationship: both steps are path-only.
  {
    steps: [
      { from: pathNode("wmca", "MEMBER"), to: pathNode("emca", "MEMBER", "EMCCA"), kind: "NETWORK", description: "Ask EMCCA." },
      { from: pathNode("emca", "MEMBER", "EMCCA"), to: pathNode("ravi", "PERSON"), kind: "RELATIONSHIP", description: "EMCCA has a relationship with Ravi." },
    ],
  },
];

describe("network graph elements", () => {
  it("keeps one link per pair, the first kind, with the sentences of both", () => {
    const { nodes, edges } = buildElements(network, [], "wmca");
    expect(nodes.map((n) => [n.id, n.centre, n.viewerMember, n.pathOnly])).toEqual([
      ["ravi", true, false, false],
      ["tata", false, false, false],
      ["wmca", false, true, false],
      ["meera", false, false, false],
    ]);
    expect(edges.map((e) => [e.source, e.target, e.kind])).toEqual([
      ["ravi", "tata", "AFFILIATION"],
      ["wmca", "ravi", "INTERACTION"],
      ["meera", "tata", "AFFILIATION"],
    ]);
    expect(edges[0]!.description).toBe("ravi–tata tata–ravi");
    expect(edges[1]!.width).toBe(edgeWidth(4));
  });

  it("lays introduction paths over the network, adding path-only nodes and links where a step is not a link", () => {
    const { nodes, edges } = buildElements(network, paths, "wmca");
    const emca = nodes.find((n) => n.id === "emca")!;
    expect(emca).toMatchObject({ kind: "MEMBER", name: "EMCCA", pathOnly: true, distance: 1, paths: [1] });
    expect(nodes.find((n) => n.id === "wmca")!.paths).toEqual([0, 1]);
    expect(nodes.find((n) => n.id === "ravi")!.paths).toEqual([0, 1]);
    expect(nodes.find((n) => n.id === "meera")!.paths).toEqual([]);
    // The first path's step is the existing interaction link; the second path's steps are new.
    expect(edges.find((e) => e.kind === "INTERACTION")!).toMatchObject({ pathOnly: false, paths: [0] });
    expect(edges.filter((e) => e.pathOnly).map((e) => [e.source, e.target, e.kind, e.paths])).toEqual([
      ["wmca", "emca", "NETWORK", [1]],
      ["emca", "ravi", "RELATIONSHIP", [1]],
    ]);
  });

  it("classes elements for the highlight: on the path, dimmed, or hidden when path-only", () => {
    const onBoth = { paths: [0, 1], pathOnly: false };
    const onSecond = { paths: [1], pathOnly: true };
    const off = { paths: [], pathOnly: false };
    expect([onBoth, onSecond, off].map((e) => highlightClasses(e, null))).toEqual([[], ["hidden"], []]);
    expect([onBoth, onSecond, off].map((e) => highlightClasses(e, "all"))).toEqual([["on-path"], ["on-path"], ["dimmed"]]);
    expect([onBoth, onSecond, off].map((e) => highlightClasses(e, 0))).toEqual([["on-path"], ["hidden"], ["dimmed"]]);
  });

  it("shortens long labels and knows where each kind of node opens", () => {
    expect(shortLabel("Short")).toBe("Short");
    expect(shortLabel("A very long organisation name indeed, limited")).toBe("A very long organisation na…");
    expect(nodeHref({ id: "a/b", kind: "PERSON" })).toBe("/people/a%2Fb");
    expect(nodeHref({ id: "o", kind: "ORGANISATION" })).toBe("/organisations/o");
    expect(nodeHref({ id: "p", kind: "PLACE" })).toBe("/partnerships?place=p");
    expect(nodeHref({ id: "m", kind: "MEMBER" })).toBeNull();
  });
});
