import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  type GraphQLCompositeType,
  type SelectionSetNode,
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
} from "graphql";
import type { Context } from "../context.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../modules/shared/pagination.js";

// Abuse limits, all applied before any resolver runs. The messages say what
// to do, not where the limits are.

export const LIMITS = { depth: 12, aliases: 30, tokens: 5_000, directives: 20, cost: 50_000 };

/** Depth, aliases, tokens, directives and "did you mean" suggestions (graphql-armor). */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.depth, exposeLimits: true, flattenFragments: true },
    maxAliases: { n: LIMITS.aliases, exposeLimits: true },
    maxTokens: { n: LIMITS.tokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.directives, exposeLimits: true },
    blockFieldSuggestion: { enabled: true },
    costLimit: { enabled: false },
  }).protect();
}

// graphql-armor names its limits; clients get what to do instead (see formatError).
const REWRITES: [RegExp, string][] = [
  [/Query depth limit/, "This query is nested too deeply. Ask for fewer levels of nested fields."],
  [/Aliases limit/, "This query uses too many aliases. Split it into several requests."],
  [/Token limit/, "This query is too long. Split it into several requests."],
  [/Directives limit/, "This query uses too many directives."],
];

/** The client-facing message for a limit error, or null when `message` is not one. */
export function limitMessage(message: string): string | null {
  return REWRITES.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/**
 * Cost: every field costs 1, and a list field's selection costs as many times
 * as the items it may return (`first`, capped at MAX_PAGE_SIZE). Computed with
 * the request's variables, so `first: $n` is priced at the real n.
 */
export function costLimitPlugin(schema: GraphQLSchema, max = LIMITS.cost): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
          if (!root) return;
          const variables = request.variables ?? {};
          const cost = selectionCost(operation.selectionSet, root, fragments, variables, 0, new Map());
          if (cost > max) {
            throw new GraphQLError("This query asks for too much at once. Request fewer items or fewer nested fields.", {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function selectionCost(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  depth: number,
  // Each fragment is priced once per parent type: fragments spreading a fragment twice,
  // nested, would otherwise make pricing a few hundred tokens take exponential time.
  fragmentCosts: Map<string, number>,
): number {
  if (depth > 50) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = fragments.get(sel.name.value);
      if (!frag) continue;
      const key = `${frag.name.value} on ${parent.name}`;
      let cost = fragmentCosts.get(key);
      if (cost === undefined) {
        cost = selectionCost(frag.selectionSet, parent, fragments, variables, depth + 1, fragmentCosts);
        fragmentCosts.set(key, cost);
      }
      total += cost;
      continue;
    }
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      total += selectionCost(sel.selectionSet, parent, fragments, variables, depth + 1, fragmentCosts);
      continue;
    }
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
    total += 1;
    if (!field || !sel.selectionSet) continue;
    const child = getNamedType(field.type);
    if (!isCompositeType(child)) continue;
    const firstArg = sel.arguments?.find((a) => a.name.value === "first");
    const hasFirst = field.args.some((a) => a.name === "first");
    let multiplier = 1;
    if (hasFirst) {
      const value = firstArg ? valueFromASTUntyped(firstArg.value, variables) : null;
      multiplier = typeof value === "number" ? Math.max(1, Math.min(value, MAX_PAGE_SIZE)) : DEFAULT_PAGE_SIZE;
    } else if (String(field.type).includes("[") && !parent.name.endsWith("Connection")) {
      // Unpaginated nested lists (affiliations, parties) are small but not free. A
      // connection's nodes/edges are already priced by the connection's `first`.
      multiplier = 10;
    }
    total += multiplier * selectionCost(sel.selectionSet, child, fragments, variables, depth + 1, fragmentCosts);
  }
  return total;
}
