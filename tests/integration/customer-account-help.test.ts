import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as helpAction, loader as helpLoader } from "../../app/routes/api.customer-account.help";
import { loader as reviewsLoader } from "../../app/routes/app.reviews";
import { adminFetchRequest, appUrl } from "../support/app-requests";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { extensionRequest, mintExtensionToken } from "../support/signing";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * "Did everything arrive as expected?" answered no on the customer account's order status page
 * (POST /api/customer-account/help), through the real authenticate.public.customerAccount with session
 * tokens signed as Shopify signs them: the request is stored for the customer's own delivered order and
 * listed on the admin's Reviews page with the storefront's help requests.
 */

const shop = TEST_SHOP;
const RINA = "gid://shopify/Customer/77";
const BUDI = "gid://shopify/Customer/88";
const DELIVERED = "gid://shopify/Order/6101";
const ON_ITS_WAY = "gid://shopify/Order/6102";
const BUDIS = "gid://shopify/Order/6201";
const t0 = new Date(Date.now() - days(20));
const at = (n: number) => new Date(t0.getTime() + days(n));

const token = (options: { customerId?: string; secret?: string } = {}) =>
  mintExtensionToken({ shop, apiKey: TEST_API_KEY, secret: options.secret ?? TEST_API_SECRET, customerId: options.customerId ?? RINA });
const args = (request: Request) => ({ request, params: {}, context: {} });

let ip = 0;
async function askForHelp(body: unknown, bearer: string | null = token()) {
  const request = extensionRequest(appUrl("/api/customer-account/help"), bearer, { body });
  request.headers.set("X-Forwarded-For", `203.0.113.${(ip += 1)}`);
  const response = await helpAction(args(request));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const help = (extra: Record<string, unknown> = {}) => ({ orderId: DELIVERED, lineItemId: "gid://shopify/LineItem/611", message: "The lid was cracked.", ...extra });
const adminHelpRequests = async () => ((await (await reviewsLoader(args(adminFetchRequest("/app/reviews")))).json()) as { helpRequests: unknown[] }).helpRequests;

beforeAll(async () => {
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET });
  routeShop(shop, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: "shpat_installed" });
  const [mug, kettle] = [...fake.state.products.keys()];
  const delivered = [{ id: "gid://shopify/Fulfillment/6101", createdAt: at(1), inTransitAt: at(2), deliveredAt: at(3), displayStatus: "DELIVERED" as const, trackingCompany: "JNE" }];
  await seedOrder(shop, {
    id: DELIVERED,
    name: "#6101",
    createdAt: t0,
    customerId: RINA,
    email: "rina@example.test",
    firstName: "Rina",
    parcels: delivered,
    lineItems: [
      { id: "gid://shopify/LineItem/611", productId: mug, title: "Enamel mug", sku: null, quantity: 1 },
      { id: "gid://shopify/LineItem/612", productId: kettle, title: "Pour-over kettle", sku: null, quantity: 1 },
    ],
  });
  await seedOrder(shop, {
    id: ON_ITS_WAY,
    name: "#6102",
    createdAt: at(10),
    customerId: RINA,
    email: "rina@example.test",
    firstName: "Rina",
    parcels: [{ id: "gid://shopify/Fulfillment/6102", createdAt: at(11), inTransitAt: at(12), deliveredAt: null, displayStatus: "IN_TRANSIT", trackingCompany: "JNE" }],
    lineItems: [{ id: "gid://shopify/LineItem/621", productId: mug, title: "Enamel mug", sku: null, quantity: 1 }],
  });
  await seedOrder(shop, {
    id: BUDIS,
    name: "#6201",
    createdAt: t0,
    customerId: BUDI,
    email: "budi@example.test",
    firstName: "Budi",
    parcels: [{ ...delivered[0], id: "gid://shopify/Fulfillment/6201" }],
    lineItems: [{ id: "gid://shopify/LineItem/631", productId: mug, title: "Enamel mug", sku: null, quantity: 1 }],
  });
});

beforeEach(async () => {
  await prisma.reviewHelpRequest.deleteMany();
  await prisma.rateLimitHit.deleteMany();
});

describe("POST /api/customer-account/help", () => {
  it("stores the customer's help request for a line of their delivered order, shown with the admin's help requests", async () => {
    const answer = await askForHelp(help());
    expect(answer).toMatchObject({ status: 201, body: { helpRequested: true } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");

    expect(await adminHelpRequests()).toEqual([
      expect.objectContaining({ orderName: "#6101", lineItemId: "gid://shopify/LineItem/611", message: "The lid was cracked.", state: "open" }),
    ]);
  });

  it("takes a request without a message", async () => {
    expect(await askForHelp(help({ lineItemId: "gid://shopify/LineItem/612", message: undefined }))).toMatchObject({ status: 201 });
    expect(await prisma.reviewHelpRequest.findMany({ where: { shop } })).toEqual([expect.objectContaining({ orderId: DELIVERED, lineItemId: "gid://shopify/LineItem/612", message: null })]);
  });

  it("refuses another customer's order and an order not delivered yet with a 404, storing nothing", async () => {
    expect(await askForHelp(help({ orderId: BUDIS, lineItemId: "gid://shopify/LineItem/631" }))).toMatchObject({ status: 404, body: { error: "line_not_found" } });
    expect(await askForHelp(help({ orderId: ON_ITS_WAY, lineItemId: "gid://shopify/LineItem/621" }))).toMatchObject({ status: 404, body: { error: "line_not_found" } });
    expect(await askForHelp(help({ lineItemId: "gid://shopify/LineItem/631" }))).toMatchObject({ status: 404 });
    // Budi asking about Rina's order: who asks comes from the token, never the body.
    expect(await askForHelp(help(), token({ customerId: BUDI }))).toMatchObject({ status: 404 });
    expect(await prisma.reviewHelpRequest.count()).toBe(0);
  });

  it("names a message over the limit in a 422, and refuses a malformed request with a 400", async () => {
    expect(await askForHelp(help({ message: "x".repeat(2001) }))).toMatchObject({ status: 422, body: { error: "invalid_help", fields: { message: "message_too_long" } } });
    expect(await askForHelp(help({ lineItemId: "611" }))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await askForHelp(help({ customerId: BUDI }))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await askForHelp(help({ message: 42 }))).toMatchObject({ status: 400 });
    expect(await prisma.reviewHelpRequest.count()).toBe(0);
  });

  it("refuses a forged token and a GET with 401/405 and CORS headers", async () => {
    const forged = await askForHelp(help(), token({ secret: "not-the-app-secret" }));
    expect(forged).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(forged.headers.get("access-control-allow-origin")).toBe("*");
    expect((await askForHelp(help(), null)).status).toBe(401);

    const get = await helpLoader(args(extensionRequest(appUrl("/api/customer-account/help"), token())));
    expect(get.status).toBe(405);
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
    expect(await prisma.reviewHelpRequest.count()).toBe(0);
  });
});
