import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type PlaceKind, PlacesDocument } from "../../generated/graphql";
import { DebouncedInput } from "../../ui/DebouncedInput";
import { FilterPanel } from "../../ui/FilterPanel";
import { FilterSelect } from "../../ui/filters";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { countryName, formatCount, humanise, withLatin } from "../../ui/format";
import { orUndefined, useListParams } from "../../ui/list-params";
import { Empty, Loading, QueryError } from "../../ui/states";
import { CountrySelect } from "./CountrySelect";

const PAGE_SIZE = 50;
const FILTERS = ["q", "kind", "country"] as const;
const KINDS: PlaceKind[] = ["COUNTRY", "REGION", "CITY"];
const isKind = (value: string): value is PlaceKind => (KINDS as string[]).includes(value);

const coordinate = (value: number | null, positive: string, negative: string) =>
  value === null ? null : `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;

export function PlacesListPage() {
  const { values, set, clear, active, activeCount } = useListParams(FILTERS);
  const filter = {
    query: orUndefined(values.q),
    kind: isKind(values.kind) ? values.kind : undefined,
    countryCode: orUndefined(values.country),
  };
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(PlacesDocument, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const places = (data ?? previousData)?.places;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = !data && networkStatus !== NetworkStatus.error;

  return (
    <Page title="Places">
      <p className="lead">Countries, regions and cities: reference data shared by every member.</p>
      <div className="list-layout">
        <FilterPanel label="Filter places" activeCount={activeCount} onClear={clear}>
          <DebouncedInput id="filter-q" label="Name" value={values.q} onCommit={(v) => set("q", v)} autoComplete="off" />
          <FilterSelect id="filter-kind" label="Kind" value={values.kind} onCommit={(v) => set("kind", v)}>
            <option value="">Any kind</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {humanise(k)}
              </option>
            ))}
          </FilterSelect>
          <CountrySelect id="filter-country" value={values.country} onChange={(v) => set("country", v)} />
        </FilterPanel>

        <section className="results" aria-labelledby="results-count" aria-busy={refreshing}>
          <p id="results-count" className="results__count" role="status">
            {places ? formatCount(places.totalCount, "place", "places") : ""}
            {refreshing && places ? " (updating…)" : ""}
          </p>
          {error ? <QueryError what="Places" error={error} retry={() => void refetch()} /> : null}
          {!places && !error ? <Loading label="Loading places…" /> : null}
          {places && places.nodes.length === 0 ? (
            <Empty title={active ? "No places match these filters" : "No places yet"}>
              <p>{active ? "Try fewer filters or another spelling." : "Places are added as members record where their contacts are."}</p>
            </Empty>
          ) : null}
          {places && places.nodes.length > 0 ? (
            <>
              <table className={refreshing ? "table table--stack record-list--stale" : "table table--stack"}>
                <caption className="visually-hidden">Places</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Country</th>
                    <th scope="col">Within</th>
                    <th scope="col">Location</th>
                  </tr>
                </thead>
                <tbody>
                  {places.nodes.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" data-label="Name">
                        {withLatin(p.name, p.nameLatin)}
                      </th>
                      <td data-label="Kind">{humanise(p.kind)}</td>
                      <td data-label="Country">{countryName(p.countryCode)}</td>
                      <td data-label="Within">{p.parent ? withLatin(p.parent.name, p.parent.nameLatin) : "–"}</td>
                      <td data-label="Location">
                        {p.latitude !== null && p.longitude !== null
                          ? `${coordinate(p.latitude, "N", "S")}, ${coordinate(p.longitude, "E", "W")}`
                          : "–"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore
                shown={places.nodes.length}
                total={places.totalCount}
                hasMore={places.pageInfo.hasNextPage}
                loading={loadingMore}
                noun={["place", "places"]}
                onLoadMore={() => void fetchMore({ variables: { after: places.pageInfo.endCursor } })}
              />
            </>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
