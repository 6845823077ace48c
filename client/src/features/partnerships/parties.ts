import type { PartnershipKind } from "../../generated/graphql";
import { humanise, placeLabel, withLatin } from "../../ui/format";

export const PARTNERSHIP_KINDS: PartnershipKind[] = [
  "SISTER_CITY",
  "PARTNER_CITY",
  "FRIENDSHIP",
  "MOU",
  "RESEARCH_COLLABORATION",
  "TRADE_AGREEMENT",
  "INVESTMENT_AGREEMENT",
];

export function kindLabel(kind: PartnershipKind): string {
  return kind === "MOU" ? "Memorandum of understanding (MoU)" : humanise(kind);
}

interface PartyLike {
  side: "UK" | "INTERNATIONAL";
  place: { name: string; nameLatin: string | null; kind: string; countryCode: string } | null;
  organisation: { name: string; nameLatin: string | null } | null;
}

/** The names of a partnership's parties on one side: organisations by name, places with their country. */
export function partiesOnSide(parties: readonly PartyLike[], side: PartyLike["side"]): string[] {
  return parties
    .filter((p) => p.side === side)
    .map((p) => (p.organisation ? withLatin(p.organisation.name, p.organisation.nameLatin) : p.place ? placeLabel(p.place) : null))
    .filter((n): n is string => n !== null);
}
