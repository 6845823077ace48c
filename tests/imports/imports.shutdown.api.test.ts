import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { parseGlobalId } from "../../server/graphql/global-id.js";
import { type TestDatabase, openTestDatabase } from "../support/databases.js";
import { type Actor, makeActor } from "../support/factories.js";
import { JOB, type JobResult, reportOf, runImport, startAppOn, uploadOk, waitForJob } from "./helpers.js";

// A server shut down (SIGTERM → app.stop()) while an import runs: the batch in hand finishes,
// the job says where it stopped, and the import run again on a new server completes it.

const ROWS = 4000;
const BATCH = 50;
const MAPPING = [
  { column: "Ref", field: "externalId" },
  { column: "Name", field: "fullName" },
];

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(() => test.drop());

const n = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: string }>(test.database.db, query))[0]!.n);

describe("graceful shutdown during an import", () => {
  it("stops after a whole batch, reports the row it reached, and a re-run on the next server completes", async () => {
    const first = await startAppOn(test.database);
    let actor: Actor;
    let jobId: string;
    let stopped: JobResult;
    try {
      actor = await makeActor(first.db, first.config, "EDITOR");
      const lines = ["Ref,Name", ...Array.from({ length: ROWS }, (_, i) => `S${i},Shutdown Person ${i}`)];
      jobId = await uploadOk(first, actor.token, "PEOPLE", "big.csv", lines.join("\n"));
      const started = await first.gql(
        `mutation($id: ID!, $m: [ImportColumnMappingInput!]!) { runImport(jobId: $id, mapping: $m, dryRun: false, options: { batchSize: ${BATCH} }) { id } }`,
        { id: jobId, m: MAPPING },
        actor.token,
      );
      expect(started.errors).toBeUndefined();
      // Stop once a few batches are in.
      for (;;) {
        const res = await first.gql<{ importJob: JobResult }>(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: jobId }, actor.token);
        expect(res.data!.importJob.status).toBe("RUNNING");
        if (res.data!.importJob.progress.rowsProcessed >= 3 * BATCH) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await first.stopApp();
    }

    const second = await startAppOn(test.database);
    try {
      stopped = await waitForJob(second, actor.token, jobId);
      expect(stopped.status).toBe("FAILED");
      const match = /^The import was interrupted: the server was stopped after row (\d+)\. The ([\d,]+) rows up to it were imported in whole batches; nothing after it was written\. Run the import again to finish/.exec(stopped.error ?? "");
      expect(match).not.toBeNull();
      const lastRow = Number(match![1]);
      const imported = Number(match![2]!.replace(/,/g, ""));
      // Rows 2..lastRow, whole batches only, and nothing past them in any table the batches write.
      expect(imported).toBe(lastRow - 1);
      expect(imported % BATCH).toBe(0);
      expect(imported).toBeLessThan(ROWS);
      expect(stopped.counts.created).toBe(imported);
      expect(await n(sql`select count(*) as n from people where owner_member_id = ${actor.member.id}`)).toBe(imported);
      expect(await n(sql`select count(*) as n from audit_events where request_id = ${`import:${jobIdOf(jobId)}`}`)).toBe(imported);
      expect(await n(sql`select count(*) as n from import_job_rows where job_id = ${jobIdOf(jobId)}`)).toBe(imported);
      expect(await n(sql`select max(row_number) as n from import_job_rows where job_id = ${jobIdOf(jobId)}`)).toBe(lastRow);
      // The file is kept for the re-run.
      expect(stopped.fileAvailable).toBe(true);

      const rerun = await runImport(second, actor.token, jobId, MAPPING, false, { batchSize: 500 });
      expect(rerun).toMatchObject({ status: "COMPLETE", counts: { created: ROWS - imported, unchanged: imported, updated: 0, rejected: 0 } });
      expect(await n(sql`select count(*) as n from people where owner_member_id = ${actor.member.id}`)).toBe(ROWS);
      expect((await reportOf(second, actor.token, jobId, "CREATED"))[0]!.rowNumber).toBe(lastRow + 1);
    } finally {
      await second.stopApp();
    }
  });
});

const jobIdOf = (globalId: string) => parseGlobalId(globalId)!.id;
