import { describe, expect, it } from "@jest/globals";
import {
  type MapPartnership,
  type MapPlace,
  groupOf,
  locate,
  markerRadius,
  prepareMapData,
  sizeKey,
} from "../../client/src/features/partnerships/map-data.js";

// The world map's data preparation: where each party is drawn, markers per
// partner place sized by count, UK-side origins, arcs, and what cannot be placed.

const place = (id: string, name: string, countryCode: string, coords: [number, number] | null, parent: MapPlace | null = null): MapPlace => ({
  id,
  name,
  nameLatin: null,
  countryCode,
  latitude: coords ? coords[0] : null,
  longitude: coords ? coords[1] : null,
  parent,
});

const japan = place("jp", "Japan", "JP", [36, 138]);
const toyota = { ...place("toyota", "豊田市", "JP", [35.08, 137.16], japan), nameLatin: "Toyota City" };
const unlocated = place("nowhere", "Uncharted Town", "JP", null, japan);
const lyon = place("lyon", "Lyon", "FR", [45.76, 4.84]);
const birmingham = place("bham", "Birmingham", "GB", [52.48, -1.89]);
const derby = place("derby", "Derby", "GB", [52.92, -1.47]);
const council = (id: string, name: string, at: MapPlace) => ({ id, name, nameLatin: null, place: at });

const partnerships: MapPartnership[] = [
  {
    id: "p1",
    name: "Toyota City Partnership",
    kind: "SISTER_CITY",
    parties: [
      { side: "UK", place: null, organisation: council("dcc", "Derby City Council", derby) },
      { side: "INTERNATIONAL", place: null, organisation: council("tcg", "Toyota City Government", toyota) },
    ],
  },
  {
    id: "p2",
    name: "Derby–Toyota research link",
    kind: "RESEARCH_COLLABORATION",
    parties: [
      { side: "UK", place: derby, organisation: null },
      { side: "INTERNATIONAL", place: toyota, organisation: null },
    ],
  },
  {
    id: "p3",
    name: "Birmingham–Lyon partner cities",
    kind: "PARTNER_CITY",
    parties: [
      { side: "UK", place: null, organisation: council("bcc", "Birmingham City Council", birmingham) },
      { side: "INTERNATIONAL", place: lyon, organisation: null },
    ],
  },
  {
    id: "p4",
    name: "An MoU with a town without coordinates",
    kind: "MOU",
    parties: [{ side: "INTERNATIONAL", place: unlocated, organisation: null }],
  },
  {
    id: "p5",
    name: "A link with no partner you can see",
    kind: "FRIENDSHIP",
    parties: [{ side: "UK", place: birmingham, organisation: null }],
  },
];

describe("map data", () => {
  it("locates a place by its own coordinates, or its nearest ancestor's", () => {
    expect(locate(toyota)).toEqual({ placeId: "toyota", label: "豊田市 (Toyota City)", countryCode: "JP", lon: 137.16, lat: 35.08 });
    expect(locate(unlocated)).toMatchObject({ placeId: "jp", label: "Japan", lon: 138, lat: 36 });
    expect(locate(place("x", "Nowhere", "XX", null))).toBeNull();
    expect(locate(null)).toBeNull();
  });

  it("makes one marker per partner place, biggest first, with its partnerships, UK parties and kind group", () => {
    const data = prepareMapData(partnerships);
    expect(data.markers.map((m) => [m.label, m.partnerships.map((p) => p.id), m.group])).toEqual([
      ["豊田市 (Toyota City)", ["p1", "p2"], null],
      ["Japan", ["p4"], "AGREEMENT"],
      ["Lyon", ["p3"], "CITY_LINK"],
    ]);
    expect(data.markers[0]!.ukParties).toEqual(["Derby City Council", "Derby"]);
    expect(data.origins.map((o) => [o.label, o.partnerships.length])).toEqual([
      ["Derby", 2],
      ["Birmingham", 1],
    ]);
    expect(data.arcs.map((a) => [a.partnershipId, a.from, a.to, a.group])).toEqual([
      ["p1", [-1.47, 52.92], [137.16, 35.08], "CITY_LINK"],
      ["p2", [-1.47, 52.92], [137.16, 35.08], "RESEARCH"],
      ["p3", [-1.89, 52.48], [4.84, 45.76], "CITY_LINK"],
    ]);
    expect(data.unplaced).toEqual([{ id: "p5", name: "A link with no partner you can see", kind: "FRIENDSHIP" }]);
  });

  it("leaves out the kinds the legend hides", () => {
    const data = prepareMapData(partnerships, new Set(["RESEARCH", "AGREEMENT"] as const));
    expect(data.markers.map((m) => [m.label, m.partnerships.map((p) => p.id), m.group])).toEqual([
      ["Japan", ["p4"], "AGREEMENT"],
      ["豊田市 (Toyota City)", ["p2"], "RESEARCH"],
    ]);
    expect(data.arcs).toHaveLength(1);
    expect(data.unplaced).toEqual([]);
    expect(groupOf("INVESTMENT_AGREEMENT")).toBe("AGREEMENT");
  });

  it("sizes markers by area, from the smallest for one partnership to the largest for the most", () => {
    expect(markerRadius(1, 1)).toBe(5);
    expect(markerRadius(1, 9)).toBe(5);
    expect(markerRadius(9, 9)).toBe(14);
    expect(markerRadius(5, 9)).toBeCloseTo(5 + 9 * Math.SQRT1_2);
    expect(markerRadius(3, 9)).toBeGreaterThan(markerRadius(2, 9));
    expect(sizeKey(1)).toEqual([1]);
    expect(sizeKey(2)).toEqual([1, 2]);
    expect(sizeKey(9)).toEqual([1, 5, 9]);
  });
});
