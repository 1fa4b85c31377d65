/**
 * When the background jobs run: a pure table and the arithmetic over it (no I/O, no clock of its own).
 * A job with an interval is due when it never ran or its interval has passed since it last started; a
 * start-up job is due once per process. Last runs are kept in the database (JobRun), so a restart
 * carries on where the previous process stopped (`restoreLastRuns`).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const JOB_NAMES = [
  "resume-order-syncs",
  "keep-in-touch",
  "prune-rate-limits",
  "republish-shipping",
  "review-requests",
  "anniversaries",
] as const;

export type JobName = (typeof JOB_NAMES)[number];

/** `everyMs: null` runs once at start. */
export interface ScheduledJob {
  name: JobName;
  everyMs: number | null;
}

/** In run order: resuming syncs first, the frequent tick before the daily batches. */
export const JOB_SCHEDULE: readonly ScheduledJob[] = [
  { name: "resume-order-syncs", everyMs: null },
  { name: "keep-in-touch", everyMs: 5 * MINUTE },
  { name: "prune-rate-limits", everyMs: HOUR },
  { name: "republish-shipping", everyMs: DAY },
  { name: "review-requests", everyMs: DAY },
  { name: "anniversaries", everyMs: DAY },
];

/** When each job last started, by name; a missing name never ran. */
export type LastRuns = Partial<Record<JobName, Date>>;

function dueAt(job: ScheduledJob, lastRuns: LastRuns): number | null {
  const last = lastRuns[job.name];
  if (!last) return Number.NEGATIVE_INFINITY;
  return job.everyMs === null ? null : last.getTime() + job.everyMs;
}

/** The jobs due at `now`, in schedule order. */
export function dueJobs(now: Date, lastRuns: LastRuns, schedule: readonly ScheduledJob[] = JOB_SCHEDULE): JobName[] {
  return schedule.filter((job) => {
    const at = dueAt(job, lastRuns);
    return at !== null && at <= now.getTime();
  }).map((job) => job.name);
}

/** The next moment a job falls due (`now` when one is due already), or null when none ever will. */
export function nextDueAt(now: Date, lastRuns: LastRuns, schedule: readonly ScheduledJob[] = JOB_SCHEDULE): Date | null {
  const times = schedule.map((job) => dueAt(job, lastRuns)).filter((at): at is number => at !== null);
  if (times.length === 0) return null;
  return new Date(Math.max(Math.min(...times), now.getTime()));
}

/**
 * The last runs a new process starts from, given those recorded by earlier processes: interval jobs
 * keep their times; start-up jobs are forgotten, so they run once in this process too. Jobs no longer
 * in the schedule are dropped.
 */
export function restoreLastRuns(recorded: Readonly<Record<string, Date>>, schedule: readonly ScheduledJob[] = JOB_SCHEDULE): LastRuns {
  const lastRuns: LastRuns = {};
  for (const job of schedule) {
    const at = recorded[job.name];
    if (job.everyMs !== null && at) lastRuns[job.name] = at;
  }
  return lastRuns;
}
