import { describe, expect, it } from "vitest";
import { detectDelay, endOfDay, NOTICE_WINDOW_DAYS, promiseKeptByZone, type DelayFacts } from "../../../app/models/delays/delay";

const base: DelayFacts = {
  orderId: "gid://shopify/Order/1",
  shipmentStatus: "in_transit",
  timeZone: "Asia/Jakarta",
  promise: { earliest: "2026-05-04", latest: "2026-05-06", dispatchDate: "2026-05-02" },
  carrierEstimateAt: null,
  carrierReportsDelay: false,
};

describe("detectDelay", () => {
  it("says nothing while the promised range still holds", () => {
    expect(detectDelay(base, new Date("2026-05-06T16:59:59Z"))).toBeNull(); // 23:59:59 in Jakarta
  });

  it("calls the order late from midnight after the last promised day, in the shop's time zone", () => {
    expect(endOfDay("2026-05-06", "Asia/Jakarta").toISOString()).toBe("2026-05-06T17:00:00.000Z");
    expect(detectDelay(base, new Date("2026-05-06T17:00:00Z"))).toEqual({
      orderId: base.orderId,
      reason: "missed",
      promisedLatest: "2026-05-06",
      dedupeKey: "delay:gid://shopify/Order/1:2026-05-06",
    });
  });

  it("warns ahead when the carrier expects the parcel after the promise", () => {
    const facts = { ...base, carrierEstimateAt: new Date("2026-05-07T03:00:00Z") };
    expect(detectDelay(facts, new Date("2026-05-03T00:00:00Z"))?.reason).toBe("will_miss");
    // An estimate late in the evening UTC that is still the last promised day in Jakarta is on time.
    expect(detectDelay({ ...base, carrierEstimateAt: new Date("2026-05-06T16:00:00Z") }, new Date("2026-05-03T00:00:00Z"))).toBeNull();
  });

  it("flags a parcel still in the warehouse after its dispatch day", () => {
    const facts: DelayFacts = { ...base, shipmentStatus: "unfulfilled" };
    expect(detectDelay(facts, new Date("2026-05-02T16:59:00Z"))).toBeNull();
    expect(detectDelay(facts, new Date("2026-05-02T17:00:00Z"))?.reason).toBe("late_dispatch");
  });

  it("announces a carrier delay or failed delivery under the same key as the promise, so it is told once", () => {
    const now = new Date("2026-05-03T00:00:00Z");
    const delayed = detectDelay({ ...base, carrierReportsDelay: true }, now);
    const failed = detectDelay({ ...base, shipmentStatus: "failed" }, now);
    const missed = detectDelay(base, new Date("2026-05-07T00:00:00Z"));
    expect([delayed?.reason, failed?.reason, missed?.reason]).toEqual(["carrier_delay", "delivery_failed", "missed"]);
    expect(new Set([delayed?.dedupeKey, failed?.dedupeKey, missed?.dedupeKey]).size).toBe(1);
  });

  it("falls back to the carrier's estimate when nothing was promised at purchase", () => {
    const facts: DelayFacts = { ...base, promise: null, carrierEstimateAt: new Date("2026-05-05T05:00:00Z") };
    expect(detectDelay(facts, new Date("2026-05-05T16:59:00Z"))).toBeNull();
    expect(detectDelay(facts, new Date("2026-05-05T17:00:00Z"))).toMatchObject({ reason: "missed", promisedLatest: "2026-05-05" });
    expect(detectDelay({ ...facts, carrierEstimateAt: null }, new Date("2026-06-01T00:00:00Z"))).toBeNull();
  });

  it("never writes about a delivered or cancelled order, nor about a delay long past", () => {
    const late = new Date("2026-05-08T00:00:00Z");
    expect(detectDelay({ ...base, shipmentStatus: "delivered" }, late)).toBeNull();
    expect(detectDelay({ ...base, shipmentStatus: "cancelled" }, late)).toBeNull();
    const tooLate = new Date(endOfDay("2026-05-06", "Asia/Jakarta").getTime() + NOTICE_WINDOW_DAYS * 86_400_000);
    expect(detectDelay(base, new Date(tooLate.getTime() - 1))?.reason).toBe("missed");
    expect(detectDelay(base, tooLate)).toBeNull();
  });
});

describe("promiseKeptByZone", () => {
  const promise = { earliest: "2026-05-04", latest: "2026-05-06" };
  it("counts early and inside deliveries as kept, per zone, on the shop's calendar", () => {
    const rows = promiseKeptByZone(
      [
        { zoneId: "java", promise, deliveredAt: new Date("2026-05-03T10:00:00Z") }, // early
        { zoneId: "java", promise, deliveredAt: new Date("2026-05-06T16:30:00Z") }, // 23:30 in Jakarta: inside
        { zoneId: "java", promise, deliveredAt: new Date("2026-05-06T17:30:00Z") }, // 00:30 next day: late
        { zoneId: "bali", promise, deliveredAt: new Date("2026-05-05T00:00:00Z") },
      ],
      "Asia/Jakarta",
    );
    expect(rows).toEqual([
      { zoneId: "java", delivered: 3, early: 1, inside: 1, late: 1, keptPercent: 66.7 },
      { zoneId: "bali", delivered: 1, early: 0, inside: 1, late: 0, keptPercent: 100 },
    ]);
  });
});
