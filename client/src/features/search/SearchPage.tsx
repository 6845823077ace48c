import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Link, useSearchParams } from "react-router";
import { GlobalSearchDocument, type GlobalSearchQuery, type SearchKind } from "../../generated/graphql";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { formatCount } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";
import { Snippet } from "./snippet";

const PAGE_SIZE = 30;
type Hit = GlobalSearchQuery["search"]["nodes"][number];

const GROUPS: [SearchKind, string][] = [
  ["PERSON", "People"],
  ["ORGANISATION", "Organisations"],
  ["PLACE", "Places"],
  ["PARTNERSHIP", "Partnerships"],
  ["VISIT", "Visits"],
  ["INTERACTION", "Meetings and contacts"],
];

function titleOf(hit: Hit): string {
  const r = hit.record;
  if ("fullName" in r) return r.fullName;
  if ("title" in r) return r.title;
  if ("subject" in r) return r.subject;
  if ("name" in r) return r.name;
  return "Untitled";
}

function linkOf(hit: Hit): string | null {
  const id = encodeURIComponent(hit.record.id);
  if (hit.kind === "PERSON") return `/people/${id}`;
  if (hit.kind === "ORGANISATION") return `/organisations/${id}`;
  if (hit.kind === "VISIT") return `/visits/${id}/briefing`;
  return null;
}

export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(GlobalSearchDocument, {
    variables: { query: q, first: PAGE_SIZE },
    skip: !q,
    notifyOnNetworkStatusChange: true,
  });
  const results = q ? (data ?? previousData)?.search : undefined;
  const refreshing = Boolean(q) && !data && networkStatus !== NetworkStatus.error;

  return (
    <Page title={q ? `Search: ${q}` : "Search"} heading={q ? `Results for “${q}”` : "Search"}>
      {!q ? <p>Type in the search box at the top of the page (press “/” to jump to it).</p> : null}
      <section className="results" aria-labelledby="results-count" aria-busy={refreshing}>
        <p id="results-count" className="results__count" role="status">
          {results ? formatCount(results.totalCount, "result", "results") : ""}
        </p>
        {error ? <QueryError what="Search results" error={error} retry={() => void refetch()} /> : null}
        {q && !results && !error ? <Loading label="Searching…" /> : null}
        {results && results.nodes.length === 0 ? (
          <Empty title="Nothing found">
            <p>Try another spelling or fewer words.</p>
          </Empty>
        ) : null}
        {results && results.nodes.length > 0 ? (
          <>
            {GROUPS.map(([kind, label]) => {
              const hits = results.nodes.filter((h) => h.kind === kind);
              if (!hits.length) return null;
              return (
                <section key={kind} className="search-group" aria-labelledby={`group-${kind}`}>
                  <h2 id={`group-${kind}`} className="heading-m">
                    {label} ({hits.length})
                  </h2>
                  <ul className="record-list">
                    {hits.map((hit) => {
                      const to = linkOf(hit);
                      return (
                        <li key={hit.record.id} className="record">
                          <div className="record__main">
                            <h3 className="record__title heading-s">{to ? <Link to={to}>{titleOf(hit)}</Link> : titleOf(hit)}</h3>
                            <p className="record__line search-snippet">
                              <Snippet html={hit.snippet} />
                            </p>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
            <LoadMore
              shown={results.nodes.length}
              total={results.totalCount}
              hasMore={results.pageInfo.hasNextPage}
              loading={networkStatus === NetworkStatus.fetchMore}
              noun={["result", "results"]}
              onLoadMore={() => void fetchMore({ variables: { after: results.pageInfo.endCursor } })}
            />
          </>
        ) : null}
      </section>
    </Page>
  );
}
