import type { ApolloClient } from "@apollo/client";
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { REFRESH_TOKEN_KEY, SessionEndedError, type SessionTokens, type Viewer } from "./session-tokens";

export type AuthState =
  | { status: "resuming" }
  | { status: "unreachable"; message: string }
  | { status: "signedOut"; reason: string | null }
  | { status: "signedIn"; viewer: Viewer };

interface AuthApi {
  state: AuthState;
  signIn(email: string, password: string): Promise<Viewer>;
  /** Resolves false when the server could not be told (the session still ends here). */
  signOut(): Promise<boolean>;
  /** After a failed resume (server unreachable): try again. */
  retryResume(): void;
  /** A current access token (refreshed first when about to expire), for authenticated downloads. */
  accessToken(): Promise<string | null>;
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ tokens, client, children }: { tokens: SessionTokens; client: ApolloClient; children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    tokens.canResume() ? { status: "resuming" } : { status: "signedOut", reason: null },
  );

  // Exchanges the stored refresh token; success arrives as a "signedIn" event.
  const resume = useCallback(() => {
    tokens.refresh().catch((err: unknown) => {
      if (err instanceof SessionEndedError) setState({ status: "signedOut", reason: err.message });
      else setState({ status: "unreachable", message: err instanceof Error ? err.message : String(err) });
    });
  }, [tokens]);
  const retryResume = useCallback(() => {
    setState({ status: "resuming" });
    resume();
  }, [resume]);

  useEffect(() => {
    const off = tokens.onChange((event) => {
      if (event.type === "signedOut") {
        setState({ status: "signedOut", reason: event.reason });
        // Nothing one user saw may stay in memory for the next.
        void client.clearStore();
      } else {
        setState({ status: "signedIn", viewer: event.viewer });
      }
    });
    // A reload or a new tab: exchange the stored refresh token for a session.
    if (tokens.canResume() && !tokens.isSignedIn()) resume();
    const onStorage = (e: StorageEvent) => {
      if (e.key === REFRESH_TOKEN_KEY || e.key === null) {
        tokens.syncFromStorage().catch((err: unknown) => {
          setState({ status: "unreachable", message: err instanceof Error ? err.message : String(err) });
        });
      }
    };
    window.addEventListener("storage", onStorage);
    return () => {
      off();
      window.removeEventListener("storage", onStorage);
    };
  }, [tokens, client, resume]);

  const api = useMemo<AuthApi>(
    () => ({
      state,
      signIn: async (email, password) => (await tokens.signIn(email, password)).user,
      signOut: () => tokens.signOut(),
      retryResume,
      accessToken: () => tokens.accessTokenForRequest(),
    }),
    [state, tokens, retryResume],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const api = useContext(AuthContext);
  if (!api) throw new Error("useAuth must be used inside <AuthProvider>");
  return api;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useViewer(): Viewer {
  const { state } = useAuth();
  if (state.status !== "signedIn") throw new Error("useViewer needs a signed-in user");
  return state.viewer;
}
