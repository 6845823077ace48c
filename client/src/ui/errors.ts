import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import type { FieldProblem } from "./ErrorSummary";

/** The stable code of the first GraphQL error (UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT…), if any. */
export function errorCode(error: unknown): string | null {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === "string" ? code : null;
  }
  return null;
}

/** A sentence for the user. Server messages are written for people; transport failures are explained. */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => e.message).join(" ") || "The server reported a problem.";
  }
  if (ServerError.is(error)) {
    return error.statusCode >= 500
      ? `The server had a problem (HTTP ${error.statusCode}). Try again in a moment.`
      : `The server refused the request (HTTP ${error.statusCode}).`;
  }
  if (error instanceof TypeError) return "Could not reach the Entente server. Check your connection and try again.";
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * BAD_USER_INPUT errors name the failing field ("input.email") and say what is
 * wrong ("input.email: must be an email address"). This turns them into
 * summary entries that link to the form's own fields.
 */
export function fieldProblems(error: unknown, fields: Record<string, { id: string; label: string }>): FieldProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [{ field: null, message: describeError(error) }];
  return error.errors.map((e) => {
    const name = typeof e.extensions?.field === "string" ? e.extensions.field : null;
    const target = name ? fields[name] : undefined;
    if (!target) return { field: null, message: e.message };
    const prefix = `${name}: `;
    const detail = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    const message = /^[a-z]/.test(detail) ? `${target.label} ${detail}` : detail;
    return { field: target.id, message: message.endsWith(".") ? message : `${message}.` };
  });
}
