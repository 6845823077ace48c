// What the world map of partnerships draws, worked out from the partnerships
// the API returned: partner places (markers, sized by how many partnerships
// they hold), UK-side origins, and one arc per origin and partner place of a
// partnership. Pure, so it is tested without a browser (tests/client/).

export type PartnershipKind =
  | "SISTER_CITY"
  | "PARTNER_CITY"
  | "FRIENDSHIP"
  | "MOU"
  | "RESEARCH_COLLABORATION"
  | "TRADE_AGREEMENT"
  | "INVESTMENT_AGREEMENT";

export interface MapPlace {
  id: string;
  name: string;
  nameLatin: string | null;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  parent?: MapPlace | null;
}

export interface MapParty {
  side: "UK" | "INTERNATIONAL";
  place: MapPlace | null;
  organisation: { id: string; name: string; nameLatin: string | null; place: MapPlace | null } | null;
}

export interface MapPartnership {
  id: string;
  name: string;
  kind: PartnershipKind;
  parties: readonly MapParty[];
}

/** Three groups a legend can show apart; seven kinds would be seven colours nobody can tell apart. */
export type KindGroup = "CITY_LINK" | "AGREEMENT" | "RESEARCH";

export const KIND_GROUPS: { group: KindGroup; label: string; kinds: PartnershipKind[] }[] = [
  { group: "CITY_LINK", label: "Sister, partner and friendship cities", kinds: ["SISTER_CITY", "PARTNER_CITY", "FRIENDSHIP"] },
  { group: "AGREEMENT", label: "MoUs, trade and investment agreements", kinds: ["MOU", "TRADE_AGREEMENT", "INVESTMENT_AGREEMENT"] },
  { group: "RESEARCH", label: "Research collaborations", kinds: ["RESEARCH_COLLABORATION"] },
];

export function groupOf(kind: PartnershipKind): KindGroup {
  return KIND_GROUPS.find((g) => g.kinds.includes(kind))?.group ?? "AGREEMENT";
}

export interface Located {
  /** The place whose coordinates are used (the party's own, or the nearest ancestor that has some). */
  placeId: string;
  label: string;
  countryCode: string;
  lon: number;
  lat: number;
}

export interface PartnershipRef {
  id: string;
  name: string;
  kind: PartnershipKind;
}

export interface Marker extends Located {
  partnerships: PartnershipRef[];
  /** The UK-side names of these partnerships (organisations or places), for the tooltip and the table. */
  ukParties: string[];
  /** One group when all its partnerships share it; null for a mix. */
  group: KindGroup | null;
}

export interface Origin extends Located {
  partnerships: PartnershipRef[];
}

export interface Arc {
  key: string;
  partnershipId: string;
  group: KindGroup;
  from: [lon: number, lat: number];
  to: [lon: number, lat: number];
}

export interface MapData {
  markers: Marker[];
  origins: Origin[];
  arcs: Arc[];
  /** Partnerships with no international party that has coordinates: listed beside the map instead. */
  unplaced: PartnershipRef[];
}

const withLatin = (name: string, latin: string | null) => (latin && latin !== name ? `${name} (${latin})` : name);

/** A place's coordinates, or its region's or country's when it has none (a city recorded without them). */
export function locate(place: MapPlace | null | undefined): Located | null {
  for (let p = place; p; p = p.parent) {
    if (p.latitude != null && p.longitude != null) {
      return { placeId: p.id, label: withLatin(p.name, p.nameLatin), countryCode: p.countryCode, lon: p.longitude, lat: p.latitude };
    }
  }
  return null;
}

function partyLocation(party: MapParty): Located | null {
  return locate(party.place ?? party.organisation?.place ?? null);
}

function partyName(party: MapParty): string | null {
  if (party.organisation) return withLatin(party.organisation.name, party.organisation.nameLatin);
  return party.place ? withLatin(party.place.name, party.place.nameLatin) : null;
}

export function prepareMapData(partnerships: readonly MapPartnership[], groups?: ReadonlySet<KindGroup>): MapData {
  const markers = new Map<string, Marker>();
  const origins = new Map<string, Origin>();
  const arcs: Arc[] = [];
  const unplaced: PartnershipRef[] = [];

  for (const p of partnerships) {
    const group = groupOf(p.kind);
    if (groups && !groups.has(group)) continue;
    const ref: PartnershipRef = { id: p.id, name: p.name, kind: p.kind };
    const ukNames = p.parties.filter((x) => x.side === "UK").map(partyName).filter((n): n is string => n !== null);
    const here = new Map<string, Located>();
    const from = new Map<string, Located>();
    for (const party of p.parties) {
      const at = partyLocation(party);
      if (at) (party.side === "INTERNATIONAL" ? here : from).set(at.placeId, at);
    }
    if (!here.size) {
      unplaced.push(ref);
      continue;
    }
    for (const at of here.values()) {
      const marker = markers.get(at.placeId) ?? { ...at, partnerships: [], ukParties: [], group };
      marker.partnerships.push(ref);
      for (const n of ukNames) if (!marker.ukParties.includes(n)) marker.ukParties.push(n);
      if (marker.group !== group) marker.group = null;
      markers.set(at.placeId, marker);
    }
    for (const at of from.values()) {
      const origin = origins.get(at.placeId) ?? { ...at, partnerships: [] };
      origin.partnerships.push(ref);
      origins.set(at.placeId, origin);
      for (const to of here.values()) {
        arcs.push({ key: `${p.id}:${at.placeId}:${to.placeId}`, partnershipId: p.id, group, from: [at.lon, at.lat], to: [to.lon, to.lat] });
      }
    }
  }

  // Big markers first, so the small ones are drawn on top and stay clickable.
  const byCount = (a: { partnerships: unknown[]; label: string }, b: { partnerships: unknown[]; label: string }) =>
    b.partnerships.length - a.partnerships.length || a.label.localeCompare(b.label, "en-GB");
  return { markers: [...markers.values()].sort(byCount), origins: [...origins.values()].sort(byCount), arcs, unplaced };
}

/** Marker radius in pixels: area grows with the count, from `min` for one partnership to `max` for the most. */
export function markerRadius(count: number, most: number, min = 5, max = 14): number {
  if (most <= 1) return min;
  return min + (max - min) * Math.sqrt((Math.max(1, count) - 1) / (most - 1));
}

/** Counts shown in the size key: 1, the most, and one between when there is room. */
export function sizeKey(most: number): number[] {
  if (most <= 1) return [1];
  const middle = Math.round((most + 1) / 2);
  return [...new Set([1, middle, most])];
}
