import { beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action } from "../../app/routes/flow.actions.review-request";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";
import { signedFlowActionRequest } from "../support/signing";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * Flow's "Send Aftercare review request now": a signed run queues the order's review request once (the
 * daily job's outbox key), a retried run queues nothing more, a forged signature is refused with 401 and
 * a bad or unknown order with 400 and a message.
 */

const shop = TEST_SHOP;
const url = "https://aftercare.example.com/flow/actions/review-request";
const orderId = "gid://shopify/Order/8801";

const run = (properties: Record<string, unknown>, options: { hmac?: string | null; secret?: string; runId?: string } = {}) =>
  signedFlowActionRequest({
    url,
    secret: options.secret ?? TEST_API_SECRET,
    hmac: options.hmac,
    body: { shop_id: 1, shopify_domain: shop, action_run_id: options.runId ?? "run-1", handle: "send-review-request", properties },
  });

async function call(request: Request) {
  const response = await action({ request, params: {}, context: {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const requestsFor = (id: string) => prisma.outboxMessage.findMany({ where: { shop, kind: "review_request", reference: id } });

beforeAll(async () => {
  await prisma.shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: { uninstalledAt: null } });
  await seedOrder(shop, {
    id: orderId,
    name: "#8801",
    createdAt: new Date(Date.now() - days(3)),
    email: "nadia@example.test",
    firstName: "Nadia",
    lineItems: [{ id: "gid://shopify/LineItem/88011", productId: "gid://shopify/Product/1", title: "Kopi Toraja", sku: null, quantity: 1 }],
  });
});

describe("POST /flow/actions/review-request", () => {
  it("queues one review request for a signed run, and nothing more when Flow repeats it", async () => {
    const first = await call(run({ order_id: 8801 }));
    expect(first).toEqual({ status: 200, body: { queued: 1, alreadyQueued: 0, heldByPlan: 0 } });
    const queued = await requestsFor(orderId);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ dedupeKey: "review:gid://shopify/Order/8801:gid://shopify/LineItem/88011", toAddress: "nadia@example.test" });
    expect(queued[0].text).toContain("Kopi Toraja");

    const again = await call(run({ order_id: "8801" }, { runId: "run-2" }));
    expect(again).toEqual({ status: 200, body: { queued: 0, alreadyQueued: 1, heldByPlan: 0 } });
    expect(await requestsFor(orderId)).toHaveLength(1);
  });

  it("answers 401 to a wrong, missing or other-secret signature and queues nothing", async () => {
    const before = await prisma.outboxMessage.count({ where: { shop } });
    expect((await call(run({ order_id: 8801 }, { hmac: "bm90IHRoZSBzaWduYXR1cmU=" }))).status).toBe(401);
    expect((await call(run({ order_id: 8801 }, { hmac: null }))).status).toBe(401);
    const forged = await call(run({ order_id: 8801 }, { secret: "someone-elses-secret" }));
    expect(forged).toEqual({ status: 401, body: { error: "Invalid HMAC signature" } });
    expect(await prisma.outboxMessage.count({ where: { shop } })).toBe(before);
  });

  it("answers 400 with a message for an order id that is not one, and for an order Aftercare does not know", async () => {
    const bad = await call(run({ order_id: "last week's order" }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/order_id must be an order's numeric id/);

    const missing = await call(run({}));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/order_id/);

    const unknown = await call(run({ order_id: 999999 }));
    expect(unknown).toEqual({ status: 400, body: { error: "Aftercare does not know this order (it may not be synced yet)" } });
    expect(await requestsFor("gid://shopify/Order/999999")).toHaveLength(0);
  });
});
