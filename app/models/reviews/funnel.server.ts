/**
 * Records the first open of a review request's link and counts the request funnel of a shop (see
 * reviews/funnel.ts). Every step is keyed by the request's outbox dedupe key, so the three sources
 * (outbox, opens, reviews) meet on one order line.
 */
import prisma from "../../db.server";
import { computeReviewFunnel, type ReviewFunnel } from "./funnel";
import { reviewDedupeKey } from "./request";

const DAY_MS = 86_400_000;

/** Remembers when the signed link of this order line was first followed; later opens change nothing. */
export async function recordReviewRequestOpen(shop: string, line: { orderId: string; lineItemId: string }, now = new Date()): Promise<void> {
  await prisma.reviewRequestOpen.upsert({
    where: { shop_orderId_lineItemId: { shop, orderId: line.orderId, lineItemId: line.lineItemId } },
    create: { shop, orderId: line.orderId, lineItemId: line.lineItemId, firstOpenedAt: now },
    update: {},
  });
}

/** The funnel of the review requests sent in the last `days` days up to `now`. */
export async function getReviewFunnel(shop: string, days: number, now = new Date()): Promise<ReviewFunnel & { since: Date }> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const requests = await prisma.outboxMessage.findMany({
    where: { shop, kind: "review_request", status: "sent", sentAt: { gte: since, lte: now } },
    select: { dedupeKey: true, reference: true },
  });
  const orderIds = [...new Set(requests.map((request) => request.reference).filter((id): id is string => Boolean(id)))];
  const [opens, reviews] = await Promise.all([
    prisma.reviewRequestOpen.findMany({ where: { shop, orderId: { in: orderIds } }, select: { orderId: true, lineItemId: true } }),
    prisma.review.findMany({ where: { shop, orderId: { in: orderIds } }, select: { orderId: true, lineItemId: true } }),
  ]);
  const keyOf = (line: { orderId: string; lineItemId: string }) => reviewDedupeKey("review_request", line.orderId, line.lineItemId);
  return {
    ...computeReviewFunnel({ sent: requests.map((request) => request.dedupeKey), opened: opens.map(keyOf), reviewed: reviews.map(keyOf) }),
    since,
  };
}
