import type { StylesheetJson } from "cytoscape";
import type { NodeKind } from "./graph-elements";

// The graph's look. Node kinds differ by shape as well as colour, and link
// kinds by colour and line style, so neither colour alone carries the meaning
// (WCAG 1.4.1); the legend shows the same.

export const NODE_STYLE: Record<NodeKind, { label: string; colour: string; shape: string }> = {
  MEMBER: { label: "Member of the network", colour: "#12355b", shape: "round-rectangle" },
  PERSON: { label: "Person", colour: "#0b6e63", shape: "ellipse" },
  ORGANISATION: { label: "Organisation", colour: "#5b3a8c", shape: "round-hexagon" },
  PLACE: { label: "Place", colour: "#a34700", shape: "round-triangle" },
};

export const EDGE_STYLE: Record<string, { label: string; colour: string; dashed: boolean }> = {
  INTERACTION: { label: "Met (interactions)", colour: "#0b6e63", dashed: false },
  AFFILIATION: { label: "Works or worked at", colour: "#12355b", dashed: false },
  ALUMNI: { label: "Studied at", colour: "#5b3a8c", dashed: false },
  PARTNERSHIP: { label: "Partnership", colour: "#a34700", dashed: false },
  NETWORK: { label: "Fellow member (ask them)", colour: "#505a64", dashed: true },
  RELATIONSHIP: { label: "Has a relationship (details private)", colour: "#505a64", dashed: true },
};

export const PATH_COLOUR = "#d4351c";

export function graphStyle(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": 11,
        "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
        color: "#1b1f24",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        width: 22,
        height: 22,
        "border-width": 2,
        "border-color": "#ffffff",
      },
    },
    ...Object.entries(NODE_STYLE).map(([kind, s]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { "background-color": s.colour, shape: s.shape as "ellipse" },
    })),
    { selector: "node[?centre]", style: { width: 36, height: 36, "font-size": 13, "font-weight": "bold", "border-color": "#1b1f24", "border-width": 3 } },
    { selector: "node[?viewerMember]", style: { "border-color": "#1b1f24", "border-width": 3, "border-style": "double" } },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "curve-style": "bezier",
        "line-color": "#6b7580",
        opacity: 0.8,
      },
    },
    ...Object.entries(EDGE_STYLE).map(([kind, s]) => ({
      selector: `edge[kind = "${kind}"]`,
      style: { "line-color": s.colour, "line-style": (s.dashed ? "dashed" : "solid") as "solid" },
    })),
    { selector: ".hidden", style: { display: "none" } },
    { selector: ".dimmed", style: { opacity: 0.2 } },
    { selector: "edge.on-path", style: { "line-color": PATH_COLOUR, width: 5, opacity: 1, "z-index": 10 } },
    { selector: "node.on-path", style: { "border-color": PATH_COLOUR, "border-width": 4, "z-index": 10 } },
    { selector: "node:selected", style: { "overlay-color": "#ffdd00", "overlay-opacity": 0.6, "overlay-padding": 6 } },
  ];
}
