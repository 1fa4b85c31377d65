import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin, createSeedShop } from "../support/fake-admin";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_SHOP } from "../support/test-env";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";

const home = await import("../../app/routes/app._index");
const prisma = (await import("../../app/db.server")).default;
const { recordDeliveryPromise } = await import("../../app/models/delays/delay.server");
const { saveShippingRules } = await import("../../app/models/shipping/settings.server");
const { sampleShippingRules } = await import("../support/storefront/sample-shipping-rules");

const ACCESS_TOKEN = "shpat_promise_kept";
const SCOPES = ["read_orders", "read_products", "read_legal_policies", "read_themes"];
const NOW = new Date("2026-11-30T03:00:00Z");
const JAKARTA = "Asia/Jakarta";

type Home = Awaited<ReturnType<Awaited<ReturnType<typeof home.loader>>["json"]>>;

async function loadHome(): Promise<Home> {
  const response = await home.loader({ request: adminFetchRequest("/app"), params: {}, context: {} });
  expect(response.status).toBe(200);
  return response.json();
}

let sequence = 0;
/** An order placed a week before delivery, with the range shown at purchase (or none) and its delivery (or none). */
async function order(options: { zoneId: string | null; earliest: string; latest: string; deliveredAt: Date | null; promised?: boolean }) {
  sequence += 1;
  const id = `gid://shopify/Order/${9000 + sequence}`;
  const createdAt = new Date((options.deliveredAt ?? NOW).getTime() - days(7));
  await seedOrder(TEST_SHOP, {
    id,
    name: `#${9000 + sequence}`,
    createdAt,
    parcels: [{ id: `gid://shopify/Fulfillment/${9000 + sequence}`, deliveredAt: options.deliveredAt, inTransitAt: createdAt }],
  });
  if (options.promised !== false) {
    await recordDeliveryPromise(TEST_SHOP, id, { earliest: options.earliest, latest: options.latest, zoneId: options.zoneId }, JAKARTA, createdAt);
  }
}

beforeEach(async () => {
  // The clock is pinned before anything reads it (the fake Admin API, the session, the seeds).
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 0 }), accessToken: ACCESS_TOKEN, scopes: SCOPES });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: SCOPES.join(",") });
  // Each test starts from a shop with no orders, promises or shipping rules.
  await prisma.orderFulfillment.deleteMany({ where: { shop: TEST_SHOP } });
  await prisma.order.deleteMany({ where: { shop: TEST_SHOP } });
  await prisma.deliveryPromise.deleteMany({ where: { shop: TEST_SHOP } });
  await prisma.shippingSettings.deleteMany({ where: { shop: TEST_SHOP } });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("delivery promise kept on the dashboard", () => {
  it("is empty until an order placed with a recorded promise is delivered", async () => {
    await saveShippingRules(TEST_SHOP, sampleShippingRules());
    await order({ zoneId: "java", earliest: "2026-11-26", latest: "2026-11-28", deliveredAt: null });
    await order({ zoneId: null, earliest: "", latest: "", deliveredAt: new Date("2026-11-20T05:00:00Z"), promised: false });

    const { promiseKept, overview, setupGuide } = await loadHome();

    expect(overview.myshopifyDomain).toBe(TEST_SHOP);
    expect(setupGuide).toBeDefined();
    expect(promiseKept).toEqual({ days: 90, zones: [], emptyReason: "none_delivered", promised: 1, calendarPublishedAt: null });
  });

  it("says no shipping calendar is published when there is none and no order carries a promise", async () => {
    await order({ zoneId: null, earliest: "", latest: "", deliveredAt: new Date("2026-11-20T05:00:00Z"), promised: false });

    const { promiseKept } = await loadHome();

    expect(promiseKept).toMatchObject({ zones: [], emptyReason: "no_calendar", promised: 0, calendarPublishedAt: null });
  });

  it("says no order was placed since the calendar was published, with the day it was", async () => {
    await saveShippingRules(TEST_SHOP, sampleShippingRules());
    const publishedAt = new Date("2026-11-25T02:00:00Z");
    await prisma.shippingSettings.update({ where: { shop: TEST_SHOP }, data: { publishedAt } });
    // Delivered, but placed before any promise was recorded.
    await order({ zoneId: null, earliest: "", latest: "", deliveredAt: new Date("2026-11-20T05:00:00Z"), promised: false });

    const { promiseKept } = await loadHome();

    expect(promiseKept).toMatchObject({ zones: [], emptyReason: "no_orders_since", promised: 0, calendarPublishedAt: publishedAt.toISOString() });
  });

  it("has no empty reason once a promised order is delivered", async () => {
    await order({ zoneId: null, earliest: "2026-11-10", latest: "2026-11-12", deliveredAt: new Date("2026-11-11T05:00:00Z") });

    expect((await loadHome()).promiseKept).toMatchObject({ emptyReason: null, promised: 1 });
  });

  it("counts each zone's deliveries as early, inside or late by the shop's calendar day", async () => {
    await saveShippingRules(TEST_SHOP, sampleShippingRules());
    // Java: promised 10–12 November (Jakarta days).
    await order({ zoneId: "java", earliest: "2026-11-10", latest: "2026-11-12", deliveredAt: new Date("2026-11-09T05:00:00Z") }); // early
    await order({ zoneId: "java", earliest: "2026-11-10", latest: "2026-11-12", deliveredAt: new Date("2026-11-11T05:00:00Z") }); // inside
    await order({ zoneId: "java", earliest: "2026-11-10", latest: "2026-11-12", deliveredAt: new Date("2026-11-12T16:59:00Z") }); // inside: 23:59 in Jakarta
    await order({ zoneId: "java", earliest: "2026-11-10", latest: "2026-11-12", deliveredAt: new Date("2026-11-12T17:30:00Z") }); // late: the 13th in Jakarta
    // European Union: promised 15–20 November.
    await order({ zoneId: "eu", earliest: "2026-11-15", latest: "2026-11-20", deliveredAt: new Date("2026-11-18T09:00:00Z") }); // inside
    await order({ zoneId: "eu", earliest: "2026-11-15", latest: "2026-11-20", deliveredAt: new Date("2026-11-25T09:00:00Z") }); // late
    await order({ zoneId: "eu", earliest: "2026-11-15", latest: "2026-11-20", deliveredAt: new Date("2026-11-27T09:00:00Z") }); // late
    // A zone the merchant has removed since.
    await order({ zoneId: "islands", earliest: "2026-11-01", latest: "2026-11-05", deliveredAt: new Date("2026-11-03T09:00:00Z") });
    // Outside the window: delivered more than 90 days ago.
    await order({ zoneId: "java", earliest: "2026-08-01", latest: "2026-08-03", deliveredAt: new Date("2026-08-20T09:00:00Z") });
    // Not delivered yet, and delivered without a promise: neither counts.
    await order({ zoneId: "java", earliest: "2026-11-27", latest: "2026-11-29", deliveredAt: null });
    await order({ zoneId: null, earliest: "", latest: "", deliveredAt: new Date("2026-11-20T05:00:00Z"), promised: false });

    const { promiseKept } = await loadHome();

    const byZone = Object.fromEntries(promiseKept.zones.map((zone) => [zone.zoneId, zone]));
    expect(promiseKept.zones.map((zone) => zone.zoneId)).toEqual(["java", "eu", "islands"]);
    expect(byZone.java).toEqual({ zoneId: "java", zoneName: "Java", delivered: 4, early: 1, inside: 2, late: 1, keptPercent: 75 });
    expect(byZone.eu).toEqual({ zoneId: "eu", zoneName: "European Union", delivered: 3, early: 0, inside: 1, late: 2, keptPercent: 33.3 });
    expect(byZone.islands).toMatchObject({ zoneName: null, delivered: 1, inside: 1, keptPercent: 100 });
  });
});
