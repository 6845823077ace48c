import { createHash, randomBytes } from "node:crypto";
import jwt from "jsonwebtoken";
import type { Config } from "../config.js";

export interface AccessClaims {
  sub: string;
  sid: string;
}

// The algorithm is pinned on both sides: a token claiming `none` or RS256
// (key-confusion) is rejected by verify before its payload is trusted.
const ALGORITHM = "HS256" as const;

export function signAccessToken(config: Config["jwt"], userId: string, sessionId: string): string {
  return jwt.sign({ sid: sessionId }, config.secret, {
    algorithm: ALGORITHM,
    subject: userId,
    issuer: config.issuer,
    audience: config.audience,
    expiresIn: config.accessTtlSeconds,
  });
}

function verifyWith(config: Config["jwt"], secret: string, token: string): AccessClaims | null {
  try {
    const payload = jwt.verify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
    });
    if (typeof payload !== "object" || typeof payload.sub !== "string" || typeof payload.sid !== "string") {
      return null;
    }
    return { sub: payload.sub, sid: payload.sid };
  } catch {
    return null;
  }
}

/** Current key first; the previous key only during its rotation overlap. */
export function verifyAccessToken(config: Config["jwt"], token: string, now = new Date()): AccessClaims | null {
  const claims = verifyWith(config, config.secret, token);
  if (claims || !config.previous || now >= config.previous.until) return claims;
  return verifyWith(config, config.previous.secret, token);
}

export function newRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Refresh tokens are stored hashed: a database leak does not hand out sessions. */
export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
