/**
 * The merchant's review queue (filtered, with photo ids and replies) and the public reply to a review.
 */
import prisma from "../../db.server";
import type { RejectReason, ReviewStatus } from "./review";
import type { ReviewQueueFilter } from "./admin";
import { listReviewPhotoIds } from "./photo.server";

export interface ReviewQueueEntry {
  id: string;
  orderId: string;
  productId: string;
  productTitle: string;
  rating: number;
  title: string;
  body: string;
  authorName: string | null;
  verified: boolean;
  status: ReviewStatus;
  rejectReason: RejectReason | null;
  reply: string | null;
  repliedAt: Date | null;
  photoIds: string[];
  createdAt: Date;
}

export const REVIEW_QUEUE_LIMIT = 100;

export async function listReviewQueue(shop: string, filter: ReviewQueueFilter): Promise<ReviewQueueEntry[]> {
  const rows = await prisma.review.findMany({
    where: {
      shop,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.rejectReason ? { rejectReason: filter.rejectReason } : {}),
      ...(filter.rating ? { rating: filter.rating } : {}),
      ...(filter.verified === undefined ? {} : { verified: filter.verified }),
      ...(filter.productId ? { productId: filter.productId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: REVIEW_QUEUE_LIMIT,
  });
  const photos = await listReviewPhotoIds(shop, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    orderId: row.orderId,
    productId: row.productId,
    productTitle: row.productTitle,
    rating: row.rating,
    title: row.title,
    body: row.body,
    authorName: row.authorName,
    verified: row.verified,
    status: row.status as ReviewStatus,
    rejectReason: row.rejectReason as RejectReason | null,
    reply: row.reply,
    repliedAt: row.repliedAt,
    photoIds: photos.get(row.id) ?? [],
    createdAt: row.createdAt,
  }));
}

/** Products that have reviews, for the product filter. */
export async function listReviewedProducts(shop: string): Promise<Array<{ productId: string; productTitle: string }>> {
  const rows = await prisma.review.findMany({
    where: { shop },
    distinct: ["productId"],
    select: { productId: true, productTitle: true },
    orderBy: { productTitle: "asc" },
  });
  return rows;
}

/** Sets (or, with null, removes) the shop's public reply; returns the review's product, or null if unknown. */
export async function saveReviewReply(shop: string, id: string, reply: string | null, now = new Date()): Promise<{ id: string; productId: string } | null> {
  const review = await prisma.review.findFirst({ where: { shop, id }, select: { id: true, productId: true } });
  if (!review) return null;
  await prisma.review.update({ where: { id }, data: reply === null ? { reply: null, repliedAt: null } : { reply, repliedAt: now } });
  return review;
}
