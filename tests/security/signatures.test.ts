/**
 * Every door Shopify signs: webhook HMACs, app-proxy signatures and App Bridge session tokens. A request
 * that is forged, tampered with, replayed or too old is refused and leaves no trace in the database.
 */
import { createHmac } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { adminFetchRequest, appProxyRequest, appUrl, webhookRequest } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { mintSessionToken, signAppProxyUrl } from "../support/signing";
import { routeShop } from "../support/shopify-network";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const ordersCreate = await import("../../app/routes/webhooks.orders.create");
const dataRequest = await import("../../app/routes/webhooks.customers.data_request");
const home = await import("../../app/routes/app._index");
const orderStatus = await import("../../app/routes/proxy.order-status");
const returns = await import("../../app/routes/proxy.returns");
const survey = await import("../../app/routes/proxy.survey");

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

/** The HTTP answer, whether the handler returned it or `authenticate.*` threw it. */
async function answer(handler: Handler, request: Request): Promise<Response> {
  try {
    return (await handler({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const ORDER_GID = "gid://shopify/Order/7001";

function orderPayload(overrides: Record<string, unknown> = {}) {
  return {
    id: 7001,
    admin_graphql_api_id: ORDER_GID,
    name: "#7001",
    created_at: "2026-11-09T08:00:00Z",
    updated_at: "2026-11-09T08:00:00Z",
    cancelled_at: null,
    fulfillment_status: null,
    customer: { id: 42 },
    shipping_address: { country_code: "ID", province_code: "JK" },
    line_items: [{ id: 9001, title: "Kopi tubruk", sku: "KOPI-1", quantity: 1, product_id: 1 }],
    fulfillments: [],
    ...overrides,
  };
}

beforeEach(async () => {
  await prisma.order.deleteMany();
  await prisma.orderLineItem.deleteMany();
  await prisma.processedWebhook.deleteMany();
  await prisma.dataRequest.deleteMany();
  await prisma.rateLimitHit.deleteMany();
});

describe("webhook HMAC", () => {
  it("refuses a delivery signed with another secret with 401, and stores neither the order nor a receipt", async () => {
    const forged = webhookRequest("orders/create", orderPayload(), { hmac: "c29tZSBvdGhlciBhcHAncyBzaWduYXR1cmU=" });
    expect((await answer(ordersCreate.action, forged)).status).toBe(401);
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.processedWebhook.count()).toBe(0);
  });

  it("refuses a genuine delivery whose body was changed after signing", async () => {
    const genuine = webhookRequest("customers/data_request", { shop_domain: TEST_SHOP, customer: { id: 1, email: "a@example.test" } });
    const tampered = new Request(genuine.url, {
      method: "POST",
      headers: genuine.headers,
      body: JSON.stringify({ shop_domain: TEST_SHOP, customer: { id: 2, email: "attacker@example.test" } }),
    });
    expect((await answer(dataRequest.action, tampered)).status).toBe(401);
    expect(await prisma.dataRequest.count()).toBe(0);
  });

  it("refuses a delivery with no HMAC header at all (400: a request missing Shopify's headers is malformed)", async () => {
    const genuine = webhookRequest("orders/create", orderPayload());
    const headers = new Headers(genuine.headers);
    headers.delete("X-Shopify-Hmac-Sha256");
    const unsigned = new Request(genuine.url, { method: "POST", headers, body: JSON.stringify(orderPayload()) });
    expect((await answer(ordersCreate.action, unsigned)).status).toBe(400);
    expect(await prisma.order.count()).toBe(0);
  });

  it("answers a correctly signed body that is not JSON with 400 naming the problem, and stores nothing", async () => {
    const genuine = webhookRequest("orders/create", orderPayload());
    const body = "order=7001&not=json";
    const headers = new Headers(genuine.headers);
    headers.set("X-Shopify-Hmac-Sha256", createHmac("sha256", TEST_API_SECRET).update(body, "utf8").digest("base64"));
    const response = await answer(ordersCreate.action, new Request(genuine.url, { method: "POST", headers, body }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not valid JSON/);
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.processedWebhook.count()).toBe(0);
  });

  it("answers a redelivered webhook id with 200 and applies it only once", async () => {
    const webhookId = "replayed-0001";
    expect((await answer(ordersCreate.action, webhookRequest("orders/create", orderPayload(), { webhookId }))).status).toBe(200);
    // Same id, newer content: had the receipt not been kept, this copy would overwrite the first.
    const later = orderPayload({ name: "#7001-CHANGED", updated_at: "2026-11-10T08:00:00Z", cancelled_at: "2026-11-10T08:00:00Z" });
    expect((await answer(ordersCreate.action, webhookRequest("orders/create", later, { webhookId }))).status).toBe(200);

    const stored = await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: TEST_SHOP, id: ORDER_GID } } });
    expect(stored).toMatchObject({ name: "#7001", cancelledAt: null });
    expect(await prisma.processedWebhook.count({ where: { webhookId } })).toBe(1);
    expect(await prisma.orderLineItem.count()).toBe(1);
  });

  it("accepts a captured delivery replayed under a fresh webhook id (the HMAC covers only the body), and the replay changes nothing", async () => {
    expect((await answer(ordersCreate.action, webhookRequest("orders/create", orderPayload(), { webhookId: "original" }))).status).toBe(200);
    const facts = async () => (await prisma.order.findMany()).map(({ syncedAt: _touched, ...order }) => order);
    const before = await facts();

    expect((await answer(ordersCreate.action, webhookRequest("orders/create", orderPayload(), { webhookId: "replay" }))).status).toBe(200);

    expect(await facts()).toEqual(before);
    expect(await prisma.orderLineItem.count()).toBe(1);
  });
});

describe("app-proxy signature", () => {
  beforeAll(async () => {
    await storeOfflineSession({ accessToken: "shpat_proxy" });
  });

  const lookUpBody = () => new URLSearchParams({ orderNumber: "7001", email: "rina@example.test" });
  const post = (path: string, options: { signature?: string; timestamp?: number } = {}) =>
    appProxyRequest(path, { method: "POST", body: lookUpBody(), headers: { "X-Forwarded-For": "198.51.100.7" }, ...options });

  const forged = "0".repeat(64);
  const endpoints: Array<[string, Handler, () => Request]> = [
    ["order status", orderStatus.action, () => post("/proxy/order-status", { signature: forged })],
    ["order check", returns.action, () => post("/proxy/returns", { signature: forged })],
    ["survey answer", survey.action, () => post("/proxy/survey", { signature: forged })],
    ["survey page", survey.loader, () => appProxyRequest("/proxy/survey?token=x&score=5", { signature: forged })],
  ];

  it.each(endpoints)("%s refuses a forged signature with 400 and counts nothing", async (_name, handler, request) => {
    const response = await answer(handler, request());
    expect(response.status).toBe(400);
    expect(await prisma.rateLimitHit.count()).toBe(0);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it("refuses a genuine signature moved onto other parameters (posing as a logged-in customer)", async () => {
    const signed = new URL(signAppProxyUrl({ url: appUrl("/proxy/order-status"), shop: TEST_SHOP, secret: TEST_API_SECRET }));
    signed.searchParams.set("logged_in_customer_id", "77");
    const request = new Request(signed, { method: "POST", body: lookUpBody() });
    expect((await answer(orderStatus.action, request)).status).toBe(400);
  });

  it("refuses a genuine signature for another shop's query", async () => {
    const signed = new URL(signAppProxyUrl({ url: appUrl("/proxy/order-status"), shop: "other-shop.myshopify.com", secret: TEST_API_SECRET }));
    signed.searchParams.set("shop", TEST_SHOP);
    expect((await answer(orderStatus.action, new Request(signed, { method: "POST", body: lookUpBody() }))).status).toBe(400);
  });

  it("refuses a correctly signed request whose timestamp is more than 90 seconds old or ahead", async () => {
    expect((await answer(orderStatus.action, post("/proxy/order-status", { timestamp: nowSeconds() - 600 }))).status).toBe(400);
    expect((await answer(orderStatus.action, post("/proxy/order-status", { timestamp: nowSeconds() + 600 }))).status).toBe(400);
    expect(await prisma.rateLimitHit.count()).toBe(0);
  });

  it("accepts a replay within shopify-api's 90-second tolerance (there is no nonce); the rate limit bounds it", async () => {
    // The limits count in fixed windows: the clock stands still mid-window, so no replay lands in a new one.
    const { windowMs } = orderStatus.ORDER_STATUS_LIMITS.perOrder;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / windowMs) * windowMs + windowMs / 2);
    try {
      const url = signAppProxyUrl({ url: appUrl("/proxy/order-status"), shop: TEST_SHOP, secret: TEST_API_SECRET, timestamp: nowSeconds() - 60 });
      const statuses: number[] = [];
      for (let i = 0; i < orderStatus.ORDER_STATUS_LIMITS.perOrder.limit + 1; i += 1) {
        statuses.push((await answer(orderStatus.action, new Request(url, { method: "POST", body: lookUpBody() }))).status);
      }
      expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("session token", () => {
  let fake: FakeAdmin;

  beforeEach(async () => {
    await storeOfflineSession({ accessToken: "shpat_installed" });
    fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET });
    routeShop(TEST_SHOP, (request) => fake.handle(request));
  });

  const token = (overrides: Partial<Parameters<typeof mintSessionToken>[0]> = {}) =>
    mintSessionToken({ shop: TEST_SHOP, apiKey: TEST_API_KEY, secret: TEST_API_SECRET, ...overrides });
  const load = (bearer: string) => answer(home.loader, adminFetchRequest("/app", { token: bearer }));

  it("serves the page for a valid token (the baseline the refusals below differ from)", async () => {
    expect((await load(token())).status).toBe(200);
  });

  it.each([
    ["expired a minute ago", () => token({ issuedAt: nowSeconds() - 180 })],
    ["signed with another secret", () => token({ secret: "another-secret" })],
    ["issued for another app (audience is its api key)", () => token({ apiKey: "another-apps-api-key" })],
    ["not valid yet", () => token({ issuedAt: nowSeconds() + 300 })],
    ["not a JWT", () => "garbage"],
  ])("refuses a token %s with 401 and never calls the Admin API", async (_name, make) => {
    const response = await load(make());
    expect(response.status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a token whose `dest` was edited to another shop, keeping the original signature", async () => {
    const [header, payload, signature] = token().split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const edited = Buffer.from(JSON.stringify({ ...claims, dest: "https://other-shop.myshopify.com" })).toString("base64url");
    let otherShopReached = false;
    routeShop("other-shop.myshopify.com", async () => {
      otherShopReached = true;
      return new Response("{}", { status: 500 });
    });

    const response = await load(`${header}.${edited}.${signature}`);

    expect(response.status).toBe(401);
    expect(otherShopReached).toBe(false);
    expect(await prisma.session.count({ where: { shop: "other-shop.myshopify.com" } })).toBe(0);
  });
});
