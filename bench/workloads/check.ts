// Small shape checks shared by the validators. Each returns a problem (a
// sentence naming the path) or null; the first problem fails the response.

export type Json = Record<string, unknown>;

export class Problem extends Error {}

export function obj(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Problem(`${path} is not an object`);
  return value as Json;
}

export function arr(value: unknown, path: string, opts: { min?: number; max?: number } = {}): Json[] {
  if (!Array.isArray(value)) throw new Problem(`${path} is not a list`);
  if (opts.min !== undefined && value.length < opts.min) throw new Problem(`${path} has ${value.length} entries, expected at least ${opts.min}`);
  if (opts.max !== undefined && value.length > opts.max) throw new Problem(`${path} has ${value.length} entries, expected at most ${opts.max}`);
  return value as Json[];
}

export function str(value: unknown, path: string): string {
  if (typeof value !== "string" || value.length === 0) throw new Problem(`${path} is not a non-empty string`);
  return value;
}

export function num(value: unknown, path: string, range: { min?: number; max?: number } = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Problem(`${path} is not a number`);
  if (range.min !== undefined && value < range.min) throw new Problem(`${path} is ${value}, below ${range.min}`);
  if (range.max !== undefined && value > range.max) throw new Problem(`${path} is ${value}, above ${range.max}`);
  return value;
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") throw new Problem(`${path} is not a boolean`);
  return value;
}

/** Values in non-increasing order (scores, newest-first times). */
export function descending(values: (number | string)[], path: string): void {
  for (let i = 1; i < values.length; i++) {
    if (values[i]! > values[i - 1]!) throw new Problem(`${path} is not in descending order at ${i}`);
  }
}

/** Runs a validator: a thrown Problem becomes the response's problem. */
export function checking(fanOut: () => number, body: () => void): { problem: string | null; fanOut: number } {
  try {
    body();
    return { problem: null, fanOut: fanOut() };
  } catch (error) {
    if (error instanceof Problem) return { problem: error.message, fanOut: 0 };
    throw error;
  }
}

/** Relay global id (base64url "Type:uuid"), as the API encodes it. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}
