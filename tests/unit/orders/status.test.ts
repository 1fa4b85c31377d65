import { describe, expect, it } from "vitest";
import type { FulfillmentRecord } from "../../../app/models/orders/record";
import { orderStatusView, type OrderStatusFacts } from "../../../app/models/orders/status";

/** The shopper's order status tells what the admin's at-risk list knows: failed, late, or when to expect it. */
const ZONE = "Asia/Jakarta"; // UTC+7
const DECEMBER = new Date("2026-12-03T05:00:00Z");

function parcel(overrides: Partial<FulfillmentRecord> = {}): FulfillmentRecord {
  return {
    id: "gid://shopify/Fulfillment/1",
    orderId: "gid://shopify/Order/1",
    status: "SUCCESS",
    displayStatus: "IN_TRANSIT",
    createdAt: new Date("2026-08-10T02:00:00Z"),
    shopifyUpdatedAt: new Date("2026-08-10T02:00:00Z"),
    inTransitAt: new Date("2026-08-11T02:00:00Z"),
    deliveredAt: null,
    estimatedDeliveryAt: new Date("2026-08-15T03:00:00Z"),
    trackingCompany: "JNE",
    trackingNumber: "JNE1",
    trackingUrl: "https://track.example/JNE1",
    ...overrides,
  };
}

function facts(overrides: Partial<OrderStatusFacts> = {}): OrderStatusFacts {
  return {
    name: "#1001",
    createdAt: new Date("2026-08-09T02:00:00Z"),
    cancelledAt: null,
    fulfillmentStatus: "FULFILLED",
    parcels: [parcel()],
    promise: null,
    ...overrides,
  };
}

const view = (overrides: Partial<OrderStatusFacts>, now: Date) => orderStatusView(facts(overrides), ZONE, now);

describe("order status: on time", () => {
  it("shows the carrier's estimate while it is ahead", () => {
    expect(view({}, new Date("2026-08-12T05:00:00Z"))).toMatchObject({
      alert: null,
      current: "in_transit",
      estimate: { earliest: "2026-08-15", latest: "2026-08-15", source: "carrier" },
    });
  });

  it("shows the promised range until its last day has ended in the shop's zone", () => {
    const promise = { earliest: "2026-08-14", latest: "2026-08-16" };
    // 16 Aug 23:30 in Jakarta is still the last promised day there; 17 Aug 00:00 is not.
    const lastEvening = view({ promise, parcels: [parcel({ estimatedDeliveryAt: null })] }, new Date("2026-08-16T16:30:00Z"));
    expect(lastEvening).toMatchObject({ alert: null, estimate: { ...promise, source: "promise" } });
    const nextMorning = view({ promise, parcels: [parcel({ estimatedDeliveryAt: null })] }, new Date("2026-08-16T17:00:00Z"));
    expect(nextMorning).toMatchObject({ alert: "late", estimate: null });
  });

  it("says nothing is wrong once everything is delivered, or for a cancelled order", () => {
    const delivered = view({ parcels: [parcel({ deliveredAt: new Date("2026-08-20T03:00:00Z"), displayStatus: "DELIVERED" })] }, DECEMBER);
    expect(delivered).toMatchObject({ alert: null, current: "delivered", deliveredOn: "2026-08-20" });
    expect(view({ cancelledAt: new Date("2026-08-10T00:00:00Z") }, DECEMBER)).toMatchObject({ alert: null, cancelled: true });
  });
});

describe("order status: failed and late", () => {
  it("shows a failed delivery as failed, with no estimate, even when the carrier still had one ahead", () => {
    const failed = view({ parcels: [parcel({ displayStatus: "FAILURE", estimatedDeliveryAt: new Date("2026-12-05T03:00:00Z") })] }, DECEMBER);
    expect(failed).toMatchObject({ alert: "failed", estimate: null });
  });

  it("in December, an order the carrier expected on 15 Aug is late, and the stale estimate is not shown", () => {
    expect(view({}, DECEMBER)).toMatchObject({ alert: "late", current: "in_transit", estimate: null });
  });

  it("past its promise, shows the carrier's newer estimate as the new expectation", () => {
    const promise = { earliest: "2026-11-25", latest: "2026-11-28" };
    const later = view({ promise, parcels: [parcel({ estimatedDeliveryAt: new Date("2026-12-06T03:00:00Z") })] }, DECEMBER);
    expect(later).toMatchObject({ alert: "late", estimate: { earliest: "2026-12-06", latest: "2026-12-06", source: "carrier" } });
  });

  it("before the promise ends, a carrier estimate after it already makes the order late, with that estimate", () => {
    const promise = { earliest: "2026-12-02", latest: "2026-12-04" };
    const willMiss = view({ promise, parcels: [parcel({ estimatedDeliveryAt: new Date("2026-12-08T03:00:00Z") })] }, DECEMBER);
    expect(willMiss).toMatchObject({ alert: "late", estimate: { earliest: "2026-12-08", source: "carrier" } });
    const inside = view({ promise, parcels: [parcel({ estimatedDeliveryAt: new Date("2026-12-04T03:00:00Z") })] }, DECEMBER);
    expect(inside).toMatchObject({ alert: null, estimate: { ...promise, source: "promise" } });
  });

  it("past its promise with a carrier estimate also past, is late with no date at all", () => {
    const promise = { earliest: "2026-11-25", latest: "2026-11-28" };
    expect(view({ promise, parcels: [parcel({ estimatedDeliveryAt: new Date("2026-11-30T03:00:00Z") })] }, DECEMBER)).toMatchObject({
      alert: "late",
      estimate: null,
    });
  });

  it("an unshipped order past its promise is late too", () => {
    const promise = { earliest: "2026-11-25", latest: "2026-11-28" };
    expect(view({ promise, parcels: [], fulfillmentStatus: "UNFULFILLED" }, DECEMBER)).toMatchObject({ alert: "late", current: "ordered", estimate: null });
  });
});
