import { describe, expect, it } from "vitest";
import { dueJobs, JOB_NAMES, JOB_SCHEDULE, nextDueAt, restoreLastRuns, type LastRuns } from "~/jobs/schedule";

const start = new Date("2026-11-23T00:00:00Z");
const after = (ms: number) => new Date(start.getTime() + ms);
const MINUTE = 60_000;
const everyJobAt = (at: Date): LastRuns => Object.fromEntries(JOB_NAMES.map((name) => [name, at]));

describe("job schedule", () => {
  it("runs every job on the first pass, the start-up job first", () => {
    expect(dueJobs(start, {})).toEqual(JOB_SCHEDULE.map((job) => job.name));
    expect(dueJobs(start, {})[0]).toBe("resume-order-syncs");
  });

  it("runs the keep-in-touch tick every 5 minutes, pruning hourly and the batches daily", () => {
    const ran = everyJobAt(start);
    expect(dueJobs(after(4 * MINUTE + 59_000), ran)).toEqual([]);
    expect(dueJobs(after(5 * MINUTE), ran)).toEqual(["keep-in-touch"]);
    expect(dueJobs(after(60 * MINUTE), ran)).toEqual(["keep-in-touch", "prune-rate-limits"]);
    expect(dueJobs(after(24 * 60 * MINUTE), ran)).toEqual(["keep-in-touch", "prune-rate-limits", "republish-shipping", "review-requests", "anniversaries"]);
  });

  it("never runs the start-up job twice", () => {
    expect(dueJobs(after(365 * 24 * 60 * MINUTE), everyJobAt(start))).not.toContain("resume-order-syncs");
  });

  it("counts each job's interval from its own last run", () => {
    const ran: LastRuns = { ...everyJobAt(start), "keep-in-touch": after(3 * MINUTE) };
    expect(dueJobs(after(5 * MINUTE), ran)).toEqual([]);
    expect(dueJobs(after(8 * MINUTE), ran)).toEqual(["keep-in-touch"]);
  });

  it("tells when to wake up next", () => {
    expect(nextDueAt(start, {})).toEqual(start);
    expect(nextDueAt(after(MINUTE), everyJobAt(start))).toEqual(after(5 * MINUTE));
    expect(nextDueAt(after(7 * MINUTE), everyJobAt(start))).toEqual(after(7 * MINUTE));
    expect(nextDueAt(start, { "resume-order-syncs": start }, [{ name: "resume-order-syncs", everyMs: null }])).toBeNull();
  });
});

describe("restoring the schedule after a restart", () => {
  it("keeps interval jobs' last runs and forgets the start-up job, which runs once per process", () => {
    const recorded = { ...everyJobAt(start), "retired-job": start } as Record<string, Date>;
    const restored = restoreLastRuns(recorded);
    expect(restored["resume-order-syncs"]).toBeUndefined();
    expect(Object.keys(restored)).not.toContain("retired-job");
    expect(restored["keep-in-touch"]).toEqual(start);
    // A restart 10 minutes later: the start-up job and the 5-minute tick, not the daily batches.
    expect(dueJobs(after(10 * MINUTE), restored)).toEqual(["resume-order-syncs", "keep-in-touch"]);
  });
});
