import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin, createSeedShop } from "../support/fake-admin";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_SHOP } from "../support/test-env";
import { days, seedOrder, updateOrder, type SeedOrder } from "../support/keep-in-touch-fixtures";

const home = await import("../../app/routes/app._index");
const prisma = (await import("../../app/db.server")).default;
const { closeMailTransports } = await import("../../app/email/transport.server");
const { enqueueDelayNotices } = await import("../../app/jobs/delay-notices.server");
const { sendDueEmails } = await import("../../app/models/email/outbox.server");

const ACCESS_TOKEN = "shpat_attention_actions";
const SCOPES = ["read_orders", "read_products", "read_legal_policies", "read_themes"];
const NOW = new Date("2026-11-30T03:00:00Z");

type Home = Awaited<ReturnType<Awaited<ReturnType<typeof home.loader>>["json"]>>;

async function loadHome(): Promise<Home> {
  const response = await home.loader({ request: adminFetchRequest("/app"), params: {}, context: {} });
  expect(response.status).toBe(200);
  return response.json();
}

/** What the row's button posts: the home page's action with an intent and the order. */
async function post(intent: string, orderId: string) {
  const body = new URLSearchParams({ intent, orderId });
  const response = await home.action({
    request: adminFetchRequest("/app?index", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
    params: {},
    context: {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Shipped a week ago; the carrier expected it three days ago: late, on the at-risk list. */
const lateParcel = (n: number) => ({
  id: `gid://shopify/Fulfillment/${n}`,
  inTransitAt: new Date(NOW.getTime() - days(7)),
  estimatedDeliveryAt: new Date(NOW.getTime() - days(3)),
  trackingUrl: `https://track.example/${n}`,
});
const late: SeedOrder = { id: "gid://shopify/Order/7001", name: "#7001", createdAt: new Date(NOW.getTime() - days(8)), email: "ana@example.test", firstName: "Ana", parcels: [lateParcel(1)] };
const noEmail: SeedOrder = { id: "gid://shopify/Order/7002", name: "#7002", createdAt: new Date(NOW.getTime() - days(8)), parcels: [lateParcel(2)] };

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 0 }), accessToken: ACCESS_TOKEN, scopes: SCOPES });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: SCOPES.join(",") });
  await prisma.outboxMessage.deleteMany({ where: { shop: TEST_SHOP } });
  await prisma.order.updateMany({ where: { shop: TEST_SHOP }, data: { attentionHandledAt: null } });
  for (const order of [late, noEmail]) await seedOrder(TEST_SHOP, order);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("notify the shopper now", () => {
  it("sends the delay notice right away, once: a second click and the scheduled check send nothing more", async () => {
    expect((await loadHome()).delayNotices[late.id]).toBeUndefined();

    const first = await post("notify", late.id);
    expect(first).toMatchObject({ status: 200, body: { ok: true, intent: "notify", orderName: "#7001" } });
    await smtp.waitForMessages(1);
    expect(smtp.messages.map((mail) => mail.to[0])).toEqual(["ana@example.test"]);
    expect((await loadHome()).delayNotices[late.id]).toEqual({ state: "told", sentAt: NOW.toISOString() });

    const second = await post("notify", late.id);
    expect(second.body).toMatchObject({ ok: false, error: "already_sent", sentAt: NOW.toISOString() });

    vi.setSystemTime(new Date(NOW.getTime() + days(1)));
    // The check does find both orders late; the notice it would write for #7001 already exists.
    expect(await enqueueDelayNotices(TEST_SHOP, new Date())).toEqual({ delayed: 2, enqueued: 0, withoutEmail: 1 });
    await sendDueEmails({ now: new Date() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(1);
    expect(await prisma.outboxMessage.count({ where: { shop: TEST_SHOP, reference: late.id } })).toBe(1);
  });

  it("says so, and sends nothing, for an order without an email address or an unknown order", async () => {
    expect(await post("notify", noEmail.id)).toMatchObject({ status: 422, body: { ok: false, error: "no_email", orderName: "#7002" } });
    expect(await post("notify", "gid://shopify/Order/999999")).toMatchObject({ status: 404, body: { ok: false, error: "unknown_order" } });
    expect(await post("notify", "not-an-order")).toMatchObject({ status: 400, body: { ok: false, error: "invalid" } });
    expect(await prisma.outboxMessage.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });
});

describe("mark handled", () => {
  it("takes the order off the list for good, keeps it under handled, and undoes", async () => {
    const before = await loadHome();
    expect(before.dashboard.attention.orders.map((order) => order.name)).toEqual(["#7001", "#7002"]);

    expect(await post("handled", late.id)).toMatchObject({ status: 200, body: { ok: true, intent: "handled", orderName: "#7001" } });
    // A later copy of the order from Shopify (a webhook or the sync) keeps the merchant's mark.
    await updateOrder(TEST_SHOP, { ...late, parcels: [{ ...lateParcel(1), trackingNumber: "NEW1" }] }, new Date(NOW.getTime() + 60_000));

    const after = await loadHome();
    expect(after.dashboard.attention).toMatchObject({ total: 1, orders: [{ name: "#7002" }] });
    expect(after.dashboard.handled).toMatchObject({ total: 1, orders: [{ name: "#7001", handledAt: NOW.toISOString() }] });

    expect(await post("reopen", late.id)).toMatchObject({ status: 200, body: { ok: true, intent: "reopen" } });
    const reopened = await loadHome();
    expect(reopened.dashboard.attention.total).toBe(2);
    expect(reopened.dashboard.handled.total).toBe(0);
  });

  it("answers an unknown order with a clear error", async () => {
    expect(await post("handled", "gid://shopify/Order/424242")).toMatchObject({ status: 404, body: { ok: false, error: "unknown_order" } });
  });
});
