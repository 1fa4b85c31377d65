import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { saveContactOptions } from "../../app/models/contact/options.server";
import { recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { CUSTOMER_REVIEW_LIMITS, action as reviewAction } from "../../app/routes/api.customer-account.review";
import { loader as orderLoader } from "../../app/routes/api.customer-account.order";
import { appUrl } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { extensionRequest, mintExtensionToken } from "../support/signing";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * The customer account order-status extension's backend, through the real authenticate.public.customerAccount
 * with session tokens signed as Shopify signs them: who asks comes only from the token (`dest` the shop,
 * `sub` the customer), and every answer carries the CORS headers the extension's fetch needs.
 */

const shop = TEST_SHOP;
const RINA = "gid://shopify/Customer/77";
const BUDI = "gid://shopify/Customer/88";
const DELIVERED = "gid://shopify/Order/5101";
const LATE = "gid://shopify/Order/5102";
const BUDIS = "gid://shopify/Order/5201";
const t0 = new Date(Date.now() - days(20));
const at = (n: number) => new Date(t0.getTime() + days(n));

let fake: FakeAdmin;
let mug: string;

const token = (options: { customerId?: string; shop?: string; secret?: string; issuedAt?: number } = {}) =>
  mintExtensionToken({ shop: options.shop ?? shop, apiKey: TEST_API_KEY, secret: options.secret ?? TEST_API_SECRET, customerId: "customerId" in options ? options.customerId : RINA, issuedAt: options.issuedAt });

const args = (request: Request) => ({ request, params: {}, context: {} });

async function getOrder(orderId: string, bearer: string | null = token()) {
  const response = await orderLoader(args(extensionRequest(appUrl(`/api/customer-account/order?orderId=${encodeURIComponent(orderId)}`), bearer)));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

let ip = 0;
async function postReview(body: unknown, bearer: string | null = token()) {
  const request = extensionRequest(appUrl("/api/customer-account/review"), bearer, { body });
  request.headers.set("X-Forwarded-For", `198.51.100.${(ip += 1)}`);
  const response = await reviewAction(args(request));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

const review = (extra: Record<string, unknown> = {}) => ({ orderId: DELIVERED, lineItemId: "gid://shopify/LineItem/511", rating: 4, title: "Lovely", body: "Keeps the coffee hot.", ...extra });

const expectCors = (headers: Headers) => {
  expect(headers.get("access-control-allow-origin")).toBe("*");
  expect(headers.get("access-control-allow-headers")).toContain("Authorization");
};

beforeAll(async () => {
  fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET, scopes: ["read_orders", "read_products", "write_products"] });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  [mug] = [...fake.state.products.keys()];
  await saveContactOptions(shop, { email: "help@shop.example", phone: null, whatsapp: "+62 812 3456 789", chatUrl: null, hours: null, social: [] });
  await seedOrder(shop, {
    id: DELIVERED,
    name: "#5101",
    createdAt: t0,
    customerId: RINA,
    email: "rina@example.test",
    firstName: "Rina",
    parcels: [{ id: "gid://shopify/Fulfillment/5101", createdAt: at(1), inTransitAt: at(2), deliveredAt: at(3), displayStatus: "DELIVERED", trackingCompany: "JNE" }],
    lineItems: [
      { id: "gid://shopify/LineItem/511", productId: mug, title: "Enamel mug", sku: null, quantity: 1 },
      { id: "gid://shopify/LineItem/512", productId: null, title: "Gift wrap", sku: null, quantity: 1 },
    ],
  });
  await seedOrder(shop, {
    id: LATE,
    name: "#5102",
    createdAt: t0,
    customerId: RINA,
    email: "rina@example.test",
    parcels: [{ id: "gid://shopify/Fulfillment/5102", createdAt: at(1), inTransitAt: at(2), displayStatus: "IN_TRANSIT" }],
    lineItems: [{ id: "gid://shopify/LineItem/521", productId: mug, title: "Enamel mug", sku: null, quantity: 1 }],
  });
  await recordDeliveryPromise(shop, LATE, { earliest: at(3).toISOString().slice(0, 10), latest: at(5).toISOString().slice(0, 10) }, "UTC", t0);
  await seedOrder(shop, {
    id: BUDIS,
    name: "#5201",
    createdAt: t0,
    customerId: BUDI,
    email: "budi@example.test",
    parcels: [{ id: "gid://shopify/Fulfillment/5201", createdAt: at(1), deliveredAt: at(3), displayStatus: "DELIVERED" }],
    lineItems: [{ id: "gid://shopify/LineItem/531", productId: mug, title: "Enamel mug", sku: null, quantity: 1 }],
  });
});

beforeEach(() => {
  routeShop(shop, (request) => fake.handle(request));
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/customer-account/order", () => {
  it("answers the customer's delivered order: timeline, lines to review and contact options, with CORS headers", async () => {
    const { status, headers, body } = await getOrder(DELIVERED);

    expect(status).toBe(200);
    expectCors(headers);
    expect(body.order).toMatchObject({ name: "#5101", alert: null, current: "delivered", carrier: "JNE", deliveredOn: at(3).toISOString().slice(0, 10) });
    expect(body.lines).toEqual([{ lineItemId: "gid://shopify/LineItem/511", productTitle: "Enamel mug", reviewed: false }]);
    expect(body.contact.map((channel: { href: string }) => channel.href)).toEqual(["mailto:help@shop.example", "https://wa.me/628123456789"]);
    expect(JSON.stringify(body)).not.toMatch(/rina@|Customer\//);
  });

  it("says an order past its promise is late, and asks no review before delivery", async () => {
    const { status, body } = await getOrder(LATE);

    expect(status).toBe(200);
    expect(body.order).toMatchObject({ alert: "late", current: "in_transit", estimate: null });
    expect(body.lines).toEqual([]);
  });

  it("refuses another customer's order with a 404 and a message, and an unknown order the same way", async () => {
    const theirs = await getOrder(BUDIS);
    const unknown = await getOrder("gid://shopify/Order/9999");

    expect(theirs.status).toBe(404);
    expectCors(theirs.headers);
    expect(theirs.body).toEqual({ error: "order_not_found", message: "We could not find this order in your account." });
    expect(unknown.body).toEqual(theirs.body);
  });

  it("takes the customer only from the token, never from the query", async () => {
    const request = extensionRequest(appUrl(`/api/customer-account/order?orderId=${encodeURIComponent(BUDIS)}&customerId=${encodeURIComponent(BUDI)}`), token());
    const response = await orderLoader(args(request));

    expect(response.status).toBe(400);
    expect((await getOrder(BUDIS, token({ customerId: BUDI }))).status).toBe(200);
  });

  it("refuses a malformed order id with a 400", async () => {
    const { status, body } = await getOrder("5101");

    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
  });

  it.each([
    ["no token", () => null],
    ["a forged token", () => token({ secret: "not-the-app-secret" })],
    ["an expired token", () => token({ issuedAt: Math.floor(Date.now() / 1000) - 3600 })],
    ["a token for a shop that has not installed the app", () => token({ shop: "someone-else.myshopify.com" })],
  ])("answers %s with a 401 carrying CORS headers and a message", async (_case, bearer) => {
    const { status, headers, body } = await getOrder(DELIVERED, bearer());

    expect(status).toBe(401);
    expectCors(headers);
    expect(body).toEqual({ error: "unauthorized", message: expect.stringContaining("Reload the page") });
  });

  it("answers a token without a customer (not logged in) with a 401 asking to log in", async () => {
    const { status, body } = await getOrder(DELIVERED, token({ customerId: undefined }));

    expect(status).toBe(401);
    expect(body.error).toBe("not_logged_in");
  });

  it("answers the CORS preflight", async () => {
    const preflight = new Request(appUrl("/api/customer-account/order?orderId=x"), {
      method: "OPTIONS",
      headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    const response = await orderLoader(args(preflight));

    expect(response.status).toBe(204);
    expectCors(response.headers);
  });
});

describe("POST /api/customer-account/review", () => {
  it("refuses a line of another customer's order and an undelivered order, storing nothing", async () => {
    const theirs = await postReview(review({ orderId: BUDIS, lineItemId: "gid://shopify/LineItem/531" }));
    const undelivered = await postReview(review({ orderId: LATE, lineItemId: "gid://shopify/LineItem/521" }));

    expect(theirs).toMatchObject({ status: 404, body: { error: "line_not_found" } });
    expectCors(theirs.headers);
    expect(undelivered.status).toBe(404);
    expect(await prisma.review.count({ where: { shop } })).toBe(0);
  });

  it("names what is wrong with a review in a 422, and refuses a malformed request with a 400", async () => {
    expect(await postReview(review({ rating: 6 }))).toMatchObject({ status: 422, body: { error: "invalid_review", fields: { rating: "rating" } } });
    expect(await postReview(review({ body: "   " }))).toMatchObject({ status: 422, body: { fields: { body: "body_required" } } });
    expect(await postReview(review({ lineItemId: "511" }))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await postReview(review({ customerId: BUDI }))).toMatchObject({ status: 400 });
    expect(await postReview(["not", "an", "object"])).toMatchObject({ status: 400 });
    expect(await prisma.review.count({ where: { shop } })).toBe(0);
  });

  it("refuses a review without a valid token with a 401 and CORS headers", async () => {
    const forged = await postReview(review(), token({ secret: "forged" }));

    expect(forged.status).toBe(401);
    expectCors(forged.headers);
    expect(await prisma.review.count({ where: { shop } })).toBe(0);
  });

  it("stores the review as a verified buyer's, publishes it like the other doors and marks the line reviewed", async () => {
    const sent = await postReview(review());

    expect(sent).toMatchObject({ status: 200, body: { recorded: true, verified: true } });
    expectCors(sent.headers);
    const stored = await prisma.review.findFirstOrThrow({ where: { shop, lineItemId: "gid://shopify/LineItem/511" } });
    expect(stored).toMatchObject({ orderId: DELIVERED, productId: mug, rating: 4, title: "Lovely", authorName: "Rina", verified: true, status: "published" });
    const metafields = Object.fromEntries(fake.state.metafields.list(mug, { namespace: "reviews" }).map((field) => [field.key, field.value]));
    expect(metafields).toEqual({ rating_count: "1", rating: JSON.stringify({ value: "4.0", scale_min: "1.0", scale_max: "5.0" }) });
    const entries = fake.state.metaobjects.list("product_review").map((entry) => entry.handle);
    expect(entries).toEqual([`aftercare-review-${stored.id}`]);
    expect((await getOrder(DELIVERED)).body.lines).toEqual([{ lineItemId: "gid://shopify/LineItem/511", productTitle: "Enamel mug", reviewed: true }]);
  });

  it("limits how many reviews one customer sends", async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= CUSTOMER_REVIEW_LIMITS.customer.limit; n += 1) statuses.push((await postReview(review({ rating: (n % 5) + 1 }), token({ customerId: BUDI }))).status);
    const refused = await postReview(review(), token({ customerId: BUDI }));

    expect(statuses.slice(0, CUSTOMER_REVIEW_LIMITS.customer.limit).every((status) => status === 404)).toBe(true);
    expect(refused.status).toBe(429);
    expectCors(refused.headers);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
