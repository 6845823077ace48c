import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import {
  LoginDocument,
  LogoutDocument,
  RefreshSessionDocument,
  type SessionFieldsFragment,
  type ViewerFieldsFragment,
} from "../../generated/graphql.js";

// Tokens live here and nowhere else. The access token stays in memory (a script
// injected into the page cannot read it from storage after a reload); the
// single-use refresh token is kept in localStorage so a reload or a new tab
// resumes the session. This module is plain TypeScript with its environment
// passed in, so the same code runs in the browser and in tests against the
// real server.

export type Session = SessionFieldsFragment;
export type Viewer = ViewerFieldsFragment;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Runs `fn` while holding a lock shared by every tab (navigator.locks in browsers). */
export type LockRunner = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export type SessionEvent =
  | { type: "signedIn"; viewer: Viewer }
  | { type: "refreshed"; viewer: Viewer }
  | { type: "signedOut"; reason: string | null };

/** The server refused the refresh token: the user must sign in again. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

/** The server answered a sign-in with an error it meant for the user (wrong password, bad email). */
export class SignInError extends Error {
  override name = "SignInError";
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

export interface SessionTokensOptions {
  /** The GraphQL endpoint, e.g. "/graphql". */
  endpoint: string;
  storage: KeyValueStorage;
  fetch?: typeof fetch;
  withLock?: LockRunner;
  now?: () => number;
}

export const REFRESH_TOKEN_KEY = "entente.refreshToken";
const LOCK_NAME = "entente.refresh";
export const SESSION_ENDED = "Your session has ended. Sign in again.";
export const SIGNED_OUT = "You have signed out.";
export const SIGNED_OUT_HERE_ONLY =
  "You have signed out on this device, but the server could not be told. Your access ends when the current token expires (within 15 minutes).";

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string };
}
interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

const noLock: LockRunner = (_name, fn) => fn();

export class SessionTokens {
  private accessToken: string | null = null;
  /** Local clock time at which the access token expires (corrected for clock skew). */
  private expiresAt = 0;
  private lifetime = 0;
  private inflight: Promise<Session> | null = null;
  private signedIn = false;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly fetch: typeof fetch;
  private readonly withLock: LockRunner;
  private readonly now: () => number;

  constructor(private readonly options: SessionTokensOptions) {
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.withLock = options.withLock ?? noLock;
    this.now = options.now ?? Date.now;
  }

  onChange(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when a stored refresh token could resume a session (after a reload or in a new tab). */
  canResume(): boolean {
    return this.options.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  isSignedIn(): boolean {
    return this.signedIn;
  }

  async signIn(email: string, password: string): Promise<Session> {
    const { body, serverNow } = await this.post(LoginDocument, { email, password });
    const session = body.data?.login;
    if (!session) {
      const error = body.errors?.[0];
      throw new SignInError(error?.message ?? "Sign-in failed. Try again.", error?.extensions?.field ?? null);
    }
    this.accept(session, serverNow);
    this.emit({ type: "signedIn", viewer: session.user });
    return session;
  }

  /**
   * A current access token, refreshed first when it is about to expire; null
   * when signed out. Network failures propagate (the session is kept for a retry).
   */
  async accessTokenForRequest(): Promise<string | null> {
    if (this.accessToken && this.expiresAt - this.now() > this.margin()) return this.accessToken;
    if (!this.canResume()) return null;
    try {
      await this.refresh();
    } catch (err) {
      if (err instanceof SessionEndedError) return null;
      throw err;
    }
    return this.accessToken;
  }

  /** The server refused this access token (revoked, or the clocks disagree): do not send it again. */
  rejectAccessToken(token: string): void {
    if (this.accessToken === token) {
      this.accessToken = null;
      this.expiresAt = 0;
    }
  }

  /**
   * Exchanges the stored refresh token for a new pair. Concurrent callers share
   * one request, and tabs take turns (a refresh token is single use: spending
   * it twice makes the server end the whole session).
   */
  refresh(): Promise<Session> {
    this.inflight ??= this.withLock(LOCK_NAME, () => this.exchange()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Ends the session on the server (best effort) and here. Returns false when the server could not be told. */
  async signOut(): Promise<boolean> {
    let told = true;
    try {
      const token = await this.accessTokenForRequest();
      if (token) {
        const { body } = await this.post(LogoutDocument, {}, token);
        // An already-ended session is still signed out; anything else is worth reporting.
        const code = body.errors?.[0]?.extensions?.code;
        told = body.data?.logout === true || code === "UNAUTHENTICATED";
      }
    } catch {
      told = false;
    }
    this.end(told ? SIGNED_OUT : SIGNED_OUT_HERE_ONLY);
    return told;
  }

  /** Forgets the session locally (storage included, so other tabs follow). */
  end(reason: string | null): void {
    const wasSignedIn = this.signedIn || this.accessToken !== null;
    this.accessToken = null;
    this.expiresAt = 0;
    this.signedIn = false;
    this.options.storage.removeItem(REFRESH_TOKEN_KEY);
    if (wasSignedIn) this.emit({ type: "signedOut", reason });
  }

  /**
   * Call when another tab changed storage: a removed refresh token means it
   * signed out; a new one while signed out here means it signed in.
   */
  async syncFromStorage(): Promise<void> {
    const stored = this.canResume();
    if (!stored && this.signedIn) {
      this.accessToken = null;
      this.expiresAt = 0;
      this.signedIn = false;
      this.emit({ type: "signedOut", reason: "You signed out in another tab." });
    } else if (stored && !this.signedIn) {
      await this.refresh().catch((err: unknown) => {
        if (!(err instanceof SessionEndedError)) throw err;
      });
    }
  }

  private async exchange(): Promise<Session> {
    const refreshToken = this.options.storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) {
      this.end(SESSION_ENDED);
      throw new SessionEndedError(SESSION_ENDED);
    }
    const { body, serverNow } = await this.post(RefreshSessionDocument, { refreshToken });
    const session = body.data?.refreshSession;
    if (!session) {
      const error = body.errors?.[0];
      if (error?.extensions?.code === "UNAUTHENTICATED") {
        this.end(error.message);
        throw new SessionEndedError(error.message);
      }
      throw new Error(error?.message ?? "The server could not renew your session.");
    }
    const wasSignedIn = this.signedIn;
    this.accept(session, serverNow);
    this.emit({ type: wasSignedIn ? "refreshed" : "signedIn", viewer: session.user });
    return session;
  }

  private accept(session: Session, serverNow: number | null): void {
    // Measure the lifetime against the server's clock when it sent one, so a
    // client clock that is minutes out does not send expired tokens.
    const expires = Date.parse(session.accessTokenExpiresAt);
    const lifetime = Math.max(0, expires - (serverNow ?? this.now()));
    this.accessToken = session.accessToken;
    this.lifetime = lifetime;
    this.expiresAt = this.now() + lifetime;
    this.signedIn = true;
    this.options.storage.setItem(REFRESH_TOKEN_KEY, session.refreshToken);
  }

  /** Refresh this long before expiry: a minute, or a quarter of a short lifetime. */
  private margin(): number {
    return Math.min(60_000, this.lifetime / 4);
  }

  private async post<T, V>(
    document: TypedDocumentNode<T, V>,
    variables: V,
    token?: string,
  ): Promise<{ body: GraphQLBody<T>; serverNow: number | null }> {
    let res: Response;
    try {
      res = await this.fetch(this.options.endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch {
      throw new Error("Could not reach the Entente server. Check your connection and try again.");
    }
    let body: GraphQLBody<T>;
    try {
      body = (await res.json()) as GraphQLBody<T>;
    } catch {
      throw new Error(`The server answered with an unexpected response (HTTP ${res.status}).`);
    }
    const date = res.headers.get("date");
    const serverNow = date ? Date.parse(date) : Number.NaN;
    return { body, serverNow: Number.isNaN(serverNow) ? null : serverNow };
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
