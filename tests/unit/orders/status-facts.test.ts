import { describe, expect, it } from "vitest";
import { decodeOrderLookupFacts, StatusFactsError } from "../../../app/models/orders/status-facts";

const order = { id: "gid://shopify/Order/1", name: "#1001", customerId: null, cancelledAt: null, fulfillmentStatus: "FULFILLED" };
const parcel = (id: string, createdAt: unknown) => ({
  id,
  orderId: order.id,
  status: "SUCCESS",
  displayStatus: null,
  createdAt,
  shopifyUpdatedAt: createdAt,
  inTransitAt: null,
  deliveredAt: null,
  estimatedDeliveryAt: null,
  trackingCompany: null,
  trackingNumber: null,
  trackingUrl: null,
});

describe("decoding the order status look-up's document", () => {
  it("reads dates as SQLite and PostgreSQL write them, all as UTC instants", () => {
    const facts = decodeOrderLookupFacts(
      JSON.stringify({
        ...order,
        createdAt: "2026-09-01T18:30:00.123+00:00",
        parcels: [parcel("b", "2026-09-03T01:02:03.004"), parcel("a", Date.UTC(2026, 8, 2, 5))],
        returns: [],
        timeZone: "Asia/Jakarta",
      }),
    );
    expect(facts?.order.createdAt.toISOString()).toBe("2026-09-01T18:30:00.123Z");
    // Oldest first, whichever way the database listed them.
    expect(facts?.parcels.map((entry) => [entry.id, entry.createdAt.toISOString()])).toEqual([
      ["a", "2026-09-02T05:00:00.000Z"],
      ["b", "2026-09-03T01:02:03.004Z"],
    ]);
    expect(facts).toMatchObject({ email: null, promise: null, timeZone: "Asia/Jakarta" });
  });

  it("takes nested documents given as JSON text, and falls back to UTC for a missing or unknown time zone", () => {
    const facts = decodeOrderLookupFacts(
      JSON.stringify({ ...order, createdAt: "2026-09-01T00:00:00", promise: '{"earliest":"2026-09-04","latest":"2026-09-06"}', parcels: "[]", returns: null, timeZone: "Mars/Olympus" }),
    );
    expect(facts).toMatchObject({ promise: { earliest: "2026-09-04", latest: "2026-09-06" }, parcels: [], returns: [], timeZone: "UTC" });
    expect(decodeOrderLookupFacts(JSON.stringify({ ...order, createdAt: "2026-09-01T00:00:00" }))?.timeZone).toBe("UTC");
  });

  it("answers null when no order was found and names the field a broken row gets wrong", () => {
    expect(decodeOrderLookupFacts(undefined)).toBeNull();
    expect(() => decodeOrderLookupFacts(JSON.stringify({ ...order, createdAt: "yesterday" }))).toThrow(new StatusFactsError('Order status facts: order createdAt is not a date ("yesterday")'));
    expect(() => decodeOrderLookupFacts(JSON.stringify({ ...order, name: 1001, createdAt: "2026-09-01T00:00:00" }))).toThrow(/order name is not text/);
  });
});
