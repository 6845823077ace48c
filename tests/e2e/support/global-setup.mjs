// Plain JS: Jest loads global setup outside its TypeScript transform.
// Builds the client once (if missing or stale) before any test file starts a server.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default async function globalSetup() {
  const script = fileURLToPath(new URL("../../../scripts/ensure-client.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("Building the web client failed.");
}
