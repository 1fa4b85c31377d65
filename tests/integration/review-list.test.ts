import { beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { REVIEW_PAGE_SIZE, type ReviewListPage } from "../../app/models/reviews/list";
import { REVIEW_PAGE_TTL_MS } from "../../app/models/reviews/list.server";
import { republishProductRating } from "../../app/models/reviews/publishing.server";
import type { AdminGraphql } from "../../app/shopify/admin-graphql";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { loader } from "../../app/routes/proxy.reviews";
import { appProxyRequest } from "../support/app-requests";
import { TEST_SHOP } from "../support/test-env";

/** The storefront's review list: published reviews of one product of the signed shop, newest first. */

const MUG = "gid://shopify/Product/7001";
const KETTLE = "gid://shopify/Product/7002";
const OTHER_SHOP = "another-shop.myshopify.com";
const t0 = new Date("2026-05-01T08:00:00Z");
const hoursLater = (n: number) => new Date(t0.getTime() + n * 3_600_000);

let seq = 0;
async function storeReview(input: { shop?: string; productId?: string; status?: string; at: Date; title?: string; authorName?: string | null; reply?: string }) {
  seq += 1;
  const id = `review-${seq}`;
  await prisma.review.create({
    data: {
      id,
      shop: input.shop ?? TEST_SHOP,
      orderId: `gid://shopify/Order/${seq}`,
      lineItemId: `gid://shopify/LineItem/${seq}`,
      productId: input.productId ?? MUG,
      productTitle: "Enamel mug",
      rating: (seq % 5) + 1,
      title: input.title ?? `Review ${seq}`,
      body: `Body of review ${seq}`,
      authorName: input.authorName === undefined ? "Dewi Lestari" : input.authorName,
      verified: seq % 2 === 0,
      status: input.status ?? "published",
      rejectReason: input.status === "rejected" ? "spam" : null,
      source: "email",
      reply: input.reply ?? null,
      repliedAt: input.reply ? hoursLater(seq + 1) : null,
      createdAt: input.at,
    },
  });
  return id;
}

const args = (request: Request) => ({ request, params: {}, context: {} });
async function list(query: string, init: Parameters<typeof appProxyRequest>[1] = {}) {
  const response = await loader(args(appProxyRequest(`/proxy/reviews?${query}`, init)));
  return { status: response.status, headers: response.headers, body: (await response.json()) as ReviewListPage & { error?: string } };
}

let withPhoto: string;

beforeAll(async () => {
  // Eight published mug reviews an hour apart, one rejected, one for the kettle, one in another shop.
  for (let n = 0; n < 8; n += 1) await storeReview({ at: hoursLater(n) });
  withPhoto = await storeReview({ at: hoursLater(20), title: "Newest, with a photo and a reply", reply: "Thank you, Dewi!" });
  await prisma.reviewPhoto.create({
    data: { id: "photo-1", shop: TEST_SHOP, reviewId: withPhoto, contentType: "image/jpeg", byteSize: 3, bytes: Buffer.from([1, 2, 3]), createdAt: hoursLater(20) },
  });
  await storeReview({ at: hoursLater(30), status: "rejected", title: "Buy cheap watches" });
  await storeReview({ at: hoursLater(31), productId: KETTLE, title: "Kettle review" });
  await storeReview({ at: hoursLater(32), shop: OTHER_SHOP, title: "Another shop's review" });
});

describe("the storefront review list", () => {
  it("pages through the product's published reviews, newest first", async () => {
    const first = await list("product_id=7001&page=1");
    const second = await list("product_id=gid://shopify/Product/7001&page=2");

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: REVIEW_PAGE_SIZE, total: 9, hasMore: true });
    expect(second.body).toMatchObject({ page: 2, total: 9, hasMore: false });
    const titles = [...first.body.reviews, ...second.body.reviews].map((review) => review.title);
    expect(titles).toEqual(["Newest, with a photo and a reply", ...[8, 7, 6, 5, 4, 3, 2, 1].map((n) => `Review ${n}`)]);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
  });

  it("shows the first name, the merchant's reply and photo links, never the order or the photo bytes", async () => {
    const { body } = await list("product_id=7001");

    const newest = body.reviews[0];
    expect(newest).toEqual({
      id: withPhoto,
      rating: expect.any(Number),
      title: "Newest, with a photo and a reply",
      body: expect.any(String),
      author: "Dewi",
      createdAt: hoursLater(20).toISOString(),
      verified: expect.any(Boolean),
      reply: { body: "Thank you, Dewi!", repliedAt: expect.any(String) },
      photos: [{ id: "photo-1", url: "/apps/aftercare/review-photo?id=photo-1" }],
    });
    expect(JSON.stringify(body)).not.toMatch(/Lestari|gid:\/\/shopify\/Order|LineItem/);
    expect(body.reviews[1].reply).toBeNull();
    expect(body.reviews[1].photos).toEqual([]);
  });

  it("leaves out rejected reviews, other products and other shops", async () => {
    const mug = await list("product_id=7001&page=1");
    const otherShop = await list("product_id=7001", { shop: OTHER_SHOP });
    const kettle = await list("product_id=7002");

    expect(mug.body.reviews.map((review) => review.title)).not.toContain("Buy cheap watches");
    expect(kettle.body.reviews.map((review) => review.title)).toEqual(["Kettle review"]);
    expect(otherShop.body.reviews.map((review) => review.title)).toEqual(["Another shop's review"]);
    expect((await list("product_id=7999")).body).toEqual({ reviews: [], page: 1, pageSize: REVIEW_PAGE_SIZE, total: 0, hasMore: false });
  });

  it("refuses a forged signature", async () => {
    const forged = await loader(args(appProxyRequest("/proxy/reviews?product_id=7001", { signature: "0".repeat(64) }))).catch((thrown: unknown) => thrown);

    expect(forged).toBeInstanceOf(Response);
    expect((forged as Response).status).toBeGreaterThanOrEqual(400);
    expect((forged as Response).status).toBeLessThan(500);
  });

  it.each([
    ["", "product_id"],
    ["product_id=mug", "product_id"],
    ["product_id=gid://shopify/Order/7001", "product_id"],
    ["product_id=7001&page=0", "page"],
    ["product_id=7001&page=two", "page"],
    ["product_id=7001&page=100000", "page"],
  ])("answers ?%s with a 400 naming %s", async (query, field) => {
    const { status, body, headers } = await list(query);

    expect(status).toBe(400);
    expect(body.error).toContain(field);
    expect(headers.get("cache-control")).toBe("no-store");
  });
});

describe("the list kept in memory for a short while", () => {
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 1 }) });
  // A product of the fake shop, so republishing its rating succeeds.
  const CUP = [...fake.state.products.keys()][0];
  const cupQuery = `product_id=${CUP.split("/").pop()}`;
  const graphql: AdminGraphql = (query, options) =>
    fake.handle(
      new Request(fake.graphqlUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": fake.accessToken },
        body: JSON.stringify({ query, variables: options?.variables }),
      }),
    );

  it("shows a moderation decision made on this instance at once", async () => {
    const spam = await storeReview({ productId: CUP, at: hoursLater(40), title: "Cheap watches here" });
    await storeReview({ productId: CUP, at: hoursLater(41), title: "Lovely cup" });
    expect((await list(cupQuery)).body.total).toBe(2);

    // The merchant rejects the spam: the product's rating is republished and its cached pages dropped.
    await prisma.review.update({ where: { id: spam }, data: { status: "rejected", rejectReason: "spam" } });
    await republishProductRating(TEST_SHOP, graphql, CUP);

    const { body } = await list(cupQuery);
    expect(body.total).toBe(1);
    expect(body.reviews.map((review) => review.title)).toEqual(["Lovely cup"]);
  });

  it("serves a repeated request from memory rather than the database", async () => {
    await storeReview({ productId: "gid://shopify/Product/7004", at: hoursLater(50), title: "Sturdy pot" });
    const first = await list("product_id=7004");
    // Written behind the app's back: not seen until the page expires (REVIEW_PAGE_TTL_MS) or is dropped.
    await storeReview({ productId: "gid://shopify/Product/7004", at: hoursLater(51), title: "Second pot review" });
    const second = await list("product_id=7004");
    expect(second.body).toEqual(first.body);
    expect(REVIEW_PAGE_TTL_MS).toBeLessThanOrEqual(60_000);
  });
});
