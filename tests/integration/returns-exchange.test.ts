/**
 * A return with an exchange, through the real admin routes against the fake Admin API. Shoppers cannot
 * ask for an exchange (Shopify's returnRequest has no exchange items): the merchant creates the return
 * with the exchange in Shopify's admin (returnCreate), Aftercare records its copy from the returns/approve
 * webhook, the return's page shows what the shopper gets instead, and "Mark received and refund" sends
 * returnProcess with the received unit and the exchange item together. Too much is refused with
 * Shopify's userErrors on the page, and nothing changes.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getReturnCopy } from "../../app/models/returns/returns.server";
import { getReturnableItems, listReturnReasons } from "../../app/models/returns/shopify-returns.server";
import { fakeReturns, type FakeAdmin, type SeedOrder } from "../support/fake-admin";
import { freshReturnsShop, loadReturnPage, submitReturnPage } from "../support/returns-fixtures";
import { deliverReturnWebhook } from "../support/return-webhooks";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

const shop = TEST_SHOP;
const TOKEN = "shpat_returns_exchange";
let fake: FakeAdmin;
let order: SeedOrder;

const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => fake.graphql(query, options);
/** In Shopify's admin, "Create return" with an exchange for another variant: no call of the app. */
async function merchantCreatesExchange() {
  const [item] = (await getReturnableItems(graphql, order.id)).filter((candidate) => candidate.lineItemId === order.lineItems[0].id);
  const line = order.lineItems[0];
  const product = fake.state.products.get(line.productId)!;
  const variant = product.variants.find((candidate) => candidate.id !== line.variantId) ?? product.variants[0];
  const reasons = await listReturnReasons(graphql);
  const answer = await fake.query(
    `mutation AdminReturnCreate($returnInput: ReturnInput!) {
      returnCreate(returnInput: $returnInput) { return { id status } userErrors { field message code } }
    }`,
    {
      returnInput: {
        orderId: order.id,
        returnLineItems: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, returnReasonDefinitionId: reasons.find((reason) => reason.handle === "size-too-small")!.id }],
        exchangeLineItems: [{ variantId: variant.id, quantity: 1 }],
      },
    },
  );
  expect(answer.errors).toBeUndefined();
  const created = (answer.data as { returnCreate: { return: { id: string; status: string } | null; userErrors: unknown[] } }).returnCreate;
  expect(created.userErrors).toEqual([]);
  return { returnId: created.return!.id, line, product, variant };
}

beforeAll(async () => {
  await storeOfflineSession({ accessToken: TOKEN, scope: "read_orders,read_returns,write_returns" });
});

beforeEach(async () => {
  ({ fake, order } = await freshReturnsShop(shop, TOKEN));
});

describe("a return with an exchange, made in Shopify's admin", () => {
  it("is recorded from returns/approve, shows the exchange, and is processed with the received unit; too much is refused", async () => {
    const { returnId, line, product, variant } = await merchantCreatesExchange();
    const approve = fakeReturns(fake.state).webhooks.findLast((webhook) => webhook.topic === "returns/approve")!;
    expect(approve.payload).toMatchObject({ admin_graphql_api_id: returnId, status: "open", total_exchange_line_items: 1 });
    expect(await deliverReturnWebhook(approve)).toBe(200);
    expect(await getReturnCopy(shop, returnId)).toMatchObject({ status: "open", source: "shopify", orderName: order.name, lines: [expect.objectContaining({ quantity: 1, title: line.title })] });

    // The page shows what comes back and what the shopper gets instead.
    const { status, body } = await loadReturnPage(returnId);
    expect(status).toBe(200);
    expect(body.view).toMatchObject({ status: "OPEN", source: "shopify", lines: [expect.objectContaining({ title: line.title, quantity: 1, processedQuantity: 0 })] });
    const variantTitle = variant.title === "Default Title" ? null : variant.title;
    expect(body.view.exchanges).toEqual([
      { id: expect.stringMatching(/^gid:\/\/shopify\/ExchangeLineItem\//), title: product.title, variantTitle, sku: variant.sku, quantity: 1, processedQuantity: 0, processableQuantity: 1 },
    ]);
    // The exchange is paid for with what came back: only the rest is refundable.
    const cents = (amount: string | number) => Math.round(Number(amount) * 100);
    const rest = Math.max(0, cents(line.discountedUnitPriceSet.shopMoney.amount) - cents(variant.price));
    expect(body.view.refundable).toEqual({ amount: (rest / 100).toFixed(2), currencyCode: line.discountedUnitPriceSet.shopMoney.currencyCode });

    // "Mark received and refund", as the page's form sends it: a pure exchange, no refund.
    const [returnLine] = body.view.lines;
    const [exchange] = body.view.exchanges;
    const form = { intent: "process", refund: "none", amount: "", note: "", [`quantity:${returnLine.id}`]: "1", [`exchange:${exchange.id}`]: "1" };
    const processed = await submitReturnPage(returnId, form);
    expect(processed).toEqual({ status: 200, body: { ok: true, done: "process", problems: [], errors: {} } });
    const sent = fake.requests.filter((request) => request.operationName === "ReturnProcess");
    expect(sent).toHaveLength(1);
    expect(sent[0].variables).toMatchObject({
      input: { returnId, returnLineItems: [{ id: returnLine.id, quantity: 1 }], exchangeLineItems: [{ id: exchange.id, quantity: 1 }] },
    });
    expect((sent[0].variables as { input: Record<string, unknown> }).input.financialTransfer).toBeUndefined();
    const shopifyReturn = fakeReturns(fake.state).find(returnId)!;
    expect(shopifyReturn.lines[0].processedQuantity).toBe(1);
    expect(shopifyReturn.exchanges[0].processedQuantity).toBe(1);
    expect(shopifyReturn.refunds).toEqual([]);
    const after = (await loadReturnPage(returnId)).body.view;
    expect(after.lines[0]).toMatchObject({ processedQuantity: 1 });
    expect(after.exchanges[0]).toMatchObject({ processedQuantity: 1, processableQuantity: 0 });
    expect(await getReturnCopy(shop, returnId)).toMatchObject({ status: "open", refundMethod: null, refundedAt: null });

    // The same form again: Shopify refuses the exchange item, the page shows why, nothing changes.
    const webhooks = fakeReturns(fake.state).webhooks.length;
    const again = await submitReturnPage(returnId, { ...form, [`quantity:${returnLine.id}`]: "0" });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ ok: false, done: null, errors: {} });
    expect(again.body.problems).toEqual([expect.stringContaining("Quantity is greater than the processable quantity.")]);
    expect(fakeReturns(fake.state).find(returnId)!.exchanges[0].processedQuantity).toBe(1);
    expect(fakeReturns(fake.state).find(returnId)!.lines[0].processedQuantity).toBe(1);
    expect(fakeReturns(fake.state).webhooks).toHaveLength(webhooks);

    // In the admin's other language too.
    const { body: indonesian } = await submitReturnPage(returnId, { ...form, [`quantity:${returnLine.id}`]: "0" }, { locale: "id" });
    expect(indonesian.problems).toEqual([expect.stringContaining("Quantity is greater than the processable quantity.")]);
    expect(indonesian.problems[0]).not.toMatch(/^That quantity/);
  });

  it("asks for an amount when a refund is chosen but the exchange costs as much as the returned item", async () => {
    const { returnId, line, variant } = await merchantCreatesExchange();
    expect(await deliverReturnWebhook(fakeReturns(fake.state).webhooks.at(-1)!)).toBe(200);
    const view = (await loadReturnPage(returnId)).body.view;
    const form = { intent: "process", refund: "store_credit", amount: "", [`quantity:${view.lines[0].id}`]: "1", [`exchange:${view.exchanges[0].id}`]: "1" };
    // The seed's other variant costs the same as the returned one.
    expect(Number(variant.price)).toBeGreaterThanOrEqual(Number(line.discountedUnitPriceSet.shopMoney.amount));
    expect(view.refundable.amount).toBe("0.00");
    expect(await submitReturnPage(returnId, form)).toEqual({ status: 422, body: { ok: false, done: null, problems: [], errors: { amount: "Enter an amount greater than 0, with at most two decimals" } } });
    expect(fake.requests.filter((request) => request.operationName === "ReturnProcess")).toHaveLength(0);
    expect(fakeReturns(fake.state).find(returnId)!.exchanges[0].processedQuantity).toBe(0);
  });
});
