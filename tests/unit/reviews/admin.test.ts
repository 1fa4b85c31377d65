import { describe, expect, it } from "vitest";
import { parseReviewQueueFilter, replySchema, REPLY_MAX_LENGTH } from "../../../app/models/reviews/admin";
import { productReviewFields, reviewMetaobjectHandle, type SyndicatedReview } from "../../../app/models/reviews/metaobject";

describe("review queue filters", () => {
  it("reads every filter from the URL", () => {
    const params = new URLSearchParams({ status: "published", rating: "2", verified: "no", product: "gid://shopify/Product/7", reason: "" });
    expect(parseReviewQueueFilter(params)).toEqual({ filter: { status: "published", rating: 2, verified: false, productId: "gid://shopify/Product/7" }, problems: [] });
  });

  it("drops values that make no sense and says which", () => {
    const params = new URLSearchParams({ status: "hidden", rating: "9", verified: "maybe", product: "<script>", reason: "rude" });
    const { filter, problems } = parseReviewQueueFilter(params);
    expect(filter).toEqual({});
    expect(problems).toHaveLength(5);
    expect(problems.join(" ")).toContain("Ratings go from 1 to 5 stars");
  });
});

describe("public reply", () => {
  it("trims the reply and refuses a blank or overlong one", () => {
    expect(replySchema.parse({ id: "r1", reply: "  Thank you, Dewi!\n" })).toEqual({ id: "r1", reply: "Thank you, Dewi!" });
    expect(replySchema.safeParse({ id: "r1", reply: "   " }).error?.issues[0]?.message).toBe("Write a reply, or remove it");
    expect(replySchema.safeParse({ id: "r1", reply: "x".repeat(REPLY_MAX_LENGTH + 1) }).error?.issues[0]?.message).toBe("Keep the reply under 1,500 characters");
    expect(replySchema.safeParse({ id: "r1", reply: "x".repeat(REPLY_MAX_LENGTH) }).success).toBe(true);
  });
});

describe("product review metaobject fields", () => {
  const review: SyndicatedReview = {
    id: "5F1C-77",
    orderId: "gid://shopify/Order/1",
    productId: "gid://shopify/Product/2",
    rating: 4,
    title: "Great\nmug",
    body: "Keeps coffee hot.\nSturdy.",
    authorName: null,
    reply: null,
    repliedAt: null,
    createdAt: new Date("2026-06-09T08:00:00Z"),
    photoUrls: [],
  };
  const values = (fields: Array<{ key: string; value: string }>) => Object.fromEntries(fields.map((field) => [field.key, field.value]));

  it("derives a stable, valid handle from the review id", () => {
    expect(reviewMetaobjectHandle("5F1C-77")).toBe("aftercare-review-5f1c-77");
    expect(reviewMetaobjectHandle("a_b:c")).toMatch(/^[a-z0-9-]+$/);
  });

  it("writes the rating on a 1–5 scale, one-line title, and blanks for what is absent", () => {
    const fields = values(productReviewFields(review, new Date("2026-06-10T00:00:00Z")));
    expect(JSON.parse(fields.rating)).toEqual({ value: "4", scale_min: "1", scale_max: "5" });
    expect(fields).toMatchObject({
      title: "Great mug",
      body: "Keeps coffee hot.\nSturdy.",
      submitted_at: "2026-06-09T08:00:00.000Z",
      published_at: "2026-06-10T00:00:00.000Z",
      product: "gid://shopify/Product/2",
      order: "gid://shopify/Order/1",
      author_display_name: "",
      merchant_reply: "",
      merchant_replied_at: "",
      media_urls: "",
    });
  });

  it("carries the reply with its date and the photo URLs", () => {
    const fields = values(
      productReviewFields(
        { ...review, reply: "Thanks!", repliedAt: new Date("2026-06-11T00:00:00Z"), photoUrls: ["https://shop.test/apps/aftercare/review-photo?id=p1"] },
        new Date("2026-06-10T00:00:00Z"),
      ),
    );
    expect(fields.merchant_reply).toBe("Thanks!");
    expect(fields.merchant_replied_at).toBe("2026-06-11T00:00:00.000Z");
    expect(JSON.parse(fields.media_urls)).toEqual(["https://shop.test/apps/aftercare/review-photo?id=p1"]);
  });
});
