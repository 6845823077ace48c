import { createServer } from "node:http";
import { createApp } from "./app.js";
import { ConfigError, parseConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createLogger } from "./logger.js";
import { seedDemoIfEmpty } from "../seeds/demo/index.js";

// config → db → migrate → listen. The only file that listens.
async function main() {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  await database.migrate();
  logger.info({ database: database.kind }, "database migrated");

  const demo = config.demoData ? await seedDemoIfEmpty(database.db) : null;

  const httpServer = createServer();
  const app = await createApp({ config, database, logger, httpServer });
  httpServer.on("request", app.express);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const url = `http://localhost:${config.port}`;
  logger.info({ url }, "Entente is listening");
  if (demo) printDemoSignIns(url, demo.users, demo.password);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: draining requests");
    // Drains in-flight requests (up to 10 s), then closes the database.
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.stop();
      await database.close();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function printDemoSignIns(url: string, users: { email: string; role: string; member: string }[], password: string) {
  const lines = [
    "",
    `  Entente is running at ${url}   (GraphQL: ${url}/graphql)`,
    "",
    `  Demo sign-ins (password for all: ${password}):`,
    ...users.map((u) => `    ${u.email.padEnd(28)} ${u.role.padEnd(7)} ${u.member}`),
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
