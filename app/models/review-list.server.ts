/** A product's published reviews for the storefront, newest first, a page at a time. */
import prisma from "../db.server";
import { REVIEW_PAGE_SIZE, reviewListPage, type ReviewListPage } from "./review-list";

export async function getPublishedReviewsPage(
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
