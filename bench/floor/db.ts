import jwt from "jsonwebtoken";
import pg from "pg";

// The floor's only database access: pg directly, one pool like the app's,
// and a per-request count of statements (sent back as X-SQL-Statements, as
// the app does, so the report can put the two side by side).

export interface FloorViewer {
  userId: string;
  memberId: string;
  role: "ADMIN" | "EDITOR" | "VIEWER";
  sessionId: string;
}

export class Queries {
  statements = 0;
  constructor(private readonly pool: pg.Pool) {}

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    this.statements++;
    return (await this.pool.query(text, params)).rows as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }
}

export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // The same session settings as the app (JIT off: compile time dwarfs these statements).
    options: "-c statement_timeout=15000 -c idle_in_transaction_session_timeout=30000 -c jit=off",
  });
  pool.on("error", () => {
    // An idle connection closed by the server: replaced on the next query.
  });
  return pool;
}

/** The same checks as the app: the token's signature, issuer, audience and expiry, then the session in the database. */
export async function authenticate(q: Queries, secret: string, header: string | undefined): Promise<FloorViewer | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!token) return null;
  let claims: jwt.JwtPayload;
  try {
    const payload = jwt.verify(token, secret, { algorithms: ["HS256"], issuer: "entente", audience: "entente-api" });
    if (typeof payload !== "object" || typeof payload.sub !== "string" || typeof payload.sid !== "string") return null;
    claims = payload;
  } catch {
    return null;
  }
  const row = await q.one<{ id: string; member_id: string; role: FloorViewer["role"]; ok: boolean }>(
    `select u.id, u.member_id, u.role::text as role,
       u.disabled_at is null and exists (select 1 from refresh_tokens r where r.family_id = $2 and r.user_id = u.id and r.revoked_at is null) as ok
     from users u where u.id = $1`,
    [claims.sub, claims.sid],
  );
  if (!row?.ok) return null;
  return { userId: row.id, memberId: row.member_id, role: row.role, sessionId: claims.sid as string };
}

/** Relay global ids, as the API encodes them. */
export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, "utf8").toString("base64url");

/** The database id in a global id of the expected type, or null. */
export function dbId(type: string, globalId: unknown): string | null {
  if (typeof globalId !== "string") return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const [kind, id] = [decoded.slice(0, decoded.indexOf(":")), decoded.slice(decoded.indexOf(":") + 1)];
  return kind === type && /^[0-9a-f-]{36}$/i.test(id) ? id.toLowerCase() : null;
}

export class BadInput extends Error {}
