/**
 * Group commit of webhooks (app/shopify/webhook-batches.server.ts): deliveries that arrive while the
 * instance is writing share the next transaction, and each is still handled at most once per webhook
 * id, answered only once committed, and failed alone when it is the bad one.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { routeAnswer, webhookRequest } from "../support/app-requests";
import { TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const ordersCreate = await import("../../app/routes/webhooks.orders.create");
const ordersUpdated = await import("../../app/routes/webhooks.orders.updated");
const fulfillmentsCreate = await import("../../app/routes/webhooks.fulfillments.create");
const { handleWebhookInBatch } = await import("../../app/shopify/webhook-batches.server");
const { saveShippingRules } = await import("../../app/models/shipping/settings.server");
const { estimateDelivery } = await import("../../app/models/shipping/delivery-estimate");
const { sampleShippingRules } = await import("../support/storefront/sample-shipping-rules");
type Kind = Parameters<typeof handleWebhookInBatch<string>>[1];

/** A kind that writes each item as a receipt-like row of its own and remembers the batches it was given. */
function recordingKind(options: { failOn?: string } = {}) {
  const batches: string[][] = [];
  const kind: Kind = {
    name: `recording-${Math.random()}`,
    maxBatch: 50,
    async apply(tx, shop, items) {
      batches.push([...items]);
      for (const item of items) {
        if (item === options.failOn) throw new Error(`cannot write ${item}`);
        await tx.dataRequest.create({ data: { shop, customerId: item, ordersJson: "[]" } });
      }
    },
  };
  return { kind, batches };
}

const delivery = (webhookId: string, shop = TEST_SHOP) => ({ webhookId, shop, topic: "orders/create" });
const written = async () => (await prisma.dataRequest.findMany({ orderBy: { customerId: "asc" } })).map((row) => `${row.shop}:${row.customerId}`);

/** The route's HTTP status, whether it returned the answer or threw it. */
const answer = async (action: typeof ordersCreate.action, request: Request): Promise<number> =>
  (await routeAnswer(() => action({ request, params: {}, context: {} }))).status;

beforeEach(async () => {
  await prisma.dataRequest.deleteMany();
  await prisma.deliveryPromise.deleteMany();
  await prisma.orderContact.deleteMany();
  await prisma.shippingSettings.deleteMany();
  await prisma.processedWebhook.deleteMany();
  await prisma.orderLineItem.deleteMany();
  await prisma.orderFulfillment.deleteMany();
  await prisma.order.deleteMany();
});

describe("webhook batches", () => {
  it("runs a delivery on an idle instance at once, and those arriving meanwhile together in the next transaction", async () => {
    const { kind, batches } = recordingKind();
    const outcomes = await Promise.all(["w1", "w2", "w3", "w4"].map((id, index) => handleWebhookInBatch(delivery(id), kind, `c${index + 1}`)));

    expect(outcomes).toEqual(["handled", "handled", "handled", "handled"]);
    expect(batches).toEqual([["c1"], ["c2", "c3", "c4"]]);
    expect(await written()).toEqual([`${TEST_SHOP}:c1`, `${TEST_SHOP}:c2`, `${TEST_SHOP}:c3`, `${TEST_SHOP}:c4`]);
    expect(await prisma.processedWebhook.count()).toBe(4);
  });

  it("handles a webhook id once when it comes twice in one batch, or was handled before", async () => {
    const { kind, batches } = recordingKind();
    await handleWebhookInBatch(delivery("before"), kind, "early");
    const outcomes = await Promise.all([
      handleWebhookInBatch(delivery("first"), kind, "a"),
      handleWebhookInBatch(delivery("twice"), kind, "b"),
      handleWebhookInBatch(delivery("twice"), kind, "b-again"),
      handleWebhookInBatch(delivery("before"), kind, "early-again"),
    ]);

    expect(outcomes).toEqual(["handled", "handled", "duplicate", "duplicate"]);
    expect(batches.flat()).toEqual(["early", "a", "b"]);
    expect(await prisma.processedWebhook.count()).toBe(3);
  });

  it("fails only the bad delivery of a batch: the others are written, the bad one leaves no receipt", async () => {
    const { kind } = recordingKind({ failOn: "bad" });
    const results = await Promise.allSettled(["ok-1", "ok-2", "bad", "ok-3"].map((item) => handleWebhookInBatch(delivery(`w-${item}`), kind, item)));

    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(await written()).toEqual([`${TEST_SHOP}:ok-1`, `${TEST_SHOP}:ok-2`, `${TEST_SHOP}:ok-3`]);
    expect(await prisma.processedWebhook.findMany({ where: { webhookId: "w-bad" } })).toEqual([]);
    // Shopify sends the bad one again; once it can be written, it is.
    const { kind: mended } = recordingKind();
    expect(await handleWebhookInBatch(delivery("w-bad"), { ...mended, name: kind.name }, "bad")).toBe("handled");
  });

  it("keeps shops apart: each shop's deliveries go in transactions of their own", async () => {
    const { kind, batches } = recordingKind();
    await Promise.all([
      handleWebhookInBatch(delivery("s1", "one.myshopify.com"), kind, "one-1"),
      handleWebhookInBatch(delivery("s2", "two.myshopify.com"), kind, "two-1"),
      handleWebhookInBatch(delivery("s3", "one.myshopify.com"), kind, "one-2"),
    ]);
    for (const batch of batches) expect(new Set(batch.map((item) => item.split("-")[0])).size).toBe(1);
    expect(await written()).toEqual(["one.myshopify.com:one-1", "one.myshopify.com:one-2", "two.myshopify.com:two-1"]);
  });

  it("stores 45 orders/create, fulfillments/create and orders/updated deliveries sent at once exactly as one at a time would", async () => {
    const order = (id: number, updatedAt: string, name = `#${id}`) => ({
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name,
      created_at: "2026-11-09T08:00:00Z",
      updated_at: updatedAt,
      cancelled_at: null,
      fulfillment_status: null,
      line_items: [{ id: id + 1000, admin_graphql_api_id: `gid://shopify/LineItem/${id + 1000}`, title: "Kopi", sku: null, quantity: 1, product_id: 1 }],
      fulfillments: [],
    });
    const parcel = (id: number) => ({
      id: id + 2000,
      admin_graphql_api_id: `gid://shopify/Fulfillment/${id + 2000}`,
      order_id: id,
      status: "success",
      shipment_status: "delivered",
      created_at: "2026-11-10T08:00:00Z",
      updated_at: "2026-11-12T08:00:00Z",
      tracking_company: "JNE",
      tracking_number: `JNE${id}`,
      tracking_url: null,
    });
    const ids = Array.from({ length: 15 }, (_, index) => 8100 + index);
    // The parcel's webhook may come before its order's (Shopify does not keep them in order).
    const deliveries = (shop: string) =>
      ids.flatMap((id) => [
        () => answer(fulfillmentsCreate.action, webhookRequest("fulfillments/create", parcel(id), { shop, webhookId: `${shop}-parcel-${id}` })),
        () => answer(ordersCreate.action, webhookRequest("orders/create", order(id, "2026-11-09T08:00:00Z"), { shop, webhookId: `${shop}-create-${id}` })),
        () => answer(ordersUpdated.action, webhookRequest("orders/updated", order(id, "2026-11-09T09:00:00Z", `#${id}-renamed`), { shop, webhookId: `${shop}-update-${id}` })),
      ]);
    expect(new Set(await Promise.all(deliveries(TEST_SHOP).map((send) => send())))).toEqual(new Set([200]));
    // The same deliveries for another shop, one at a time: what the batches must equal.
    const ONE_BY_ONE = "one-by-one.myshopify.com";
    for (const send of deliveries(ONE_BY_ONE)) expect(await send()).toBe(200);

    const rows = async (shop: string) => ({
      orders: (await prisma.order.findMany({ where: { shop }, orderBy: { id: "asc" } })).map(({ shop: _shop, syncedAt: _synced, ...row }) => row),
      parcels: (await prisma.orderFulfillment.findMany({ where: { shop }, orderBy: { id: "asc" } })).map(({ shop: _shop, ...row }) => row),
      lines: (await prisma.orderLineItem.findMany({ where: { shop }, orderBy: { id: "asc" } })).map(({ shop: _shop, ...row }) => row),
    });
    const batched = await rows(TEST_SHOP);
    expect(batched).toEqual(await rows(ONE_BY_ONE));
    expect(batched.orders.map((row) => row.name)).toEqual(ids.map((id) => `#${id}-renamed`));
    expect(batched.parcels).toHaveLength(15);
    expect(batched.lines).toHaveLength(15);
    expect(await prisma.processedWebhook.count({ where: { shop: TEST_SHOP } })).toBe(45);
  });

  it("records each new order's shopper email and promised range when orders/create deliveries share a batch; a redelivery keeps the first", async () => {
    const rules = sampleShippingRules();
    await saveShippingRules(TEST_SHOP, rules);
    const created = (id: number, email: string | null, country: string, province: string | null) => ({
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${id}`,
      email,
      customer_locale: "id",
      customer: { id: id + 500, first_name: "Sari" },
      created_at: "2026-11-09T03:00:00Z",
      updated_at: "2026-11-09T03:00:00Z",
      cancelled_at: null,
      fulfillment_status: null,
      shipping_address: { country_code: country, province_code: province },
      line_items: [{ id: id + 1000, admin_graphql_api_id: `gid://shopify/LineItem/${id + 1000}`, title: "Kopi", sku: null, quantity: 1, product_id: 7 }],
      fulfillments: [],
    });
    const orders = [created(8201, "sari@example.test", "ID", "JK"), created(8202, null, "DE", null), created(8203, "budi@example.test", "ID", "SU")];
    const statuses = await Promise.all(orders.map((order) => answer(ordersCreate.action, webhookRequest("orders/create", order, { webhookId: `create-${order.id}` }))));
    expect(statuses).toEqual([200, 200, 200]);

    const promises = await prisma.deliveryPromise.findMany({ where: { shop: TEST_SHOP }, orderBy: { orderId: "asc" } });
    expect(promises.map((row) => ({ orderId: row.orderId, earliest: row.earliest, latest: row.latest, zoneId: row.zoneId, timeZone: row.timeZone }))).toEqual(
      orders.map((order) => {
        const window = estimateDelivery(rules, {
          now: new Date(order.created_at),
          destination: { countryCode: order.shipping_address.country_code, provinceCode: order.shipping_address.province_code ?? undefined },
          product: { id: "gid://shopify/Product/7" },
        })!;
        return { orderId: order.admin_graphql_api_id, earliest: window.earliest, latest: window.latest, zoneId: window.zoneId, timeZone: "Asia/Jakarta" };
      }),
    );
    const contacts = await prisma.orderContact.findMany({ where: { shop: TEST_SHOP }, orderBy: { orderId: "asc" } });
    expect(contacts.map((row) => [row.orderId, row.email, row.firstName, row.locale])).toEqual([
      ["gid://shopify/Order/8201", "sari@example.test", "Sari", "id"],
      ["gid://shopify/Order/8203", "budi@example.test", "Sari", "id"],
    ]);

    // The shop changes its rules; a redelivery under a new id does not move the promise made at purchase.
    await saveShippingRules(TEST_SHOP, sampleShippingRules({ processingDays: 5 }));
    expect(await answer(ordersCreate.action, webhookRequest("orders/create", orders[0], { webhookId: "create-8201-again" }))).toBe(200);
    expect(await prisma.deliveryPromise.findUnique({ where: { shop_orderId: { shop: TEST_SHOP, orderId: "gid://shopify/Order/8201" } } })).toMatchObject({
      earliest: promises[0].earliest,
      latest: promises[0].latest,
    });
  });
});
