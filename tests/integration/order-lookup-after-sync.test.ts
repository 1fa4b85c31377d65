import { beforeEach, describe, expect, it } from "vitest";
import { adminFetchRequest, appProxyRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import type { ProtectedCustomerDataAccess } from "../support/fake-admin/protected-data";
import type { SeedOrder } from "../support/fake-admin/types";
import { TEST_SHOP } from "../support/test-env";
import { ACCESS_TOKEN, createSyncHarness, forgetOrders } from "./order-sync-harness";

/**
 * After a fresh install the order sync is the only source of the shoppers' emails for existing orders
 * (orders/create only sees new ones): an order synced with its email must be found by the order-status
 * look-up, and without protected customer data access the admin must say why look-ups cannot work.
 */
const prisma = (await import("../../app/db.server")).default;
const { runOrderSync } = await import("../../app/shopify/order-sync.server");
const orderStatus = await import("../../app/routes/proxy.order-status");
const home = await import("../../app/routes/app._index");
const en = (await import("../../app/i18n/locales/en.json")).default;
const id = (await import("../../app/i18n/locales/id.json")).default;

const ALL_SCOPES = ["read_orders", "read_all_orders"];

beforeEach(async () => {
  await forgetOrders();
  await prisma.orderContact.deleteMany();
  await prisma.rateLimitHit.deleteMany();
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: ALL_SCOPES.join(",") });
});

async function syncShop(access: ProtectedCustomerDataAccess, options: { bulk?: boolean } = {}) {
  const harness = options.bulk
    ? createSyncHarness({ seed: { orderCount: 120 }, fake: { protectedCustomerData: access }, bulk: {} })
    : createSyncHarness({ seed: { orderCount: 120 }, fake: { protectedCustomerData: access } });
  const sync = await runOrderSync({ shop: TEST_SHOP, admin: harness.admin(), grantedScopes: ALL_SCOPES, clock: harness.clock, bulkThreshold: options.bulk ? 50 : undefined });
  expect(sync).toMatchObject({ state: "completed", ordersSynced: 120 });
  return harness.fake.seed;
}

async function lookUp(orderNumber: string, email: string) {
  const response = await orderStatus.action({
    request: appProxyRequest("/proxy/order-status", {
      method: "POST",
      body: new URLSearchParams({ orderNumber, email }),
      headers: { "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 200)}` },
    }),
    params: {},
    context: {},
  });
  return response.json();
}

async function homeData() {
  const response = await home.loader({ request: adminFetchRequest("/app"), params: {}, context: {} });
  expect(response.status).toBe(200);
  return response.json();
}

const someOrders = (orders: readonly SeedOrder[]) => [orders[0], orders[Math.floor(orders.length / 2)], orders.at(-1)!];

describe("order look-ups after the initial sync", () => {
  it("finds a synced order by its number and its shopper's email (any case), with the contact normalized", async () => {
    const seed = await syncShop(true);

    for (const order of someOrders(seed.orders)) {
      const found = await lookUp(order.name, `  ${order.email.toUpperCase()} `);
      expect(found, order.name).toMatchObject({ result: "found", order: { name: order.name } });
    }
    const [first] = seed.orders;
    const customer = seed.customers.find((candidate) => candidate.id === first.customerId)!;
    expect(await prisma.orderContact.findUnique({ where: { shop_orderId: { shop: TEST_SHOP, orderId: first.id } } })).toMatchObject({
      email: first.email.trim().toLowerCase(),
      firstName: customer.firstName,
      locale: first.customerLocale,
    });
    expect(await prisma.orderContact.count({ where: { shop: TEST_SHOP } })).toBe(120);
    expect(await lookUp(first.name, "someone.else@example.test")).toEqual({ result: "not_found", order: null });
    expect((await homeData()).orderLookups).toEqual({ available: true, reason: null });
  }, 60_000);

  it("stores the emails from a bulk export too", async () => {
    const seed = await syncShop(true, { bulk: true });

    expect(await prisma.orderContact.count({ where: { shop: TEST_SHOP } })).toBe(120);
    const order = seed.orders[7];
    expect(await lookUp(order.name, order.email)).toMatchObject({ result: "found", order: { name: order.name } });
  }, 60_000);

  it("with level 1 access to emails only, stores the email without a name and keeps customer ids", async () => {
    const seed = await syncShop({ fields: ["email"] });

    const order = seed.orders[3];
    expect(await prisma.orderContact.findUnique({ where: { shop_orderId: { shop: TEST_SHOP, orderId: order.id } } })).toMatchObject({
      email: order.email.toLowerCase(),
      firstName: null,
    });
    expect(await lookUp(order.name, order.email)).toMatchObject({ result: "found" });
    expect((await prisma.orderSync.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).customerDataDenied).toBe(false);
  }, 60_000);

  it.each([
    ["no protected customer data access", false as ProtectedCustomerDataAccess],
    ["level 1 without emails", { fields: ["name", "address"] } as ProtectedCustomerDataAccess],
  ])("with %s the sync completes, stores no email, and the admin home says why look-ups cannot work", async (_, access) => {
    const seed = await syncShop(access);

    expect(await prisma.order.count({ where: { shop: TEST_SHOP } })).toBe(120);
    expect(await prisma.orderContact.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await lookUp(seed.orders[0].name, seed.orders[0].email)).toEqual({ result: "not_found", order: null });

    const data = await homeData();
    expect(data.orderLookups).toEqual({ available: false, reason: "no_customer_emails", orders: 120 });
    expect(en.sync.lookupsTitle).toBe("Shoppers can’t look up their orders");
    expect(en.sync.lookupsBody).toMatch(/no access to customer emails.*protected customer data access.*Partner Dashboard/);
    expect(id.sync.lookupsBody).toMatch(/data pelanggan yang dilindungi.*Partner Dashboard/);
  }, 60_000);
});
