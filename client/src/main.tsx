import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/App";
import { createApolloClient } from "./app/apollo";
import { AuthProvider } from "./app/auth/AuthProvider";
import { SessionTokens, type LockRunner } from "./app/auth/session-tokens";
import "./app/styles.css";

// Tabs take turns to spend the single-use refresh token.
function browserLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  // request() resolves with the callback's own result (the DOM typing nests the promise).
  return navigator.locks.request(name, fn) as Promise<T>;
}
const withLock: LockRunner | undefined = "locks" in navigator ? browserLock : undefined;

const tokens = new SessionTokens({ endpoint: "/graphql", storage: window.localStorage, withLock });
const client = createApolloClient(tokens);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <AuthProvider tokens={tokens} client={client}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AuthProvider>
    </ApolloProvider>
  </StrictMode>,
);
