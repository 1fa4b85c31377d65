/**
 * Tells shoppers about a late order before they have to ask: finds open orders that will miss or have
 * missed their promise and enqueues one delay notice per delay (the outbox's dedupe key makes a rerun
 * a no-op). Sending is `sendDueEmails`' job.
 */
import { listInstalledShops } from "../email/shop-context.server";
import { findDelayedOrders } from "../models/delays/delay.server";
import { buildDelayNotices } from "../models/delays/notice.server";
import { enqueueEmail } from "../models/email/outbox.server";
import { queueDeliveryLate } from "../models/flow/events.server";

export interface DelayNoticeReport {
  delayed: number;
  enqueued: number;
  /** Delayed orders with no email address on file (they still show in the admin's list). */
  withoutEmail: number;
}

export async function enqueueDelayNotices(shop: string, now = new Date()): Promise<DelayNoticeReport> {
  const delayed = await findDelayedOrders(shop, now);
  const report: DelayNoticeReport = { delayed: delayed.length, enqueued: 0, withoutEmail: 0 };
  if (delayed.length === 0) return report;

  const messages = await buildDelayNotices(shop, delayed);
  for (const order of delayed) {
    const message = messages.get(order.orderId);
    if (!message) {
      report.withoutEmail += 1;
      continue;
    }
    const result = await enqueueEmail(message, now);
    if (!result.created) continue;
    report.enqueued += 1;
    await queueDeliveryLate(shop, { orderId: order.orderId, dedupeKey: order.dedupeKey, promisedLatest: order.promisedLatest }, now);
  }
  return report;
}

export async function enqueueDelayNoticesForAllShops(now = new Date()): Promise<Record<string, DelayNoticeReport>> {
  const reports: Record<string, DelayNoticeReport> = {};
  for (const shop of await listInstalledShops()) reports[shop] = await enqueueDelayNotices(shop, now);
  return reports;
}
