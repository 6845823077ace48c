// Builds the web client when client/dist is missing or older than its sources,
// so `npm start` on a fresh clone serves the app without a separate build step.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const client = join(root, "client");
const built = join(client, "dist", "index.html");

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = [join(client, "src"), join(client, "public"), join(client, "index.html"), join(client, "vite.config.ts")];
const sourceTime = Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

const vite = join(root, "node_modules", ".bin", "vite");
if (!existsSync(vite)) {
  console.error("The web client is not built and Vite is not installed: run `npm install` (with dev dependencies), then `npm start`.");
  process.exit(1);
}
console.log(existsSync(built) ? "Rebuilding the web client (its sources changed)…" : "Building the web client (first start)…");
const result = spawnSync(vite, ["build", "--config", join(client, "vite.config.ts"), "--logLevel", "warn"], {
  cwd: root,
  stdio: "inherit",
  // A production bundle whatever the caller's NODE_ENV (Jest sets "test", which would bundle React's development build).
  env: { ...process.env, NODE_ENV: "production" },
});
process.exit(result.status ?? 1);
