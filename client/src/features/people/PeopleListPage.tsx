import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";
import { PeopleDocument, type PersonListItemFragment } from "../../generated/graphql";
import { DebouncedInput } from "../../ui/DebouncedInput";
import { FilterPanel } from "../../ui/FilterPanel";
import { FilterCheckbox } from "../../ui/filters";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { Tags, VisibilityBadge } from "../../ui/badges";
import { formatCount, placeLabel, withLatin } from "../../ui/format";
import { orUndefined, useListParams } from "../../ui/list-params";
import { Empty, Loading, QueryError } from "../../ui/states";
import { CountrySelect } from "../places/CountrySelect";

const PAGE_SIZE = 25;
const FILTERS = ["q", "country", "sector", "mine"] as const;

export function PeopleListPage() {
  const { values, set, clear, active, activeCount } = useListParams(FILTERS);
  const filter = {
    query: orUndefined(values.q),
    countryCode: orUndefined(values.country),
    sector: orUndefined(values.sector),
    ownedByMe: values.mine === "1" ? true : undefined,
  };
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(PeopleDocument, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  // Keep the previous results on screen while a new filter loads, so the page does not jump.
  const people = (data ?? previousData)?.people;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = !data && networkStatus !== NetworkStatus.error;
  const canCreate = useViewer().role !== "VIEWER";

  return (
    <Page
      title="People"
      actions={
        canCreate ? (
          <Link className="button" to="/people/new">
            Add a person
          </Link>
        ) : null
      }
    >
      <div className="list-layout">
        <FilterPanel label="Filter people" activeCount={activeCount} onClear={clear}>
          <DebouncedInput id="filter-q" label="Name" hint="Any part of the name, in any script" value={values.q} onCommit={(v) => set("q", v)} autoComplete="off" />
          <CountrySelect id="filter-country" value={values.country} onChange={(v) => set("country", v)} />
          <DebouncedInput id="filter-sector" label="Sector" hint="For example: automotive" value={values.sector} onCommit={(v) => set("sector", v)} autoComplete="off" />
          <FilterCheckbox id="filter-mine" label="Only my member's records" checked={values.mine === "1"} onCommit={(on) => set("mine", on ? "1" : "")} />
        </FilterPanel>

        <section className="results" aria-labelledby="results-count" aria-busy={refreshing}>
          <p id="results-count" className="results__count" role="status">
            {people ? formatCount(people.totalCount, "person", "people") : ""}
            {refreshing && people ? " (updating…)" : ""}
          </p>
          {error ? <QueryError what="People" error={error} retry={() => void refetch()} /> : null}
          {!people && !error ? <Loading label="Loading people…" /> : null}
          {people && people.nodes.length === 0 ? (
            <Empty title={active ? "No people match these filters" : "No people yet"}>
              <p>{active ? "Try fewer filters or another spelling." : "People recorded by your member, or shared with the network, appear here."}</p>
            </Empty>
          ) : null}
          {people && people.nodes.length > 0 ? (
            <>
              <ul className={refreshing ? "record-list record-list--stale" : "record-list"}>
                {people.nodes.map((person) => (
                  <PersonItem key={person.id} person={person} />
                ))}
              </ul>
              <LoadMore
                shown={people.nodes.length}
                total={people.totalCount}
                hasMore={people.pageInfo.hasNextPage}
                loading={loadingMore}
                noun={["person", "people"]}
                onLoadMore={() => void fetchMore({ variables: { after: people.pageInfo.endCursor } })}
              />
            </>
          ) : null}
        </section>
      </div>
    </Page>
  );
}

export function PersonItem({ person }: { person: PersonListItemFragment }) {
  const current = person.affiliations.find((a) => a.current) ?? person.affiliations[0];
  const title = person.jobTitle ?? current?.role ?? null;
  const org = current?.organisation.name ?? null;
  // Job titles often name the organisation already ("Partner, Lagos Example Family Office").
  const role = title && org && !title.includes(org) ? `${title}, ${org}` : (title ?? org ?? "");
  return (
    <li className="record">
      <div className="record__main">
        <h3 className="record__title">
          <Link to={`/people/${encodeURIComponent(person.id)}`}>{withLatin(person.fullName, person.nameLatin)}</Link>
        </h3>
        {role ? <p className="record__line">{role}</p> : null}
        {person.place ? <p className="record__line record__line--muted">{placeLabel(person.place)}</p> : null}
        <Tags values={person.sectors} label="Sectors" />
      </div>
      <div className="record__meta">
        <VisibilityBadge visibility={person.visibility} owner={person.ownerMember.name} />
        <span className="record__owner">{person.ownerMember.shortName ?? person.ownerMember.name}</span>
      </div>
    </li>
  );
}
