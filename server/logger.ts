import pino from "pino";

export type Logger = pino.Logger;

// Structured JSON logs. Authorization headers, tokens and passwords are never
// written, whatever a caller passes in.
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.authorization", "*.password", "*.accessToken", "*.refreshToken", "password", "token"],
      censor: "[redacted]",
    },
  });
}
