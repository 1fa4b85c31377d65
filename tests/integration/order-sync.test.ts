import { beforeEach, describe, expect, it } from "vitest";
import { lateOrders, recentOrders } from "../support/fake-admin/seed-truth";
import { TEST_SHOP } from "../support/test-env";
import { createSyncHarness, forgetOrders } from "./order-sync-harness";

const prisma = (await import("../../app/db.server")).default;
const { runOrderSync, getOrderSyncProgress } = await import("../../app/shopify/order-sync.server");
const { MAX_TRANSIENT_ATTEMPTS } = await import("../../app/shopify/paced-admin");

const ALL_SCOPES = ["read_orders", "read_all_orders"];
beforeEach(forgetOrders);

const rows = () => prisma.order.findMany({ where: { shop: TEST_SHOP }, orderBy: { id: "asc" } });

describe("order sync by pages", () => {
  it("copies every order of the shop across many pages, following each page's cursor", async () => {
    const { fake, clock, admin, pageRequests } = createSyncHarness({ seed: { orderCount: 300 } });

    const sync = await runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock });

    expect(sync.state).toBe("completed");
    const stored = await rows();
    expect(stored.map((row) => row.id)).toEqual(fake.seed.orders.map((order) => order.id).sort());
    const pages = pageRequests();
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0].variables?.after).toBeNull();
    for (let i = 1; i < pages.length; i += 1) {
      const previous = pages[i - 1].cost;
      expect(previous).not.toBeNull();
      expect(pages[i].variables?.after).toBeTruthy();
    }
    const parcels = fake.seed.orders.flatMap((order) => order.fulfillments);
    expect(await prisma.orderFulfillment.count({ where: { shop: TEST_SHOP } })).toBe(parcels.length);
    const lines = fake.seed.orders.flatMap((order) => order.lineItems);
    expect(await prisma.orderLineItem.count({ where: { shop: TEST_SHOP } })).toBe(lines.length);

    const progress = await getOrderSyncProgress(TEST_SHOP);
    expect(progress).toMatchObject({ state: "completed", ordersSynced: 300, fraction: 1, historyLimited: false });
  });

  it("paces itself by the reported cost so a small plan's bucket never answers THROTTLED", async () => {
    const { fake, clock, admin } = createSyncHarness({
      seed: { orderCount: 400 },
      fake: { throttle: { maximumAvailable: 1000, restoreRate: 50 } },
    });

    await runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock });

    expect(fake.requests.flatMap((request) => request.errorCodes)).not.toContain("THROTTLED");
    expect(clock.slept).toBeGreaterThan(0);
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(400);
    const sync = await prisma.orderSync.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    const reported = fake.requests.reduce((sum, request) => sum + (request.cost?.actualQueryCost ?? 0), 0);
    expect(sync.actualCost).toBe(reported);
  });

  it("waits for the bucket after a THROTTLED answer mid-sync and resumes without duplicating rows", async () => {
    const { fake, clock, admin, pageRequests } = createSyncHarness({ seed: { orderCount: 200 } });
    let pages = 0;
    // Another app drains the shared bucket while the sync is on its third page.
    const sync = runOrderSync({
      shop: TEST_SHOP,
      admin: admin((transport) => async (query, variables) => {
        if (query.includes("OrderSyncPage") && ++pages === 3) fake.drainBucket();
        return transport(query, variables);
      }),
      grantedScopes: ALL_SCOPES,
      clock,
    });
    await expect(sync).resolves.toMatchObject({ state: "completed" });

    const requests = pageRequests();
    const throttled = requests.filter((request) => request.errorCodes.includes("THROTTLED"));
    expect(throttled).toHaveLength(1);
    const retried = requests[requests.indexOf(throttled[0]) + 1];
    expect(retried.variables?.after).toBe(throttled[0].variables?.after);
    expect(retried.errorCodes).toEqual([]);
    // It waited for the refill instead of hammering the API.
    expect(retried.at - throttled[0].at).toBeGreaterThanOrEqual(((throttled[0].cost?.requestedQueryCost ?? 0) / 100) * 1000 - 1);
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(200);
    expect(new Set((await rows()).map((row) => row.id)).size).toBe(200);
  });

  it("resumes a sync that died mid-way from its saved cursor, without reading earlier pages again", async () => {
    const { fake, clock, admin, pageRequests } = createSyncHarness({ seed: { orderCount: 250 } });
    let pages = 0;
    const crashing = admin((transport) => async (query, variables) => {
      if (query.includes("OrderSyncPage") && ++pages === 4) fake.failNext(MAX_TRANSIENT_ATTEMPTS, "500");
      return transport(query, variables);
    });

    await expect(runOrderSync({ shop: TEST_SHOP, admin: crashing, grantedScopes: ALL_SCOPES, clock })).rejects.toThrow(/HTTP 500/);
    const halfway = await prisma.orderSync.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(halfway.state).toBe("failed");
    expect(halfway.cursor).toBeTruthy();
    const savedSoFar = await prisma.order.count({ where: { shop: TEST_SHOP } });
    expect(savedSoFar).toBe(halfway.ordersSynced);
    expect(savedSoFar).toBeGreaterThan(0);
    expect(savedSoFar).toBeLessThan(250);
    const before = pageRequests().length;

    await runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock });

    const resumed = pageRequests().slice(before);
    expect(resumed[0].variables?.after).toBe(halfway.cursor);
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(250);
    expect((await prisma.orderSync.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).ordersSynced).toBe(250);
  });

  it("gives up after a few failed attempts instead of looping on a failing query", async () => {
    const { fake, clock, admin } = createSyncHarness({ seed: { orderCount: 20 } });
    fake.failNext(100, "500");

    await expect(runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock })).rejects.toThrow();

    expect(fake.requests.filter((request) => request.kind === "graphql").length).toBeLessThanOrEqual(2 * MAX_TRANSIENT_ATTEMPTS);
    expect((await getOrderSyncProgress(TEST_SHOP)).state).toBe("failed");
  });

  it("reads only the last 60 days without read_all_orders, and says so", async () => {
    const { fake, clock, admin, pageRequests } = createSyncHarness({ seed: { orderCount: 200 }, fake: { readAllOrders: false } });

    await runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ["read_orders"], clock });

    const recent = recentOrders(fake.seed);
    expect(recent.length).toBeLessThan(200);
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(recent.length);
    expect(pageRequests()[0].variables?.query).toMatch(/^created_at:>=/);
    expect(await getOrderSyncProgress(TEST_SHOP)).toMatchObject({ state: "completed", historyLimited: true });
  });
});

describe("protected customer data", () => {
  it("syncs every order when the app may not read customers or addresses, and records that countries are unknown", async () => {
    const { fake, clock, admin } = createSyncHarness({ seed: { orderCount: 60 }, fake: { protectedCustomerData: false } });

    await runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock });

    const stored = await rows();
    expect(stored).toHaveLength(60);
    expect(stored.every((row) => row.customerId === null && row.countryCode === null)).toBe(true);
    expect(fake.requests.flatMap((request) => request.errorCodes)).toContain("ACCESS_DENIED");
    expect(await getOrderSyncProgress(TEST_SHOP)).toMatchObject({ state: "completed", customerDataDenied: true });
    // Delivery facts do not depend on personal data.
    const late = lateOrders(fake.seed).map((order) => order.id).sort();
    const openPastEstimate = stored.filter((row) => row.openEstimateAt && row.openEstimateAt < new Date(fake.seed.now) && row.shipmentStatus !== "cancelled");
    expect(openPastEstimate.map((row) => row.id).sort()).toEqual(late);
  });

  it("needs no level 2 access: with level 1 only, customer ids and destination countries still sync", async () => {
    const { fake, clock, admin } = createSyncHarness({ seed: { orderCount: 40 }, fake: { protectedCustomerData: { fields: [] } } });

    await runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock });

    const stored = await rows();
    const byId = new Map(fake.seed.orders.map((order) => [order.id, order]));
    expect(stored).toHaveLength(40);
    for (const row of stored) {
      expect(row.customerId).toBe(byId.get(row.id)?.customerId);
      expect(row.countryCode).toBe(byId.get(row.id)?.shippingAddress.countryCodeV2);
    }
    expect(await getOrderSyncProgress(TEST_SHOP)).toMatchObject({ customerDataDenied: false });
  });
});

describe("order sync by bulk export", () => {
  const bulkSync = (harness: ReturnType<typeof createSyncHarness>, admin = harness.admin()) =>
    runOrderSync({ shop: TEST_SHOP, admin, grantedScopes: ALL_SCOPES, clock: harness.clock, bulkThreshold: 100 });

  it("exports a large shop in one bulk operation and streams its JSONL result in", async () => {
    const harness = createSyncHarness({ seed: { orderCount: 300 }, bulk: { chunkSize: 1000 } });

    const sync = await bulkSync(harness);

    expect(sync).toMatchObject({ state: "completed", method: "bulk", ordersTotal: 300, ordersSynced: 300 });
    expect(harness.pageRequests()).toHaveLength(0);
    expect(harness.fake.bulkOperations).toHaveLength(1);
    const seed = harness.fake.seed;
    expect((await rows()).map((row) => row.id)).toEqual(seed.orders.map((order) => order.id).sort());
    expect(await prisma.orderLineItem.count({ where: { shop: TEST_SHOP } })).toBe(seed.orders.flatMap((order) => order.lineItems).length);
    expect(await prisma.orderFulfillment.count({ where: { shop: TEST_SHOP } })).toBe(seed.orders.flatMap((order) => order.fulfillments).length);
    // The whole export costs a handful of points.
    expect(sync.actualCost).toBeLessThan(30);
  });

  it("after a crash during the export, waits on the same operation instead of starting another", async () => {
    const harness = createSyncHarness({ seed: { orderCount: 150 }, bulk: { pollsUntilDone: 3 } });
    let polls = 0;
    const crashing = harness.admin((transport) => async (query, variables) => {
      if (query.includes("OrderExportStatus") && ++polls === 2) throw new Error("process killed");
      return transport(query, variables);
    });
    await expect(bulkSync(harness, crashing)).rejects.toThrow("process killed");
    expect((await prisma.orderSync.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).bulkOperationId).toBe(harness.fake.bulkOperations[0].id);

    await bulkSync(harness);

    expect(harness.fake.bulkOperations).toHaveLength(1);
    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(150);
  });

  it("reports a bulk export Shopify could not finish", async () => {
    const harness = createSyncHarness({ seed: { orderCount: 120 }, bulk: {} });
    harness.fake.failNextBulkOperation("INTERNAL_SERVER_ERROR");

    await expect(bulkSync(harness)).rejects.toThrow(/FAILED \(INTERNAL_SERVER_ERROR\)/);

    expect(await getOrderSyncProgress(TEST_SHOP)).toMatchObject({ state: "failed", lastError: expect.stringMatching(/FAILED/) });

    // Running again starts a new export, which succeeds.
    await expect(bulkSync(harness)).resolves.toMatchObject({ state: "completed", ordersSynced: 120 });
    expect(harness.fake.bulkOperations).toHaveLength(2);
  });
});
