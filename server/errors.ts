// Domain errors with stable codes. Services throw these; the GraphQL error
// formatter (server/graphql/errors.ts) is the one place that maps them.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "INTERNAL_SERVER_ERROR";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const unauthenticated = (message = "You must sign in.") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You are not allowed to do that.") => new AppError("FORBIDDEN", message);
// One message for "missing" and "not yours": a private record must not be detectable.
export const notFound = (what = "Record") => new AppError("NOT_FOUND", `${what} not found.`);
export const badInput = (field: string, message: string) => new AppError("BAD_USER_INPUT", message, field);
export const conflict = (message = "This record was changed by someone else. Reload it and try again.") =>
  new AppError("CONFLICT", message);
