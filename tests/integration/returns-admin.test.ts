/**
 * The merchant's Returns page through the real admin routes (signed session token, `authenticate.admin`)
 * against the fake Admin API: the queue lists a shopper's request; approve -> label -> refund -> close
 * through the detail page's actions, the fake order showing the return at each step and Aftercare's
 * copy following; a wrong step shows Shopify's userError and changes nothing; and a refund made in
 * Shopify's own admin reaches the copy through the returns/process webhook.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getReturnCopy, recordShopifyReturn } from "../../app/models/returns/returns.server";
import { returnRulesSchema } from "../../app/models/returns/rules";
import { saveReturnSettings } from "../../app/models/returns/settings.server";
import {
  getOrderReturns,
  getReturnableItems,
  listReturnReasons,
  requestReturn,
  type ShopifyReturn,
} from "../../app/models/returns/shopify-returns.server";
import * as detailRoute from "../../app/routes/app.returns.$id";
import * as queueRoute from "../../app/routes/app.returns._index";
import * as processWebhook from "../../app/routes/webhooks.returns.process";
import { adminFetchRequest, routeAnswer, webhookRequest } from "../support/app-requests";
import { fakeReturns, type FakeAdmin, type SeedOrder } from "../support/fake-admin";
import { seedOrder } from "../support/keep-in-touch-fixtures";
import { freshReturnsShop, loadReturnPage, returnParam, submitReturnPage } from "../support/returns-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { deliverReturnWebhook } from "../support/return-webhooks";
import { TEST_SHOP } from "../support/test-env";

const shop = TEST_SHOP;
const TOKEN = "shpat_returns_admin";
let fake: FakeAdmin;
let order: SeedOrder;

const args = (request: Request, id?: string) => ({ request, params: id ? { id } : {}, context: {} });

const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => fake.graphql(query, options);

async function loadQueue(query = "") {
  const response = await routeAnswer(() => queueRoute.loader(args(adminFetchRequest(`/app/returns${query}`))));
  expect(response.status).toBe(200);
  return response.json();
}

const fakeOrderReturns = async () => (await getOrderReturns(graphql, order.id))!;
const copyOf = async (returnId: string) => (await getReturnCopy(shop, returnId))!;

/** The shopper's request, as the storefront sends it (Aftercare's rules already said yes). */
async function shopperRequests(quantity = 1): Promise<ShopifyReturn> {
  const [item] = (await getReturnableItems(graphql, order.id)).filter((candidate) => candidate.lineItemId === order.lineItems[0].id);
  const reasons = await listReturnReasons(graphql);
  const result = await requestReturn(graphql, {
    orderId: order.id,
    lines: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity, reasonDefinitionId: reasons.find((reason) => reason.handle === "size-too-small")!.id, customerNote: "Runs small" }],
  });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("; "));
  await recordShopifyReturn(shop, result.return, { source: "storefront", customerId: order.customerId, photoRef: "https://photos.example/r1.jpg", productIds: { [order.lineItems[0].id]: order.lineItems[0].productId } });
  return result.return;
}

beforeAll(async () => {
  await storeOfflineSession({ accessToken: TOKEN, scope: "read_orders,read_returns,write_returns" });
});

beforeEach(async () => {
  // The order as Aftercare synced it, placed and delivered recently, and the shop's 30-day rule from delivery.
  ({ fake, order } = await freshReturnsShop(shop, TOKEN));
  await saveReturnSettings(shop, { rules: returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery" }), timeZone: "Asia/Jakarta", finalSaleProducts: {} });
});

describe("the Returns queue", () => {
  it("lists a shopper's request with its items, reason, photo and source, and filters by status", async () => {
    const requested = await shopperRequests();
    const page = await loadQueue();
    expect(page.queue.rows).toEqual([
      expect.objectContaining({
        param: returnParam(requested.id),
        name: requested.name,
        orderName: order.name,
        status: "requested",
        source: "storefront",
        units: 1,
        hasPhoto: true,
        items: [{ title: order.lineItems[0].title, quantity: 1, reason: "size-too-small", reasonName: "Size was too small" }],
      }),
    ]);
    expect((await loadQueue("?status=open")).queue.rows).toEqual([]);
    expect((await loadQueue("?status=requested")).queue.rows).toHaveLength(1);
    // A status the page does not know lists everything rather than failing.
    expect((await loadQueue("?status=lost")).queue.rows).toHaveLength(1);
  });

  it("pages a long queue fifty at a time, newest first, and reads a bad page as the first", async () => {
    const START = Date.now();
    await prisma.returnRequest.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        shop, orderId: order.id, shopifyReturnId: `gid://shopify/Return/${900_000 + index}`, name: `#P-R${index}`,
        status: "closed", source: "shopify", requestedAt: new Date(START - index * 60_000),
      })),
    });
    const first = (await loadQueue()).queue;
    expect(first).toMatchObject({ page: 1, hasPrevious: false, hasNext: true });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].name).toBe("#P-R0");
    const third = (await loadQueue("?page=3")).queue;
    expect(third).toMatchObject({ page: 3, hasPrevious: true, hasNext: false });
    expect(third.rows.map((row: { name: string }) => row.name)).toEqual(Array.from({ length: 20 }, (_, index) => `#P-R${100 + index}`));
    expect((await loadQueue("?page=-2")).queue.page).toBe(1);
    expect((await loadQueue("?page=abc")).queue.rows[0].name).toBe("#P-R0");
  });

  it("shows one return with the rule that applied, and only the actions its state allows", async () => {
    const requested = await shopperRequests();
    const { status, body } = await loadReturnPage(requested.id);
    expect(status).toBe(200);
    expect(body.view).toMatchObject({ status: "REQUESTED", orderName: order.name, source: "storefront", photoRef: "https://photos.example/r1.jpg" });
    expect(body.view.lines).toEqual([
      expect.objectContaining({
        title: order.lineItems[0].title,
        quantity: 1,
        customerNote: "Runs small",
        reason: expect.objectContaining({ handle: "size-too-small" }),
        rule: expect.objectContaining({ eligible: true, reason: "within_window", windowDays: 30, windowStart: "delivery" }),
      }),
    ]);
    expect(body.view.lines[0].rule.lastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.view.steps.map((step: { step: string }) => step.step)).toEqual(["requested"]);

    expect((await loadReturnPage("gid://shopify/Return/999999")).status).toBe(404);
    const notANumber = await routeAnswer(() => detailRoute.loader(args(adminFetchRequest("/app/returns/abc"), "abc")));
    expect(notANumber.status).toBe(404);
  });
});

describe("the merchant's actions on a return", () => {
  it("approve -> label -> refund -> close: Shopify's order shows each step and Aftercare's copy follows", async () => {
    const requested = await shopperRequests();

    const approved = await submitReturnPage(requested.id, { intent: "approve" });
    expect(approved).toEqual({ status: 200, body: { ok: true, done: "approve", problems: [], errors: {} } });
    expect(await fakeOrderReturns()).toMatchObject({ returnStatus: "IN_PROGRESS", returns: [{ id: requested.id, status: "OPEN" }] });
    expect(await copyOf(requested.id)).toMatchObject({ status: "open", approvedAt: expect.any(Date), source: "storefront" });

    const labelled = await submitReturnPage(requested.id, { intent: "label", labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE0001", trackingUrl: "https://track.example/JNE0001" });
    expect(labelled.body).toMatchObject({ ok: true, done: "label" });
    expect((await loadReturnPage(requested.id)).body.view.deliveries).toEqual([
      expect.objectContaining({ labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE0001", trackingUrl: "https://track.example/JNE0001" }),
    ]);
    expect(await copyOf(requested.id)).toMatchObject({ labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE0001" });

    const detail = (await loadReturnPage(requested.id)).body.view;
    const price = order.lineItems[0].discountedUnitPriceSet.shopMoney;
    expect(detail.refundable).toEqual({ amount: Number(price.amount).toFixed(2), currencyCode: price.currencyCode });
    const line = detail.lines[0];
    const processed = await submitReturnPage(requested.id, { intent: "process", refund: "original_payment", amount: "", [`quantity:${line.id}`]: "1" });
    expect(processed.body).toMatchObject({ ok: true, done: "process" });
    const afterProcess = (await loadReturnPage(requested.id)).body.view;
    expect(afterProcess.lines[0]).toMatchObject({ processedQuantity: 1 });
    expect(afterProcess.refunds).toEqual([expect.objectContaining({ amount: Number(price.amount).toFixed(2), currencyCode: price.currencyCode })]);
    expect(await copyOf(requested.id)).toMatchObject({ refundMethod: "original_payment", refundAmount: Number(price.amount).toFixed(2), refundedAt: expect.any(Date) });

    const closed = await submitReturnPage(requested.id, { intent: "close" });
    expect(closed.body).toMatchObject({ ok: true, done: "close" });
    expect(await fakeOrderReturns()).toMatchObject({ returnStatus: "RETURNED", returns: [{ status: "CLOSED" }] });
    const final = await copyOf(requested.id);
    expect(final).toMatchObject({ status: "closed", closedAt: expect.any(Date) });
    expect((await loadQueue("?status=closed")).queue.rows).toEqual([expect.objectContaining({ status: "closed", refund: { amount: Number(price.amount).toFixed(2), currency: price.currencyCode } })]);
    expect((await loadReturnPage(requested.id)).body.view.steps.map((step: { step: string }) => step.step)).toEqual(["requested", "approved", "refunded", "closed"]);
  });

  it("shows Shopify's userError when a requested return is closed, and changes nothing", async () => {
    const requested = await shopperRequests();
    const webhooksBefore = fakeReturns(fake.state).webhooks.length;
    const closing = await submitReturnPage(requested.id, { intent: "close" });
    expect(closing.status).toBe(422);
    expect(closing.body.ok).toBe(false);
    expect(closing.body.problems).toEqual([expect.stringMatching(/^Shopify refused: the return is not in a state that allows this \(.*Only returns with status OPEN can be closed/)]);
    expect(await fakeOrderReturns()).toMatchObject({ returns: [{ status: "REQUESTED" }] });
    expect(fakeReturns(fake.state).webhooks).toHaveLength(webhooksBefore);
    expect(await copyOf(requested.id)).toMatchObject({ status: "requested", closedAt: null });
  });

  it("words Shopify's refusal in the merchant's language", async () => {
    const requested = await shopperRequests();
    const { body } = await submitReturnPage(requested.id, { intent: "close" }, { locale: "id" });
    expect(body.problems).toEqual([expect.stringMatching(/^Shopify menolak: status pengembalian tidak mengizinkan ini/)]);
  });

  it("declines with a reason and a note; without a reason nothing reaches Shopify", async () => {
    const requested = await shopperRequests();
    const calls = () => fake.requests.filter((request) => request.operationName === "ReturnDeclineRequest").length;
    const missing = await submitReturnPage(requested.id, { intent: "decline", reason: "", note: "x" });
    expect(missing).toEqual({ status: 422, body: { ok: false, done: null, problems: [], errors: { reason: "Choose why the return is declined" } } });
    expect(calls()).toBe(0);

    const declined = await submitReturnPage(requested.id, { intent: "decline", reason: "FINAL_SALE", note: "Sale items cannot be returned." });
    expect(declined.body).toMatchObject({ ok: true, done: "decline" });
    expect(await fakeOrderReturns()).toMatchObject({ returns: [{ status: "DECLINED", decline: { reason: "FINAL_SALE", note: "Sale items cannot be returned." } }] });
    expect(await copyOf(requested.id)).toMatchObject({ status: "declined", declineReason: "FINAL_SALE", declineNote: "Sale items cannot be returned.", declinedAt: expect.any(Date) });
  });

  it("refuses a label with nothing in it, a bad link and a refund of more than the items are worth", async () => {
    const requested = await shopperRequests();
    expect((await submitReturnPage(requested.id, { intent: "label", labelUrl: "", trackingNumber: "", trackingUrl: "" })).body.errors).toEqual({ labelUrl: "Add a label link, a tracking number or a tracking link" });
    expect((await submitReturnPage(requested.id, { intent: "approve" })).body.ok).toBe(true);
    expect((await submitReturnPage(requested.id, { intent: "label", labelUrl: "javascript:alert(1)" })).status).toBe(422);
    const line = (await loadReturnPage(requested.id)).body.view.lines[0];
    const tooMuch = await submitReturnPage(requested.id, { intent: "process", refund: "store_credit", amount: "99999", [`quantity:${line.id}`]: "1" });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.problems).toEqual([expect.stringContaining("Refund amount exceeds the refundable amount.")]);
    expect((await loadReturnPage(requested.id)).body.view).toMatchObject({ refunds: [], lines: [expect.objectContaining({ processedQuantity: 0 })] });
    expect(await copyOf(requested.id)).toMatchObject({ refundedAt: null, refundAmount: null });
    const nothing = await submitReturnPage(requested.id, { intent: "process", refund: "none", [`quantity:${line.id}`]: "0" });
    expect(nothing.body.errors).toEqual({ quantities: "Enter how many units arrived" });
    expect((await submitReturnPage(requested.id, { intent: "explode" })).status).toBe(422);
  });
});

describe("returns/process webhook", () => {
  it("records a refund the merchant made in Shopify's own admin", async () => {
    const requested = await shopperRequests();
    expect((await submitReturnPage(requested.id, { intent: "approve" })).body.ok).toBe(true);
    expect((await copyOf(requested.id)).refundedAt).toBeNull();

    // In Shopify's admin: no call of the app, only the webhook.
    const [line] = (await loadReturnPage(requested.id)).body.view.lines;
    const answer = await fake.query(
      `mutation AdminProcess($input: ReturnProcessInput!) { returnProcess(input: $input) { userErrors { message } } }`,
      { input: { returnId: requested.id, returnLineItems: [{ id: line.id, quantity: 1 }], financialTransfer: { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: { amount: "5.00", currencyCode: order.lineItems[0].discountedUnitPriceSet.shopMoney.currencyCode } } }] } } } },
    );
    expect(answer.errors).toBeUndefined();
    expect((await copyOf(requested.id)).refundedAt).toBeNull();
    const webhook = fakeReturns(fake.state).webhooks.findLast((candidate) => candidate.topic === "returns/process")!;
    const deliver = (webhookId = webhook.webhookId) => routeAnswer(() => processWebhook.action(args(webhookRequest("returns/process", webhook.payload, { webhookId }))));

    expect((await deliver()).status).toBe(200);
    const copy = await copyOf(requested.id);
    const shopifyRefund = fakeReturns(fake.state).find(requested.id)!.refunds[0];
    expect(copy).toMatchObject({ status: "open", refundAmount: "5.00", refundedAt: new Date(shopifyRefund.createdAt) });
    // The same delivery again changes nothing.
    expect((await deliver()).status).toBe(200);
    expect(await copyOf(requested.id)).toEqual(copy);

    const bad = await routeAnswer(() => processWebhook.action(args(webhookRequest("returns/process", { hello: "world" }, { webhookId: "not-a-return" }))));
    expect(bad.status).toBe(422);
  });
});

describe("a return the merchant labels, cancels and reopens in Shopify's own admin", () => {
  const deliverLatest = async (topic: string) => {
    const webhook = fakeReturns(fake.state).webhooks.findLast((candidate) => candidate.topic === topic)!;
    return deliverReturnWebhook(webhook);
  };

  it("copies a label added in Shopify's admin (reverse_deliveries/attach_deliverable)", async () => {
    const requested = await shopperRequests();
    expect((await submitReturnPage(requested.id, { intent: "approve" })).body.ok).toBe(true);
    const rfo = fakeReturns(fake.state).find(requested.id)!.reverseFulfillmentOrders[0];
    const answer = await fake.query(
      `mutation AdminLabel($rfo: ID!, $lines: [ReverseDeliveryLineItemInput!]!, $label: ReverseDeliveryLabelInput, $tracking: ReverseDeliveryTrackingInput) {
        reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $rfo, reverseDeliveryLineItems: $lines, labelInput: $label, trackingInput: $tracking) { userErrors { message } }
      }`,
      { rfo: rfo.id, lines: rfo.lineItems.map((line) => ({ reverseFulfillmentOrderLineItemId: line.id, quantity: line.totalQuantity })), label: { fileUrl: "https://labels.example/admin.pdf" }, tracking: { number: "SPX-77", url: "https://track.example/SPX-77" } },
    );
    expect(answer.errors).toBeUndefined();
    expect((await copyOf(requested.id)).labelUrl).toBeNull();

    expect(await deliverLatest("reverse_deliveries/attach_deliverable")).toBe(200);
    expect(await copyOf(requested.id)).toMatchObject({ labelUrl: "https://labels.example/admin.pdf", trackingNumber: "SPX-77", trackingUrl: "https://track.example/SPX-77" });
    // The shopper is sent the label, once, however often Shopify delivers it.
    expect(await deliverLatest("reverse_deliveries/attach_deliverable")).toBe(200);
    expect(await prisma.outboxMessage.count({ where: { shop, kind: "return_label" } })).toBe(1);
  });

  it("follows a cancel and a reopen (returns/cancel, returns/reopen)", async () => {
    const requested = await shopperRequests();
    expect((await submitReturnPage(requested.id, { intent: "approve" })).body.ok).toBe(true);
    const cancel = await fake.query(`mutation AdminCancel($id: ID!) { returnCancel(id: $id) { userErrors { message } } }`, { id: requested.id });
    expect(cancel.errors).toBeUndefined();
    expect(await deliverLatest("returns/cancel")).toBe(200);
    expect(await copyOf(requested.id)).toMatchObject({ status: "canceled" });

    const other = await shopperRequests();
    expect((await submitReturnPage(other.id, { intent: "approve" })).body.ok).toBe(true);
    await fake.query(`mutation AdminClose($id: ID!) { returnClose(id: $id) { userErrors { message } } }`, { id: other.id });
    expect(await deliverLatest("returns/close")).toBe(200);
    expect(await copyOf(other.id)).toMatchObject({ status: "closed" });
    await fake.query(`mutation AdminReopen($id: ID!) { returnReopen(id: $id) { userErrors { message } } }`, { id: other.id });
    expect(await deliverLatest("returns/reopen")).toBe(200);
    expect(await copyOf(other.id)).toMatchObject({ status: "open", closedAt: null });
  });

  it("answers 422 to a reverse delivery that names no return", async () => {
    const request = webhookRequest("reverse_deliveries/attach_deliverable", { id: 5, admin_graphql_api_id: "gid://shopify/ReverseDelivery/5" }, { webhookId: "no-return" });
    const { action } = await import("../../app/routes/webhooks.reverse_deliveries.attach_deliverable");
    expect((await routeAnswer(() => action(args(request)))).status).toBe(422);
  });
});

describe("the insight on the Returns page", () => {
  const DAY = 86_400_000;
  const mug = "gid://shopify/Product/9101";
  const beans = "gid://shopify/Product/9102";

  async function sold(id: string, daysAgo: number, lines: Array<{ productId: string; title: string; quantity: number }>, cancelled = false) {
    const createdAt = new Date(Date.now() - daysAgo * DAY);
    await seedOrder(shop, {
      id: `gid://shopify/Order/${id}`,
      name: `#${id}`,
      createdAt,
      cancelledAt: cancelled ? createdAt : null,
      lineItems: lines.map((line, index) => ({ id: `gid://shopify/LineItem/${id}${index}`, sku: null, ...line })),
    });
  }

  async function returned(id: string, daysAgo: number, status: string, lines: Array<{ productId: string; title: string; quantity: number; reason: string; reasonName: string }>, refundAfterHours: number | null) {
    const requestedAt = new Date(Date.now() - daysAgo * DAY);
    await prisma.returnRequest.create({
      data: {
        shop,
        orderId: "gid://shopify/Order/9001",
        shopifyReturnId: `gid://shopify/Return/${id}`,
        status,
        source: "storefront",
        requestedAt,
        refundedAt: refundAfterHours === null ? null : new Date(requestedAt.getTime() + refundAfterHours * 3_600_000),
        lines: { create: lines.map((line, index) => ({ shop, fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${id}${index}`, ...line })) },
      },
    });
  }

  it("rates products by returns per unit sold in the period, by reason, and times request to refund", async () => {
    // Only the orders below are the shop's sales.
    await prisma.orderLineItem.deleteMany({ where: { shop } });
    await prisma.order.deleteMany({ where: { shop } });
    await sold("9001", 10, [{ productId: mug, title: "Mug", quantity: 8 }, { productId: beans, title: "Beans", quantity: 10 }]);
    await sold("9002", 20, [{ productId: mug, title: "Mug", quantity: 2 }]);
    // Outside the 30 days, and a cancelled order: not sold in the period.
    await sold("9003", 60, [{ productId: mug, title: "Mug", quantity: 100 }]);
    await sold("9004", 5, [{ productId: beans, title: "Beans", quantity: 30 }], true);
    await returned("9501", 8, "closed", [{ productId: mug, title: "Mug", quantity: 2, reason: "defective", reasonName: "Item was defective" }], 48);
    await returned("9502", 4, "open", [{ productId: beans, title: "Beans", quantity: 1, reason: "size-too-small", reasonName: "Size was too small" }], 24);
    await returned("9503", 3, "declined", [{ productId: beans, title: "Beans", quantity: 5, reason: "unwanted", reasonName: "Unwanted" }], null);
    await returned("9504", 45, "closed", [{ productId: mug, title: "Mug", quantity: 9, reason: "defective", reasonName: "Item was defective" }], 10);

    const { insight, days } = await loadQueue("?days=30");
    expect(days).toBe(30);
    expect(insight).toMatchObject({ returns: 2, returnedUnits: 3, soldUnits: 20, rate: 15, refundTime: { refunds: 2, medianHours: 36, p90Hours: 48 } });
    expect(insight.byProduct).toEqual([
      expect.objectContaining({ productId: mug, title: "Mug", sold: 10, returned: 2, rate: 20 }),
      expect.objectContaining({ productId: beans, title: "Beans", sold: 10, returned: 1, rate: 10 }),
    ]);
    expect(insight.byReason).toEqual([
      expect.objectContaining({ reason: "defective", units: 2 }),
      expect.objectContaining({ reason: "size-too-small", units: 1 }),
    ]);
    // Over 90 days the older order and return count too.
    expect((await loadQueue("?days=90")).insight).toMatchObject({ returns: 3, returnedUnits: 12, soldUnits: 120 });
  });
});
