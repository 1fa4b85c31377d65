import { describe, expect, it } from "vitest";
import { lineItemGidOf, orderGidOf, parseReviewListQuery, productGidOf, publicFirstName, reviewListPage, REVIEW_PAGE_SIZE, type StoredReview } from "~/models/reviews/list";

/** The storefront review list's pure rules: which ids are accepted, what a shopper may see of a review. */

const stored = (n: number, extra: Partial<StoredReview> = {}): StoredReview => ({
  id: `r${n}`,
  rating: 4,
  title: "Nice",
  body: "Good mug",
  authorName: "Dewi Ayu Lestari",
  verified: true,
  reply: null,
  repliedAt: null,
  createdAt: new Date("2026-05-01T00:00:00Z"),
  photoIds: [],
  ...extra,
});

describe("the review list's rules", () => {
  it("takes Liquid's numeric ids or GIDs of the right kind, nothing else", () => {
    expect(productGidOf("7001")).toBe("gid://shopify/Product/7001");
    expect(productGidOf("gid://shopify/Product/7001")).toBe("gid://shopify/Product/7001");
    expect(productGidOf("gid://shopify/Order/7001")).toBeNull();
    expect(productGidOf("0")).toBeNull();
    expect(productGidOf("7001 OR 1=1")).toBeNull();
    expect(orderGidOf(4101)).toBe("gid://shopify/Order/4101");
    expect(lineItemGidOf("gid://shopify/LineItem/9")).toBe("gid://shopify/LineItem/9");
    expect(lineItemGidOf("gid://shopify/Order/9")).toBeNull();
    expect(lineItemGidOf(undefined)).toBeNull();
  });

  it("reads page 1 by default and refuses pages that are not whole numbers in range", () => {
    expect(parseReviewListQuery(new URLSearchParams("product_id=7"))).toEqual({ ok: true, productId: "gid://shopify/Product/7", page: 1 });
    expect(parseReviewListQuery(new URLSearchParams("product_id=7&page=3"))).toEqual({ ok: true, productId: "gid://shopify/Product/7", page: 3 });
    for (const page of ["0", "-1", "1.5", "501", "x"]) expect(parseReviewListQuery(new URLSearchParams(`product_id=7&page=${page}`)).ok).toBe(false);
  });

  it("shows a reviewer's first name only", () => {
    expect(publicFirstName("  Dewi Ayu Lestari ")).toBe("Dewi");
    expect(publicFirstName("")).toBeNull();
    expect(publicFirstName(null)).toBeNull();
  });

  it("says whether another page follows, and links photos without their bytes", () => {
    const photoUrl = (id: string) => `/apps/aftercare/review-photo?id=${id}`;
    const full = reviewListPage([stored(1, { photoIds: ["a"], reply: " Thanks! ", repliedAt: new Date("2026-05-02T00:00:00Z") })], REVIEW_PAGE_SIZE + 1, 1, photoUrl);
    const last = reviewListPage([stored(2)], REVIEW_PAGE_SIZE + 1, 2, photoUrl);

    expect(full.hasMore).toBe(true);
    expect(last.hasMore).toBe(false);
    expect(full.reviews[0]).toEqual({
      id: "r1",
      rating: 4,
      title: "Nice",
      body: "Good mug",
      author: "Dewi",
      createdAt: "2026-05-01T00:00:00.000Z",
      verified: true,
      reply: { body: "Thanks!", repliedAt: "2026-05-02T00:00:00.000Z" },
      photos: [{ id: "a", url: "/apps/aftercare/review-photo?id=a" }],
    });
    expect(last.reviews[0].reply).toBeNull();
  });
});
