import { describe, expect, it } from "@jest/globals";
import {
  type KeyValueStorage,
  MAX_REMEMBERED,
  dismiss,
  loadDismissed,
  restore,
  saveDismissed,
  splitAlerts,
  storageKey,
} from "../../client/src/features/home/dismissed-alerts.js";

// Dismissed coordination alerts on the home screen: remembered per user by the
// alert's stable key, tolerant of broken or missing storage.

class MemoryStorage implements KeyValueStorage {
  readonly values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

class FullStorage implements KeyValueStorage {
  getItem(): string | null {
    throw new Error("SecurityError: storage is disabled");
  }
  setItem(): void {
    throw new Error("QuotaExceededError");
  }
}

describe("dismissed alerts", () => {
  it("remembers dismissals per user and restores them", () => {
    const storage = new MemoryStorage();
    expect(loadDismissed(storage, "u1")).toEqual([]);
    const keys = dismiss(dismiss([], "overdue:a"), "travel:b");
    expect(saveDismissed(storage, "u1", keys)).toBe(true);
    expect(loadDismissed(storage, "u1")).toEqual(["overdue:a", "travel:b"]);
    expect(loadDismissed(storage, "u2")).toEqual([]);
    saveDismissed(storage, "u1", restore(loadDismissed(storage, "u1"), "overdue:a"));
    expect(loadDismissed(storage, "u1")).toEqual(["travel:b"]);
  });

  it("dismissing twice keeps one entry, moved to the newest end", () => {
    expect(dismiss(["a", "b"], "a")).toEqual(["b", "a"]);
  });

  it("shows the alerts not dismissed and lists the dismissed ones, both in the server's order", () => {
    const alerts = [{ key: "a" }, { key: "b" }, { key: "c" }, { key: "d" }];
    expect(splitAlerts(alerts, ["c", "a", "gone"])).toEqual({ shown: [{ key: "b" }, { key: "d" }], hidden: [{ key: "a" }, { key: "c" }] });
  });

  it("reads garbage, foreign values and duplicates safely", () => {
    const storage = new MemoryStorage();
    for (const raw of ["not json", "{\"a\":1}", "42", "null"]) {
      storage.values.set(storageKey("u1"), raw);
      expect(loadDismissed(storage, "u1")).toEqual([]);
    }
    storage.values.set(storageKey("u1"), JSON.stringify(["a", 3, "a", null, "b"]));
    expect(loadDismissed(storage, "u1")).toEqual(["a", "b"]);
  });

  it("keeps only the newest dismissals", () => {
    const storage = new MemoryStorage();
    const keys = Array.from({ length: MAX_REMEMBERED + 20 }, (_, i) => `k${i}`);
    saveDismissed(storage, "u1", keys);
    const kept = loadDismissed(storage, "u1");
    expect(kept).toHaveLength(MAX_REMEMBERED);
    expect(kept[0]).toBe("k20");
    expect(kept.at(-1)).toBe(`k${MAX_REMEMBERED + 19}`);
  });

  it("works without storage: nothing remembered, nothing thrown", () => {
    expect(loadDismissed(new FullStorage(), "u1")).toEqual([]);
    expect(saveDismissed(new FullStorage(), "u1", ["a"])).toBe(false);
    expect(loadDismissed(null, "u1")).toEqual([]);
    expect(saveDismissed(null, "u1", ["a"])).toBe(false);
  });
});
