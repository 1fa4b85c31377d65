import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { saveCheckoutSurveySettings } from "../../app/models/surveys/attribution.server";
import { action, loader } from "../../app/routes/api.checkout.survey";
import { appUrl, routeAnswer } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { extensionRequest, mintExtensionToken } from "../support/signing";
import { asThankYouPagePosts } from "../support/thank-you-answers";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const ACCESS_TOKEN = "shpat_installed";
const ENDPOINT = appUrl("/api/checkout/survey");
const token = (options: { shop?: string; secret?: string; issuedAt?: number; customerId?: string } = {}) =>
  mintExtensionToken({ shop: options.shop ?? TEST_SHOP, apiKey: TEST_API_KEY, secret: options.secret ?? TEST_API_SECRET, issuedAt: options.issuedAt, customerId: options.customerId });
const args = (request: Request) => ({ request, params: {}, context: {} });

/** Runs the route as Remix would: a thrown Response is the answer. */
const send = (request: Request) => routeAnswer(() => (request.method === "GET" ? loader(args(request)) : action(args(request))));
const post = (body: unknown, options: { token?: string | null; language?: string } = {}) => {
  const request = extensionRequest(ENDPOINT, options.token === undefined ? token() : options.token, { body: asThankYouPagePosts(fake, body) });
  if (options.language) request.headers.set("Accept-Language", options.language);
  return send(request);
};
const stateOf = (orderId: string, bearer: string | null = token()) => send(extensionRequest(`${ENDPOINT}?order=${encodeURIComponent(orderId)}`, bearer));

let fake: FakeAdmin;
let orderGid: string;
const identityOf = (gid: string) => gid.replace("/Order/", "/OrderIdentity/");
const orderMetafield = (key: string) => fake.state.metafields.get(orderGid, "$app:aftercare", key);
const expectCors = (response: Response) => expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");

beforeAll(async () => {
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: "read_orders,write_orders" });
});

beforeEach(async () => {
  await prisma.checkoutSurveyAnswer.deleteMany();
  await prisma.checkoutSurveySettings.deleteMany();
  await prisma.rateLimitHit.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: ACCESS_TOKEN, apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  orderGid = fake.state.seed.orders[0]!.id;
});

describe("Thank-you page survey endpoint", () => {
  it("stores a valid answer, writes it to the order's app-owned metafields, and says so on the next GET", async () => {
    const before = await stateOf(identityOf(orderGid));
    expect(before.status).toBe(200);
    expectCors(before);
    expect(await before.json()).toEqual({ enabled: true, answered: false, askCsat: true, options: ["Instagram", "Facebook", "TikTok", "Google search", "A friend", "Podcast"] });

    const response = await post({ orderId: identityOf(orderGid), option: "Other", otherText: "A market stall", csat: 5 });
    expect(response.status).toBe(201);
    expectCors(response);

    const stored = await prisma.checkoutSurveyAnswer.findUniqueOrThrow({ where: { shop_orderId: { shop: TEST_SHOP, orderId: orderGid } } });
    expect(stored).toMatchObject({ option: "Other", otherText: "A market stall", csat: 5, metafieldError: null });
    expect(stored.metafieldWrittenAt).not.toBeNull();
    expect(orderMetafield("attribution")?.value).toBe("Other");
    expect(orderMetafield("attribution_other")?.value).toBe("A market stall");
    expect(orderMetafield("csat")).toMatchObject({ type: "number_integer", value: "5" });

    expect(await (await stateOf(orderGid)).json()).toMatchObject({ answered: true });
  });

  it("refuses a second answer for the order with 409 and a message, keeping the first", async () => {
    expect((await post({ orderId: orderGid, option: "Instagram" })).status).toBe(201);
    const second = await post({ orderId: identityOf(orderGid), option: "TikTok", csat: 1 });
    expect(second.status).toBe(409);
    expectCors(second);
    expect(await second.json()).toEqual({ error: "This order has already been answered. Thank you!" });
    expect(await prisma.checkoutSurveyAnswer.findMany()).toEqual([expect.objectContaining({ option: "Instagram", csat: null })]);
    expect(orderMetafield("attribution")?.value).toBe("Instagram");
  });

  it.each([
    ["a forged token", () => token({ secret: "not-the-app-secret" })],
    ["an expired token", () => token({ issuedAt: Math.floor(Date.now() / 1000) - 3600 })],
    ["a token of a shop without the app", () => token({ shop: "someone-else.myshopify.com" })],
    ["no token", () => null],
  ])("answers %s with 401, CORS headers and nothing stored", async (_, bearer) => {
    for (const response of [await post({ orderId: orderGid, option: "Instagram" }, { token: bearer() }), await stateOf(orderGid, bearer())]) {
      expect(response.status).toBe(401);
      expectCors(response);
    }
    expect(await prisma.checkoutSurveyAnswer.count()).toBe(0);
    expect(orderMetafield("attribution")).toBeNull();
  });

  it("answers the CORS preflight", async () => {
    const response = await send(new Request(ENDPOINT, { method: "OPTIONS", headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "POST" } }));
    expect(response.status).toBe(204);
    expectCors(response);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });

  it.each([
    ["an option the merchant does not offer", { option: "Billboard" }, "option", "Choose one of the answers"],
    ["text over 200 characters", { option: "Other", otherText: "x".repeat(201) }, "otherText", "Keep it to 200 characters"],
    ["a rating of 6", { option: "Instagram", csat: 6 }, "csat", "Choose a rating from 1 to 5"],
    ["a rating that is not a number", { option: "Instagram", csat: "5" }, "csat", "Choose a rating from 1 to 5"],
    ["a product id for the order", { option: "Instagram", orderId: "gid://shopify/Product/1" }, "orderId", "This is not an order of this store"],
    ["an unknown field (a shop in the body)", { option: "Instagram", shop: "other.myshopify.com" }, "body", ""],
  ])("refuses %s with 400 and a message naming the field", async (_, fields, field, message) => {
    const response = await post({ orderId: orderGid, ...fields });
    expect(response.status).toBe(400);
    expectCors(response);
    const body = await response.json();
    expect(body.field).toBe(field);
    if (message) expect(body.error).toBe(message);
    else expect(body.error).toEqual(expect.any(String));
    expect(await prisma.checkoutSurveyAnswer.count()).toBe(0);
  });

  it("refuses a body that is not JSON, and speaks Indonesian to an Indonesian shopper", async () => {
    const broken = extensionRequest(ENDPOINT, token(), { body: "x" });
    const response = await send(new Request(broken, { body: "{not json" }));
    expect(response.status).toBe(400);
    const indonesian = await post({ orderId: orderGid, option: "Radio" }, { language: "id-ID" });
    expect(await indonesian.json()).toMatchObject({ field: "option", error: "Pilih salah satu jawaban" });
  });

  it("offers the merchant's own options and accepts them; an order id from no order of the shop gets 404", async () => {
    await saveCheckoutSurveySettings(TEST_SHOP, { enabled: true, askCsat: false, options: ["Radio", "Newsletter"] });
    expect(await (await stateOf(orderGid)).json()).toMatchObject({ options: ["Radio", "Newsletter"], askCsat: false });
    expect((await post({ orderId: orderGid, option: "Instagram" })).status).toBe(400);
    expect((await post({ orderId: orderGid, option: "Radio", csat: 3 })).status).toBe(400);
    const missing = await post({ orderId: "gid://shopify/OrderIdentity/999999999", option: "Radio" });
    expect(missing.status).toBe(404);
    expect((await post({ orderId: orderGid, option: "Radio" })).status).toBe(201);
  });

  it("refuses a logged-in buyer's answer for another customer's order, as Shopify has the order, and takes the buyer's own", async () => {
    // Shopify's order, not Aftercare's copy, decides: the Thank-you page can come before orders/create.
    await prisma.order.deleteMany();
    const buyer = fake.state.seed.orders[0]!.customerId;
    const otherCustomer = fake.state.seed.customers.find((customer) => customer.id !== buyer)!.id;

    const someoneElse = await post({ orderId: orderGid, option: "Instagram" }, { token: token({ customerId: otherCustomer }) });
    expect(someoneElse.status).toBe(403);
    expectCors(someoneElse);
    expect(await someoneElse.json()).toEqual({ error: "This order belongs to another customer" });
    expect(await prisma.checkoutSurveyAnswer.count()).toBe(0);
    expect(orderMetafield("attribution")).toBeNull();

    expect((await post({ orderId: orderGid, option: "Instagram", confirmationNumber: null }, { token: token({ customerId: buyer }) })).status).toBe(201);
    expect(await prisma.checkoutSurveyAnswer.findMany()).toEqual([expect.objectContaining({ orderId: orderGid, customerId: buyer })]);
  });

  it.each([
    ["no confirmation number", null],
    ["another order's confirmation number", "another"],
    ["a made-up one", "ZZZZ99999"],
  ])("refuses a guest's answer with %s (403, in the shopper's language), storing nothing", async (_, number) => {
    const confirmationNumber = number === "another" ? fake.state.seed.orders[1]!.confirmationNumber : number;
    const refused = await post({ orderId: orderGid, option: "Instagram", confirmationNumber }, { language: "id-ID" });
    expect(refused.status).toBe(403);
    expectCors(refused);
    expect(await refused.json()).toEqual({ error: "Kami tidak dapat memastikan pesanan ini. Muat ulang halaman dan coba lagi." });
    expect(await prisma.checkoutSurveyAnswer.count()).toBe(0);
    expect(orderMetafield("attribution")).toBeNull();
  });

  it("takes a guest's answer with the order's confirmation number, however it is cased", async () => {
    const confirmationNumber = ` ${fake.state.seed.orders[0]!.confirmationNumber!.toLowerCase()} `;
    expect((await post({ orderId: orderGid, option: "Instagram", confirmationNumber })).status).toBe(201);
    expect(orderMetafield("attribution")?.value).toBe("Instagram");
  });

  it("limits requests per order with 429 and Retry-After", async () => {
    let last: Response | null = null;
    for (let attempt = 0; attempt < 21; attempt += 1) last = await stateOf(orderGid);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expectCors(last!);
  });
});
