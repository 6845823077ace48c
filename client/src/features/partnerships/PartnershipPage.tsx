import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { PartnershipDocument, type PartnershipQuery } from "../../generated/graphql";
import { Page } from "../../ui/Page";
import { SummaryList } from "../../ui/SummaryList";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { errorCode } from "../../ui/errors";
import { formatDate, formatDateTime, humanise, placeLabel, withLatin } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";
import { kindLabel } from "./parties";
import { LazyWorldMap } from "./LazyWorldMap";
import "./partnerships.css";

type Partnership = NonNullable<PartnershipQuery["partnership"]>;
type Party = Partnership["parties"][number];

export function PartnershipPage() {
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(PartnershipDocument, { variables: { id } });
  // A malformed id in the address is just an address that leads nowhere.
  const notFound = errorCode(error) === "BAD_USER_INPUT" || errorCode(error) === "NOT_FOUND";
  const partnership = data?.partnership;
  const back = <Link to="/partnerships">Partnerships</Link>;

  if (partnership) {
    return (
      <Page title={partnership.name} caption={back} actions={<VisibilityBadge visibility={partnership.visibility} owner={partnership.ownerMember.name} />}>
        <PartnershipDetails partnership={partnership} />
      </Page>
    );
  }
  return (
    <Page title={loading ? "Partnership" : "Partnership not found"} caption={back}>
      {loading ? <Loading label="Loading partnership…" /> : null}
      {error && !notFound ? <QueryError what="This partnership" error={error} retry={() => void refetch()} /> : null}
      {!loading && (!error || notFound) ? (
        <Empty title="No such partnership">
          <p>
            This partnership does not exist, was removed, or is private to another member. <Link to="/partnerships">Back to partnerships</Link>
          </p>
        </Empty>
      ) : null}
    </Page>
  );
}

function PartnershipDetails({ partnership: p }: { partnership: Partnership }) {
  const sides = [
    { side: "UK", title: "UK side", parties: p.parties.filter((x) => x.side === "UK") },
    { side: "INTERNATIONAL", title: "International side", parties: p.parties.filter((x) => x.side === "INTERNATIONAL") },
  ] as const;
  return (
    <div className="detail-layout">
      <div className="detail-main">
        {p.archivedAt ? <p className="notice notice--warning">This record was archived on {formatDateTime(p.archivedAt)}.</p> : null}
        <section aria-labelledby="details-title" className="section">
          <h2 id="details-title" className="heading-m">
            Details
          </h2>
          <SummaryList
            rows={[
              ["Type", kindLabel(p.kind)],
              ["Status", humanise(p.status)],
              ["Signed", p.signedOn ? formatDate(p.signedOn) : null],
              ["Renewal due", p.renewalDueOn ? formatDate(p.renewalDueOn) : null],
              ["Lead member", p.leadMember?.name ?? null],
              ["Themes", p.themes.length ? <Tags values={p.themes} label="Themes" /> : null],
            ]}
          />
          {p.description ? (
            <>
              <h3 className="heading-s">About</h3>
              <p className="prose">{p.description}</p>
            </>
          ) : null}
        </section>
        <section aria-labelledby="parties-title" className="section">
          <h2 id="parties-title" className="heading-m">
            Parties
          </h2>
          <div className="partnership-parties">
            {sides.map(({ side, title, parties }) => (
              <div key={side}>
                <h3 className="heading-s">{title}</h3>
                {parties.length ? (
                  <ul className="plain-list">
                    {parties.map((party) => (
                      <PartyItem key={party.id} party={party} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">None you can see.</p>
                )}
              </div>
            ))}
          </div>
        </section>
        <section aria-labelledby="where-title" className="section">
          <h2 id="where-title" className="heading-m">
            On the map
          </h2>
          <LazyWorldMap compact partnerships={[p]} caption={`Where the parties of ${p.name} are.`} />
        </section>
      </div>
      <aside className="detail-side" aria-label="Record">
        <section aria-labelledby="record-title" className="panel">
          <h2 id="record-title" className="heading-s">
            Record
          </h2>
          <SummaryList
            rows={[
              ["Owner", p.ownerMember.name],
              ["Shared with", p.visibility === "PRIVATE" ? `${p.ownerMember.shortName ?? p.ownerMember.name} only` : "The whole network"],
              ["Last updated", formatDateTime(p.updatedAt)],
              ["Created", formatDateTime(p.createdAt)],
            ]}
          />
        </section>
      </aside>
    </div>
  );
}

function PartyItem({ party }: { party: Party }) {
  if (party.organisation) {
    const org = party.organisation;
    const name = withLatin(org.name, org.nameLatin);
    return (
      <li className="plain-list__item">
        <Link to={`/organisations/${encodeURIComponent(org.id)}`}>{name}</Link>
        {org.place ? <span className="muted"> – {placeLabel(org.place)}</span> : null}
        <br />
        <Link to={`/network/${encodeURIComponent(org.id)}`}>
          Network<span className="visually-hidden"> around {name}</span>
        </Link>
      </li>
    );
  }
  if (!party.place) return null;
  const label = placeLabel(party.place);
  return (
    <li className="plain-list__item">
      {label}
      <br />
      <Link to={`/partnerships/list?place=${encodeURIComponent(party.place.id)}`}>
        Partnerships<span className="visually-hidden"> in {label}</span>
      </Link>
    </li>
  );
}
