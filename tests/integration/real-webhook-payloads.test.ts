/**
 * Every real Shopify webhook body in tests/fixtures/webhooks, signed and sent as Shopify sends it through
 * the real route and `authenticate.webhook`: each is accepted and stored as its topic implies, with
 * Shopify's ids digit for digit (18-digit ids included).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";
import { realBody, realDelivery, statusOf, topicOf } from "./real-deliveries";

const prisma = (await import("../../app/db.server")).default;

const routes: Record<string, Parameters<typeof statusOf>[0]> = {
  "orders/create": (await import("../../app/routes/webhooks.orders.create")).action,
  "orders/updated": (await import("../../app/routes/webhooks.orders.updated")).action,
  "orders/cancelled": (await import("../../app/routes/webhooks.orders.cancelled")).action,
  "fulfillments/create": (await import("../../app/routes/webhooks.fulfillments.create")).action,
  "fulfillments/update": (await import("../../app/routes/webhooks.fulfillments.update")).action,
  "customers/data_request": (await import("../../app/routes/webhooks.customers.data_request")).action,
  "customers/redact": (await import("../../app/routes/webhooks.customers.redact")).action,
  "shop/redact": (await import("../../app/routes/webhooks.shop.redact")).action,
  "app/uninstalled": (await import("../../app/routes/webhooks.app.uninstalled")).action,
  "app/scopes_update": (await import("../../app/routes/webhooks.app.scopes_update")).action,
  "app_subscriptions/update": (await import("../../app/routes/webhooks.app_subscriptions.update")).action,
};

/** Delivers a fixture to the route of its topic and returns the HTTP status. */
function deliver(file: string, options: { shop?: string } = {}): Promise<number> {
  const topic = topicOf(file);
  return statusOf(routes[topic], realDelivery(topic, realBody(file), options));
}

const fixtureFiles = readdirSync(path.resolve(import.meta.dirname, "../fixtures/webhooks")).filter((file) => file.endsWith(".json"));
const byTopic = (prefix: string) => fixtureFiles.filter((file) => file.startsWith(`${prefix}.`));

const order = (id: string) => prisma.order.findUnique({ where: { shop_id: { shop: TEST_SHOP, id } } });
const lineItems = (orderId: string) =>
  prisma.orderLineItem.findMany({ where: { shop: TEST_SHOP, orderId }, orderBy: { id: "asc" }, select: { id: true, productId: true, title: true, sku: true, quantity: true } });
const contact = (orderId: string) => prisma.orderContact.findUnique({ where: { shop_orderId: { shop: TEST_SHOP, orderId } } });

beforeEach(async () => {
  for (const table of ["order", "orderLineItem", "orderFulfillment", "orderContact", "processedWebhook", "dataRequest", "session", "shop", "shopPlan"] as const) {
    await (prisma[table] as { deleteMany(): Promise<unknown> }).deleteMany();
  }
});

describe("real webhook bodies", () => {
  it("has a route for the topic of every fixture, and every fixture is accepted with 200", async () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(19);
    for (const file of fixtureFiles) {
      expect(Object.keys(routes), file).toContain(topicOf(file));
      expect(await deliver(file), file).toBe(200);
    }
  });
});

describe("orders/* (Shopify's docs sample, 2025-01)", () => {
  // The scraped numeric ids lost their last digits (…154500); the admin_graphql_api_id strings are exact.
  const ORDER = "gid://shopify/Order/820982911946154508";

  it.each([...byTopic("orders-create"), ...byTopic("orders-updated"), ...byTopic("orders-cancelled")].filter((file) => file.includes("shopify-docs")))(
    "%s stores the order under its exact gid, with its line items, customer, destination and cancellation",
    async (file) => {
      expect(await deliver(file)).toBe(200);

      expect(await order(ORDER)).toMatchObject({
        name: "#9999",
        customerId: "gid://shopify/Customer/115310627314723954",
        countryCode: "US",
        provinceCode: "KY",
        fulfillmentStatus: "UNFULFILLED",
        createdAt: new Date("2022-01-01T00:00:00Z"),
        cancelledAt: new Date("2022-01-01T00:00:00Z"),
        shipmentStatus: "cancelled",
      });
      expect(await lineItems(ORDER)).toEqual([
        { id: "gid://shopify/LineItem/141249953214522974", productId: "gid://shopify/Product/632910392", title: "IPod Nano - 8GB", sku: "IPOD2008PINK", quantity: 1 },
        { id: "gid://shopify/LineItem/866550311766439020", productId: "gid://shopify/Product/632910392", title: "IPod Nano - 8GB", sku: "IPOD2008PINK", quantity: 1 },
      ]);
      expect(await prisma.order.count()).toBe(1);
    },
  );

  it("records the shopper's email on orders/create under the same exact order id", async () => {
    expect(await deliver("orders-create.shopify-docs-2025-01.json")).toBe(200);
    expect(await contact(ORDER)).toMatchObject({ email: "jon@example.com" });
  });
});

describe("orders/create (real stores)", () => {
  it("keeps the exact 18-digit ids of the 2017 test notification, which has only numeric ids", async () => {
    const id = "gid://shopify/Order/820982911946154508";
    expect(await deliver("orders-create.laravel-shopify-2017-shopify-test-notification.json")).toBe(200);

    expect(await order(id)).toMatchObject({
      name: "#9999",
      customerId: "gid://shopify/Customer/115310627314723954",
      countryCode: "US",
      provinceCode: "KY",
      cancelledAt: new Date("2017-07-17T17:44:09Z"),
      shipmentStatus: "cancelled",
    });
    expect(await lineItems(id)).toEqual([
      { id: "gid://shopify/LineItem/141249953214522974", productId: "gid://shopify/Product/11033574804", title: "Sporting Clube de Portugal Trucker Hat", sku: "706405907431", quantity: 1 },
      { id: "gid://shopify/LineItem/866550311766439020", productId: "gid://shopify/Product/11033547284", title: "Real Madrid Dad Hat", sku: "706405908216", quantity: 1 },
    ]);
    expect(await contact(id)).toMatchObject({ email: "jon@doe.ca" });
  });

  it.each([
    ["orders-create.bag-server-AU-AUD.json", "gid://shopify/Order/2998557704341", "#1030", "gid://shopify/LineItem/6456927060117"],
    ["orders-create.bag-server-AU-multicurrency-USD.json", "gid://shopify/Order/2998548365461", "#1029", "gid://shopify/LineItem/6456910643349"],
  ])("stores the Australian dev-store order %s with its line item", async (file, id, name, lineItemId) => {
    expect(await deliver(file)).toBe(200);

    expect(await order(id)).toMatchObject({
      name,
      customerId: "gid://shopify/Customer/4206822293653",
      countryCode: "AU",
      provinceCode: "ACT",
      cancelledAt: null,
      shipmentStatus: "unfulfilled",
    });
    expect(await lineItems(id)).toEqual([
      { id: lineItemId, productId: "gid://shopify/Product/6122640146581", title: "Classic Fountain Pen", sku: null, quantity: 1 },
    ]);
    expect(await contact(id)).toMatchObject({ email: "ryanpwaldon@gmail.com", locale: "en" });
  });

  it("stores the store-pickup order (the REST order resource, unwrapped as a webhook body) with both line items", async () => {
    const id = "gid://shopify/Order/5525047083261";
    expect(await deliver("orders-create.hotwax-foundation-BOPIS-REST-order-resource.json")).toBe(200);

    expect(await order(id)).toMatchObject({ name: "#2017", customerId: "gid://shopify/Customer/7133450502397", countryCode: "US", provinceCode: "NY" });
    expect(await lineItems(id)).toEqual([
      { id: "gid://shopify/LineItem/13666994159869", productId: "gid://shopify/Product/8279602168061", title: "Inter Miami Messi Away Jersey", sku: "123456789", quantity: 1 },
      { id: "gid://shopify/LineItem/13666994192637", productId: "gid://shopify/Product/8074458366205", title: "Ariel Roll Sleeve Sweatshirt", sku: "WH09-XS-Green", quantity: 1 },
    ]);
  });
});

describe("fulfillments/* (Shopify's docs sample, 2025-01)", () => {
  it("stores the parcel with its tracking, for the order its order_id names, once for create and update alike", async () => {
    expect(await deliver("fulfillments-create.shopify-docs-2025-01.json")).toBe(200);
    expect(await deliver("fulfillments-update.shopify-docs-2025-01.json")).toBe(200);

    const parcels = await prisma.orderFulfillment.findMany({ where: { shop: TEST_SHOP } });
    expect(parcels).toHaveLength(1);
    expect(parcels[0]).toMatchObject({
      id: "gid://shopify/Fulfillment/123456",
      // A fulfillment names its order by numeric id only; the scraper had already rounded this one.
      orderId: "gid://shopify/Order/820982911946154500",
      status: "PENDING",
      displayStatus: null,
      createdAt: new Date("2022-01-01T00:00:00Z"),
      trackingCompany: "UPS",
      trackingNumber: "1z827wk74630",
      trackingUrl: "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630",
    });
  });
});

describe("compliance webhooks", () => {
  it.each(byTopic("customers-data_request"))("%s records the customer's data request with the orders asked for", async (file) => {
    expect(await deliver(file)).toBe(200);

    expect(await prisma.dataRequest.findMany({ where: { shop: TEST_SHOP } })).toMatchObject([
      { customerId: "191167", email: "john@example.com", ordersJson: JSON.stringify(["299938", "280263", "220458"]) },
    ]);
  });

  it.each(byTopic("customers-redact"))("%s erases the customer's email and contact details", async (file) => {
    await prisma.dataRequest.create({ data: { shop: TEST_SHOP, customerId: "191167", email: "john@example.com" } });
    await prisma.orderContact.create({ data: { shop: TEST_SHOP, orderId: "gid://shopify/Order/299938", email: "john@example.com" } });

    expect(await deliver(file)).toBe(200);

    expect(await prisma.dataRequest.findMany({ where: { shop: TEST_SHOP } })).toMatchObject([{ customerId: null, email: null }]);
    expect(await prisma.orderContact.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });

  it.each(byTopic("shop-redact"))("%s deletes everything held for the shop named by the delivery", async (file) => {
    const shop = "leaving-shop.myshopify.com";
    await prisma.shop.create({ data: { domain: shop } });
    await prisma.orderContact.create({ data: { shop, orderId: "gid://shopify/Order/1", email: "buyer@example.test" } });

    expect(await deliver(file, { shop })).toBe(200);

    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(0);
    expect(await prisma.orderContact.count({ where: { shop } })).toBe(0);
    expect(await prisma.processedWebhook.count({ where: { shop } })).toBe(0);
  });
});

describe("app webhooks", () => {
  it.each(byTopic("app-uninstalled"))("%s forgets the shop's tokens and records when it left", async (file) => {
    await storeOfflineSession({ accessToken: "shpat_leaving" });
    await prisma.shop.create({ data: { domain: TEST_SHOP } });

    expect(await deliver(file)).toBe(200);

    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect((await prisma.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).uninstalledAt).toBeInstanceOf(Date);
  });

  it("app/scopes_update records the scopes now granted", async () => {
    await storeOfflineSession({ accessToken: "shpat_scoped", scope: "read_products" });
    await prisma.shop.create({ data: { domain: TEST_SHOP, scopes: "read_products" } });

    expect(await deliver("app-scopes_update.shopify-docs-2025-01.json")).toBe(200);

    expect((await prisma.session.findFirstOrThrow({ where: { shop: TEST_SHOP } })).scope).toBe("read_products,write_products");
    expect((await prisma.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).scopes).toBe("read_products,write_products");
  });

  it("app_subscriptions/update reads the plan again from Shopify (a PENDING subscription pays for nothing)", async () => {
    const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: "shpat_billing", apiSecret: TEST_API_SECRET });
    routeShop(TEST_SHOP, (request) => fake.handle(request));
    await storeOfflineSession({ accessToken: "shpat_billing" });
    const stale = new Date("2026-01-01T00:00:00Z");
    await prisma.shopPlan.create({ data: { shop: TEST_SHOP, plan: "growth", subscriptionId: "gid://shopify/AppSubscription/1029266965", status: "ACTIVE", checkedAt: stale } });

    expect(await deliver("app_subscriptions-update.shopify-docs-2025-01.json")).toBe(200);

    const plan = await prisma.shopPlan.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(plan).toMatchObject({ plan: "free", subscriptionId: null });
    expect(plan.checkedAt.getTime()).toBeGreaterThan(stale.getTime());
    expect(fake.requests.map((request) => request.operationName)).toContain("ActiveSubscriptions");
  });
});
