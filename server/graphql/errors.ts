import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { AppError } from "../errors.js";
import { limitMessage } from "./limits.js";

const KNOWN = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export interface ErrorLog {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * The one place errors become responses. Domain errors keep their stable code
 * (and the failing field); anything unexpected is logged with the request id
 * and returned as INTERNAL_SERVER_ERROR with nothing of its internals.
 */
export function formatError(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    const limit = limitMessage(formatted.message);
    if (limit) return { message: limit, extensions: { code: "BAD_USER_INPUT" } };
    if (typeof code === "string" && KNOWN.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    // Variable coercion errors (bad scalars, unknown input fields) arrive as
    // BAD_USER_INPUT with the path only in the message: lift it into `field`.
    if (code === "BAD_USER_INPUT") {
      const m = formatted.message.match(/^Variable "\$(\w+)" got invalid value .*? at "(?:\w+\.)?([^"]+)"/s);
      const v = formatted.message.match(/^Variable "\$(\w+)"/);
      const field = m ? `${m[1]}.${m[2]}` : v?.[1];
      return { message: formatted.message, locations: formatted.locations, extensions: { code, ...(field ? { field } : {}) } };
    }
    log.error({ err: original, path: formatted.path }, "unexpected error");
    return { message: "Something went wrong on our side.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
