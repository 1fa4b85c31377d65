import { describe, expect, it } from "vitest";
import {
  STATUS_SLOTS,
  addOrder,
  addOrderChange,
  decodeHistogram,
  emptyDelta,
  encodeHistogram,
  histogramPercentiles,
  isEmptyDelta,
  rankedHistogram,
  slotOf,
  type AggregatedOrder,
} from "../../../app/models/delivery/aggregates";
import { createRandom } from "../../support/fake-admin/prng";

/** Nearest rank as the SQL computes it: the smallest value whose 1-based rank r has r * 100 >= n * p. */
function sqlPercentile(values: number[], percent: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = sorted.findIndex((_, index) => (index + 1) * 100 >= sorted.length * percent);
  return rank < 0 ? null : sorted[rank];
}

const histogramOf = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return rankedHistogram(encodeHistogram(counts));
};

const order = (overrides: Partial<AggregatedOrder> = {}): AggregatedOrder => ({
  id: "gid://shopify/Order/1",
  shipmentStatus: "in_transit",
  deliveredLate: false,
  createdWeek: "2026-11-30",
  countryCode: "DE",
  fulfilmentMinutes: 1440,
  deliveryMinutes: null,
  ...overrides,
});

describe("duration histograms", () => {
  it("give the SQL's nearest-rank median and p90 for any number of orders, split over several histograms", () => {
    const random = createRandom(17);
    for (const size of [1, 2, 3, 9, 10, 11, 29, 30, 31, 100, 257]) {
      const values = Array.from({ length: size }, () => random.int(0, 40) * random.int(1, 400));
      const parts = [values.slice(0, size / 3), values.slice(size / 3)].map(histogramOf);
      expect(histogramPercentiles(parts), `${size} orders`).toEqual({
        orders: size,
        medianMinutes: sqlPercentile(values, 50),
        p90Minutes: sqlPercentile(values, 90),
      });
    }
  });

  it("read no orders as no figures", () => {
    expect(histogramPercentiles([])).toEqual({ orders: 0, medianMinutes: null, p90Minutes: null });
    expect(histogramPercentiles([rankedHistogram("[]")])).toEqual({ orders: 0, medianMinutes: null, p90Minutes: null });
  });

  it("read pairs in any order and with repeats, as the migration's SQL may write them", () => {
    expect(histogramPercentiles([rankedHistogram("[30,1,10,2,30,1,20,0]")])).toEqual({ orders: 4, medianMinutes: 10, p90Minutes: 30 });
    expect(encodeHistogram(decodeHistogram("[30,1,10,2,30,1,20,0]"))).toBe("[10,2,30,2]");
  });
});

describe("aggregate deltas", () => {
  it("count settled orders by status in a stable slot, and leave open orders to the dashboard", () => {
    const delta = emptyDelta();
    addOrder(delta, order(), 1);
    expect([...delta.statuses.values()]).toEqual([]);
    addOrder(delta, order({ id: "gid://shopify/Order/2", shipmentStatus: "delivered", deliveredLate: true, deliveryMinutes: 5000 }), 1);
    expect([...delta.statuses.values()]).toEqual([
      { shipmentStatus: "delivered", deliveredLate: true, slot: slotOf("gid://shopify/Order/2"), orders: 1 },
    ]);
    expect(slotOf("gid://shopify/Order/2")).toBe(slotOf("gid://shopify/Order/2"));
    const slots = new Set(Array.from({ length: 200 }, (_, n) => slotOf(`gid://shopify/Order/${n}`)));
    expect(slots.size).toBe(STATUS_SLOTS);
  });

  it("cancel out when an order is written again unchanged, and move only what changed", () => {
    const stored = order({ shipmentStatus: "in_transit", fulfilmentMinutes: 1440 });
    const same = emptyDelta();
    addOrderChange(same, stored, { ...stored });
    expect(isEmptyDelta(same)).toBe(true);

    const delivered = emptyDelta();
    addOrderChange(delivered, stored, { ...stored, shipmentStatus: "delivered", deliveryMinutes: 4000 });
    expect([...delivered.statuses.values()].map((row) => [row.shipmentStatus, row.orders])).toEqual([["delivered", 1]]);
    expect([...delivered.durations.values()].map((row) => [row.metric, [...row.changes]])).toEqual([["deliver", [[4000, 1]]]]);

    const cancelled = emptyDelta();
    addOrderChange(cancelled, { ...stored, shipmentStatus: "delivered", deliveryMinutes: 4000 }, { ...stored, shipmentStatus: "cancelled", fulfilmentMinutes: null });
    expect([...cancelled.statuses.values()].map((row) => [row.shipmentStatus, row.orders]).sort()).toEqual([["cancelled", 1], ["delivered", -1]]);
    expect([...cancelled.durations.values()].map((row) => [row.metric, [...row.changes]]).sort()).toEqual([
      ["deliver", [[4000, -1]]],
      ["fulfil", [[1440, -1]]],
    ]);
  });

  it("file an order without a country under the empty country code", () => {
    const delta = emptyDelta();
    addOrder(delta, order({ countryCode: null }), 1);
    expect([...delta.durations.values()][0]).toMatchObject({ week: "2026-11-30", countryCode: "", metric: "fulfil" });
  });
});
