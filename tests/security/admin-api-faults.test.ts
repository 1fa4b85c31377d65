/**
 * The Admin API failing in the middle of background work: HTTP 500s, requests that never answer, and
 * THROTTLED answers that do not stop. The order sync ends in a state that says it can be retried, keeps
 * every order it already saved (once), and a retry completes to the shop's full count. The email outbox
 * keeps every message whose sending failed and sends it later, once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeMailTransports } from "../../app/email/transport.server";
import { renderEmail } from "../../app/email/render";
import { enqueueEmail, sendDueEmails } from "../../app/models/email/outbox.server";
import { retryDelayMs } from "../../app/models/email/outbox-policy";
import { createOfflineTransport } from "../../app/shopify/offline-admin.server";
import { createPacedAdmin, MAX_THROTTLED_RETRIES, MAX_TRANSIENT_ATTEMPTS, type PacedAdmin } from "../../app/shopify/paced-admin";
import type { AdminTransport } from "../../app/shopify/admin-transport";
import type { FaultKind } from "../support/fake-admin/server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_SHOP } from "../support/test-env";
import { ACCESS_TOKEN, createSyncHarness, forgetOrders, type SyncHarness } from "../integration/order-sync-harness";

const prisma = (await import("../../app/db.server")).default;
const { runOrderSync, getOrderSyncProgress } = await import("../../app/shopify/order-sync.server");

const ALL_SCOPES = ["read_orders", "read_all_orders"];
const ORDER_COUNT = 230;

/** Orders stored for the shop, by id (a duplicate would show as a repeated id). */
const storedIds = async () => (await prisma.order.findMany({ where: { shop: TEST_SHOP }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);

/** Wraps a transport so that, when the sync asks for its `page`th page, the fake starts failing `count` times. */
function faultOnPage(harness: SyncHarness, page: number, kind: FaultKind, count: number) {
  let pages = 0;
  return (transport: AdminTransport): AdminTransport =>
    async (query, variables) => {
      if (query.includes("OrderSyncPage") && ++pages === page) harness.fake.failNext(count, kind);
      return transport(query, variables);
    };
}

/** A client whose requests give up after `timeoutMs`, as a stalled connection would be abandoned. */
function impatientAdmin(harness: SyncHarness, timeoutMs: number, wrap: (transport: AdminTransport) => AdminTransport): PacedAdmin {
  const transport = createOfflineTransport({ shop: TEST_SHOP, accessToken: ACCESS_TOKEN, apiVersion: "2026-07", timeoutMs });
  return createPacedAdmin(wrap(transport), harness.clock);
}

async function expectRetryableWithNothingLost(harness: SyncHarness, error: RegExp) {
  const progress = await getOrderSyncProgress(TEST_SHOP);
  expect(progress.state).toBe("failed");
  expect(progress.lastError).toMatch(error);
  const sync = await prisma.orderSync.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
  // The cursor after the last saved page: a retry starts there.
  expect(sync.cursor).toBeTruthy();
  const saved = await storedIds();
  expect(saved.length).toBeGreaterThan(0);
  expect(saved.length).toBeLessThan(ORDER_COUNT);
  expect(saved.length).toBe(sync.ordersSynced);
  expect(new Set(saved).size).toBe(saved.length);
  const seedIds = new Set(harness.fake.seed.orders.map((order) => order.id));
  expect(saved.every((id) => seedIds.has(id))).toBe(true);
  return sync;
}

async function expectRetryCompletes(harness: SyncHarness, cursor: string | null) {
  const before = harness.pageRequests().length;
  const retried = await runOrderSync({ shop: TEST_SHOP, admin: harness.admin(), grantedScopes: ALL_SCOPES, clock: harness.clock });
  expect(retried).toMatchObject({ state: "completed", ordersSynced: ORDER_COUNT, lastError: null });
  expect(harness.pageRequests()[before]?.variables?.after).toBe(cursor);
  expect(await storedIds()).toEqual(harness.fake.seed.orders.map((order) => order.id).sort());
  const lines = harness.fake.seed.orders.flatMap((order) => order.lineItems).length;
  expect(await prisma.orderLineItem.count({ where: { shop: TEST_SHOP } })).toBe(lines);
}

beforeEach(forgetOrders);

describe("order sync when the Admin API fails mid-way", () => {
  it("HTTP 500 on every attempt at page 3: stops as failed at its cursor, and a retry completes", async () => {
    const harness = createSyncHarness({ seed: { orderCount: ORDER_COUNT } });
    const admin = harness.admin(faultOnPage(harness, 3, "500", MAX_TRANSIENT_ATTEMPTS));

    await expect(runOrderSync({ shop: TEST_SHOP, admin, grantedScopes: ALL_SCOPES, clock: harness.clock })).rejects.toThrow(/HTTP 500/);

    const sync = await expectRetryableWithNothingLost(harness, /HTTP 500/);
    await expectRetryCompletes(harness, sync.cursor);
  });

  it("a request that never answers at page 3: abandoned after the client's timeout, failed and retryable", async () => {
    const harness = createSyncHarness({ seed: { orderCount: ORDER_COUNT }, fake: { timeoutFaultMs: 10_000 } });
    const admin = impatientAdmin(harness, 40, faultOnPage(harness, 3, "timeout", MAX_TRANSIENT_ATTEMPTS));

    await expect(runOrderSync({ shop: TEST_SHOP, admin, grantedScopes: ALL_SCOPES, clock: harness.clock })).rejects.toThrow(/request failed/);

    // The client abandoned each stalled request (had it waited, the fake would have answered HTTP 504).
    const sync = await expectRetryableWithNothingLost(harness, /timeout|abort/i);
    expect(sync.lastError).not.toMatch(/504/);
    await expectRetryCompletes(harness, sync.cursor);
  });

  it("THROTTLED that never clears at page 3: waits, then gives up as failed (no endless loop), and a retry completes", async () => {
    const harness = createSyncHarness({ seed: { orderCount: ORDER_COUNT } });
    const admin = harness.admin(faultOnPage(harness, 3, "throttled", MAX_THROTTLED_RETRIES + 1));

    await expect(runOrderSync({ shop: TEST_SHOP, admin, grantedScopes: ALL_SCOPES, clock: harness.clock })).rejects.toThrow(/THROTTLED/);

    const throttled = harness.fake.requests.filter((request) => request.errorCodes.includes("THROTTLED"));
    expect(throttled).toHaveLength(MAX_THROTTLED_RETRIES + 1);
    // Every retry asked for the same page.
    expect(new Set(throttled.map((request) => request.variables?.after)).size).toBe(1);
    const sync = await expectRetryableWithNothingLost(harness, /THROTTLED/);
    expect(sync.cursor).toBe(throttled[0].variables?.after);
    await expectRetryCompletes(harness, sync.cursor);
  });

  it("a burst of 500, timeout and THROTTLED shorter than the retry budget: the same run completes, every order once", async () => {
    const harness = createSyncHarness({ seed: { orderCount: ORDER_COUNT }, fake: { timeoutFaultMs: 10_000 } });
    let pages = 0;
    const admin = impatientAdmin(harness, 40, (transport) => async (query, variables) => {
      if (query.includes("OrderSyncPage")) {
        pages += 1;
        if (pages === 2) harness.fake.failNext(1, "500");
        if (pages === 4) harness.fake.failNext(1, "timeout");
        if (pages === 6) harness.fake.failNext(2, "throttled");
      }
      return transport(query, variables);
    });

    const sync = await runOrderSync({ shop: TEST_SHOP, admin, grantedScopes: ALL_SCOPES, clock: harness.clock });

    expect(sync).toMatchObject({ state: "completed", ordersSynced: ORDER_COUNT });
    expect(harness.fake.requests.map((request) => request.fault).filter(Boolean)).toEqual(["500", "timeout", "throttled", "throttled"]);
    expect(await storedIds()).toEqual(harness.fake.seed.orders.map((order) => order.id).sort());
  });
});

describe("email outbox when sending fails", () => {
  const shop = "faults-outbox.myshopify.com";
  const t0 = new Date("2026-06-01T09:00:00Z");
  const email = renderEmail({ template: { subject: "Your order {order_name}", body: "Hello" }, values: { order_name: "#1" } });
  const recipients = ["a@example.test", "b@example.test", "c@example.test", "d@example.test", "e@example.test"];
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env.MAIL_FROM = "care@kopi.test";
  });

  afterAll(async () => {
    closeMailTransports();
    await smtp.close();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  });

  beforeEach(async () => {
    closeMailTransports();
    process.env.SMTP_URL = smtp.url;
    smtp.clear();
    await prisma.outboxMessage.deleteMany();
    for (const [i, to] of recipients.entries()) await enqueueEmail({ shop, dedupeKey: `faults:${i}`, kind: "test", reference: null, to, email }, t0);
  });

  it("keeps the messages a temporary SMTP failure hit mid-batch, and sends each of them once after the backoff", async () => {
    smtp.failNext(2, 451);

    expect(await sendDueEmails({ now: t0 })).toMatchObject({ claimed: 5, sent: 3, retrying: 2 });
    const waiting = await prisma.outboxMessage.findMany({ where: { shop, status: "pending" } });
    expect(waiting).toHaveLength(2);
    expect(waiting.every((row) => row.attempts === 1 && /451|Try again/.test(row.lastError ?? ""))).toBe(true);

    expect(await sendDueEmails({ now: new Date(t0.getTime() + retryDelayMs(1)) })).toMatchObject({ claimed: 2, sent: 2 });
    expect(smtp.messages.flatMap((mail) => mail.to).sort()).toEqual(recipients);
    expect(await prisma.outboxMessage.count({ where: { shop, status: "sent" } })).toBe(5);
  });

  it("keeps every message while the mail server is unreachable, and sends them all once it is back", async () => {
    closeMailTransports();
    process.env.SMTP_URL = "smtp://127.0.0.1:1";

    expect(await sendDueEmails({ now: t0 })).toMatchObject({ claimed: 5, sent: 0, retrying: 5 });
    expect(await prisma.outboxMessage.count({ where: { shop, status: "pending", attempts: 1 } })).toBe(5);

    closeMailTransports();
    process.env.SMTP_URL = smtp.url;
    expect(await sendDueEmails({ now: new Date(t0.getTime() + retryDelayMs(1)) })).toMatchObject({ sent: 5 });
    expect(smtp.messages.flatMap((mail) => mail.to).sort()).toEqual(recipients);
  });
});
