import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { type OrganisationKind, OrganisationsDocument } from "../../generated/graphql";
import { DebouncedInput } from "../../ui/DebouncedInput";
import { FilterPanel } from "../../ui/FilterPanel";
import { FilterCheckbox, FilterSelect } from "../../ui/filters";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { formatCount, humanise, placeLabel, withLatin } from "../../ui/format";
import { orUndefined, useListParams } from "../../ui/list-params";
import { Empty, Loading, QueryError } from "../../ui/states";
import { CountrySelect } from "../places/CountrySelect";
import { ORGANISATION_KINDS } from "./organisation-form";

const PAGE_SIZE = 25;
const FILTERS = ["q", "kind", "country", "sector", "mine"] as const;

const isKind = (value: string): value is OrganisationKind => (ORGANISATION_KINDS as string[]).includes(value);

export function OrganisationsListPage() {
  const { values, set, clear, active, activeCount } = useListParams(FILTERS);
  const filter = {
    query: orUndefined(values.q),
    kind: isKind(values.kind) ? values.kind : undefined,
    countryCode: orUndefined(values.country),
    sector: orUndefined(values.sector),
    ownedByMe: values.mine === "1" ? true : undefined,
  };
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(OrganisationsDocument, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const organisations = (data ?? previousData)?.organisations;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = !data && networkStatus !== NetworkStatus.error;
  const canCreate = useViewer().role !== "VIEWER";

  return (
    <Page
      title="Organisations"
      actions={
        canCreate ? (
          <Link className="button" to="/organisations/new">
            Add an organisation
          </Link>
        ) : null
      }
    >
      <div className="list-layout">
        <FilterPanel label="Filter organisations" activeCount={activeCount} onClear={clear}>
          <DebouncedInput id="filter-q" label="Name" value={values.q} onCommit={(v) => set("q", v)} autoComplete="off" />
          <FilterSelect id="filter-kind" label="Type" value={values.kind} onCommit={(v) => set("kind", v)}>
            <option value="">Any type</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {humanise(k)}
              </option>
            ))}
          </FilterSelect>
          <CountrySelect id="filter-country" value={values.country} onChange={(v) => set("country", v)} />
          <DebouncedInput id="filter-sector" label="Sector" value={values.sector} onCommit={(v) => set("sector", v)} autoComplete="off" />
          <FilterCheckbox id="filter-mine" label="Only my member's records" checked={values.mine === "1"} onCommit={(on) => set("mine", on ? "1" : "")} />
        </FilterPanel>

        <section className="results" aria-labelledby="results-count" aria-busy={refreshing}>
          <p id="results-count" className="results__count" role="status">
            {organisations ? formatCount(organisations.totalCount, "organisation", "organisations") : ""}
            {refreshing && organisations ? " (updating…)" : ""}
          </p>
          {error ? <QueryError what="Organisations" error={error} retry={() => void refetch()} /> : null}
          {!organisations && !error ? <Loading label="Loading organisations…" /> : null}
          {organisations && organisations.nodes.length === 0 ? (
            <Empty title={active ? "No organisations match these filters" : "No organisations yet"}>
              <p>{active ? "Try fewer filters or another spelling." : "Organisations recorded by your member, or shared with the network, appear here."}</p>
            </Empty>
          ) : null}
          {organisations && organisations.nodes.length > 0 ? (
            <>
              <ul className={refreshing ? "record-list record-list--stale" : "record-list"}>
                {organisations.nodes.map((org) => (
                  <li key={org.id} className="record">
                    <div className="record__main">
                      <h3 className="record__title">
                        <Link to={`/organisations/${encodeURIComponent(org.id)}`}>{withLatin(org.name, org.nameLatin)}</Link>
                      </h3>
                      <p className="record__line">{humanise(org.kind)}</p>
                      {org.place ? <p className="record__line record__line--muted">{placeLabel(org.place)}</p> : null}
                      <Tags values={org.sectors} label="Sectors" />
                    </div>
                    <div className="record__meta">
                      <VisibilityBadge visibility={org.visibility} owner={org.ownerMember.name} />
                      <span className="record__owner">{org.ownerMember.shortName ?? org.ownerMember.name}</span>
                    </div>
                  </li>
                ))}
              </ul>
              <LoadMore
                shown={organisations.nodes.length}
                total={organisations.totalCount}
                hasMore={organisations.pageInfo.hasNextPage}
                loading={loadingMore}
                noun={["organisation", "organisations"]}
                onLoadMore={() => void fetchMore({ variables: { after: organisations.pageInfo.endCursor } })}
              />
            </>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
