import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, type FieldPolicy } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { from, switchMap } from "rxjs";
// With the extension, so the Node tests (tests/client/) can load this file too.
import { SESSION_ENDED, type SessionTokens } from "./auth/session-tokens.js";

interface Page {
  nodes: unknown[];
}

/**
 * Cursor pages of one list (same filter and page size) are appended; a request
 * without `after` starts the list again. Different filters are cached apart.
 */
const connection: FieldPolicy<Page, Page> = {
  keyArgs: ["filter", "first"],
  merge(existing, incoming, { args }) {
    if (!existing || !args?.after) return incoming;
    return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
  },
};

export function createApolloClient(tokens: SessionTokens, uri = "/graphql", fetchImpl?: typeof fetch): ApolloClient {
  // Every request carries a current access token (refreshed first when it is
  // about to expire).
  const auth = new SetContextLink(async (prev) => {
    const token = await tokens.accessTokenForRequest();
    return {
      accessToken: token,
      headers: { ...(prev.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    };
  });

  // A token the server refused (revoked, or the clocks disagree): refresh once
  // and retry; if that fails too, the session has ended.
  const retryUnauthenticated = new ErrorLink(({ error, operation, forward }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    if (!error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) return;
    const context = operation.getContext();
    const token = typeof context.accessToken === "string" ? context.accessToken : null;
    if (!token) return;
    if (context.retriedAfterRefresh) {
      tokens.end(SESSION_ENDED);
      return;
    }
    tokens.rejectAccessToken(token);
    operation.setContext({ retriedAfterRefresh: true });
    return from(tokens.accessTokenForRequest()).pipe(switchMap(() => forward(operation)));
  });

  return new ApolloClient({
    link: ApolloLink.from([retryUnauthenticated, auth, new HttpLink({ uri, fetch: fetchImpl })]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: { people: connection, organisations: connection, places: connection, members: connection, alumniInvestors: connection, visits: connection, partnerships: connection },
        },
        Member: { fields: { users: { ...connection, keyArgs: ["first"] } } },
      },
    }),
  });
}
