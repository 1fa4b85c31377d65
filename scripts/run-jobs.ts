/**
 * `npm run jobs`: the app's background jobs, in one long-running process next to the web server.
 *   resume-order-syncs  once at start      carries on order syncs a previous process left running
 *   keep-in-touch       every 5 minutes    delay notices, due surveys, then sends the outbox; Flow events;
 *                                          Thank-you answers whose order metafields Shopify did not take
 *   prune-rate-limits   hourly             drops expired rate-limit windows
 *   republish-shipping  daily              keeps each shop's published shipping calendar current
 *   review-requests     daily              queues due review requests and reminders
 *   anniversaries       daily              queues first-purchase anniversary thank-yous
 * Each job's last start is kept in the database (JobRun): a restart runs the start-up job, then only
 * what is due since the previous process ran it.
 * Options: --once runs the jobs due now and exits; --once --all runs every job now, due or not.
 * Stops cleanly on SIGINT / SIGTERM after the job in progress.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { closeMailTransports } from "../app/email/transport.server";
import { databaseJobRuns } from "../app/jobs/job-runs.server";
import { runDueJobs } from "../app/jobs/run-jobs.server";
import { nextDueAt, type LastRuns } from "../app/jobs/schedule";

/** Wake at least this often, so a changed clock (or a stop request) is noticed. */
const MAX_SLEEP_MS = 60_000;

async function main() {
  const once = process.argv.includes("--once");
  const store = databaseJobRuns;
  if (once) {
    const lastRuns = process.argv.includes("--all") ? {} : await store.load();
    const { outcomes } = await runDueJobs({ lastRuns, store });
    process.exitCode = outcomes.every((outcome) => outcome.ok) ? 0 : 1;
    closeMailTransports(); // pooled SMTP connections would keep the process alive
    return;
  }

  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.info(`[jobs] ${signal}: stopping after the job in progress`);
      stop.abort();
    });
  }

  let lastRuns: LastRuns = await store.load();
  console.info("[jobs] started");
  while (!stop.signal.aborted) {
    ({ lastRuns } = await runDueJobs({ lastRuns, store }));
    const now = Date.now();
    const next = nextDueAt(new Date(now), lastRuns)?.getTime() ?? now + MAX_SLEEP_MS;
    await sleep(Math.min(Math.max(next - now, 1_000), MAX_SLEEP_MS), undefined, { signal: stop.signal }).catch(() => undefined);
  }
  closeMailTransports();
  console.info("[jobs] stopped");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
