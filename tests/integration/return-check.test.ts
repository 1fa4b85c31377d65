import { beforeEach, describe, expect, it } from "vitest";
import type { OrderSnapshot } from "~/models/orders/record";
import { DEFAULT_RETURN_RULES, returnRulesSchema } from "~/models/returns/rules";
import { addDays, zonedDateTime } from "~/models/shop/time";
import { appProxyRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

const prisma = (await import("~/db.server")).default;
const { inOrderTransaction, saveOrderSnapshots } = await import("~/models/orders/snapshots.server");
const { MIN_ANSWER_MS } = await import("~/models/returns/check.server");
const { recordContactDetails } = await import("~/models/orders/contact-details.server");
const { saveReturnSettings } = await import("~/models/returns/settings.server");
const proxy = await import("~/routes/proxy.returns");

const TIME_ZONE = "Asia/Jakarta";
const DAY = 86_400_000;
const CUSTOMER = "gid://shopify/Customer/5150";
const FINAL_SALE_PRODUCT = "gid://shopify/Product/9002";

/** Order #1042: delivered five days ago, a tote bag (returnable) and a sample-sale tote (final sale). */
async function seedDeliveredOrder() {
  const now = Date.now();
  const placed = new Date(now - 9 * DAY);
  const shipped = new Date(now - 8 * DAY);
  const delivered = new Date(now - 5 * DAY);
  const snapshot: OrderSnapshot = {
    order: {
      id: "gid://shopify/Order/1042",
      name: "#1042",
      customerId: CUSTOMER,
      countryCode: "ID",
      provinceCode: "JK",
      fulfillmentStatus: "FULFILLED",
      createdAt: placed,
      cancelledAt: null,
      shopifyUpdatedAt: delivered,
    },
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/77",
        orderId: "gid://shopify/Order/1042",
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: shipped,
        shopifyUpdatedAt: delivered,
        inTransitAt: shipped,
        deliveredAt: delivered,
        estimatedDeliveryAt: null,
        trackingCompany: "JNE",
        trackingNumber: "JNE123",
        trackingUrl: null,
      },
    ],
    lineItems: [
      { id: "gid://shopify/LineItem/1", orderId: "gid://shopify/Order/1042", productId: "gid://shopify/Product/9001", title: "Batik Tote Bag", sku: null, quantity: 1 },
      { id: "gid://shopify/LineItem/2", orderId: "gid://shopify/Order/1042", productId: FINAL_SALE_PRODUCT, title: "Batik Tote Bag – Sample Sale", sku: null, quantity: 2 },
    ],
  };
  await inOrderTransaction((db) => saveOrderSnapshots(db, TEST_SHOP, [snapshot]));
  await recordContactDetails(TEST_SHOP, { orderId: snapshot.order.id, email: "Sari.Wijaya@example.com", firstName: "Sari", locale: "id" });
  return { delivered };
}

function check(body: Record<string, string>, options: { loggedInCustomerId?: string; ip?: string; signature?: string } = {}) {
  return appProxyRequest("/proxy/returns", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": options.ip ?? "203.0.113.10" },
    body: new URLSearchParams(body).toString(),
    loggedInCustomerId: options.loggedInCustomerId,
    signature: options.signature,
  });
}

async function send(request: Request): Promise<Response> {
  try {
    return (await proxy.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function timed(request: Request) {
  const started = performance.now();
  const response = await send(request);
  const body: unknown = await response.json();
  return { status: response.status, body, ms: performance.now() - started };
}

let delivered: Date;

beforeEach(async () => {
  await prisma.rateLimitHit.deleteMany();
  await storeOfflineSession({ accessToken: "shpat_installed" });
  await saveReturnSettings(TEST_SHOP, {
    rules: returnRulesSchema.parse({ ...DEFAULT_RETURN_RULES, finalSale: { tags: ["final-sale"], collectionIds: [] } }),
    timeZone: TIME_ZONE,
    finalSaleProducts: { [FINAL_SALE_PRODUCT]: { tags: ["final-sale"], collectionIds: [] } },
  });
  ({ delivered } = await seedDeliveredOrder());
});

describe("the shopper's order check (app proxy)", () => {
  it("shows each item's eligibility and last return day to the shopper who gives the order's email", async () => {
    const response = await send(check({ orderNumber: "1042", email: "  sari.wijaya@EXAMPLE.com " }));

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    const lastDay = addDays(zonedDateTime(delivered, TIME_ZONE).date, 30);
    expect(body).toMatchObject({
      result: "found",
      order: {
        name: "#1042",
        lines: [
          { title: "Batik Tote Bag", eligible: true, reason: "within_window", returnableQuantity: 1, lastDay },
          { title: "Batik Tote Bag – Sample Sale", eligible: false, reason: "final_sale", returnableQuantity: 0, lastDay: null },
        ],
      },
    });
  });

  it("lets a logged-in customer check their own order by number alone", async () => {
    const own = await timed(check({ orderNumber: "#1042" }, { loggedInCustomerId: "5150" }));
    const someoneElse = await timed(check({ orderNumber: "#1042" }, { loggedInCustomerId: "6001" }));

    expect(own.body).toMatchObject({ result: "found", order: { name: "#1042" } });
    expect(someoneElse).toMatchObject({ status: 200, body: { result: "not_found", order: null } });
  });

  // How close the three answers' times are under load is measured by `npm run bench`, not asserted here:
  // on a shared machine a wall-clock spread is noise. What must always hold is the floor.
  it("gives a wrong email and an unknown order number the same answer, none sooner than the constant floor", async () => {
    const wrongEmail = await timed(check({ orderNumber: "1042", email: "guess@example.com" }));
    const unknownOrder = await timed(check({ orderNumber: "1043", email: "sari.wijaya@example.com" }));
    const found = await timed(check({ orderNumber: "1042", email: "sari.wijaya@example.com" }));

    expect(wrongEmail.status).toBe(unknownOrder.status);
    expect(wrongEmail.body).toEqual({ result: "not_found", order: null });
    expect(unknownOrder.body).toEqual(wrongEmail.body);
    for (const answer of [wrongEmail, unknownOrder, found]) expect(answer.ms).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 5);
  });

  it("refuses a forged proxy request before reading anything", async () => {
    const response = await send(check({ orderNumber: "1042", email: "sari.wijaya@example.com" }, { signature: "0".repeat(64) }));

    expect(response.status).toBe(400);
    expect(await prisma.rateLimitHit.count()).toBe(0);
  });

  it("explains what is wrong with the input", async () => {
    const missingEmail = await send(check({ orderNumber: "1042" }));
    const badNumber = await send(check({ orderNumber: "1042; drop table", email: "not-an-email" }));

    expect(missingEmail.status).toBe(422);
    expect(await missingEmail.json()).toEqual({ errors: { email: "Enter the email address you used for the order." } });
    expect(badNumber.status).toBe(422);
    expect(await badNumber.json()).toEqual({
      errors: {
        orderNumber: "Enter the order number from your confirmation email, for example #1001.",
        email: "Enter the email address you used for the order, for example name@example.com.",
      },
    });
  });

  it("accepts JSON and refuses other bodies", async () => {
    const asJson = appProxyRequest("/proxy/returns", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ orderNumber: "1042", email: "sari.wijaya@example.com" }),
    });
    const asText = appProxyRequest("/proxy/returns", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "1042" });

    expect(await (await send(asJson)).json()).toMatchObject({ result: "found" });
    expect((await send(asText)).status).toBe(415);
  });

  it("stops guessing at one order number, whichever address the guesses come from", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 6 }, (_, attempt) =>
        send(check({ orderNumber: "1042", email: `guess${attempt}@example.com` }, { ip: `198.51.100.${attempt}` })),
      ),
    );

    expect(guesses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await send(check({ orderNumber: "1042", email: "sari.wijaya@example.com" }, { ip: "192.0.2.1" }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("limits one client trying many order numbers", async () => {
    const checks = await Promise.all(
      Array.from({ length: 11 }, (_, attempt) =>
        send(check({ orderNumber: String(2000 + attempt), email: "a@example.com" }, { ip: "198.51.100.77" })),
      ),
    );

    const statuses = checks.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
  });
});
