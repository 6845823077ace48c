import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../../server/db/client.js";
import { gid, makeActor, makePerson } from "../support/factories.js";
import { type AppOnDatabase, reportOf, runImport, startAppOn, uploadOk } from "./helpers.js";

// The embedded database as `npm start` makes it: created empty and migrated by the same process.
// PGlite learns the database's array types when it opens, so types that migrations add (citext)
// have no array encoding in that process; imports must not depend on one.

let dir: string;
let database: Database;
let server: AppOnDatabase;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "entente-fresh-pglite-"));
  database = await openDatabase({ kind: "pglite", dataDir: dir });
  await database.migrate();
  server = await startAppOn(database);
});
afterAll(async () => {
  await server.stopApp();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe("import on a freshly created embedded database", () => {
  it("checks emails for likely duplicates (the dry run and the import)", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const existing = await makePerson(server.db, actor, { fullName: "Ines Duarte", email: "ines@example.pt" });
    const csv = "external_id,full_name,email\nF1,Someone Else,INES@example.pt\nF2,Tomas Novak,tomas@example.cz";
    const jobId = await uploadOk(server, actor.token, "PEOPLE", "people.csv", csv);
    const mapping = [
      { column: "external_id", field: "externalId" },
      { column: "full_name", field: "fullName" },
      { column: "email", field: "email" },
    ];
    const dry = await runImport(server, actor.token, jobId, mapping, true);
    expect(dry).toMatchObject({ status: "DRY_RUN_COMPLETE", error: null, counts: { created: 1, duplicates: 1 } });
    const applied = await runImport(server, actor.token, jobId, mapping, false);
    expect(applied).toMatchObject({ status: "COMPLETE", counts: { created: 1, duplicates: 1 } });
    expect((await reportOf(server, actor.token, jobId, "DUPLICATE"))[0]!.duplicates).toEqual([{ id: gid("Person", existing.id) }]);
  });
});
