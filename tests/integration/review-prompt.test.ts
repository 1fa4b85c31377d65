import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { recordContactDetails } from "../../app/models/orders/contact-details.server";
import type { FulfillmentRecord, OrderRecord } from "../../app/models/orders/record";
import { saveOrderSnapshots } from "../../app/models/orders/snapshots.server";
import { action, loader, REVIEW_PROMPT_LIMITS } from "../../app/routes/proxy.review-prompt";
import { appProxyRequest } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";
import { DAY } from "../support/keep-in-touch-fixtures";

/**
 * The review prompt block's endpoint: a logged-in customer (Shopify's signed `logged_in_customer_id`)
 * sees which of their sent order lines they can review, reviews them as a verified buyer, and can ask for
 * help without losing the review form.
 */

const shop = TEST_SHOP;
const SARI = "5150";
const BUDI = "6060";
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

let fake: FakeAdmin;
let mug: string;
let kettle: string;

async function seedOrder(n: number, customer: string, lines: Array<{ id: number; productId: string | null; title: string }>, state: { fulfilled?: boolean; cancelled?: boolean } = {}) {
  const id = `gid://shopify/Order/${n}`;
  const createdAt = new Date(Date.now() - 10 * DAY);
  const order: OrderRecord = {
    id,
    name: `#${n}`,
    customerId: `gid://shopify/Customer/${customer}`,
    countryCode: "ID",
    provinceCode: null,
    fulfillmentStatus: state.fulfilled === false ? "UNFULFILLED" : "FULFILLED",
    createdAt,
    cancelledAt: state.cancelled ? new Date(createdAt.getTime() + DAY) : null,
    shopifyUpdatedAt: new Date(createdAt.getTime() + 2 * DAY),
  };
  const parcels: FulfillmentRecord[] =
    state.fulfilled === false
      ? []
      : [
          {
            id: `gid://shopify/Fulfillment/${n}`,
            orderId: id,
            status: "SUCCESS",
            displayStatus: "DELIVERED",
            createdAt: new Date(createdAt.getTime() + DAY),
            shopifyUpdatedAt: new Date(createdAt.getTime() + 2 * DAY),
            inTransitAt: new Date(createdAt.getTime() + DAY),
            deliveredAt: new Date(createdAt.getTime() + 2 * DAY),
            estimatedDeliveryAt: null,
            trackingCompany: null,
            trackingNumber: null,
            trackingUrl: null,
          },
        ];
  const lineItems = lines.map((line) => ({ id: `gid://shopify/LineItem/${line.id}`, orderId: id, productId: line.productId, title: line.title, sku: null, quantity: 1 }));
  await saveOrderSnapshots(prisma, shop, [{ order, fulfillments: parcels, lineItems }]);
  await recordContactDetails(shop, { orderId: id, email: `customer${customer}@example.test`, firstName: customer === SARI ? "Sari" : "Budi", locale: "en" });
}

let ip = 0;
const args = (request: Request) => ({ request, params: {}, context: {} });
const nextIp = () => `203.0.113.${(ip += 1)}`;

async function ask(customer?: string) {
  const response = await loader(args(appProxyRequest("/proxy/review-prompt", { loggedInCustomerId: customer })));
  return { status: response.status, body: (await response.json()) as { lines?: Array<Record<string, unknown>>; errors?: Record<string, string> } };
}

async function send(fields: Record<string, string>, options: { customer?: string; ip?: string } = {}) {
  const request = appProxyRequest("/proxy/review-prompt", {
    method: "POST",
    loggedInCustomerId: "customer" in options ? options.customer : SARI,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": options.ip ?? nextIp() },
    body: new URLSearchParams(fields),
  });
  const response = await action(args(request));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const review = (lineItemId: number, orderId: number, extra: Record<string, string> = {}) => ({
  intent: "review",
  order_id: String(orderId),
  line_item_id: String(lineItemId),
  rating: "5",
  title: "Lovely",
  body: "Keeps the coffee hot.",
  ...extra,
});

const productMetafields = (productId: string) =>
  Object.fromEntries(fake.state.metafields.list(productId, { namespace: "reviews" }).map((field) => [field.key, field.value]));

beforeAll(async () => {
  fake = createFakeAdmin({
    shop: createSeedShop({ domain: shop }),
    accessToken: "shpat_installed",
    apiSecret: TEST_API_SECRET,
    scopes: ["read_orders", "read_products", "write_products"],
  });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  [mug, kettle] = [...fake.state.products.keys()];
  await seedOrder(101, SARI, [
    { id: 11, productId: mug, title: "Enamel mug" },
    { id: 12, productId: null, title: "Gift card" },
  ]);
  await seedOrder(102, SARI, [{ id: 21, productId: kettle, title: "Pour-over kettle" }]);
  await seedOrder(103, SARI, [{ id: 31, productId: kettle, title: "Pour-over kettle" }], { fulfilled: false });
  await seedOrder(104, SARI, [{ id: 41, productId: mug, title: "Enamel mug" }], { cancelled: true });
  await seedOrder(201, BUDI, [{ id: 51, productId: mug, title: "Enamel mug" }]);
});

beforeEach(() => {
  routeShop(shop, (request) => fake.handle(request));
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the review prompt endpoint", () => {
  it("refuses a shopper who is not logged in, with a message", async () => {
    const asked = await ask(undefined);
    const sent = await send(review(11, 101), { customer: undefined });

    expect(asked).toEqual({ status: 401, body: { errors: { form: "Log in to review what you bought." } } });
    expect(sent.status).toBe(401);
    expect(await prisma.review.count()).toBe(0);
  });

  it("refuses a forged signature, even naming a customer", async () => {
    const forged = appProxyRequest("/proxy/review-prompt", {
      method: "POST",
      loggedInCustomerId: SARI,
      signature: "0".repeat(64),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(review(11, 101)),
    });
    const refused = await action(args(forged)).catch((thrown: unknown) => thrown);

    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(400);
    expect(await prisma.review.count()).toBe(0);
  });

  it("lists the customer's sent, uncancelled product lines with Liquid's numeric ids", async () => {
    const { status, body } = await ask(SARI);

    expect(status).toBe(200);
    expect(body.lines).toEqual([
      { orderId: "101", lineItemId: "11", productId: mug.split("/").pop(), orderName: "#101", productTitle: "Enamel mug", reviewed: false },
      { orderId: "102", lineItemId: "21", productId: kettle.split("/").pop(), orderName: "#102", productTitle: "Pour-over kettle", reviewed: false },
    ]);
  });

  it("stores a review as a verified buyer's, publishes the product's rating and marks the line reviewed", async () => {
    const sent = await send(review(11, 101, { rating: "4" }));

    expect(sent).toMatchObject({ status: 200, body: { recorded: true, verified: true } });
    const stored = await prisma.review.findFirstOrThrow({ where: { shop, lineItemId: "gid://shopify/LineItem/11" } });
    expect(stored).toMatchObject({ orderId: "gid://shopify/Order/101", productId: mug, rating: 4, title: "Lovely", authorName: "Sari", verified: true, source: "storefront", status: "published" });
    expect(productMetafields(mug)).toEqual({ rating_count: "1", rating: JSON.stringify({ value: "4.0", scale_min: "1.0", scale_max: "5.0" }) });
    // Like a review from the email, it reaches Shopify's standard product review metaobject too.
    const entries = fake.state.metaobjects.list("product_review").map((entry) => ({ handle: entry.handle, ...fake.state.metaobjects.valuesOf(entry) }));
    expect(entries).toEqual([expect.objectContaining({ handle: `aftercare-review-${stored.id}`, title: "Lovely", product: mug })]);
    expect((await ask(SARI)).body.lines?.find((line) => line.lineItemId === "11")?.reviewed).toBe(true);
  });

  it("accepts the order and line as GIDs too", async () => {
    const sent = await send(review(0, 0, { order_id: "gid://shopify/Order/102", line_item_id: "gid://shopify/LineItem/21", rating: "2" }));

    expect(sent.status).toBe(200);
    expect(productMetafields(kettle).rating_count).toBe("1");
  });

  it.each([
    ["another customer's line", 51, 201],
    ["an unsent order", 31, 103],
    ["a cancelled order", 41, 104],
    ["a line without a product", 12, 101],
    ["a line of another order", 21, 101],
    ["an unknown line", 99, 101],
  ])("refuses %s with a 404 and stores nothing", async (_case, line, order) => {
    const before = await prisma.review.count();
    const sent = await send(review(line, order));

    expect(sent).toEqual({ status: 404, headers: expect.anything(), body: { errors: { form: "We could not find this item in your orders." } } });
    expect(await prisma.review.count()).toBe(before);
  });

  it("opens a help request on 'no', and the review can still be given", async () => {
    const help = await send({ intent: "help", order_id: "101", line_item_id: "11", message: "The handle came off" });

    expect(help).toMatchObject({ status: 200, body: { helpRequested: true } });
    expect(await prisma.reviewHelpRequest.findMany({ where: { shop }, select: { orderId: true, lineItemId: true, message: true, state: true } })).toEqual([
      { orderId: "gid://shopify/Order/101", lineItemId: "gid://shopify/LineItem/11", message: "The handle came off", state: "open" },
    ]);
    expect((await send(review(11, 101, { rating: "3", body: "Handle came off, but the shop replaced it." }))).status).toBe(200);
  });

  it("names the field that is wrong, in a 422", async () => {
    expect(await send(review(11, 101, { rating: "6" }))).toMatchObject({ status: 422, body: { errors: { rating: "Choose from 1 to 5 stars" } } });
    expect(await send(review(11, 101, { body: "   " }))).toMatchObject({ status: 422, body: { errors: { body: "Tell other shoppers what you think" } } });
    expect(await send(review(11, 101, { title: "x".repeat(121) }))).toMatchObject({ status: 422, body: { errors: { title: expect.stringContaining("120") } } });
    expect(await send({ ...review(11, 101), intent: "delete" })).toMatchObject({ status: 400 });
  });

  it("stores markup in a review as plain text", async () => {
    const sent = await send(review(11, 101, { title: XSS, body: `${XSS} {{ customer.email }}` }));

    expect(sent.status).toBe(200);
    const stored = await prisma.review.findFirstOrThrow({ where: { shop, lineItemId: "gid://shopify/LineItem/11" } });
    expect(stored.title).toBe(XSS);
    expect(stored.body).toBe(`${XSS} {{ customer.email }}`);
  });

  it("limits how many reviews one customer sends, from any address", async () => {
    const budi = (n: number) => send(review(51, 201, { rating: String((n % 5) + 1) }), { customer: BUDI });
    const answers = [];
    for (let n = 0; n < REVIEW_PROMPT_LIMITS.customer.limit; n += 1) answers.push((await budi(n)).status);
    const refused = await budi(99);

    expect(answers.every((status) => status === 200)).toBe(true);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body).toEqual({ errors: { form: "Too many reviews. Please wait a few minutes." } });
  });

  it("limits how many reviews come from one address, whoever is logged in", async () => {
    const address = "198.51.100.7";
    const statuses = [];
    for (let n = 0; n <= REVIEW_PROMPT_LIMITS.client.limit; n += 1) statuses.push((await send({ intent: "review", order_id: "1", line_item_id: "1" }, { ip: address, customer: String(9000 + n) })).status);

    expect(statuses.slice(0, -1).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
