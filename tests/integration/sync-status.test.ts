import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminFetchRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";
import { ACCESS_TOKEN, createSyncHarness, forgetOrders } from "./order-sync-harness";
import type { AdminTransport } from "../../app/shopify/admin-transport";
import { forgetShopSessions } from "../../app/shopify/cached-session-storage.server";

const prisma = (await import("../../app/db.server")).default;
const status = await import("../../app/routes/app.sync-status");
const { runOrderSync } = await import("../../app/shopify/order-sync.server");

const ALL_SCOPES = ["read_orders", "read_all_orders"];
const OTHER_SHOP = "aftercare-sync-other.myshopify.com";

async function syncStatus(shop?: string) {
  const response = await status.loader({ request: adminFetchRequest("/app/sync-status", { shop }), params: {}, context: {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  return (await response.json()).sync;
}

/** A gate the test opens: the sync waits on it before reading the given page. */
function pauseBeforePage(page: number) {
  let reached = () => {};
  let release = () => {};
  const atPage = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  let pages = 0;
  return {
    atPage,
    release,
    wrap:
      (transport: AdminTransport): AdminTransport =>
      async (query, variables) => {
        if (query.includes("OrderSyncPage") && ++pages === page) {
          reached();
          await gate;
        }
        return transport(query, variables);
      },
  };
}

beforeEach(async () => {
  await forgetOrders();
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: ALL_SCOPES.join(",") });
});

afterEach(async () => {
  await prisma.session.deleteMany({ where: { shop: OTHER_SHOP } });
  forgetShopSessions(OTHER_SHOP);
});

describe("order sync status for the admin home", () => {
  it("answers idle before the shop ever synced", async () => {
    expect(await syncStatus()).toMatchObject({ state: "idle", ordersSynced: 0, ordersTotal: null, lastError: null });
  });

  it("answers a running sync with the orders saved so far and the shop's total, rising as pages arrive", async () => {
    // This fake shop also answers Shopify's order count, so the total is known from the start.
    const { clock, admin } = createSyncHarness({ seed: { orderCount: 120 }, bulk: {} });
    const pause = pauseBeforePage(3);
    const sync = runOrderSync({ shop: TEST_SHOP, admin: admin(pause.wrap), grantedScopes: ALL_SCOPES, clock });
    await pause.atPage;

    const midway = await syncStatus();
    const saved = await prisma.order.count({ where: { shop: TEST_SHOP } });
    expect(midway).toMatchObject({ state: "running", ordersSynced: saved, ordersTotal: 120, lastError: null });
    expect(midway.ordersSynced).toBeGreaterThan(0);
    expect(midway.ordersSynced).toBeLessThan(120);

    pause.release();
    await sync;
    const done = await syncStatus();
    expect(done).toMatchObject({ state: "completed", ordersSynced: 120, ordersTotal: 120, fraction: 1, lastError: null });
    expect(done.finishedAt).toBeTruthy();
  });

  it("answers a failed sync with what went wrong", async () => {
    const { fake, clock, admin } = createSyncHarness({ seed: { orderCount: 40 } });
    fake.failNext(100, "500");
    await expect(runOrderSync({ shop: TEST_SHOP, admin: admin(), grantedScopes: ALL_SCOPES, clock })).rejects.toThrow();

    expect(await syncStatus()).toMatchObject({ state: "failed", lastError: expect.stringMatching(/500/) });
  });

  it("never shows another shop's sync", async () => {
    await prisma.orderSync.create({
      data: { shop: OTHER_SHOP, state: "running", ordersSynced: 77, ordersTotal: 500, startedAt: new Date() },
    });
    await storeOfflineSession({ shop: OTHER_SHOP, accessToken: "shpat_other", scope: ALL_SCOPES.join(",") });

    expect(await syncStatus()).toMatchObject({ state: "idle", ordersSynced: 0, ordersTotal: null });
    expect(await syncStatus(OTHER_SHOP)).toMatchObject({ state: "running", ordersSynced: 77, ordersTotal: 500 });
  });

  it("refuses a request without the admin's session token", async () => {
    const request = new Request(adminFetchRequest("/app/sync-status").url);
    const answer = await status.loader({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).not.toBe(200);
  });
});
