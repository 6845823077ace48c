// Which coordination alerts a user has dismissed on this browser. Alerts carry a
// stable key for the same situation, so a dismissed alert stays hidden until the
// situation changes (a new key). Kept per user: two people may share a browser.
// Free of React and the DOM (tested in tests/client/dismissed-alerts.test.ts).

/** The part of localStorage this needs (a Map stands in for it in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Enough for years of alerts; the oldest dismissals are forgotten first. */
export const MAX_REMEMBERED = 500;

export const storageKey = (userId: string): string => `entente.dismissedAlerts.${userId}`;

/** The dismissed keys, oldest first. Unreadable or foreign values count as none dismissed. */
export function loadDismissed(storage: KeyValueStorage | null, userId: string): string[] {
  let raw: string | null;
  try {
    raw = storage?.getItem(storageKey(userId)) ?? null;
  } catch {
    // Storage can be switched off (private windows, policies): nothing is remembered.
    return [];
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((k): k is string => typeof k === "string"))] : [];
  } catch {
    return [];
  }
}

/** Saves the list (capped, oldest dropped). Returns false when the browser would not store it. */
export function saveDismissed(storage: KeyValueStorage | null, userId: string, keys: readonly string[]): boolean {
  const unique = [...new Set(keys)];
  try {
    storage?.setItem(storageKey(userId), JSON.stringify(unique.slice(-MAX_REMEMBERED)));
    return storage !== null;
  } catch {
    return false;
  }
}

export const dismiss = (keys: readonly string[], key: string): string[] => [...keys.filter((k) => k !== key), key];
export const restore = (keys: readonly string[], key: string): string[] => keys.filter((k) => k !== key);

/** Splits alerts into those to show and those dismissed, each in the server's order. */
export function splitAlerts<A extends { key: string }>(alerts: readonly A[], dismissed: readonly string[]): { shown: A[]; hidden: A[] } {
  const set = new Set(dismissed);
  return { shown: alerts.filter((a) => !set.has(a.key)), hidden: alerts.filter((a) => set.has(a.key)) };
}
