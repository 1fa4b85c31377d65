/**
 * The dashboard read from its aggregates tells the merchant exactly what the direct computation over
 * every order tells (dashboard-exact-sql.ts): on the synced seed shop, by pages and by bulk export, at
 * several moments, and after orders are created, updated twice, replayed out of order, fulfilled,
 * delivered, cancelled, marked handled and redacted. The stored aggregates also equal a rebuild from the
 * orders and what migration 20261226000000_delivery_aggregates computes from them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";
import { ACCESS_TOKEN, createSyncHarness, forgetOrders, type SyncHarness } from "./order-sync-harness";
import { exactDeliveryDashboard } from "./dashboard-exact-sql";

const prisma = (await import("../../app/db.server")).default;
const { databaseEngine } = await import("../../app/db.server");
const { getDeliveryDashboard } = await import("../../app/models/delivery/performance.server");
const { rebuildDeliveryAggregates } = await import("../../app/models/delivery/aggregates.server");
const { decodeHistogram, encodeHistogram } = await import("../../app/models/delivery/aggregates");
const { setOrderHandled } = await import("../../app/models/delivery/attention-handled.server");
const { runOrderSync } = await import("../../app/shopify/order-sync.server");
const ordersCreate = await import("../../app/routes/webhooks.orders.create");
const ordersUpdated = await import("../../app/routes/webhooks.orders.updated");
const ordersCancelled = await import("../../app/routes/webhooks.orders.cancelled");
const fulfillmentsUpdate = await import("../../app/routes/webhooks.fulfillments.update");
const customerRedact = await import("../../app/routes/webhooks.customers.redact");
const shopRedact = await import("../../app/routes/webhooks.shop.redact");
const uninstalled = await import("../../app/routes/webhooks.app.uninstalled");

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;
let webhookCount = 0;
async function deliver(action: Action, topic: string, payload: unknown, webhookId = `aggregates-${++webhookCount}`): Promise<number> {
  try {
    return (await action({ request: webhookRequest(topic, payload, { webhookId }), params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** The stored aggregates, slots summed and empty entries left out, in a stable order. */
async function storedAggregates(shop = TEST_SHOP) {
  const counts = await prisma.deliveryStatusCount.groupBy({ by: ["shipmentStatus", "deliveredLate"], where: { shop }, _sum: { orders: true } });
  const histograms = await prisma.deliveryDurationHistogram.findMany({ where: { shop }, orderBy: [{ week: "asc" }, { countryCode: "asc" }, { metric: "asc" }] });
  return {
    statuses: counts
      .map((row) => ({ status: row.shipmentStatus, late: row.deliveredLate, orders: row._sum.orders ?? 0 }))
      .filter((row) => row.orders !== 0)
      .sort((a, b) => `${a.status}${a.late}`.localeCompare(`${b.status}${b.late}`)),
    histograms: histograms
      .map((row) => ({ key: `${row.week} ${row.countryCode} ${row.metric}`, counts: encodeHistogram(decodeHistogram(row.counts)) }))
      .filter((row) => row.counts !== "[]"),
  };
}

async function expectDashboardExact(now: Date) {
  const [fast, exact] = [await getDeliveryDashboard(TEST_SHOP, now), await exactDeliveryDashboard(TEST_SHOP, now)];
  expect(fast).toEqual(exact);
  return fast;
}

/** The migration's backfill statements (after its table and index changes), for this engine. */
function migrationBackfill(): string[] {
  const folder = databaseEngine() === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
  const sql = readFileSync(path.resolve(folder, "20261226000000_delivery_aggregates/migration.sql"), "utf8");
  const backfill = sql.slice(sql.indexOf("-- Backfill"));
  return backfill
    .split(";")
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

let harness: SyncHarness;
let seedNow: Date;

async function syncSeedShop(method: "pages" | "bulk") {
  await forgetOrders();
  harness = method === "bulk" ? createSyncHarness({ bulk: { chunkSize: 200 } }) : createSyncHarness();
  seedNow = new Date(harness.fake.seed.now);
  vi.useFakeTimers({ toFake: ["Date"], now: seedNow });
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: "read_orders,read_all_orders" });
  const sync = await runOrderSync({
    shop: TEST_SHOP,
    admin: harness.admin(),
    grantedScopes: ["read_orders", "read_all_orders"],
    clock: harness.clock,
    bulkThreshold: method === "bulk" ? 0 : Number.MAX_SAFE_INTEGER,
  });
  expect(sync).toMatchObject({ state: "completed", method });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("dashboard aggregates on the seed shop", () => {
  describe("after a sync by bulk export", () => {
    beforeAll(async () => {
      await syncSeedShop("bulk");
    });

    it("give the numbers the direct computation gives", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: seedNow });
      const dashboard = await expectDashboardExact(seedNow);
      expect(dashboard.totalOrders).toBe(harness.fake.seed.orders.length);
    });
  });

  describe("after a sync by pages", () => {
    beforeAll(async () => {
      await syncSeedShop("pages");
    });

    it("give the numbers the direct computation gives, now and as the days pass", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: seedNow });
      const dashboard = await expectDashboardExact(seedNow);
      // The seed shop exercises every part: states, weeks, countries and a list longer than a page.
      expect(dashboard.states.filter((row) => row.orders > 0).length).toBeGreaterThanOrEqual(7);
      expect(dashboard.weeks.length).toBeGreaterThan(10);
      expect(dashboard.countries.length).toBeGreaterThan(3);
      expect(dashboard.attention.total).toBeGreaterThan(0);

      for (const days of [1, 4, 9, 30, 90]) await expectDashboardExact(new Date(seedNow.getTime() + days * DAY));
    });

    it("equal a rebuild from the stored orders and what the migration computes from them", async () => {
      const kept = await storedAggregates();
      expect(kept.statuses.length).toBeGreaterThan(0);
      expect(kept.histograms.length).toBeGreaterThan(0);

      await prisma.$transaction((tx) => rebuildDeliveryAggregates(tx, TEST_SHOP));
      expect(await storedAggregates()).toEqual(kept);

      await prisma.$transaction([prisma.deliveryStatusCount.deleteMany(), prisma.deliveryDurationHistogram.deleteMany()]);
      for (const statement of migrationBackfill()) await prisma.$executeRawUnsafe(statement);
      expect(await storedAggregates()).toEqual(kept);
      await expectDashboardExact(seedNow);
    });

    it("follow an order through creation, a repeated and a stale update, shipping, delivery and a cancellation", async () => {
      const now = seedNow;
      vi.useFakeTimers({ toFake: ["Date"], now });
      const placed = new Date(now.getTime() - 5 * DAY);
      const at = (offset: number) => new Date(placed.getTime() + offset).toISOString();
      const order = (id: number, overrides: Record<string, unknown>) => ({
        id,
        admin_graphql_api_id: `gid://shopify/Order/${id}`,
        name: `#A${id}`,
        created_at: at(0),
        updated_at: at(0),
        cancelled_at: null,
        fulfillment_status: null,
        shipping_address: { country_code: "DE", province_code: null },
        line_items: [{ id: id * 10, title: "Kopi tubruk", sku: "KOPI-1", quantity: 1, product_id: 1 }],
        fulfillments: [],
        ...overrides,
      });
      const parcel = (id: number, shipment: string, updated: number) => ({
        id,
        order_id: 880001,
        status: "success",
        shipment_status: shipment,
        created_at: at(20 * HOUR),
        updated_at: at(updated),
        estimated_delivery_at: at(3 * DAY),
        tracking_company: "DHL",
        tracking_number: `TRK${id}`,
        tracking_url: null,
      });
      const shipped = order(880001, { updated_at: at(DAY), fulfillment_status: "fulfilled", fulfillments: [parcel(990001, "in_transit", DAY)] });

      // Placed: unshipped for five days, so at risk.
      expect(await deliver(ordersCreate.action, "orders/create", order(880001, {}))).toBe(200);
      expect(await deliver(ordersCreate.action, "orders/create", order(880002, {}))).toBe(200);
      let dashboard = await expectDashboardExact(now);
      expect(dashboard.attention.orders.map((row) => row.name)).toContain("#A880001");

      // Shipped, announced twice (two deliveries of the same change), then a stale copy arrives.
      const before = await storedAggregates();
      expect(await deliver(ordersUpdated.action, "orders/updated", shipped)).toBe(200);
      const afterOnce = await storedAggregates();
      expect(afterOnce).not.toEqual(before);
      expect(await deliver(ordersUpdated.action, "orders/updated", shipped)).toBe(200);
      expect(await deliver(ordersUpdated.action, "orders/updated", order(880001, { updated_at: at(HOUR) }))).toBe(200);
      expect(await storedAggregates()).toEqual(afterOnce);
      await expectDashboardExact(now);

      // Delivered after four days: late, and its durations join the week's figures.
      expect(await deliver(fulfillmentsUpdate.action, "fulfillments/update", parcel(990001, "delivered", 4 * DAY))).toBe(200);
      dashboard = await expectDashboardExact(now);
      expect(dashboard.attention.orders.map((row) => row.name)).not.toContain("#A880001");

      // The other order is cancelled.
      expect(await deliver(ordersCancelled.action, "orders/cancelled", order(880002, { updated_at: at(2 * DAY), cancelled_at: at(2 * DAY) }))).toBe(200);
      await expectDashboardExact(now);

      const stored = await storedAggregates();
      await prisma.$transaction((tx) => rebuildDeliveryAggregates(tx, TEST_SHOP));
      expect(await storedAggregates()).toEqual(stored);
    });

    it("count orders marked handled apart, as the direct computation does", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: seedNow });
      const before = await expectDashboardExact(seedNow);
      const failed = await prisma.order.findFirst({ where: { shop: TEST_SHOP, shipmentStatus: "failed" } });
      const open = before.attention.orders.find((row) => row.id !== failed!.id)!;
      await setOrderHandled(TEST_SHOP, failed!.id, true, seedNow);
      await setOrderHandled(TEST_SHOP, open.id, true, new Date(seedNow.getTime() - HOUR));

      const after = await expectDashboardExact(seedNow);
      expect(after.handled.total).toBe(before.handled.total + 2);
      expect(after.attention.total).toBe(before.attention.total - 2);
      expect(after.handled.orders.slice(0, 2).map((row) => row.id)).toEqual([failed!.id, open.id]);
    });

    it("stay right through customers/redact and app/uninstalled, and go with the shop on shop/redact", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: seedNow });
      const customerOrder = await prisma.order.findFirst({ where: { shop: TEST_SHOP, customerId: { not: null } } });
      const customerId = customerOrder!.customerId!.split("/").pop();
      const redaction = { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: customerId, email: null }, orders_to_redact: [] };
      expect(await deliver(customerRedact.action, "customers/redact", redaction)).toBe(200);
      await expectDashboardExact(seedNow);

      expect(await deliver(uninstalled.action, "app/uninstalled", { id: 1, domain: TEST_SHOP })).toBe(200);
      const dashboard = await expectDashboardExact(seedNow);
      expect(dashboard.totalOrders).toBeGreaterThan(0);

      expect(await deliver(shopRedact.action, "shop/redact", { shop_id: 1, shop_domain: TEST_SHOP })).toBe(200);
      expect(await storedAggregates()).toEqual({ statuses: [], histograms: [] });
      expect((await getDeliveryDashboard(TEST_SHOP, seedNow)).totalOrders).toBe(0);
      await expectDashboardExact(seedNow);
    });
  });
});
