import type { Context } from "../../context.js";
import { badInput } from "../../errors.js";
import { refOf } from "../../graphql/global-id.js";

// Inputs refer to other records by global id. A reference must be to a record
// the viewer can see; an invisible one is reported exactly like a missing one.

type Kind = "Place" | "Organisation" | "Person" | "Visit" | "Interaction" | "Partnership" | "Opportunity";

async function exists(ctx: Context, kind: Kind, id: string): Promise<boolean> {
  switch (kind) {
    case "Place":
      return (await ctx.loaders.places.byId.load(id)) !== null;
    case "Organisation":
      return (await ctx.loaders.organisations.byId.load(id)) !== null;
    case "Person":
      return (await ctx.loaders.people.byId.load(id)) !== null;
    case "Visit":
      return (await ctx.loaders.visits.byId.load(id)) !== null;
    case "Interaction":
      return (await ctx.loaders.interactions.byId.load(id)) !== null;
    case "Partnership":
      return (await ctx.loaders.partnerships.byId.load(id)) !== null;
    case "Opportunity":
      return (await ctx.loaders.opportunities.byId.load(id)) !== null;
  }
}

/** undefined stays undefined (not given), null stays null (cleared), an id must resolve. */
export async function optionalRef(
  ctx: Context,
  kind: Kind,
  globalId: string | null | undefined,
  field: string,
): Promise<string | null | undefined> {
  if (globalId == null) return globalId;
  return requiredRef(ctx, kind, globalId, field);
}

export async function requiredRef(ctx: Context, kind: Kind, globalId: string, field: string): Promise<string> {
  const id = refOf(kind, globalId, field);
  if (!(await exists(ctx, kind, id))) throw badInput(field, `${field}: no such ${kind.toLowerCase()}.`);
  return id;
}
