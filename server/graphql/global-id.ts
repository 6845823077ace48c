import { badInput, notFound } from "../errors.js";

// Relay global ids: base64url("Type:uuid"). Opaque to clients, typed for us.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  return UUID.test(id) ? { type, id: id.toLowerCase() } : null;
}

/**
 * The database id behind a global id of the expected type. A well-formed id of
 * another type yields null (the caller answers "not found"); garbage is bad input.
 */
export function idOf(type: string, globalId: string, field = "id"): string | null {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(field, `${field} is not a valid id.`);
  return parsed.type === type ? parsed.id : null;
}

/** As idOf, for references in inputs: a wrong type is bad input naming the field. */
export function refOf(type: string, globalId: string, field: string): string {
  const id = idOf(type, globalId, field);
  if (!id) throw badInput(field, `${field} must be the id of a ${type}.`);
  return id;
}

/** For mutations on an existing record: a wrong-type id is simply not found. */
export function existingIdOf(type: string, globalId: string, field = "id"): string {
  const id = idOf(type, globalId, field);
  if (!id) throw notFound(type);
  return id;
}
