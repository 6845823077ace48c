import type { EngagementRow, PriorityRow } from "./engagement.repository.js";
import { type Ref, ref } from "./sql.js";

// The engagement report: the aggregate rows of the three record kinds merged
// per dimension (priority, market, sector) into network totals and per-member counts.

export interface EngagementCounts {
  interactions: number;
  visits: number;
  opportunities: number;
  opportunityValueGbp: number;
  opportunityJobs: number;
}

export interface MemberEngagement {
  member: Ref;
  counts: EngagementCounts;
}

interface Engagement {
  total: EngagementCounts;
  byMember: MemberEngagement[];
}

export interface PriorityEngagement extends Engagement {
  priority: Ref;
  scope: "NATIONAL" | "MEMBER";
  countryCode: string | null;
  sector: string | null;
  weight: number;
  ownerMember: Ref;
}

export interface MarketEngagement extends Engagement {
  countryCode: string;
  country: string | null;
  nationalPriorityWeight: number | null;
}

export interface SectorEngagement extends Engagement {
  sector: string;
  nationalPriorityWeight: number | null;
}

export interface EngagementReport {
  from: string;
  to: string;
  priorities: PriorityEngagement[];
  markets: MarketEngagement[];
  sectors: SectorEngagement[];
}

const zero = (): EngagementCounts => ({ interactions: 0, visits: 0, opportunities: 0, opportunityValueGbp: 0, opportunityJobs: 0 });

type Kind = "interactions" | "visits" | "opportunities";

class Bucket {
  readonly total = zero();
  readonly members = new Map<string, { member: Ref; counts: EngagementCounts }>();
  country: string | null = null;

  add(kind: Kind, row: EngagementRow) {
    let counts = this.total;
    if (row.member_id) {
      const entry = this.members.get(row.member_id) ?? { member: ref("Member", row.member_id, row.member_name ?? ""), counts: zero() };
      this.members.set(row.member_id, entry);
      counts = entry.counts;
    }
    counts[kind] += row.n;
    if (kind === "opportunities") {
      counts.opportunityValueGbp += Number(row.value);
      counts.opportunityJobs += row.jobs;
    }
    this.country ??= row.country_name;
  }

  engagement(): Engagement {
    return {
      total: this.total,
      byMember: [...this.members.values()].sort((a, b) => weight(b.counts) - weight(a.counts) || a.member.name.localeCompare(b.member.name)),
    };
  }
}

/** One number to sort by: every record counts once. */
const weight = (c: EngagementCounts) => c.interactions + c.visits + c.opportunities;

export function buildReport(
  from: string,
  to: string,
  priorities: PriorityRow[],
  rows: Record<Kind, EngagementRow[]>,
): EngagementReport {
  const buckets = new Map<string, Bucket>();
  const bucket = (dim: string, key: string) => {
    const k = `${dim}:${key}`;
    const b = buckets.get(k) ?? new Bucket();
    buckets.set(k, b);
    return b;
  };
  for (const kind of ["interactions", "visits", "opportunities"] as const) {
    for (const row of rows[kind]) bucket(row.dim, row.key).add(kind, row);
  }
  const national = priorities.filter((p) => p.scope === "NATIONAL");
  const nationalWeight = (match: (p: PriorityRow) => boolean) =>
    national.filter(match).reduce<number | null>((max, p) => Math.max(max ?? 0, p.weight), null);

  const marketCodes = new Set<string>();
  for (const k of buckets.keys()) if (k.startsWith("MARKET:")) marketCodes.add(k.slice("MARKET:".length));
  for (const p of national) if (p.country_code) marketCodes.add(p.country_code);
  const sectorNames = new Set<string>();
  for (const k of buckets.keys()) if (k.startsWith("SECTOR:")) sectorNames.add(k.slice("SECTOR:".length));
  for (const p of priorities) if (p.sector) sectorNames.add(p.sector.toLowerCase());

  const byEngagement = <T extends Engagement & { nationalPriorityWeight: number | null }>(a: T, b: T, name: (x: T) => string) =>
    weight(b.total) - weight(a.total) || (b.nationalPriorityWeight ?? 0) - (a.nationalPriorityWeight ?? 0) || name(a).localeCompare(name(b));

  return {
    from,
    to,
    priorities: priorities.map((p) => ({
      priority: ref("Priority", p.id, p.name),
      scope: p.scope,
      countryCode: p.country_code,
      sector: p.sector,
      weight: p.weight,
      ownerMember: ref("Member", p.owner_member_id, p.owner_name),
      ...bucket("PRIORITY", p.id).engagement(),
    })),
    markets: [...marketCodes]
      .map((code) => {
        const b = bucket("MARKET", code);
        return {
          countryCode: code,
          country: b.country ?? priorities.find((p) => p.country_code === code)?.country_name ?? null,
          nationalPriorityWeight: nationalWeight((p) => p.country_code === code),
          ...b.engagement(),
        };
      })
      .sort((a, b) => byEngagement(a, b, (x) => x.countryCode)),
    sectors: [...sectorNames]
      .map((sector) => ({
        sector,
        nationalPriorityWeight: nationalWeight((p) => p.sector?.toLowerCase() === sector),
        ...bucket("SECTOR", sector).engagement(),
      }))
      .sort((a, b) => byEngagement(a, b, (x) => x.sector)),
  };
}
