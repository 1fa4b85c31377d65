import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { databaseJobRuns } from "../../app/jobs/job-runs.server";
import { runDueJobs, type JobContext } from "../../app/jobs/run-jobs.server";
import { JOB_NAMES, type JobName } from "../../app/jobs/schedule";

const t0 = new Date("2026-11-23T00:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Jobs that only count their runs, one of them failing. */
function countingJobs(ran: JobName[]) {
  return Object.fromEntries(
    JOB_NAMES.map((name) => [
      name,
      async (_context: JobContext) => {
        ran.push(name);
        if (name === "prune-rate-limits") throw new Error("database is locked");
        return { ok: true };
      },
    ]),
  ) as Record<JobName, (context: JobContext) => Promise<unknown>>;
}

describe("job runs kept in the database", () => {
  it("lets a restarted process run only what is due, the start-up job once more", async () => {
    const first: JobName[] = [];
    await runDueJobs({ now: t0, lastRuns: await databaseJobRuns.load(), store: databaseJobRuns, jobs: countingJobs(first), log: () => {} });
    expect(first).toEqual([...JOB_NAMES]);

    const failed = await prisma.jobRun.findUniqueOrThrow({ where: { name: "prune-rate-limits" } });
    expect(failed).toMatchObject({ lastStartedAt: t0, lastOk: false, lastError: "database is locked" });
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { name: "anniversaries" } })).toMatchObject({ lastOk: true, lastError: null });

    // The process restarts 7 minutes later: its memory is empty, the database is not.
    const second: JobName[] = [];
    await runDueJobs({ now: later(7), lastRuns: await databaseJobRuns.load(), store: databaseJobRuns, jobs: countingJobs(second), log: () => {} });
    expect(second).toEqual(["resume-order-syncs", "keep-in-touch"]);
    expect((await prisma.jobRun.findUniqueOrThrow({ where: { name: "keep-in-touch" } })).lastStartedAt).toEqual(later(7));
    expect((await prisma.jobRun.findUniqueOrThrow({ where: { name: "review-requests" } })).lastStartedAt).toEqual(t0);
  });
});
