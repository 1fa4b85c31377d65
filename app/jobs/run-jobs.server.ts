/**
 * The background jobs behind `npm run jobs`: what each scheduled job does, and one pass over the jobs
 * due. A job's failure is logged and never stops the others (nor the next pass).
 */
import { listInstalledShops } from "../email/shop-context.server";
import { pruneRateLimits } from "../models/rate-limit.server";
import { retryAnswerMetafieldWrites } from "./survey-metafields.server";
import type { AdminGraphql } from "../shopify/admin-graphql";
import { unauthenticated } from "../shopify.server";
import { enqueueAnniversaries, type AnniversaryReport } from "./anniversary.server";
import { sendDueFlowEvents } from "./flow-events.server";
import type { JobRunStore } from "./job-runs.server";
import { resumeOrderSyncs } from "./order-sync.server";
import { republishShippingCalendars } from "./republish-shipping.server";
import { enqueueReviewRequestsForAllShops } from "./review-requests.server";
import { dueJobs, type JobName, type LastRuns } from "./schedule";
import { runKeepInTouchTick } from "./send-outbox.server";

export interface JobContext {
  now: Date;
  /** The shop's offline Admin client (the installed session's token). */
  adminFor: (shop: string) => Promise<AdminGraphql>;
}

export type JobLog = (level: "info" | "error", line: string) => void;

async function offlineAdmin(shop: string): Promise<AdminGraphql> {
  const { admin } = await unauthenticated.admin(shop);
  return admin.graphql;
}

const reason = (error: unknown) =>
  error instanceof Response ? `Shopify answered ${error.status}` : error instanceof Error ? error.message : String(error);

/** Each installed shop's anniversary thank-yous; one shop's failure is reported, the others go on. */
async function enqueueAnniversariesForAllShops(context: JobContext) {
  const reports: Record<string, AnniversaryReport | { error: string }> = {};
  for (const shop of await listInstalledShops()) {
    try {
      reports[shop] = await enqueueAnniversaries(shop, await context.adminFor(shop), context.now);
    } catch (error) {
      reports[shop] = { error: reason(error) };
    }
  }
  return reports;
}

export const JOBS: Record<JobName, (context: JobContext) => Promise<unknown>> = {
  "resume-order-syncs": async () => ({ resumed: await resumeOrderSyncs() }),
  // Flow trigger events go out with the emails, every 5 minutes, and Thank-you answers Shopify did not take are written again.
  "keep-in-touch": async ({ now, adminFor }) => ({
    ...(await runKeepInTouchTick(now)),
    flow: await sendDueFlowEvents({ now }),
    surveyMetafields: await retryAnswerMetafieldWrites({ now, adminFor }),
  }),
  "prune-rate-limits": async ({ now }) => ({ pruned: await pruneRateLimits(now) }),
  "republish-shipping": ({ now, adminFor }) => republishShippingCalendars({ now, adminFor }),
  "review-requests": ({ now, adminFor }) => enqueueReviewRequestsForAllShops(now, adminFor),
  anniversaries: enqueueAnniversariesForAllShops,
};

export interface JobOutcome {
  name: JobName;
  ok: boolean;
  /** The job's report, or the error's message. */
  result: unknown;
  ms: number;
}

export interface RunDueOptions {
  now?: Date;
  lastRuns?: LastRuns;
  adminFor?: JobContext["adminFor"];
  log?: JobLog;
  jobs?: Record<JobName, (context: JobContext) => Promise<unknown>>;
  /** Records each start and outcome (the database for `npm run jobs`), so a restart resumes the schedule. */
  store?: JobRunStore;
}

/**
 * Runs every job due at `now`, one after the other, and records their start in `lastRuns` and in the
 * `store` when given (a failed job waits for its next interval rather than retrying at once).
 */
export async function runDueJobs(options: RunDueOptions = {}): Promise<{ lastRuns: LastRuns; outcomes: JobOutcome[] }> {
  const now = options.now ?? new Date();
  const lastRuns: LastRuns = { ...options.lastRuns };
  const jobs = options.jobs ?? JOBS;
  const log: JobLog = options.log ?? ((level, line) => console[level](line));
  const context: JobContext = { now, adminFor: options.adminFor ?? offlineAdmin };
  const outcomes: JobOutcome[] = [];

  for (const name of dueJobs(now, lastRuns)) {
    lastRuns[name] = now;
    await options.store?.started(name, now);
    const started = Date.now();
    // On the run's clock (which tests may set), plus the time the job took.
    const finishedAt = () => new Date(now.getTime() + Date.now() - started);
    try {
      const result = await jobs[name](context);
      outcomes.push({ name, ok: true, result, ms: Date.now() - started });
      log("info", `[jobs] ${name} done in ${Date.now() - started} ms: ${JSON.stringify(result)}`);
      await options.store?.finished(name, { ok: true, error: null, at: finishedAt() });
    } catch (error) {
      outcomes.push({ name, ok: false, result: reason(error), ms: Date.now() - started });
      log("error", `[jobs] ${name} failed: ${error instanceof Error && error.stack ? error.stack : reason(error)}`);
      await options.store?.finished(name, { ok: false, error: reason(error), at: finishedAt() });
    }
  }
  return { lastRuns, outcomes };
}
