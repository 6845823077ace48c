import { rm } from "node:fs/promises";
import { adminQuery } from "./global-setup.mjs";

export default async function globalTeardown() {
  const url = process.env.DATABASE_URL;
  const template = process.env.ENTENTE_TEST_PG_TEMPLATE;
  if (url && template) await adminQuery(url, `drop database if exists ${template} with (force)`);
  const file = process.env.ENTENTE_TEST_PGLITE_TEMPLATE;
  if (file) await rm(file, { force: true });
}
