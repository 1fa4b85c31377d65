/**
 * The app's email jobs, run by the demo in its own process (as `npm run jobs` would next to the web
 * server): review requests and reminders that are due, then the keep-in-touch tick (delay notices, due
 * surveys) and the outbox is sent; Thank-you answers Shopify did not take are written again. The mail
 * viewer's button runs them at once; `npm run demo` also every 5 minutes. Loaded only once the demo has
 * set DATABASE_URL and SMTP_URL.
 */
import { enqueueReviewRequestsForAllShops } from "../../app/jobs/review-requests.server";
import { runKeepInTouchTick } from "../../app/jobs/send-outbox.server";
import { retryAnswerMetafieldWrites } from "../../app/jobs/survey-metafields.server";
import type { AdminGraphql } from "../../app/shopify/admin-graphql";

export interface DemoJobsReport {
  reviewRequests: number;
  reviewReminders: number;
  delayNotices: number;
  surveys: number;
  sent: number;
  failed: number;
  /** Thank-you answers whose order metafields were written on a retry. */
  answersWritten: number;
}

export async function runDemoEmailJobs(adminFor: (shop: string) => Promise<AdminGraphql>, now = new Date()): Promise<DemoJobsReport> {
  const reviews = Object.values(await enqueueReviewRequestsForAllShops(now, adminFor));
  const tick = await runKeepInTouchTick(now);
  const retried = await retryAnswerMetafieldWrites({ now, adminFor });
  return {
    reviewRequests: reviews.reduce((sum, report) => sum + report.requests, 0),
    reviewReminders: reviews.reduce((sum, report) => sum + report.reminders, 0),
    delayNotices: tick.delays,
    surveys: tick.surveys,
    sent: tick.send.sent,
    failed: tick.send.failed,
    answersWritten: retried.written,
  };
}

export function describeJobsReport(report: DemoJobsReport): string {
  return `Queued ${report.reviewRequests} review requests, ${report.reviewReminders} reminders, ${report.delayNotices} delay notices and ${report.surveys} surveys; sent ${report.sent} emails${report.failed ? `, ${report.failed} failed` : ""}.`;
}
