/** A product's published reviews for the storefront, newest first, a page at a time. */
import { LRUCache } from "lru-cache";
import prisma from "../../db.server";
import { REVIEW_PAGE_SIZE, reviewListPage, type ReviewListPage } from "./list";

/**
 * Every product page asks for its first page of reviews, and the answer is public: each app instance
 * keeps recent pages for a short while. A change made through this instance drops the product's pages at
 * once (forgetProductReviewPages); other instances catch up within REVIEW_PAGE_TTL_MS, well inside the
 * minute shoppers' browsers may cache the answer anyway.
 */
export const REVIEW_PAGE_TTL_MS = 30_000;
const pages = new LRUCache<string, ReviewListPage>({ max: 5_000, ttl: REVIEW_PAGE_TTL_MS });
const productKey = (shop: string, productId: string) => `${shop}|${productId}|`;

export function forgetProductReviewPages(shop: string, productId: string): void {
  const prefix = productKey(shop, productId);
  for (const key of pages.keys()) if (key.startsWith(prefix)) pages.delete(key);
}

export async function getPublishedReviewsPage(
  shop: string,
  productId: string,
  page: number,
  photoUrl: (id: string) => string,
): Promise<ReviewListPage> {
  // The photo URLs depend on the proxy's path prefix, so it is part of the key.
  const key = `${productKey(shop, productId)}${page}|${photoUrl("")}`;
  const cached = pages.get(key);
  if (cached) return cached;
  const fresh = await readPublishedReviewsPage(shop, productId, page, photoUrl);
  pages.set(key, fresh);
  return fresh;
}

async function readPublishedReviewsPage(
  shop: string,
  productId: string,
  page: number,
  photoUrl: (id: string) => string,
): Promise<ReviewListPage> {
  const where = { shop, productId, status: "published" };
  const [total, rows] = await Promise.all([
    prisma.review.count({ where }),
    prisma.review.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        id: true,
        rating: true,
        title: true,
        body: true,
        authorName: true,
        verified: true,
        reply: true,
        repliedAt: true,
        createdAt: true,
        // Only the ids: the bytes are served one photo at a time by the photo route.
        photos: { where: { shop }, select: { id: true }, orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  const stored = rows.map(({ photos, ...row }) => ({ ...row, photoIds: photos.map((photo) => photo.id) }));
  return reviewListPage(stored, total, page, photoUrl);
}
