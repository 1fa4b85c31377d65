/**
 * Asks buyers to review what they bought: one email per order line once it is due (see
 * models/review-timing.ts), and at most one reminder. The outbox keys (`review:<orderId>:<lineId>`,
 * `review-reminder:<orderId>:<lineId>`) make a second run, or two runs at once, send nothing more.
 */
import prisma from "../db.server";
import { getShopEmailContext, listInstalledShops } from "../email/shop-context.server";
import { openMonthlyAllowance } from "../models/billing/usage.server";
import { getContactDetails } from "../models/orders/contact-details.server";
import { enqueueEmail } from "../models/email/outbox.server";
import { signReviewToken } from "../models/reviews/token";
import { renderReviewEmail, reviewDedupeKey, type ReviewEmailKind } from "../models/reviews/request";
import { getReviewSettings } from "../models/reviews/review.server";
import type { AdminGraphql } from "../shopify/admin-graphql";
import { DAY_MS, nextReviewStep, REVIEW_REQUEST_MAX_AGE_DAYS, type ReviewSchedule } from "../models/reviews/timing";

export interface ReviewRequestReport {
  requests: number;
  reminders: number;
  withoutEmail: number;
}

function signingSecret(): string {
  const secret = process.env.SHOPIFY_API_SECRET;
  if (!secret) throw new Error("SHOPIFY_API_SECRET is missing: it signs the review links");
  return secret;
}

/** Longest a line can stay of interest: the slowest delay, the age limit and a reminder. */
function lookBackDays(schedule: ReviewSchedule): number {
  const slowest = Math.max(schedule.domestic.deliveredDays, schedule.domestic.fulfilledDays, schedule.international.deliveredDays, schedule.international.fulfilledDays);
  return slowest + REVIEW_REQUEST_MAX_AGE_DAYS + schedule.reminderDays + 30;
}

/**
 * `graphql`: the shop's offline Admin client, when the caller has one; it reads the shop's name for the
 * emails (cached for a day). Without it the cached name is used, else the sender name, else the handle.
 */
export async function enqueueReviewRequests(shop: string, now = new Date(), graphql: AdminGraphql | null = null): Promise<ReviewRequestReport> {
  const report: ReviewRequestReport = { requests: 0, reminders: 0, withoutEmail: 0 };
  const settings = await getReviewSettings(shop);
  if (!settings.enabled || !settings.enabledAt) return report;
  const schedule: ReviewSchedule = { ...settings, enabledAt: settings.enabledAt };

  const since = new Date(Math.max(settings.enabledAt.getTime(), now.getTime() - lookBackDays(schedule) * DAY_MS));
  const orders = await prisma.order.findMany({
    where: { shop, cancelledAt: null, OR: [{ deliveredAt: { gte: since } }, { firstFulfilledAt: { gte: since } }] },
    select: { id: true, name: true, countryCode: true, shipmentStatus: true, deliveredAt: true, firstFulfilledAt: true, cancelledAt: true },
  });
  if (orders.length === 0) return report;
  const orderIds = orders.map((order) => order.id);
  const [lines, reviews, emails] = await Promise.all([
    prisma.orderLineItem.findMany({ where: { shop, orderId: { in: orderIds }, productId: { not: null } } }),
    prisma.review.findMany({ where: { shop, orderId: { in: orderIds } }, select: { lineItemId: true } }),
    prisma.outboxMessage.findMany({
      where: { shop, kind: { in: ["review_request", "review_reminder"] }, reference: { in: orderIds } },
      select: { dedupeKey: true, sentAt: true },
    }),
  ]);
  const reviewed = new Set(reviews.map((review) => review.lineItemId));
  const emailByKey = new Map(emails.map((email) => [email.dedupeKey, email]));
  const ordersById = new Map(orders.map((order) => [order.id, order]));

  const due: Array<{ kind: ReviewEmailKind; orderId: string; lineItemId: string; productTitle: string }> = [];
  for (const line of lines) {
    const order = ordersById.get(line.orderId);
    if (!order) continue;
    const request = emailByKey.get(reviewDedupeKey("review_request", line.orderId, line.id));
    const step = nextReviewStep(
      {
        countryCode: order.countryCode,
        deliveredAt: order.shipmentStatus === "delivered" ? order.deliveredAt : null,
        firstFulfilledAt: order.shipmentStatus === "failed" ? null : order.firstFulfilledAt,
        cancelled: order.cancelledAt !== null || order.shipmentStatus === "cancelled",
        // The order sync carries no refunds yet: a refunded line is only known once it does.
        fullyRefunded: false,
        reviewed: reviewed.has(line.id),
        requestEnqueued: request !== undefined,
        requestSentAt: request?.sentAt ?? null,
        reminderEnqueued: emailByKey.has(reviewDedupeKey("review_reminder", line.orderId, line.id)),
      },
      schedule,
      now,
    );
    if (step.kind === "request") due.push({ kind: "review_request", orderId: line.orderId, lineItemId: line.id, productTitle: line.title });
    if (step.kind === "reminder") due.push({ kind: "review_reminder", orderId: line.orderId, lineItemId: line.id, productTitle: line.title });
  }
  if (due.length === 0) return report;

  // The plan's monthly allowance: a request over it is not enqueued, so it stays due for the next run
  // (next month, or right after an upgrade). Oldest first; reminders follow a request already counted.
  const arrival = (orderId: string) => {
    const order = ordersById.get(orderId);
    return (order?.deliveredAt ?? order?.firstFulfilledAt)?.getTime() ?? 0;
  };
  due.sort((a, b) => arrival(a.orderId) - arrival(b.orderId));
  const allowance = await openMonthlyAllowance(shop, "review_request", { now });
  const [context, contacts] = await Promise.all([getShopEmailContext(shop, { graphql, now }), getContactDetails(shop, [...new Set(due.map((item) => item.orderId))])]);
  const secret = signingSecret();
  for (const item of due) {
    const contact = contacts.get(item.orderId);
    if (!contact) {
      report.withoutEmail += 1;
      continue;
    }
    if (item.kind === "review_request" && !allowance.take()) continue;
    const email = renderReviewEmail({
      kind: item.kind,
      firstName: contact.firstName,
      orderName: ordersById.get(item.orderId)?.name ?? "",
      productTitle: item.productTitle,
      shopName: context.shopName,
      contactLines: context.contactLines,
      proxyBaseUrl: context.proxyBaseUrl,
      token: signReviewToken({ shop, orderId: item.orderId, lineItemId: item.lineItemId }, secret, now),
      locale: contact.locale,
      shopLocale: context.primaryLocale,
    });
    const result = await enqueueEmail(
      { shop, dedupeKey: reviewDedupeKey(item.kind, item.orderId, item.lineItemId), kind: item.kind, reference: item.orderId, to: contact.email, email },
      now,
    );
    if (result.created) report[item.kind === "review_request" ? "requests" : "reminders"] += 1;
  }
  await allowance.close();
  return report;
}

/** `adminFor`: the shop's offline Admin client (for its name); a shop whose client fails still gets its emails. */
export async function enqueueReviewRequestsForAllShops(
  now = new Date(),
  adminFor?: (shop: string) => Promise<AdminGraphql>,
): Promise<Record<string, ReviewRequestReport>> {
  const reports: Record<string, ReviewRequestReport> = {};
  for (const shop of await listInstalledShops()) {
    const graphql = adminFor ? await adminFor(shop).catch(() => null) : null;
    reports[shop] = await enqueueReviewRequests(shop, now, graphql);
  }
  return reports;
}
