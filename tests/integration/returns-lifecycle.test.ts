import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { returnableOrderFrom } from "../../app/models/returns/check.server";
import { checkReturnRequest, isOrderOwner } from "../../app/models/returns/request-eligibility";
import { getReturnCopy, recordShopifyReturn } from "../../app/models/returns/returns.server";
import { returnRulesSchema } from "../../app/models/returns/rules";
import {
  addReturnLabel,
  approveReturn,
  closeReturn,
  getOrderReturns,
  getReturnableItems,
  listReturnReasons,
  processReturn,
  refundableValue,
  requestReturn,
} from "../../app/models/returns/shopify-returns.server";
import { deliverReturnWebhook, hasReturnWebhookRoute, returned } from "../support/return-webhooks";
import { createFakeAdmin, createSeedShop, fakeReturns, type FakeAdmin, type SeedOrder } from "../support/fake-admin";
import { returnableSeedOrder, syncSeedOrder } from "../support/returns-fixtures";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * A return end to end, as issue 16 asks: the shopper returns one of two items, the merchant approves
 * it and adds a label, processes the refund and closes it. Each step goes through the app's client to
 * the fake Admin API (Shopify's real schema and state machine); the fake order shows the return at each
 * step; every webhook Shopify would send is delivered, signed, through the app's real routes; and
 * Aftercare's copy follows, once per step however often a webhook comes.
 */

const shop = TEST_SHOP;
const TOKEN = "shpat_returns_lifecycle";
const START = new Date("2026-11-25T08:00:00Z");
const HOUR = 3_600_000;
let fake: FakeAdmin;
let order: SeedOrder;

const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => fake.graphql(query, options);

let delivered = 0;
/** Delivers every webhook the fake recorded since the last call that the app subscribes to. */
async function deliverNew(): Promise<string[]> {
  const fresh = fakeReturns(fake.state).webhooks.slice(delivered);
  delivered += fresh.length;
  const topics: string[] = [];
  for (const webhook of fresh) {
    if (!hasReturnWebhookRoute(webhook.topic)) continue;
    expect(await deliverReturnWebhook(webhook), webhook.topic).toBe(200);
    topics.push(webhook.topic);
  }
  return topics;
}

const copyOf = async (returnId: string) => (await getReturnCopy(shop, returnId))!;
const fakeOrderReturns = async () => (await getOrderReturns(graphql, order.id))!;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
});
afterAll(() => {
  vi.useRealTimers();
});

beforeEach(async () => {
  vi.setSystemTime(START);
  await prisma.returnRequestLine.deleteMany();
  await prisma.returnRequest.deleteMany();
  await prisma.processedWebhook.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: TOKEN, apiSecret: TEST_API_SECRET, scopes: ["read_orders", "read_returns", "write_returns"] });
  delivered = 0;
  order = returnableSeedOrder(fake);
  // The order as Aftercare synced it.
  await syncSeedOrder(shop, order);
});

/** What the storefront and customer account do before anything reaches Shopify. */
async function shopperAsks(lineItemId: string, quantity: number, now = new Date()) {
  const stored = await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop, id: order.id } } });
  const lines = await prisma.orderLineItem.findMany({ where: { shop, orderId: order.id }, orderBy: { id: "asc" } });
  const parcels = await prisma.orderFulfillment.findMany({ where: { shop, orderId: order.id } });
  const reasons = await listReturnReasons(graphql);
  return checkReturnRequest(
    {
      order: returnableOrderFrom(stored, lines, parcels, "Asia/Jakarta", {}),
      titles: Object.fromEntries(lines.map((line) => [line.id, line.title])),
      rules: returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery" }),
      returnable: await getReturnableItems(graphql, order.id),
      now,
    },
    [{ lineItemId, quantity, reasonDefinitionId: reasons.find((reason) => reason.handle === "size-too-small")!.id, customerNote: "Runs small" }],
  );
}

describe("a return from request to close", () => {
  it("returns one of two items: requested, approved with a label, refunded, closed; Shopify and Aftercare agree at each step", async () => {
    const [first, second] = order.lineItems;
    expect(isOrderOwner({ customerId: order.customerId, email: order.email }, { loggedInCustomerId: order.customerId.split("/").pop() })).toBe(true);

    // The shopper asks for one unit of the first item.
    const verdict = await shopperAsks(first.id, 1);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    const requested = returned(await requestReturn(graphql, { orderId: order.id, lines: verdict.lines }));
    await recordShopifyReturn(shop, requested, { source: "storefront", customerId: order.customerId, productIds: { [first.id]: first.productId } });
    expect(await fakeOrderReturns()).toMatchObject({ returnStatus: "RETURN_REQUESTED", returns: [{ id: requested.id, status: "REQUESTED", totalQuantity: 1 }] });
    expect(await deliverNew()).toEqual(["returns/request"]);
    const afterRequest = await copyOf(requested.id);
    expect(afterRequest).toMatchObject({ status: "requested", source: "storefront", orderName: order.name, customerId: order.customerId, requestedAt: START });
    expect(afterRequest.lines).toMatchObject([{ lineItemId: first.id, productId: first.productId, quantity: 1, reason: "size-too-small", reasonName: "Size was too small", customerNote: "Runs small" }]);
    expect((await getReturnableItems(graphql, order.id)).find((item) => item.lineItemId === second.id)?.quantity).toBe(second.quantity);

    // The merchant approves it an hour later.
    vi.setSystemTime(START.getTime() + HOUR);
    const approved = returned(await approveReturn(graphql, requested.id));
    await recordShopifyReturn(shop, approved);
    expect(await fakeOrderReturns()).toMatchObject({ returnStatus: "IN_PROGRESS", returns: [{ status: "OPEN" }] });
    expect(await deliverNew()).toEqual(["returns/approve"]);
    expect(await copyOf(requested.id)).toMatchObject({ status: "open", approvedAt: new Date(START.getTime() + HOUR) });

    // ... and adds a return label with tracking.
    const labelled = returned(await addReturnLabel(graphql, requested.id, { labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE0001", trackingUrl: "https://track.example/JNE0001" }));
    await recordShopifyReturn(shop, labelled);
    expect(await deliverNew()).toEqual(["reverse_deliveries/attach_deliverable"]);
    expect(await copyOf(requested.id)).toMatchObject({ labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE0001", trackingUrl: "https://track.example/JNE0001" });

    // The parcel arrives three days later: refund to the original payment.
    vi.setSystemTime(START.getTime() + 72 * HOUR);
    const lines = labelled.lines.map((line) => ({ returnLineItemId: line.id, quantity: line.quantity }));
    const amount = refundableValue(labelled, lines)!;
    expect(Number(amount.amount)).toBeCloseTo(Number(first.discountedUnitPriceSet.shopMoney.amount), 2);
    const processed = returned(await processReturn(graphql, { returnId: requested.id, lines, refund: { method: "original_payment", amount } }));
    await recordShopifyReturn(shop, processed, { refundMethod: "original_payment" });
    expect(await deliverNew()).toEqual(["returns/process"]);
    expect(processed.refunds).toMatchObject([{ total: amount }]);
    expect(await copyOf(requested.id)).toMatchObject({ refundMethod: "original_payment", refundAmount: amount.amount, refundCurrency: amount.currencyCode, refundedAt: new Date(START.getTime() + 72 * HOUR) });

    // ... and closes it.
    const closed = returned(await closeReturn(graphql, requested.id));
    expect(await fakeOrderReturns()).toMatchObject({ returnStatus: "RETURNED", returns: [{ status: "CLOSED" }] });
    expect(await deliverNew()).toEqual(["returns/close"]);
    const final = await copyOf(requested.id);
    expect(final).toMatchObject({ status: "closed", closedAt: new Date(START.getTime() + 72 * HOUR), approvedAt: new Date(START.getTime() + HOUR), requestedAt: START });
    expect(closed.status).toBe("CLOSED");

    // Every step Shopify took was announced once, in order.
    expect(fakeReturns(fake.state).webhooks.map((webhook) => webhook.topic)).toEqual([
      "returns/request",
      "returns/approve",
      "reverse_deliveries/attach_deliverable",
      "returns/process",
      "returns/close",
    ]);
    expect(await prisma.returnRequest.findMany({ where: { shop, orderId: order.id } })).toHaveLength(1);
  });

  it("shows Shopify's refusal of a wrong transition and changes nothing", async () => {
    const verdict = await shopperAsks(order.lineItems[0].id, 1);
    if (!verdict.ok) throw new Error("expected the request to be allowed");
    const requested = returned(await requestReturn(graphql, { orderId: order.id, lines: verdict.lines }));
    await recordShopifyReturn(shop, requested, { source: "storefront" });

    const closing = await closeReturn(graphql, requested.id);
    expect(closing).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE", key: "returns.shopify.invalidState" }] });
    expect(!closing.ok && closing.errors[0].message).toMatch(/Only returns with status OPEN can be closed/);
    expect(await fakeOrderReturns()).toMatchObject({ returns: [{ status: "REQUESTED" }] });
    expect(fakeReturns(fake.state).webhooks.map((webhook) => webhook.topic)).toEqual(["returns/request"]);
    expect((await copyOf(requested.id)).status).toBe("requested");
  });

  it("refuses a request Aftercare's rules do not allow before anything reaches Shopify", async () => {
    const [first] = order.lineItems;
    const late = await shopperAsks(first.id, 1, new Date(Date.parse(order.fulfillments[0].deliveredAt!) + 40 * 24 * HOUR));
    expect(late).toMatchObject({ ok: false, problems: [{ key: "returns.request.refused.windowClosed" }] });
    const tooMany = await shopperAsks(first.id, first.quantity + 1);
    expect(tooMany).toMatchObject({ ok: false, problems: [{ key: "returns.request.refused.tooMany", vars: { max: first.quantity } }] });
    expect(isOrderOwner({ customerId: order.customerId, email: order.email }, { loggedInCustomerId: "1", email: "someone.else@example.test" })).toBe(false);
    expect(fake.requests.filter((request) => request.operationName === "ReturnRequest")).toHaveLength(0);
    expect(fakeReturns(fake.state).returns).toHaveLength(0);
  });
});

describe("returns/* webhooks", () => {
  it("change nothing when delivered twice, or late after a later step", async () => {
    const verdict = await shopperAsks(order.lineItems[0].id, 1);
    if (!verdict.ok) throw new Error("expected the request to be allowed");
    const requested = returned(await requestReturn(graphql, { orderId: order.id, lines: verdict.lines }));
    returned(await approveReturn(graphql, requested.id));
    vi.setSystemTime(START.getTime() + 5 * HOUR);
    returned(await closeReturn(graphql, requested.id));
    await deliverNew();
    const settled = await copyOf(requested.id);
    expect(settled).toMatchObject({ status: "closed", source: "shopify", closedAt: new Date(START.getTime() + 5 * HOUR) });

    const [request, approve, close] = fakeReturns(fake.state).webhooks.filter((webhook) => hasReturnWebhookRoute(webhook.topic));
    vi.setSystemTime(START.getTime() + 9 * HOUR);
    // The same delivery again: answered 200, nothing written.
    expect(await deliverReturnWebhook(close)).toBe(200);
    expect(await deliverReturnWebhook(request)).toBe(200);
    // A copy of an earlier step under a new id (Shopify's retries of an old event arrive late).
    expect(await deliverReturnWebhook(approve, "late-approve-copy")).toBe(200);
    expect(await deliverReturnWebhook(request, "late-request-copy")).toBe(200);

    const after = await copyOf(requested.id);
    expect(after).toEqual(settled);
    expect(await prisma.returnRequest.count({ where: { shop } })).toBe(1);
  });

  it("follows a return the merchant requested and declined in Shopify's admin", async () => {
    const [item] = await getReturnableItems(graphql, order.id);
    // The merchant works in Shopify's admin: no call of the app, only webhooks.
    const created = await fake.query(
      `mutation AdminRequest($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { message } } }`,
      { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, returnReasonDefinitionId: fakeReturns(fake.state).reasonByHandle("wrong-item").id }] } },
    );
    const returnId = (created.data as { returnRequest: { return: { id: string } } }).returnRequest.return.id;
    expect(await deliverNew()).toEqual(["returns/request"]);
    vi.setSystemTime(START.getTime() + 2 * HOUR);
    await fake.query(
      `mutation AdminDecline($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) { userErrors { message } } }`,
      { input: { id: returnId, declineReason: "RETURN_PERIOD_ENDED", declineNote: "The 30 days have passed." } },
    );
    expect(await deliverNew()).toEqual(["returns/decline"]);

    const copy = await copyOf(returnId);
    expect(copy).toMatchObject({
      status: "declined", source: "shopify", orderName: order.name, customerId: order.customerId, requestedAt: START,
      declinedAt: new Date(START.getTime() + 2 * HOUR), declineReason: "RETURN_PERIOD_ENDED", declineNote: "The 30 days have passed.",
    });
    expect(copy.lines).toMatchObject([{ fulfillmentLineItemId: item.fulfillmentLineItemId, lineItemId: item.lineItemId, quantity: 1, reason: "wrong_item", title: item.title }]);
  });

  it("answers 422 to a body that is not a return, and writes nothing", async () => {
    const status = await deliverReturnWebhook({ topic: "returns/request", webhookId: "not-a-return", payload: { hello: "world" } });
    expect(status).toBe(422);
    expect(await prisma.returnRequest.count()).toBe(0);
  });
});
