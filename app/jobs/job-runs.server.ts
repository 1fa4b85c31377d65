/**
 * Where `npm run jobs` keeps each job's last start and outcome (the JobRun table), so a restarted
 * process does not run every daily batch again.
 */
import prisma from "../db.server";
import { restoreLastRuns, type JobName, type LastRuns } from "./schedule";

export interface JobRunStore {
  /** The last runs this process starts from (start-up jobs excluded: they run once per process). */
  load(): Promise<LastRuns>;
  started(name: JobName, at: Date): Promise<void>;
  finished(name: JobName, outcome: { ok: boolean; error: string | null; at: Date }): Promise<void>;
}

export const databaseJobRuns: JobRunStore = {
  async load() {
    const rows = await prisma.jobRun.findMany({ select: { name: true, lastStartedAt: true } });
    return restoreLastRuns(Object.fromEntries(rows.map((row) => [row.name, row.lastStartedAt])));
  },
  async started(name, at) {
    await prisma.jobRun.upsert({
      where: { name },
      create: { name, lastStartedAt: at },
      update: { lastStartedAt: at, lastFinishedAt: null, lastOk: null, lastError: null },
    });
  },
  async finished(name, outcome) {
    await prisma.jobRun.updateMany({
      where: { name },
      data: { lastFinishedAt: outcome.at, lastOk: outcome.ok, lastError: outcome.error?.slice(0, 2000) ?? null },
    });
  },
};
