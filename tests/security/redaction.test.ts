/**
 * Compliance redaction, checked against the tables themselves: shop/redact removes every row of that shop
 * from every table that names a shop (and nothing of another shop); customers/redact removes that
 * customer's personal fields everywhere (and nothing of another customer).
 *
 * The list of tables comes from prisma/schema.prisma, so a new model with a `shop` column fails this file
 * until it is seeded here, and then until redaction covers it.
 */
import { asDumpText, clearTable, countTableRows, tableRows } from "../support/database-tables";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { webhookRequest } from "../support/app-requests";

const prisma = (await import("../../app/db.server")).default;
const shopRedact = await import("../../app/routes/webhooks.shop.redact");
const customerRedact = await import("../../app/routes/webhooks.customers.redact");

const LEAVING = "leaving-shop.myshopify.com";
const STAYING = "staying-shop.myshopify.com";

// ---- The schema's models ----

interface ModelInfo {
  name: string;
  fields: string[];
}

function schemaModels(): ModelInfo[] {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({
    name,
    fields: body
      .split("\n")
      .map((line) => line.trim().split(/\s+/)[0])
      .filter((field) => field && /^\w+$/.test(field)),
  }));
}

/** The column naming the shop in each shop-scoped table (`Shop` itself is keyed by its domain). */
function shopColumns(): Map<string, string> {
  const columns = new Map<string, string>();
  for (const model of schemaModels()) {
    if (model.fields.includes("shop")) columns.set(model.name, "shop");
    else if (model.name === "Shop") columns.set(model.name, "domain");
  }
  return columns;
}

function countRows(model: string, column: string, shop: string): Promise<number> {
  return countTableRows(model, column, shop);
}

/** Every row of every table, as text: what a database dump would reveal. */
async function dumpAllTables(): Promise<string> {
  const parts: string[] = [];
  for (const { name } of schemaModels()) {
    parts.push(asDumpText(await tableRows(name)));
  }
  return parts.join("\n");
}

// ---- Seeds: one per shop-scoped table ----

const at = new Date("2026-10-01T10:00:00Z");

interface Customer {
  id: number;
  email: string;
  firstName: string;
  comment: string;
}

const seeders: Record<string, (shop: string, tag: string) => Promise<unknown>> = {
  Session: (shop, tag) => prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "installed", accessToken: `shpat_${tag}` } }),
  Shop: (shop) => prisma.shop.create({ data: { domain: shop, scopes: "read_orders" } }),
  ProcessedWebhook: (shop, tag) => prisma.processedWebhook.create({ data: { webhookId: `seed-${tag}`, shop, topic: "orders/create" } }),
  DataRequest: (shop, tag) => prisma.dataRequest.create({ data: { shop, customerId: `dr-${tag}`, email: `dr-${tag}@example.test` } }),
  Order: (shop, tag) =>
    prisma.order.create({
      data: {
        shop, id: `gid://shopify/Order/seed-${tag}`, name: `#S-${tag}`, fulfillmentStatus: "FULFILLED", createdAt: at,
        shopifyUpdatedAt: at, shipmentStatus: "delivered", createdWeek: "2026-09-28",
      },
    }),
  OrderFulfillment: (shop, tag) =>
    prisma.orderFulfillment.create({ data: { shop, id: `f-${tag}`, orderId: `gid://shopify/Order/seed-${tag}`, status: "SUCCESS", createdAt: at, shopifyUpdatedAt: at } }),
  OrderLineItem: (shop, tag) => prisma.orderLineItem.create({ data: { shop, id: `li-${tag}`, orderId: `gid://shopify/Order/seed-${tag}`, title: "Kopi", quantity: 1 } }),
  OrderSync: (shop) => prisma.orderSync.create({ data: { shop, state: "completed" } }),
  DeliveryStatusCount: (shop) =>
    prisma.deliveryStatusCount.create({ data: { shop, shipmentStatus: "delivered", deliveredLate: false, slot: 0, orders: 1 } }),
  DeliveryDurationHistogram: (shop) =>
    prisma.deliveryDurationHistogram.create({ data: { shop, week: "2026-09-28", countryCode: "DE", metric: "deliver", counts: "[2880,1]" } }),
  ShippingSettings: (shop) => prisma.shippingSettings.create({ data: { shop, rulesJson: "{}", savedAt: at } }),
  EmailSettings: (shop) => prisma.emailSettings.create({ data: { shop, fromAddress: "care@example.test" } }),
  EmailTemplate: (shop) => prisma.emailTemplate.create({ data: { shop, kind: "survey", subject: "How was it?", body: "Hi {first_name}" } }),
  OutboxMessage: (shop, tag) =>
    prisma.outboxMessage.create({
      data: { id: `msg-${tag}`, shop, dedupeKey: `seed:${tag}`, kind: "survey", toAddress: `outbox-${tag}@example.test`, subject: "s", html: "<p>h</p>", text: "t", availableAt: at },
    }),
  OrderContact: (shop, tag) => prisma.orderContact.create({ data: { shop, orderId: `gid://shopify/Order/seed-${tag}`, email: `contact-${tag}@example.test` } }),
  DeliveryPromise: (shop, tag) =>
    prisma.deliveryPromise.create({ data: { shop, orderId: `gid://shopify/Order/seed-${tag}`, earliest: "2026-10-03", latest: "2026-10-05", timeZone: "UTC" } }),
  SurveySettings: (shop) => prisma.surveySettings.create({ data: { shop, enabled: true } }),
  SurveyResponse: (shop, tag) =>
    prisma.surveyResponse.create({ data: { shop, orderId: `gid://shopify/Order/seed-${tag}`, kind: "csat", value: 5, comment: "Lovely", followUp: false, answeredAt: at } }),
  ContactOptions: (shop) => prisma.contactOptions.create({ data: { shop, optionsJson: "[]" } }),
  CheckoutSurveySettings: (shop) => prisma.checkoutSurveySettings.create({ data: { shop, optionsJson: "[]" } }),
  CheckoutSurveyAnswer: (shop, tag) =>
    prisma.checkoutSurveyAnswer.create({ data: { shop, orderId: `gid://shopify/Order/seed-${tag}`, option: "Instagram", answeredWeek: "2026-09-28" } }),
  LoyaltySettings: (shop) => prisma.loyaltySettings.create({ data: { shop } }),
  ReturnSettings: (shop) => prisma.returnSettings.create({ data: { shop, rulesJson: "{}", timeZone: "UTC", savedAt: at } }),
  SetupGuideState: (shop) => prisma.setupGuideState.create({ data: { shop } }),
  ShopPlan: (shop) => prisma.shopPlan.create({ data: { shop, checkedAt: new Date(), heldReviewRequests: 1 } }),
  FlowEvent: (shop, tag) =>
    prisma.flowEvent.create({
      data: { id: `flow-${tag}`, shop, dedupeKey: `flow:help-requested:${tag}`, handle: "help-requested", payloadJson: '{"Message":"Box was crushed"}', orderId: `gid://shopify/Order/seed-${tag}`, availableAt: at },
    }),
  ReturnRequest: (shop, tag) =>
    prisma.returnRequest.create({
      data: {
        id: `return-${tag}`, shop, orderId: `gid://shopify/Order/seed-${tag}`, shopifyReturnId: `gid://shopify/Return/seed-${tag}`, status: "requested",
        source: "storefront", requestedAt: at,
      },
    }),
  ReturnRequestLine: (shop, tag) =>
    prisma.returnRequestLine.create({
      data: { requestId: `return-${tag}`, shop, fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/seed-${tag}`, quantity: 1, customerNote: "Too big" },
    }),
  ReturnPhoto: (shop, tag) =>
    prisma.returnPhoto.create({ data: { id: `return-photo-${tag}`, shop, returnRequestId: `return-${tag}`, contentType: "image/png", byteSize: 4, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), createdAt: at } }),
  ReviewSettings: (shop) => prisma.reviewSettings.create({ data: { shop, enabled: true } }),
  Review: (shop, tag) =>
    prisma.review.create({
      data: {
        id: `rv-${tag}`, shop, orderId: `gid://shopify/Order/seed-${tag}`, lineItemId: `li-${tag}`, productId: "gid://shopify/Product/1",
        productTitle: "Kopi", rating: 5, title: "Good", body: "Good coffee", source: "email", createdAt: at,
      },
    }),
  ReviewHelpRequest: (shop, tag) =>
    prisma.reviewHelpRequest.create({ data: { id: `help-${tag}`, shop, orderId: `gid://shopify/Order/seed-${tag}`, lineItemId: `li-${tag}`, createdAt: at } }),
  ReviewPhoto: (shop, tag) =>
    prisma.reviewPhoto.create({ data: { id: `photo-${tag}`, shop, reviewId: `rv-${tag}`, contentType: "image/png", byteSize: 4, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), createdAt: at } }),
  ReviewRequestOpen: (shop, tag) =>
    prisma.reviewRequestOpen.create({ data: { shop, orderId: `gid://shopify/Order/seed-${tag}`, lineItemId: `li-${tag}`, firstOpenedAt: at } }),
};

async function seedShop(shop: string, tag: string): Promise<void> {
  for (const seed of Object.values(seeders)) await seed(shop, tag);
}

async function clearAllTables(): Promise<void> {
  for (const { name } of schemaModels()) await clearTable(name);
}

async function deliver(action: typeof shopRedact.action, topic: string, payload: unknown, shop: string): Promise<number> {
  try {
    return (await action({ request: webhookRequest(topic, payload, { shop }), params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

beforeEach(clearAllTables);

describe("shop/redact", () => {
  it("has a seed for every table that names a shop in prisma/schema.prisma", () => {
    expect(Object.keys(seeders).sort()).toEqual([...shopColumns().keys()].sort());
  });

  it("deletes every row of the shop from every table and leaves another shop's rows untouched", async () => {
    await seedShop(LEAVING, "leaving");
    await seedShop(STAYING, "staying");
    await prisma.rateLimitHit.createMany({
      data: [
        { key: `returns:client:${LEAVING}:203.0.113.9`, window: 1, count: 1, expiresAt: 2_000_000_000 },
        { key: `returns:client:${STAYING}:203.0.113.9`, window: 1, count: 1, expiresAt: 2_000_000_000 },
      ],
    });
    const columns = shopColumns();
    const before = new Map<string, number>();
    for (const [model, column] of columns) {
      expect(await countRows(model, column, LEAVING), `${model} seeded for ${LEAVING}`).toBeGreaterThan(0);
      before.set(model, await countRows(model, column, STAYING));
    }

    expect(await deliver(shopRedact.action, "shop/redact", { shop_id: 1, shop_domain: LEAVING }, LEAVING)).toBe(200);

    for (const [model, column] of columns) {
      expect(await countRows(model, column, LEAVING), `${model} rows left for ${LEAVING}`).toBe(0);
      expect(await countRows(model, column, STAYING), `${model} rows of ${STAYING}`).toBe(before.get(model));
    }
    // Rate-limit counters name the shop (and a shopper's IP) inside their key.
    expect((await prisma.rateLimitHit.findMany()).map((row) => row.key)).toEqual([`returns:client:${STAYING}:203.0.113.9`]);
    expect(await dumpAllTables()).not.toContain(LEAVING);
  });
});

describe("customers/redact", () => {
  const ana: Customer = { id: 501, email: "ana.redact@example.test", firstName: "Anastasia", comment: "Courier left it in the rain at Jalan Melati 5" };
  const budi: Customer = { id: 502, email: "budi.keeps@example.test", firstName: "Budiman", comment: "Arrived early, thanks" };
  const orderGid = (customer: Customer) => `gid://shopify/Order/${customer.id}0`;
  const customerGid = (customer: Customer) => `gid://shopify/Customer/${customer.id}`;

  /** Everything Aftercare may hold about one shopper of a shop. */
  async function seedCustomer(shop: string, customer: Customer): Promise<void> {
    const orderId = orderGid(customer);
    await prisma.order.create({
      data: {
        shop, id: orderId, name: `#${customer.id}`, customerId: customerGid(customer), fulfillmentStatus: "FULFILLED", createdAt: at,
        shopifyUpdatedAt: at, shipmentStatus: "delivered", createdWeek: "2026-09-28",
      },
    });
    await prisma.orderContact.create({ data: { shop, orderId, email: customer.email, firstName: customer.firstName, locale: "id" } });
    await prisma.surveyResponse.create({ data: { shop, orderId, kind: "csat", value: 2, comment: customer.comment, followUp: true, answeredAt: at } });
    for (const status of ["pending", "sent", "failed"]) {
      await prisma.outboxMessage.create({
        data: {
          id: `${shop}:${customer.id}-${status}`, shop, dedupeKey: `survey:${orderId}:${status}`, kind: "survey", reference: orderId, toAddress: customer.email,
          subject: `${customer.firstName}, how was your order?`, html: `<p>Hi ${customer.firstName}</p>`, text: `Hi ${customer.firstName}`,
          status, availableAt: at,
        },
      });
    }
    await prisma.dataRequest.create({ data: { shop, customerId: String(customer.id), email: customer.email, ordersJson: `["${customer.id}0"]` } });
    await prisma.review.create({
      data: {
        id: `${shop}:review:${customer.id}`, shop, orderId, lineItemId: "li-1", productId: "gid://shopify/Product/1", productTitle: "Kopi",
        rating: 4, title: "Nice beans", body: "Fresh and fragrant", authorName: customer.firstName, source: "email", createdAt: at,
      },
    });
    await prisma.reviewHelpRequest.create({
      data: { id: `${shop}:help:${customer.id}`, shop, orderId, lineItemId: "li-1", message: `Write to ${customer.email}`, createdAt: at },
    });
    await prisma.checkoutSurveyAnswer.create({
      data: { shop, orderId, option: "Other", otherText: customer.comment, customerId: customerGid(customer), answeredWeek: "2026-09-28" },
    });
    await prisma.returnRequest.create({
      data: {
        shop, orderId, customerId: customerGid(customer), shopifyReturnId: `gid://shopify/Return/${customer.id}`, status: "declined", source: "storefront",
        photoRef: `photo-of-${customer.firstName}`, declineNote: `Sorry ${customer.firstName}`, requestedAt: at,
        photos: { create: { id: `${shop}:return-photo:${customer.id}`, shop, contentType: "image/png", byteSize: 4, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), createdAt: at } },
        lines: { create: { shop, fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1, customerNote: customer.comment } },
      },
    });
  }

  const personalMarkers = (customer: Customer) => [customer.email, customer.firstName, customer.comment, customerGid(customer)];

  it("erases that customer's email, name, comments and id from every table, and keeps everyone else's", async () => {
    await seedCustomer(STAYING, ana);
    await seedCustomer(STAYING, budi);
    // The same person shops at another store too: that store did not ask.
    await seedCustomer(LEAVING, ana);
    const budiBefore = await dumpAllTables();
    for (const marker of personalMarkers(budi)) expect(budiBefore).toContain(marker);

    const payload = { shop_id: 1, shop_domain: STAYING, customer: { id: ana.id, email: ana.email, phone: null }, orders_to_redact: [Number(`${ana.id}0`)] };
    expect(await deliver(customerRedact.action, "customers/redact", payload, STAYING)).toBe(200);

    const tablesOfStaying = (await Promise.all(schemaModels().map(async ({ name, fields }) => {
      if (!fields.includes("shop")) return "";
      return asDumpText(await tableRows(name, { column: "shop", value: STAYING }));
    }))).join("\n");
    for (const marker of personalMarkers(ana)) expect(tablesOfStaying, `"${marker}" left after redaction`).not.toContain(marker);
    for (const marker of personalMarkers(budi)) expect(tablesOfStaying).toContain(marker);

    // The photo the customer attached to their return goes; the other customer's stays.
    expect(await prisma.returnPhoto.count({ where: { id: `${STAYING}:return-photo:${ana.id}` } })).toBe(0);
    expect(await prisma.returnPhoto.count({ where: { id: `${STAYING}:return-photo:${budi.id}` } })).toBe(1);
    expect(await prisma.returnPhoto.count({ where: { id: `${LEAVING}:return-photo:${ana.id}` } })).toBe(1);
    // Delivery facts stay for the dashboard; only the link to the person goes.
    const order = await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: STAYING, id: orderGid(ana) } } });
    expect(order).toMatchObject({ customerId: null, shipmentStatus: "delivered" });
    // Nothing of the other shop changed.
    expect(await prisma.orderContact.count({ where: { shop: LEAVING, email: ana.email } })).toBe(1);
    expect(await prisma.surveyResponse.findFirst({ where: { shop: LEAVING } })).toMatchObject({ comment: ana.comment });
  });

  it("erases the customer's contact by email even for orders the payload does not list", async () => {
    await seedCustomer(STAYING, ana);
    await prisma.orderContact.create({ data: { shop: STAYING, orderId: "gid://shopify/Order/guest-1", email: ana.email, firstName: ana.firstName } });

    const payload = { shop_id: 1, shop_domain: STAYING, customer: { id: ana.id, email: ana.email } };
    expect(await deliver(customerRedact.action, "customers/redact", payload, STAYING)).toBe(200);

    expect(await prisma.orderContact.count({ where: { email: ana.email } })).toBe(0);
    expect(await dumpAllTables()).not.toContain(ana.email);
  });
});
