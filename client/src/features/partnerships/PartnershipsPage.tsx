import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type ReactNode, useEffect, useState } from "react";
import { Link, NavLink, useLocation } from "react-router";
import {
  type PartnershipKind,
  PartnershipMembersDocument,
  type PartnershipFilter,
  PartnershipPlaceDocument,
  type PartnershipStatus,
  PartnershipsDocument,
  PartnershipsMapDocument,
  type PartnershipsQuery,
} from "../../generated/graphql";
import { DebouncedInput } from "../../ui/DebouncedInput";
import { FilterPanel } from "../../ui/FilterPanel";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { describeError } from "../../ui/errors";
import { FilterCheckbox, FilterSelect } from "../../ui/filters";
import { formatCount, formatDate, humanise, placeLabel } from "../../ui/format";
import { orUndefined, useListParams } from "../../ui/list-params";
import { Empty, Loading, QueryError } from "../../ui/states";
import { CountrySelect } from "../places/CountrySelect";
import { LazyWorldMap } from "./LazyWorldMap";
import { PARTNERSHIP_KINDS, kindLabel, partiesOnSide } from "./parties";
import "./partnerships.css";

const FILTERS = ["q", "kind", "status", "country", "member", "place", "mine"] as const;
const STATUSES: PartnershipStatus[] = ["PROPOSED", "ACTIVE", "DORMANT", "ENDED"];
const isKind = (v: string): v is PartnershipKind => (PARTNERSHIP_KINDS as string[]).includes(v);
const isStatus = (v: string): v is PartnershipStatus => (STATUSES as string[]).includes(v);

type Partnership = PartnershipsQuery["partnerships"]["nodes"][number];

/** Partnerships on a world map (/partnerships) or as a list (/partnerships/list), with the same filters in the address. */
export function PartnershipsPage({ view }: { view: "list" | "map" }) {
  const { values, set, clear, active, activeCount } = useListParams(FILTERS);
  const filter = {
    query: orUndefined(values.q),
    kind: isKind(values.kind) ? values.kind : undefined,
    status: isStatus(values.status) ? values.status : undefined,
    countryCode: orUndefined(values.country),
    memberId: orUndefined(values.member),
    placeId: orUndefined(values.place),
    ownedByMe: values.mine === "1" ? true : undefined,
  };

  return (
    <Page title={view === "map" ? "Partnerships map" : "Partnerships list"} heading="Partnerships">
      <p className="lead">Sister and partner cities, friendships, MoUs, research collaborations and trade or investment agreements.</p>
      <ViewTabs />
      <div className="list-layout">
        <FilterPanel label="Filter partnerships" activeCount={activeCount} onClear={clear}>
          <DebouncedInput id="filter-q" label="Name" value={values.q} onCommit={(v) => set("q", v)} autoComplete="off" />
          <FilterSelect id="filter-kind" label="Type" value={values.kind} onCommit={(v) => set("kind", v)}>
            <option value="">Any type</option>
            {PARTNERSHIP_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="filter-status" label="Status" value={values.status} onCommit={(v) => set("status", v)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </FilterSelect>
          <CountrySelect id="filter-country" value={values.country} onChange={(v) => set("country", v)} />
          <MemberSelect value={values.member} onChange={(v) => set("member", v)} />
          {values.place ? <PlaceFilter id={values.place} onRemove={() => set("place", "")} /> : null}
          <FilterCheckbox id="filter-mine" label="Only my member's records" checked={values.mine === "1"} onCommit={(on) => set("mine", on ? "1" : "")} />
        </FilterPanel>

        {view === "map" ? <MapResults filter={filter} active={active} /> : <ListResults filter={filter} active={active} />}
      </div>
    </Page>
  );
}

// Page sizes within the API's cost limit, which prices a connection at first × 10 × its node
// (__typename included): 20 list items cost ~36,000 of 50,000; 15 map items, with coordinates
// for every party, ~38,000.
const LIST_PAGE = 20;
const MAP_PAGE = 15;
/** The map fetches pages by itself up to this many partnerships; past that the reader asks for more. */
const MAP_AUTO_LOAD = 200;

interface ResultsProps {
  filter: PartnershipFilter;
  active: boolean;
}

function ResultsFrame({
  count,
  refreshing,
  error,
  retry,
  active,
  children,
}: {
  count: number | null;
  refreshing: boolean;
  error: unknown;
  retry: () => void;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <section className="results" aria-labelledby="results-count" aria-busy={refreshing}>
      <p id="results-count" className="results__count" role="status">
        {count !== null ? formatCount(count, "partnership", "partnerships") : ""}
        {refreshing && count !== null ? " (updating…)" : ""}
      </p>
      {error ? <QueryError what="Partnerships" error={error} retry={retry} /> : null}
      {count === null && !error ? <Loading label="Loading partnerships…" /> : null}
      {count === 0 ? (
        <Empty title={active ? "No partnerships match these filters" : "No partnerships yet"}>
          <p>{active ? "Try fewer filters or another spelling." : "Partnerships recorded by your member, or shared with the network, appear here."}</p>
        </Empty>
      ) : null}
      {count ? children : null}
    </section>
  );
}

function ListResults({ filter, active }: ResultsProps) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(PartnershipsDocument, {
    variables: { filter, first: LIST_PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const partnerships = (data ?? previousData)?.partnerships;
  const refreshing = !data && networkStatus !== NetworkStatus.error;
  return (
    <ResultsFrame count={partnerships?.totalCount ?? null} refreshing={refreshing} error={error} retry={() => void refetch()} active={active}>
      {partnerships ? (
        <>
          <PartnershipList partnerships={partnerships.nodes} stale={refreshing} />
          <LoadMore
            shown={partnerships.nodes.length}
            total={partnerships.totalCount}
            hasMore={partnerships.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            noun={["partnership", "partnerships"]}
            onLoadMore={() => void fetchMore({ variables: { after: partnerships.pageInfo.endCursor } })}
          />
        </>
      ) : null}
    </ResultsFrame>
  );
}

function MapResults({ filter, active }: ResultsProps) {
  const [autoLoad, setAutoLoad] = useState(MAP_AUTO_LOAD);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(PartnershipsMapDocument, {
    variables: { filter, first: MAP_PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const partnerships = (data ?? previousData)?.partnerships;
  const refreshing = !data && networkStatus !== NetworkStatus.error;
  const shown = data?.partnerships.nodes.length ?? 0;
  const page = data?.partnerships.pageInfo;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  // A map is only right with every partnership on it: fetch the next page until the limit.
  useEffect(() => {
    if (page?.hasNextPage && page.endCursor && shown < autoLoad && !loadingMore) void fetchMore({ variables: { after: page.endCursor } });
  }, [page?.hasNextPage, page?.endCursor, shown, autoLoad, loadingMore, fetchMore]);
  const complete = partnerships ? !partnerships.pageInfo.hasNextPage : false;
  const busy = refreshing || (!complete && shown < autoLoad && !error);
  return (
    <ResultsFrame count={partnerships?.totalCount ?? null} refreshing={busy} error={error} retry={() => void refetch()} active={active}>
      {partnerships ? (
        <>
          <LazyWorldMap
            partnerships={partnerships.nodes}
            caption={`World map of ${complete ? "the" : `${partnerships.nodes.length} of the`} ${formatCount(partnerships.totalCount, "partnership", "partnerships")}${active ? " matching your filters" : " you can see"}.`}
          />
          {!complete && shown >= autoLoad ? (
            <LoadMore
              shown={shown}
              total={partnerships.totalCount}
              hasMore
              loading={loadingMore}
              noun={["partnership", "partnerships"]}
              onLoadMore={() => setAutoLoad((n) => n + MAP_AUTO_LOAD)}
            />
          ) : null}
        </>
      ) : null}
    </ResultsFrame>
  );
}

/** List and map are two addresses; the filters (the query string) go with you. */
function ViewTabs() {
  const { search } = useLocation();
  return (
    <nav aria-label="Partnership views">
      <ul className="view-tabs">
        <li>
          <NavLink to={{ pathname: "/partnerships", search }} end className="view-tabs__link">
            Map
          </NavLink>
        </li>
        <li>
          <NavLink to={{ pathname: "/partnerships/list", search }} className="view-tabs__link">
            List
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

function PartnershipList({ partnerships, stale }: { partnerships: Partnership[]; stale: boolean }) {
  return (
    <ul className={stale ? "record-list record-list--stale" : "record-list"}>
      {partnerships.map((p) => {
        const uk = partiesOnSide(p.parties, "UK");
        const international = partiesOnSide(p.parties, "INTERNATIONAL");
        return (
          <li key={p.id} className="record">
            <div className="record__main">
              <h3 className="record__title">
                <Link to={`/partnerships/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </h3>
              <p className="record__line">
                {kindLabel(p.kind)} · {humanise(p.status)}
                {p.signedOn ? ` · signed ${formatDate(p.signedOn)}` : ""}
              </p>
              {international.length ? <p className="record__line">With {international.join(", ")}</p> : null}
              {uk.length ? <p className="record__line record__line--muted">UK side: {uk.join(", ")}</p> : null}
              <Tags values={p.themes} label="Themes" />
            </div>
            <div className="record__meta">
              <VisibilityBadge visibility={p.visibility} owner={p.ownerMember.name} />
              <span className="record__owner">{p.leadMember ? `Led by ${p.leadMember.shortName ?? p.leadMember.name}` : (p.ownerMember.shortName ?? p.ownerMember.name)}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function MemberSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { data, error } = useQuery(PartnershipMembersDocument);
  const members = [...(data?.members.nodes ?? [])].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return (
    <FilterSelect
      id="filter-member"
      label="Lead member"
      value={value}
      onCommit={onChange}
      error={error ? `Members could not be loaded: ${describeError(error)}` : null}
    >
      <option value="">Any member</option>
      {value && !members.some((m) => m.id === value) ? <option value={value}>Selected member</option> : null}
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </FilterSelect>
  );
}

/** The place filter comes from a link (a map marker, a partnership's party): shown so it can be removed. */
function PlaceFilter({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { data, loading } = useQuery(PartnershipPlaceDocument, { variables: { id } });
  const name = data?.place ? placeLabel(data.place) : loading ? "…" : "an unknown place";
  return (
    <div className="form-group">
      <p className="label" id="filter-place-label">
        Place
      </p>
      <p>
        {name}{" "}
        <button type="button" className="link-button" onClick={onRemove} aria-describedby="filter-place-label">
          Remove<span className="visually-hidden"> the place filter</span>
        </button>
      </p>
    </div>
  );
}
