import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  return DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

function toIsoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" && isRealDate(value)) return value;
  throw new GraphQLError("Date must be a calendar date as YYYY-MM-DD.");
}

export const DateScalar = new GraphQLScalarType({
  name: "Date",
  serialize: toIsoDate,
  parseValue: toIsoDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Date must be a string YYYY-MM-DD.");
    return toIsoDate(ast.value);
  },
});

function toDateTime(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  // Strings must carry an explicit offset: an instant without one is ambiguous.
  if (typeof value === "string" && !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new GraphQLError("DateTime must be ISO 8601 with an offset, e.g. 2026-02-22T09:30:00Z.");
  }
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError("DateTime must be ISO 8601 with an offset, e.g. 2026-02-22T09:30:00Z.");
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: toDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string.");
    return toDateTime(ast.value);
  },
});
