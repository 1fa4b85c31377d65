import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { adminFetchRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { atRiskOrders, deliveryState, lateOrders, ordersInState } from "../support/fake-admin/seed-truth";
import type { SeedOrder } from "../support/fake-admin/types";
import { routeShop } from "../support/shopify-network";
import { TEST_SHOP } from "../support/test-env";
import { ACCESS_TOKEN, createSyncHarness, forgetOrders, type SyncHarness } from "./order-sync-harness";

const prisma = (await import("../../app/db.server")).default;
const home = await import("../../app/routes/app._index");
const { runOrderSync } = await import("../../app/shopify/order-sync.server");
const { orderSyncJob } = await import("../../app/jobs/order-sync.server");
const { nearestRankPercentile } = await import("../../app/models/delivery/performance");
const { weekOf } = await import("../../app/models/orders/record");

type Dashboard = Awaited<ReturnType<Awaited<ReturnType<typeof home.loader>>["json"]>>;
const MINUTE = 60_000;

async function loadDashboard(): Promise<Dashboard> {
  const response = await home.loader({ request: adminFetchRequest("/app"), params: {}, context: {} });
  expect(response.status).toBe(200);
  return response.json();
}

async function syncSeedShop(harness: SyncHarness) {
  await runOrderSync({ shop: TEST_SHOP, admin: harness.admin(), grantedScopes: ["read_orders", "read_all_orders"], clock: harness.clock });
}

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / MINUTE);
const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMinutes: nearestRankPercentile(sorted, 50), p90Minutes: nearestRankPercentile(sorted, 90) };
};
/** Time to deliver as the seed implies it: placed to last parcel delivered, for fully delivered orders. */
function deliveryMinutes(order: SeedOrder): number | null {
  if (order.cancelledAt || order.displayFulfillmentStatus !== "FULFILLED") return null;
  if (order.fulfillments.some((f) => !f.deliveredAt) || order.fulfillments.some((f) => f.displayStatus === "FAILURE")) return null;
  const last = order.fulfillments.map((f) => f.deliveredAt!).sort().at(-1)!;
  return minutesBetween(order.createdAt, last);
}

let harness: SyncHarness;

/** A shop that never synced, its session stored, the clock at the moment the seed data describes. */
async function freshShop() {
  await forgetOrders();
  harness = createSyncHarness();
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: "read_orders,read_all_orders" });
}

// The dashboard reads the clock: stand at the moment the seed data describes.
const standAtSeedTime = () => vi.useFakeTimers({ toFake: ["Date"], now: new Date(harness.fake.seed.now) });

afterEach(() => {
  vi.useRealTimers();
});

describe("delivery dashboard", () => {
  describe("before and during a sync", () => {
    beforeEach(async () => {
      await freshShop();
      standAtSeedTime();
    });

    it("invites the merchant to sync when no order has been synced yet", async () => {
      const data = await loadDashboard();

      expect(data.overview).toMatchObject({ name: harness.fake.shop.name, myshopifyDomain: TEST_SHOP });
      expect(data.sync.state).toBe("idle");
      expect(data.dashboard.totalOrders).toBe(0);
      expect(data.dashboard.attention).toEqual({ total: 0, orders: [] });
    });

    it("starts a sync on demand and shows its progress", async () => {
      vi.useRealTimers();
      harness = createSyncHarness({ seed: { orderCount: 30, now: new Date() } });

      const response = await home.action({ request: adminFetchRequest("/app", { method: "POST" }), params: {}, context: {} });
      expect(response.status).toBe(200);
      expect((await loadDashboard()).sync.state).toBe("running");
      await orderSyncJob(TEST_SHOP);

      const data = await loadDashboard();
      expect(data.sync).toMatchObject({ state: "completed", ordersSynced: 30 });
      expect(data.dashboard.totalOrders).toBe(30);
      expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(30);
    });
  });

  // Read-only checks of one synced copy of the seed shop: it is synced once, not once per test.
  describe("on the synced seed shop", () => {
    beforeAll(async () => {
      await freshShop();
      standAtSeedTime();
      await syncSeedShop(harness);
    });
    beforeEach(() => {
      routeShop(TEST_SHOP, (request) => harness.fake.handle(request));
      standAtSeedTime();
    });

    it("counts the seeded shop's orders by delivery state as the seed data implies", async () => {
      const data = await loadDashboard();

      const seed = harness.fake.seed;
      expect(data.dashboard.totalOrders).toBe(seed.orders.length);
      const counts = Object.fromEntries(data.dashboard.states.map((row) => [row.state, row.orders]));
      expect(counts).toEqual({
        late: ordersInState(seed, "late").length,
        failed: ordersInState(seed, "failed").length,
        at_risk: ordersInState(seed, "at-risk").length,
        unfulfilled: ordersInState(seed, "unfulfilled").length,
        in_transit: ordersInState(seed, "in-transit").length,
        delivered_on_time: ordersInState(seed, "delivered-on-time").length,
        delivered_late: ordersInState(seed, "delivered-late").length,
        cancelled: ordersInState(seed, "cancelled").length,
      });
      expect(data.sync).toMatchObject({ state: "completed", fraction: 1 });
    });

    it("lists exactly the late and at-risk orders the seed data implies, oldest first, with their tracking", async () => {
      const { dashboard } = await loadDashboard();

      const seed = harness.fake.seed;
      const failed = ordersInState(seed, "failed");
      const expected = [...new Map([...lateOrders(seed), ...atRiskOrders(seed), ...failed].map((order) => [order.id, order])).values()]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      expect(dashboard.attention.total).toBe(expected.length);
      expect(dashboard.attention.orders.map((order) => order.name)).toEqual(expected.slice(0, 100).map((order) => order.name));

      const late = new Set(lateOrders(seed).map((order) => order.name));
      for (const row of dashboard.attention.orders) {
        expect(row.reasons.includes("late"), row.name).toBe(late.has(row.name));
      }
      const lateRow = dashboard.attention.orders.find((row) => row.reasons.includes("late"))!;
      const lateOrder = seed.orders.find((order) => order.name === lateRow.name)!;
      const parcel = lateOrder.fulfillments.find((f) => !f.deliveredAt)!;
      expect(lateRow.tracking).toEqual({ company: parcel.trackingInfo[0].company, number: parcel.trackingInfo[0].number, url: parcel.trackingInfo[0].url });
      expect(lateRow.estimatedDeliveryAt).toBe(new Date(parcel.estimatedDeliveryAt!).toISOString());
    });

    it("computes median and p90 times in the database that match the seed's deliveries, by week and by country", async () => {
      const { dashboard } = await loadDashboard();

      const seed = harness.fake.seed;
      const delivered = seed.orders.filter((order) => deliveryMinutes(order) !== null);
      const busiestWeek = dashboard.weeks.reduce((best, row) => (row.deliver.orders > best.deliver.orders ? row : best));
      const inWeek = delivered.filter((order) => weekOf(new Date(order.createdAt)) === busiestWeek.key);
      expect(busiestWeek.deliver).toEqual({ orders: inWeek.length, ...percentiles(inWeek.map((order) => deliveryMinutes(order)!)) });

      const fromWeek = dashboard.weeks[0].key;
      const country = dashboard.countries[0];
      const inCountry = delivered.filter(
        (order) => order.shippingAddress.countryCodeV2 === country.key && weekOf(new Date(order.createdAt)) >= fromWeek,
      );
      expect(country.deliver).toEqual({ orders: inCountry.length, ...percentiles(inCountry.map((order) => deliveryMinutes(order)!)) });
      // Sanity of the seed itself: every state has a reason to show up on the chart.
      expect(new Set(seed.orders.map((order) => deliveryState(order, Date.parse(seed.now)))).size).toBeGreaterThan(5);
    });
  });
});
