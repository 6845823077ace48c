import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit } from "graphql";
import type { Context } from "../context.js";
import { UNSTORABLE_TEXT_MESSAGE, isUnstorableText, unstorableTextPath } from "../modules/shared/text.js";

/**
 * Refuses text that PostgreSQL cannot hold (NUL) or that is not Unicode (an unpaired
 * surrogate) anywhere in a request's variables or string literals, before any resolver
 * runs: otherwise it surfaces from the driver as an internal error in whichever filter
 * or input happened to carry it.
 */
export function textInputPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const path = unstorableTextPath(value, name);
            if (!path) continue;
            // Worded like graphql-js's coercion errors, so the error formatter names the field ("input.fullName", or "q").
            const at = path === name ? "" : ` at "${path}"`;
            throw badText(`Variable "$${name}" got invalid value (unstorable text)${at}; it ${UNSTORABLE_TEXT_MESSAGE}.`);
          }
          visit(document, {
            [Kind.STRING](node) {
              if (isUnstorableText(node.value)) throw badText(`A string in the query ${UNSTORABLE_TEXT_MESSAGE}.`);
            },
          });
        },
      };
    },
  };
}

const badText = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
