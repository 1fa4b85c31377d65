import { describe, expect, it } from "vitest";
import { createSeedShop } from "../../support/fake-admin/seed";
import { atRiskOrders, deliveryState as seedDeliveryState, lateOrders } from "../../support/fake-admin/seed-truth";
import type { SeedOrder } from "../../support/fake-admin/types";
import {
  AT_RISK_AFTER_DAYS,
  STUCK_AFTER_DAYS,
  attentionReasons,
  deliveryState,
  nearestRankPercentile,
  type OrderFacts,
} from "../../../app/models/delivery/performance";
import { summarizeDelivery } from "../../../app/models/orders/record";
import { snapshotFromNode, type OrderNode } from "../../../app/shopify/order-query";

const DAY = 86_400_000;

/** A seed order as the sync reads it through the API. */
function factsOf(order: SeedOrder): OrderFacts {
  const node: OrderNode = { ...order, customer: { id: order.customerId }, lineItems: undefined };
  const { order: record, fulfillments } = snapshotFromNode(node);
  return { ...summarizeDelivery(record, fulfillments), createdAt: record.createdAt };
}

const SEED_STATE_NAMES: Record<string, string> = {
  "at-risk": "at_risk",
  "in-transit": "in_transit",
  "delivered-on-time": "delivered_on_time",
  "delivered-late": "delivered_late",
};

describe("delivery state of the seeded shop's orders", () => {
  const shop = createSeedShop();
  for (const offsetDays of [0, 5]) {
    it(`matches what the seed data implies ${offsetDays} days after the seed's moment`, () => {
      const now = new Date(Date.parse(shop.now) + offsetDays * DAY);
      const mismatches = shop.orders
        .map((order) => {
          const expected = seedDeliveryState(order, now.getTime());
          return { name: order.name, expected: SEED_STATE_NAMES[expected] ?? expected, actual: deliveryState(factsOf(order), now) };
        })
        .filter((row) => row.expected !== row.actual);
      expect(mismatches).toEqual([]);
    });
  }

  it("flags exactly the late and the long-unshipped orders the seed data implies", () => {
    const now = new Date(shop.now);
    const flagged = (reason: string) =>
      shop.orders.filter((order) => attentionReasons(factsOf(order), now).includes(reason as never)).map((order) => order.name);
    expect(flagged("late")).toEqual(lateOrders(shop).map((order) => order.name));
    expect(flagged("unshipped")).toEqual(atRiskOrders(shop).map((order) => order.name));
    expect(flagged("late").length).toBeGreaterThan(0);
  });
});

describe("attention rules", () => {
  const now = new Date("2026-11-23T09:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const facts = (overrides: Partial<OrderFacts>): OrderFacts => ({
    shipmentStatus: "in_transit",
    openEstimateAt: null,
    undatedParcelSince: null,
    deliveredLate: false,
    createdAt: daysAgo(10),
    ...overrides,
  });

  it("calls a parcel with no estimate stuck once it has been on its way longer than the threshold", () => {
    expect(attentionReasons(facts({ undatedParcelSince: daysAgo(STUCK_AFTER_DAYS + 0.1) }), now)).toEqual(["stuck"]);
    expect(attentionReasons(facts({ undatedParcelSince: daysAgo(STUCK_AFTER_DAYS - 0.1) }), now)).toEqual([]);
    expect(deliveryState(facts({ undatedParcelSince: daysAgo(STUCK_AFTER_DAYS + 1) }), now)).toBe("at_risk");
  });

  it("calls an order unshipped only after the at-risk threshold", () => {
    const unfulfilled = (age: number) => facts({ shipmentStatus: "unfulfilled", createdAt: daysAgo(age) });
    expect(deliveryState(unfulfilled(AT_RISK_AFTER_DAYS - 0.1), now)).toBe("unfulfilled");
    expect(deliveryState(unfulfilled(AT_RISK_AFTER_DAYS + 0.1), now)).toBe("at_risk");
  });

  it("never flags a cancelled order, and puts a failed delivery first", () => {
    expect(attentionReasons(facts({ shipmentStatus: "cancelled", openEstimateAt: daysAgo(3) }), now)).toEqual([]);
    expect(attentionReasons(facts({ shipmentStatus: "failed", openEstimateAt: daysAgo(1) }), now)).toEqual(["failed", "late"]);
  });
});

describe("nearestRankPercentile", () => {
  it("takes the smallest value whose rank reaches the percentile", () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(nearestRankPercentile(values, 50)).toBe(50);
    expect(nearestRankPercentile(values, 90)).toBe(90);
    expect(nearestRankPercentile([7], 90)).toBe(7);
    expect(nearestRankPercentile([1, 2, 3], 50)).toBe(2);
    expect(nearestRankPercentile([], 50)).toBeNull();
  });
});
