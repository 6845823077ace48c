import type { InvestorProfileSummaryFragment } from "../../generated/graphql";
import { SummaryList } from "../../ui/SummaryList";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { humanise } from "../../ui/format";
import "./records.css";

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

/** "£250,000 to £2,000,000", "from £1,000,000", "up to £500,000", or null. */
export function ticketRange(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? gbp.format(min) : `${gbp.format(min)} to ${gbp.format(max)}`;
  if (min !== null) return `From ${gbp.format(min)}`;
  if (max !== null) return `Up to ${gbp.format(max)}`;
  return null;
}

/** How a person or organisation invests, from the profiles the viewer can see. */
export function InvestorProfiles({ profiles, emptyText }: { profiles: InvestorProfileSummaryFragment[]; emptyText: string | null }) {
  if (!profiles.length && emptyText === null) return null;
  return (
    <section aria-labelledby="investor-title" className="section">
      <h2 id="investor-title" className="heading-m">
        Investor profile
      </h2>
      {profiles.length === 0 ? <p className="muted">{emptyText}</p> : null}
      {profiles.map((p) => (
        <div key={p.id} className="investor-profile">
          <SummaryList
            rows={[
              ["Investor type", humanise(p.investorType)],
              ["Ticket size", ticketRange(p.ticketMinGbp, p.ticketMaxGbp)],
              ["Stages", p.stages.length ? p.stages.join(", ") : null],
              ["Sectors", p.sectors.length ? <Tags values={p.sectors} label="Investment sectors" /> : null],
              ["Notes", p.notes],
              [
                "Recorded by",
                <>
                  {p.ownerMember.shortName ?? p.ownerMember.name} <VisibilityBadge visibility={p.visibility} owner={p.ownerMember.name} />
                </>,
              ],
            ]}
          />
        </div>
      ))}
    </section>
  );
}
