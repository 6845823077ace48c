import { useCallback, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * List filters live in the address (?q=…&country=…), so a filtered list can be
 * bookmarked, shared and reached again with the back button.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>;
  const set = useCallback(
    (key: K, value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const activeCount = keys.filter((k) => values[k] !== "").length;
  return { values, set, clear, active: activeCount > 0, activeCount };
}

/** "" → undefined, so an empty filter field is left out of the GraphQL filter. */
export const orUndefined = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

/**
 * A control's own copy of a value that lives in the address. The router applies
 * address changes in a transition, so a control bound straight to the address
 * would snap back for a moment after each click; this copy answers at once and
 * follows the address when it changes from outside (back button, "Clear filters").
 */
export function useMirror<T>(value: T): [T, (next: T) => void] {
  const [local, setLocal] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setLocal(value);
  }
  return [local, setLocal];
}
