/**
 * Reviews, help requests and review settings in the database. The rating
 * distribution and the product summaries published to Shopify all read from here.
 */
import { randomUUID } from "node:crypto";
import prisma from "../../db.server";
import { flowSubjectOf, queueFlowEvents } from "../flow/events.server";
import { helpRequestedEvent, reviewEvents } from "../flow/triggers";
import { summarizeRatings, type RatingSummary, type RejectReason } from "./review";
import { DEFAULT_REVIEW_DELAYS, type ReviewSchedule } from "./timing";

/** Shopify Flow's "Review rated low" fires for a rating at or below this, unless the merchant changes it. */
export const DEFAULT_LOW_RATING_THRESHOLD = 2;

export interface ReviewSettings extends Omit<ReviewSchedule, "enabledAt"> {
  enabled: boolean;
  enabledAt: Date | null;
  lowRatingThreshold: number;
}

export async function getReviewSettings(shop: string): Promise<ReviewSettings> {
  const row = await prisma.reviewSettings.findUnique({ where: { shop } });
  if (!row) return { enabled: false, enabledAt: null, homeCountry: null, lowRatingThreshold: DEFAULT_LOW_RATING_THRESHOLD, ...DEFAULT_REVIEW_DELAYS, domestic: { ...DEFAULT_REVIEW_DELAYS.domestic }, international: { ...DEFAULT_REVIEW_DELAYS.international } };
  return {
    enabled: row.enabled,
    enabledAt: row.enabledAt,
    homeCountry: row.homeCountry,
    domestic: { deliveredDays: row.domesticDeliveredDays, fulfilledDays: row.domesticFulfilledDays },
    international: { deliveredDays: row.internationalDeliveredDays, fulfilledDays: row.internationalFulfilledDays },
    reminderDays: row.reminderDays,
    lowRatingThreshold: row.lowRatingThreshold,
  };
}

/** Without `lowRatingThreshold` the saved one is kept. */
export type ReviewSettingsInput = Omit<ReviewSettings, "enabledAt" | "lowRatingThreshold"> & { lowRatingThreshold?: number };

export async function saveReviewSettings(shop: string, input: ReviewSettingsInput, now = new Date()): Promise<ReviewSettings> {
  const current = await getReviewSettings(shop);
  const enabledAt = input.enabled ? (current.enabled && current.enabledAt ? current.enabledAt : now) : current.enabledAt;
  const data = {
    enabled: input.enabled,
    enabledAt,
    homeCountry: input.homeCountry?.toUpperCase() ?? null,
    domesticDeliveredDays: input.domestic.deliveredDays,
    domesticFulfilledDays: input.domestic.fulfilledDays,
    internationalDeliveredDays: input.international.deliveredDays,
    internationalFulfilledDays: input.international.fulfilledDays,
    reminderDays: input.reminderDays,
    lowRatingThreshold: input.lowRatingThreshold ?? current.lowRatingThreshold,
  };
  await prisma.reviewSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { ...input, lowRatingThreshold: data.lowRatingThreshold, enabledAt };
}

/** The order line a signed link names, if it is a synced order of this shop with a product. */
export async function findReviewableLine(shop: string, orderId: string, lineItemId: string) {
  const [order, line] = await Promise.all([
    prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { id: true, name: true, cancelledAt: true } }),
    prisma.orderLineItem.findUnique({ where: { shop_id: { shop, id: lineItemId } } }),
  ]);
  if (!order || !line || line.orderId !== orderId || !line.productId) return null;
  return { orderId, orderName: order.name, lineItemId, productId: line.productId, productTitle: line.title };
}

export interface NewReview {
  orderId: string;
  lineItemId: string;
  productId: string;
  productTitle: string;
  rating: number;
  title: string;
  body: string;
  authorName: string | null;
  verified: boolean;
  source: "email" | "storefront";
}

/**
 * Stores a buyer's review of one order line, published. Writing again replaces the earlier text (and
 * publishes it again: the merchant judges the new words).
 */
export async function recordReview(shop: string, review: NewReview, now = new Date()): Promise<{ id: string }> {
  const data = { ...review, status: "published", rejectReason: null };
  const row = await prisma.review.upsert({
    where: { shop_orderId_lineItemId: { shop, orderId: review.orderId, lineItemId: review.lineItemId } },
    create: { id: randomUUID(), shop, createdAt: now, ...data },
    update: data,
    select: { id: true },
  });
  // Shopify Flow: "Review submitted", and "Review rated low" at or below the shop's threshold; once per review.
  await queueFlowEvents(shop, async () => {
    const [settings, subject] = await Promise.all([getReviewSettings(shop), flowSubjectOf(shop, review.orderId)]);
    return reviewEvents({ ...subject, productId: review.productId, reviewId: row.id, rating: review.rating, verified: review.verified }, settings.lowRatingThreshold);
  }, now);
  return row;
}

export async function getReviewForLine(shop: string, orderId: string, lineItemId: string) {
  return prisma.review.findUnique({ where: { shop_orderId_lineItemId: { shop, orderId, lineItemId } } });
}

/** Rejects (for a content reason) or re-publishes a review; returns its product, or null if unknown. */
export async function moderateReview(
  shop: string,
  id: string,
  decision: { status: "rejected"; reason: RejectReason } | { status: "published" },
): Promise<{ productId: string } | null> {
  const review = await prisma.review.findFirst({ where: { shop, id }, select: { productId: true } });
  if (!review) return null;
  await prisma.review.update({
    where: { id },
    data: decision.status === "rejected" ? { status: "rejected", rejectReason: decision.reason } : { status: "published", rejectReason: null },
  });
  return review;
}

export async function getProductRatingSummary(shop: string, productId: string): Promise<RatingSummary> {
  const rows = await prisma.review.findMany({ where: { shop, productId, status: "published" }, select: { rating: true } });
  return summarizeRatings(rows.map((row) => row.rating));
}

/** Published ratings of the whole shop, for the admin's distribution. */
export async function getShopRatingSummary(shop: string): Promise<RatingSummary> {
  const rows = await prisma.review.findMany({ where: { shop, status: "published" }, select: { rating: true } });
  return summarizeRatings(rows.map((row) => row.rating));
}

export async function openHelpRequest(shop: string, request: { orderId: string; lineItemId: string; message: string | null }, now = new Date()) {
  const row = await prisma.reviewHelpRequest.create({ data: { id: randomUUID(), shop, ...request, createdAt: now }, select: { id: true } });
  // Shopify Flow: "Help requested", once per order line.
  await queueFlowEvents(shop, async () => [helpRequestedEvent({ ...(await flowSubjectOf(shop, request.orderId, request.lineItemId)), lineItemId: request.lineItemId, message: request.message })], now);
  return row;
}

export async function listHelpRequests(shop: string) {
  const rows = await prisma.reviewHelpRequest.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take: 100 });
  const names = new Map(
    (await prisma.order.findMany({ where: { shop, id: { in: rows.map((row) => row.orderId) } }, select: { id: true, name: true } })).map((order) => [order.id, order.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    orderId: row.orderId,
    orderName: names.get(row.orderId) ?? null,
    lineItemId: row.lineItemId,
    message: row.message,
    state: row.state as "open" | "done",
    createdAt: row.createdAt,
  }));
}

export async function closeHelpRequest(shop: string, id: string): Promise<boolean> {
  const { count } = await prisma.reviewHelpRequest.updateMany({ where: { shop, id }, data: { state: "done" } });
  return count === 1;
}
