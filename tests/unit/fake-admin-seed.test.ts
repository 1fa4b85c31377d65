import { describe, expect, it } from "vitest";
import { createSeedShop, DEFAULT_SEED_NOW } from "../support/fake-admin/seed";
import {
  atRiskOrders,
  cancelledOrders,
  deliveredLateOrders,
  deliveredOrders,
  finalSaleProducts,
  lateOrders,
  ordersInState,
  recentOrders,
  refundedOrders,
} from "../support/fake-admin/seed-truth";

const DAY = 86_400_000;
const shop = createSeedShop();
const now = DEFAULT_SEED_NOW.getTime();

describe("seed shop", () => {
  it("is deterministic for the same options and differs for another seed", () => {
    expect(createSeedShop()).toEqual(shop);
    expect(createSeedShop({ seed: 7 }).orders.map((order) => order.createdAt)).not.toEqual(
      shop.orders.map((order) => order.createdAt),
    );
  });

  it("describes a store with policies, customers across countries and a catalog with final-sale items", () => {
    expect(shop.shop).toMatchObject({ name: "Aftercare Demo Store", myshopifyDomain: "aftercare-demo.myshopify.com", ianaTimezone: "Asia/Jakarta" });
    const refund = shop.shop.shopPolicies.find((policy) => policy.type === "REFUND_POLICY");
    expect(refund?.body).toMatch(/30 days/);
    expect(shop.shop.shopPolicies.map((policy) => policy.type)).toContain("SHIPPING_POLICY");

    expect(shop.customers).toHaveLength(40);
    const countries = new Set(shop.customers.map((customer) => customer.defaultAddress.countryCodeV2));
    expect([...countries].sort()).toEqual(["AU", "CA", "DE", "FR", "GB", "ID", "JP", "NL", "SG", "US"]);
    expect(new Set(shop.customers.map((customer) => customer.email)).size).toBe(40);

    expect(shop.products).toHaveLength(12);
    expect(finalSaleProducts(shop).length).toBeGreaterThanOrEqual(2);
    for (const product of shop.products) {
      expect(product.images[0].url).toMatch(/^https:\/\/cdn\.shopify\.com\//);
      expect(product.variants.length).toBeGreaterThan(0);
    }
  });

  it("spreads 540 orders over the last 120 days, oldest first, with nothing in the future", () => {
    expect(shop.orders).toHaveLength(540);
    const created = shop.orders.map((order) => Date.parse(order.createdAt));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(now - 120 * DAY);
    expect(Math.max(...created)).toBeLessThan(now);
    expect(created.filter((time) => time >= now - 30 * DAY).length).toBeGreaterThan(100);
    for (const order of shop.orders) {
      expect(Date.parse(order.updatedAt)).toBeLessThanOrEqual(now);
      for (const fulfillment of order.fulfillments) {
        const times = [fulfillment.createdAt, fulfillment.inTransitAt, fulfillment.deliveredAt]
          .filter((time): time is string => time !== null)
          .map(Date.parse);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(Math.max(...times)).toBeLessThanOrEqual(now);
        expect(Date.parse(fulfillment.createdAt)).toBeGreaterThan(Date.parse(order.createdAt));
        expect(fulfillment.trackingInfo[0].url).toContain(fulfillment.trackingInfo[0].number);
        expect(fulfillment.events.every((event) => Date.parse(event.happenedAt) <= now)).toBe(true);
        if (fulfillment.deliveredAt) expect(fulfillment.displayStatus).toBe("DELIVERED");
      }
    }
  });

  it("holds every delivery outcome the app must handle", () => {
    expect(deliveredOrders(shop).length).toBeGreaterThan(300);
    expect(deliveredLateOrders(shop).length).toBeGreaterThan(20);
    expect(lateOrders(shop).length).toBeGreaterThan(5);
    expect(atRiskOrders(shop).length).toBeGreaterThan(0);
    expect(ordersInState(shop, "in-transit").length).toBeGreaterThan(5);
    expect(ordersInState(shop, "failed").length).toBeGreaterThan(0);
    expect(cancelledOrders(shop).length).toBeGreaterThan(5);
    expect(refundedOrders(shop).length).toBeGreaterThan(5);
    const statuses = new Set(shop.orders.flatMap((order) => order.fulfillments.map((f) => f.displayStatus)));
    expect([...statuses]).toEqual(expect.arrayContaining(["DELIVERED", "IN_TRANSIT", "DELAYED", "FAILURE"]));
  });

  it("keeps the truth consistent: a late order is past its estimate and undelivered", () => {
    for (const order of lateOrders(shop)) {
      expect(
        order.fulfillments.some((f) => f.deliveredAt === null && Date.parse(f.estimatedDeliveryAt!) < now),
      ).toBe(true);
    }
    const later = new Date(now + 30 * DAY);
    expect(lateOrders(shop, later).length).toBeGreaterThan(lateOrders(shop).length);
  });

  it("lets the demo pass its own clock and domain", () => {
    const demoNow = new Date("2027-03-01T02:00:00Z");
    const demo = createSeedShop({ now: demoNow, domain: "demo-shop.myshopify.com", orderCount: 60 });
    expect(demo.orders).toHaveLength(60);
    expect(demo.now).toBe(demoNow.toISOString());
    expect(demo.shop.myshopifyDomain).toBe("demo-shop.myshopify.com");
    expect(Date.parse(demo.orders[59].createdAt)).toBeLessThan(demoNow.getTime());
    expect(recentOrders(demo).length).toBeLessThan(60);
  });
});
