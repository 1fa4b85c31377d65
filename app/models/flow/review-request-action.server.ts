/**
 * The Flow action's work: ask for a review of an order's lines now, whatever the schedule says. Each line
 * goes into the outbox under the key the daily job uses (`review:<order>:<line>`), so a repeated action,
 * or the job's next run, asks nothing twice. Lines already reviewed, lines without a product and
 * cancelled orders are skipped; requests count against the plan's monthly allowance like any other.
 */
import prisma from "../../db.server";
import { getShopEmailContext } from "../../email/shop-context.server";
import { openMonthlyAllowance } from "../billing/usage.server";
import { enqueueEmail } from "../email/outbox.server";
import { getContactDetails } from "../orders/contact-details.server";
import { renderReviewEmail, reviewDedupeKey } from "../reviews/request";
import { signReviewToken } from "../reviews/token";

export type ReviewRequestNowOutcome =
  | { ok: true; queued: number; alreadyQueued: number; heldByPlan: number }
  | { ok: false; error: "unknown_order" | "cancelled" | "no_email" | "nothing_to_review" };

export async function requestReviewNow(shop: string, orderId: string, secret: string, now = new Date()): Promise<ReviewRequestNowOutcome> {
  const order = await prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { id: true, name: true, cancelledAt: true } });
  if (!order) return { ok: false, error: "unknown_order" };
  if (order.cancelledAt) return { ok: false, error: "cancelled" };
  const [lines, reviews] = await Promise.all([
    prisma.orderLineItem.findMany({ where: { shop, orderId, productId: { not: null } }, orderBy: { id: "asc" } }),
    prisma.review.findMany({ where: { shop, orderId }, select: { lineItemId: true } }),
  ]);
  const reviewed = new Set(reviews.map((review) => review.lineItemId));
  const open = lines.filter((line) => !reviewed.has(line.id));
  if (open.length === 0) return { ok: false, error: "nothing_to_review" };
  const contact = (await getContactDetails(shop, [orderId])).get(orderId);
  if (!contact) return { ok: false, error: "no_email" };

  const existing = new Set(
    (await prisma.outboxMessage.findMany({ where: { shop, dedupeKey: { in: open.map((line) => reviewDedupeKey("review_request", orderId, line.id)) } }, select: { dedupeKey: true } })).map(
      (row) => row.dedupeKey,
    ),
  );
  const outcome = { ok: true as const, queued: 0, alreadyQueued: 0, heldByPlan: 0 };
  const due = open.filter((line) => {
    const asked = existing.has(reviewDedupeKey("review_request", orderId, line.id));
    if (asked) outcome.alreadyQueued += 1;
    return !asked;
  });
  if (due.length === 0) return outcome;

  const [context, allowance] = await Promise.all([getShopEmailContext(shop, { now }), openMonthlyAllowance(shop, "review_request", { now })]);
  for (const line of due) {
    if (!allowance.take()) {
      outcome.heldByPlan += 1;
      continue;
    }
    const email = renderReviewEmail({
      kind: "review_request",
      firstName: contact.firstName,
      orderName: order.name,
      productTitle: line.title,
      shopName: context.shopName,
      contactLines: context.contactLines,
      proxyBaseUrl: context.proxyBaseUrl,
      token: signReviewToken({ shop, orderId, lineItemId: line.id }, secret, now),
      locale: contact.locale,
      shopLocale: context.primaryLocale,
    });
    const result = await enqueueEmail(
      { shop, dedupeKey: reviewDedupeKey("review_request", orderId, line.id), kind: "review_request", reference: orderId, to: contact.email, email },
      now,
    );
    if (result.created) outcome.queued += 1;
    else outcome.alreadyQueued += 1;
  }
  await allowance.close();
  return outcome;
}
