import { describe, expect, it } from "vitest";
import { mergeFulfillment, summarizeDelivery, weekOf, type FulfillmentRecord, type OrderRecord } from "../../../app/models/orders/record";
import { fulfillmentFromPayload, snapshotFromOrderPayload, orderPayload } from "../../../app/models/orders/webhook";

const at = (iso: string) => new Date(iso);
const order: OrderRecord = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  customerId: null,
  countryCode: "SG",
  provinceCode: null,
  fulfillmentStatus: "FULFILLED",
  createdAt: at("2026-11-02T08:00:00Z"),
  cancelledAt: null,
  shopifyUpdatedAt: at("2026-11-06T08:00:00Z"),
};
const parcel = (overrides: Partial<FulfillmentRecord>): FulfillmentRecord => ({
  id: "gid://shopify/Fulfillment/1",
  orderId: order.id,
  status: "SUCCESS",
  displayStatus: "IN_TRANSIT",
  createdAt: at("2026-11-03T08:00:00Z"),
  shopifyUpdatedAt: at("2026-11-03T10:00:00Z"),
  inTransitAt: at("2026-11-03T10:00:00Z"),
  deliveredAt: null,
  estimatedDeliveryAt: at("2026-11-06T00:00:00Z"),
  trackingCompany: "Singapore Post",
  trackingNumber: "RR1SG",
  trackingUrl: null,
  ...overrides,
});

describe("summarizeDelivery", () => {
  it("measures an order delivered in two parcels from placement to the last delivery", () => {
    const summary = summarizeDelivery(order, [
      parcel({ id: "a", deliveredAt: at("2026-11-05T08:00:00Z"), displayStatus: "DELIVERED" }),
      parcel({ id: "b", createdAt: at("2026-11-04T08:00:00Z"), deliveredAt: at("2026-11-07T08:00:00Z"), displayStatus: "DELIVERED" }),
    ]);
    expect(summary).toMatchObject({
      shipmentStatus: "delivered",
      fulfilmentMinutes: 2 * 24 * 60,
      deliveryMinutes: 5 * 24 * 60,
      deliveredLate: true,
      openEstimateAt: null,
      createdWeek: "2026-11-02",
    });
  });

  it("keeps the earliest open estimate, ignores cancelled parcels, and calls a failed parcel failed", () => {
    const summary = summarizeDelivery(order, [
      parcel({ id: "a", estimatedDeliveryAt: at("2026-11-08T00:00:00Z") }),
      parcel({ id: "void", status: "CANCELLED", estimatedDeliveryAt: at("2026-11-04T00:00:00Z") }),
    ]);
    expect(summary).toMatchObject({ shipmentStatus: "in_transit", openEstimateAt: at("2026-11-08T00:00:00Z"), deliveryMinutes: null });
    expect(summarizeDelivery(order, [parcel({ displayStatus: "FAILURE" })]).shipmentStatus).toBe("failed");
  });

  it("marks a parcel with no estimate so it can be found when it gets stuck", () => {
    const summary = summarizeDelivery({ ...order, fulfillmentStatus: "PARTIALLY_FULFILLED" }, [parcel({ estimatedDeliveryAt: null })]);
    expect(summary).toMatchObject({ shipmentStatus: "partially_fulfilled", undatedParcelSince: at("2026-11-03T10:00:00Z"), fulfilmentMinutes: null });
  });
});

describe("mergeFulfillment", () => {
  it("ignores a copy older than the stored one", () => {
    const stored = parcel({ displayStatus: "DELIVERED", deliveredAt: at("2026-11-05T08:00:00Z"), shopifyUpdatedAt: at("2026-11-05T08:00:00Z") });
    expect(mergeFulfillment(stored, parcel({}))).toBe(stored);
  });

  it("keeps the exact milestone times a sync read when a webhook reports the same milestone later", () => {
    const synced = parcel({});
    const webhook = fulfillmentFromPayload(order.id, {
      id: "1",
      admin_graphql_api_id: "gid://shopify/Fulfillment/1",
      status: "success",
      shipment_status: "delivered",
      created_at: at("2026-11-03T08:00:00Z"),
      updated_at: at("2026-11-05T09:00:00Z"),
    });
    const merged = mergeFulfillment(synced, webhook);
    expect(merged).toMatchObject({ displayStatus: "DELIVERED", inTransitAt: synced.inTransitAt, deliveredAt: at("2026-11-05T09:00:00Z"), trackingNumber: "RR1SG" });
  });
});

describe("order webhook payloads", () => {
  it("reads REST ids and statuses as the GraphQL names the sync uses", () => {
    const payload = orderPayload.parse({
      id: 450789469,
      name: "#1001",
      created_at: "2026-11-02T15:00:00+07:00",
      updated_at: "2026-11-02T15:00:00+07:00",
      fulfillment_status: "partial",
      line_items: [],
    });
    expect(snapshotFromOrderPayload(payload).order).toMatchObject({
      id: "gid://shopify/Order/450789469",
      fulfillmentStatus: "PARTIALLY_FULFILLED",
      createdAt: at("2026-11-02T08:00:00Z"),
    });
  });
});

describe("weekOf", () => {
  it("gives the Monday of the week in UTC", () => {
    expect(weekOf(at("2026-11-23T09:00:00Z"))).toBe("2026-11-23");
    expect(weekOf(at("2026-11-29T23:59:00Z"))).toBe("2026-11-23");
    expect(weekOf(at("2026-11-22T23:59:00Z"))).toBe("2026-11-16");
  });
});
