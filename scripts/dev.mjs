// `npm run dev`: the API under `tsx watch` and the Vite dev server (hot reload,
// /graphql proxied to the API), in one terminal. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

const children = [
  { name: "api", command: bin("tsx"), args: ["watch", "server/main.ts"] },
  { name: "web", command: bin("vite"), args: ["--config", "client/vite.config.ts"] },
].map(({ name, command, args }) => {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: process.env });
  const prefix = (stream, out) =>
    stream.on("data", (chunk) => {
      for (const line of chunk.toString().split("\n")) if (line) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return { name, child };
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
for (const { name, child } of children) {
  child.on("exit", (code) => {
    if (!stopping) console.error(`[${name}] exited with code ${code}; stopping the other process.`);
    stop(code ?? 1);
  });
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
