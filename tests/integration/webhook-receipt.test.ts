/**
 * What a webhook's answer tells Shopify. Only a copy of a webhook id already handled is a duplicate
 * (200, no work). Work that fails, a unique conflict of its own included, is rolled back with its
 * receipt and answered 503, so Shopify delivers it again, and that redelivery is processed.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { webhookRequest } from "../support/app-requests";
import { expectConsoleError } from "../support/setup";
import { TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const ordersCreate = await import("../../app/routes/webhooks.orders.create");
const { handleWebhookOnce } = await import("../../app/shopify/webhook-receipt.server");
const { databaseEngine } = await import("../../app/db.server");

/** Makes the database refuse new shopper contacts, as a full disk or a lost connection would. */
async function refuseContacts(refuse: boolean) {
  if (databaseEngine() === "postgresql") {
    if (!refuse) return prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_contacts ON "OrderContact"`);
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_contacts() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    return prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_contacts BEFORE INSERT ON "OrderContact" FOR EACH ROW EXECUTE FUNCTION refuse_contacts()`);
  }
  if (!refuse) return prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_contacts`);
  return prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_contacts BEFORE INSERT ON "OrderContact" BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
}

/** The HTTP answer, whether the action returned it or threw it. */
async function deliver(payload: unknown, webhookId: string): Promise<Response> {
  const request = webhookRequest("orders/create", payload, { webhookId });
  try {
    return await ordersCreate.action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const orderGid = (id: number) => `gid://shopify/Order/${id}`;
const lineItemGid = (id: number) => `gid://shopify/LineItem/${id}`;

function order(id: number, lineItemId: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    admin_graphql_api_id: orderGid(id),
    name: `#${id}`,
    created_at: "2026-11-09T08:00:00Z",
    updated_at: "2026-11-09T08:00:00Z",
    cancelled_at: null,
    fulfillment_status: null,
    line_items: [
      { id: lineItemId, admin_graphql_api_id: lineItemGid(lineItemId), title: "Kopi tubruk", sku: "KOPI-1", quantity: 1, product_id: 1 },
    ],
    fulfillments: [],
    ...overrides,
  };
}

const receipts = (webhookId: string) => prisma.processedWebhook.count({ where: { webhookId } });
const storedOrder = (id: number) => prisma.order.findUnique({ where: { shop_id: { shop: TEST_SHOP, id: orderGid(id) } } });

beforeEach(async () => {
  await refuseContacts(false);
  await prisma.orderContact.deleteMany();
  await prisma.order.deleteMany();
  await prisma.orderLineItem.deleteMany();
  await prisma.processedWebhook.deleteMany();
});

describe("webhook receipts", () => {
  it("answers a redelivery of a handled webhook id with 200 and does the work once", async () => {
    const webhookId = "receipt-redelivered";
    expect((await deliver(order(7001, 9001), webhookId)).status).toBe(200);
    // Same id, newer content: applied again, it would rename the order.
    const later = order(7001, 9001, { name: "#7001-CHANGED", updated_at: "2026-11-10T08:00:00Z" });
    expect((await deliver(later, webhookId)).status).toBe(200);

    expect(await storedOrder(7001)).toMatchObject({ name: "#7001" });
    expect(await receipts(webhookId)).toBe(1);
    expect(await prisma.orderLineItem.count()).toBe(1);
  });

  it("lets one of two copies of a webhook id racing each other do the work, and answers both 200", async () => {
    const webhookId = "receipt-raced";
    // Different orders under one id: had both copies done their work, both orders would be stored.
    const statuses = await Promise.all([deliver(order(7001, 9001), webhookId), deliver(order(7002, 9002), webhookId)]);

    expect(statuses.map((response) => response.status)).toEqual([200, 200]);
    expect(await prisma.order.count()).toBe(1);
    expect(await prisma.orderLineItem.count()).toBe(1);
    expect(await receipts(webhookId)).toBe(1);
  });

  it("makes the second of two copies racing inside their transactions a duplicate, once the first commits", async () => {
    const delivery = { webhookId: "receipt-raced-in-transaction", shop: TEST_SHOP, topic: "ORDERS_CREATE" };
    let secondRan = false;
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // The first copy holds its transaction open (receipt inserted, not committed) while the second starts:
    // on PostgreSQL the second finds no receipt yet, and its insert waits for the first to commit.
    let firstHoldsReceipt = () => {};
    const holding = new Promise<void>((resolve) => (firstHoldsReceipt = resolve));
    const first = handleWebhookOnce(delivery, async (tx) => {
      firstHoldsReceipt();
      await gate;
      await tx.orderLineItem.create({ data: { shop: TEST_SHOP, id: lineItemGid(9001), orderId: orderGid(7001), title: "Kopi", quantity: 1 } });
    });
    // The second copy arrives only once the first has inserted its receipt, however busy the machine.
    await holding;
    const second = handleWebhookOnce(delivery, async () => {
      secondRan = true;
    });
    // Time for the second to reach its own insert and wait on the first; the outcome is the same if it has not.
    setTimeout(openGate, 300);

    expect(await Promise.all([first, second])).toEqual(["handled", "duplicate"]);
    expect(secondRan).toBe(false);
    expect(await prisma.orderLineItem.count()).toBe(1);
    expect(await receipts(delivery.webhookId)).toBe(1);
  });

  it("answers 503 to an orders/create whose line item is stored under another order, keeps nothing of it, and processes the redelivery", async () => {
    const webhookId = "receipt-conflicting-line-item";
    await prisma.orderLineItem.create({
      data: { shop: TEST_SHOP, id: lineItemGid(9001), orderId: orderGid(6999), title: "Kopi tubruk", quantity: 1 },
    });

    const failed = await deliver(order(7001, 9001), webhookId);

    expect(failed.status).toBe(503);
    const body = await failed.text();
    expect(body).toMatch(/could not be processed/);
    expect(body).not.toMatch(/prisma|P2002|constraint|unique|LineItem/i);
    const logged = vi.mocked(console.error).mock.calls.at(-1)?.map(String).join(" ");
    expect(logged).toContain(`${webhookId} for ${TEST_SHOP}`);
    expectConsoleError();
    expect(await storedOrder(7001)).toBeNull();
    expect(await receipts(webhookId)).toBe(0);

    // The conflict goes (say, the other order's stale line items are cleared); Shopify's retry comes.
    await prisma.orderLineItem.deleteMany({ where: { shop: TEST_SHOP, orderId: orderGid(6999) } });
    expect((await deliver(order(7001, 9001), webhookId)).status).toBe(200);

    expect(await storedOrder(7001)).toMatchObject({ name: "#7001" });
    expect(await prisma.orderLineItem.findMany({ where: { shop: TEST_SHOP } })).toMatchObject([{ id: lineItemGid(9001), orderId: orderGid(7001) }]);
    expect(await receipts(webhookId)).toBe(1);
  });

  it("keeps the shopper's email with the order: when writing it fails, nothing is acknowledged and the redelivery stores both", async () => {
    const webhookId = "receipt-contact-write-fails";
    const withEmail = order(7002, 9002, { email: "sari@example.com", customer_locale: "id" });
    await refuseContacts(true);

    expect((await deliver(withEmail, webhookId)).status).toBe(503);
    expectConsoleError();
    expect(await storedOrder(7002)).toBeNull();
    expect(await receipts(webhookId)).toBe(0);

    await refuseContacts(false);
    expect((await deliver(withEmail, webhookId)).status).toBe(200);

    expect(await storedOrder(7002)).toMatchObject({ name: "#7002" });
    expect(await prisma.orderContact.findMany({ where: { shop: TEST_SHOP } })).toMatchObject([
      { orderId: orderGid(7002), email: "sari@example.com", locale: "id" },
    ]);
  });
});
