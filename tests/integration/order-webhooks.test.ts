import { beforeEach, describe, expect, it } from "vitest";
import { webhookRequest } from "../support/app-requests";
import { TEST_SHOP } from "../support/test-env";
import { forgetOrders } from "./order-sync-harness";

const prisma = (await import("../../app/db.server")).default;
const ordersCreate = await import("../../app/routes/webhooks.orders.create");
const ordersUpdated = await import("../../app/routes/webhooks.orders.updated");
const ordersCancelled = await import("../../app/routes/webhooks.orders.cancelled");
const fulfillmentsCreate = await import("../../app/routes/webhooks.fulfillments.create");
const fulfillmentsUpdate = await import("../../app/routes/webhooks.fulfillments.update");

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

async function deliver(action: Action, topic: string, payload: unknown, webhookId?: string): Promise<number> {
  try {
    return (await action({ request: webhookRequest(topic, payload, { webhookId }), params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const ORDER_ID = 820982911946154500;
const ORDER_GID = `gid://shopify/Order/${ORDER_ID}`;

function fulfillment(overrides: Record<string, unknown> = {}) {
  return {
    id: 255858046,
    admin_graphql_api_id: "gid://shopify/Fulfillment/255858046",
    order_id: ORDER_ID,
    status: "success",
    shipment_status: "confirmed",
    created_at: "2026-11-10T10:00:00-05:00",
    updated_at: "2026-11-10T10:00:00-05:00",
    tracking_company: "DHL Express",
    tracking_number: "1234567890",
    tracking_url: "https://www.dhl.com/track?id=1234567890",
    ...overrides,
  };
}

function order(overrides: Record<string, unknown> = {}) {
  return {
    id: ORDER_ID,
    admin_graphql_api_id: ORDER_GID,
    name: "#1042",
    created_at: "2026-11-09T08:00:00-05:00",
    updated_at: "2026-11-09T08:00:00-05:00",
    cancelled_at: null,
    fulfillment_status: null,
    customer: { id: 115310627314723950 },
    shipping_address: { country_code: "AU", province_code: "NSW" },
    line_items: [{ id: 866550311766439000, title: "Linen apron", sku: "APRON-1", quantity: 2, product_id: 632910392 }],
    fulfillments: [],
    ...overrides,
  };
}

const stored = () => prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: TEST_SHOP, id: ORDER_GID } } });

beforeEach(forgetOrders);

describe("order webhooks", () => {
  it("stores a new order from orders/create with its destination and line items", async () => {
    expect(await deliver(ordersCreate.action, "orders/create", order())).toBe(200);

    expect(await stored()).toMatchObject({
      name: "#1042",
      countryCode: "AU",
      provinceCode: "NSW",
      customerId: "gid://shopify/Customer/115310627314723950",
      shipmentStatus: "unfulfilled",
      createdWeek: "2026-11-09",
    });
    const items = await prisma.orderLineItem.findMany({ where: { shop: TEST_SHOP, orderId: ORDER_GID } });
    expect(items).toMatchObject([{ title: "Linen apron", quantity: 2, productId: "gid://shopify/Product/632910392" }]);
  });

  it("never lets an older orders/updated overwrite a newer one that arrived first", async () => {
    const shipped = order({
      updated_at: "2026-11-12T09:00:00-05:00",
      fulfillment_status: "fulfilled",
      fulfillments: [fulfillment({ shipment_status: "in_transit", updated_at: "2026-11-12T09:00:00-05:00" })],
    });
    const placed = order({ updated_at: "2026-11-09T08:05:00-05:00" });

    await deliver(ordersUpdated.action, "orders/updated", shipped);
    await deliver(ordersUpdated.action, "orders/updated", placed);

    const row = await stored();
    expect(row.shipmentStatus).toBe("in_transit");
    expect(row.fulfillmentStatus).toBe("FULFILLED");
    expect(row.shopifyUpdatedAt.toISOString()).toBe("2026-11-12T14:00:00.000Z");
  });

  it("moves a parcel forward on fulfillments/update and ignores a stale update delivered late", async () => {
    await deliver(ordersCreate.action, "orders/create", order({ fulfillment_status: "fulfilled", updated_at: "2026-11-10T10:00:00-05:00" }));
    await deliver(fulfillmentsCreate.action, "fulfillments/create", fulfillment());
    const delivered = fulfillment({ shipment_status: "delivered", updated_at: "2026-11-14T16:30:00-05:00" });
    const inTransit = fulfillment({ shipment_status: "in_transit", updated_at: "2026-11-11T07:00:00-05:00" });

    await deliver(fulfillmentsUpdate.action, "fulfillments/update", delivered);
    await deliver(fulfillmentsUpdate.action, "fulfillments/update", inTransit);

    const row = await stored();
    expect(row.shipmentStatus).toBe("delivered");
    expect(row.deliveredAt?.toISOString()).toBe("2026-11-14T21:30:00.000Z");
    // Placed 2026-11-09 13:00Z, delivered 2026-11-14 21:30Z.
    expect(row.deliveryMinutes).toBe(5 * 24 * 60 + 8 * 60 + 30);
    const parcel = await prisma.orderFulfillment.findFirstOrThrow({ where: { shop: TEST_SHOP, orderId: ORDER_GID } });
    expect(parcel.displayStatus).toBe("DELIVERED");
  });

  it("keeps a parcel that arrived before its order, and counts it once the order comes", async () => {
    await deliver(fulfillmentsCreate.action, "fulfillments/create", fulfillment({ shipment_status: "in_transit" }));
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(0);

    await deliver(ordersCreate.action, "orders/create", order({ fulfillment_status: "fulfilled" }));

    expect((await stored()).shipmentStatus).toBe("in_transit");
  });

  it("marks an order cancelled on orders/cancelled", async () => {
    await deliver(ordersCreate.action, "orders/create", order());
    const cancelled = order({ cancelled_at: "2026-11-09T12:00:00-05:00", updated_at: "2026-11-09T12:00:00-05:00" });

    expect(await deliver(ordersCancelled.action, "orders/cancelled", cancelled)).toBe(200);

    expect(await stored()).toMatchObject({ shipmentStatus: "cancelled" });
  });

  it("handles a redelivered webhook once", async () => {
    const webhookId = "d3b07384-d9a0-4c2b-8f1e-6a5c0e1f2a3b";
    await deliver(ordersCreate.action, "orders/create", order(), webhookId);
    await prisma.orderLineItem.deleteMany({ where: { shop: TEST_SHOP } });

    expect(await deliver(ordersCreate.action, "orders/create", order(), webhookId)).toBe(200);

    expect(await prisma.orderLineItem.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });

  it("accepts an order payload without the personal fields Shopify leaves out for apps without access", async () => {
    const { customer: _customer, shipping_address: _address, ...anonymous } = order();

    expect(await deliver(ordersCreate.action, "orders/create", anonymous)).toBe(200);

    expect(await stored()).toMatchObject({ customerId: null, countryCode: null, shipmentStatus: "unfulfilled" });
  });

  it("answers 422 to a payload that is not an order, and 401 to a forged one", async () => {
    expect(await deliver(ordersUpdated.action, "orders/updated", { id: 1 })).toBe(422);
    const forged = webhookRequest("orders/create", order(), { hmac: "Zm9yZ2Vk" });
    const status = await ordersCreate.action({ request: forged, params: {}, context: {} }).then(
      (response) => response.status,
      (thrown: unknown) => (thrown instanceof Response ? thrown.status : 0),
    );
    expect(status).toBe(401);
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });
});
