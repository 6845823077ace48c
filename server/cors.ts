import type { NextFunction, Request, RequestHandler, Response } from "express";

// Cross-origin access for browsers on the origins in CORS_ORIGINS, and for no one
// else. The API authenticates with an Authorization header, never with cookies, so
// credentialed CORS (Access-Control-Allow-Credentials) is never needed and never
// sent: a page on another origin cannot make the browser attach anything on its own.

const METHODS = "GET, POST";
// What the web client and curl-like clients send; Apollo's CSRF check wants a preflight-only header.
const REQUEST_HEADERS = "Authorization, Content-Type, Accept, Apollo-Require-Preflight, X-Apollo-Operation-Name, X-Request-Id";
// What scripts on an allowed origin may read (CSV downloads and request tracing).
const EXPOSED_HEADERS = "Content-Disposition, X-Request-Id, X-Total-Count, X-Export-Truncated";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

export function corsMiddleware(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    // The answer depends on Origin: shared caches must not hand one origin's answer to another.
    res.vary("Origin");
    const origin = req.header("origin");
    const permitted = origin !== undefined && allowed.has(origin);
    const preflight = req.method === "OPTIONS" && origin !== undefined && req.header("access-control-request-method") !== undefined;
    if (preflight) {
      res.vary("Access-Control-Request-Headers");
      if (!permitted) {
        // No CORS headers: the browser refuses the real request. Nothing else runs.
        res.status(403).end();
        return;
      }
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-methods", METHODS);
      res.setHeader("access-control-allow-headers", REQUEST_HEADERS);
      res.setHeader("access-control-max-age", PREFLIGHT_MAX_AGE_SECONDS);
      res.status(204).end();
      return;
    }
    if (permitted) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    }
    next();
  };
}
