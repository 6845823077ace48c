import { formatCount } from "./format";

interface Props {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  noun: [one: string, many: string];
}

/** "Showing 25 of 120 people" and a button for the next page (cursor pagination). */
export function LoadMore({ shown, total, hasMore, loading, onLoadMore, noun }: Props) {
  return (
    <div className="load-more">
      <p className="load-more__count">
        Showing {shown} of {formatCount(total, noun[0], noun[1])}
      </p>
      {hasMore ? (
        <button type="button" className="button button--secondary" onClick={onLoadMore} disabled={loading} aria-busy={loading}>
          {loading ? "Loading…" : `Show more ${noun[1]}`}
        </button>
      ) : null}
    </div>
  );
}
