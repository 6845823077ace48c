import { AsyncLocalStorage } from "node:async_hooks";

// Counts SQL statements per request (and per benchmark run) without touching
// every query site: the Drizzle logger calls countStatement for each one.
interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

export function withStatementCounter<T>(fn: () => T): { result: T; counter: Counter } {
  const counter: Counter = { statements: 0 };
  const result = storage.run(counter, fn);
  return { result, counter };
}

export function runWithCounter<T>(counter: Counter, fn: () => T): T {
  return storage.run(counter, fn);
}

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.statements += 1;
}

export function currentStatementCount(): number {
  return storage.getStore()?.statements ?? 0;
}
