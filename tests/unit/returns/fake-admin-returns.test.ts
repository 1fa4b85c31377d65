import { beforeEach, describe, expect, it } from "vitest";
import {
  addReturnLabel,
  approveReturn,
  cancelReturn,
  closeReturn,
  declineReturn,
  getOrderReturns,
  getReturn,
  getReturnableItems,
  listReturnReasons,
  processReturn,
  reopenReturn,
  requestReturn,
} from "~/models/returns/shopify-returns.server";
import { createFakeAdmin, createSeedShop, fakeReturns, type FakeAdmin, type SeedOrder } from "../../support/fake-admin";
import { returned } from "../../support/return-webhooks";

/**
 * The fake Admin API's returns, driven through the app's own client: Shopify's state machine
 * (REQUESTED -> OPEN -> CLOSED, DECLINED, CANCELED), the userErrors of a wrong transition or a bad
 * quantity (nothing changes then), reverse fulfillment orders, refunds, the merchant's own return with an
 * exchange (returnCreate) processed with returnProcess, and the webhooks each step fires.
 */

const TOKEN = "shpat_returns";
const SCOPES = ["read_orders", "read_products", "read_customers", "read_returns", "write_returns"];
let fake: FakeAdmin;
let order: SeedOrder;

const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => fake.graphql(query, options);

const topics = () => fakeReturns(fake.state).webhooks.map((webhook) => webhook.topic);

async function requestOne(quantity = 1) {
  const [first] = await getReturnableItems(graphql, order.id);
  const reasons = await listReturnReasons(graphql);
  return requestReturn(graphql, {
    orderId: order.id,
    lines: [{ fulfillmentLineItemId: first.fulfillmentLineItemId, quantity, reasonDefinitionId: reasons.find((reason) => reason.handle === "size-too-large")!.id }],
  });
}

beforeEach(() => {
  fake = createFakeAdmin({ shop: createSeedShop(), accessToken: TOKEN, scopes: SCOPES });
  order = fake.state.seed.orders.findLast(
    (candidate) => !candidate.cancelledAt && candidate.displayFinancialStatus === "PAID" &&
      candidate.fulfillments.some((fulfillment) => fulfillment.status === "SUCCESS" && fulfillment.fulfillmentLineItems.length >= 2),
  )!;
});

describe("fake returns: the request", () => {
  it("lists fulfilled units as returnable, and takes the requested ones off that list", async () => {
    const before = await getReturnableItems(graphql, order.id);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const entry = returned(await requestOne(1));

    expect(entry).toMatchObject({ status: "REQUESTED", name: `${order.name}-R1`, totalQuantity: 1, orderId: order.id });
    expect(entry.lines[0]).toMatchObject({ quantity: 1, reason: { handle: "size-too-large", name: "Size was too large" } });
    const after = await getReturnableItems(graphql, order.id);
    const left = after.find((item) => item.fulfillmentLineItemId === before[0].fulfillmentLineItemId)?.quantity ?? 0;
    expect(left).toBe(before[0].quantity - 1);
    expect(await getOrderReturns(graphql, order.id)).toMatchObject({ returnStatus: "RETURN_REQUESTED", returns: [{ id: entry.id, status: "REQUESTED" }] });
    expect(topics()).toEqual(["returns/request"]);
  });

  it("refuses more units than were fulfilled, an unknown item and an empty request, and records nothing", async () => {
    const [first] = await getReturnableItems(graphql, order.id);
    const tooMany = await requestOne(first.quantity + 1);
    expect(tooMany).toMatchObject({ ok: false, errors: [{ code: "INVALID", field: ["input", "returnLineItems", "0", "quantity"], key: "returns.shopify.quantity" }] });
    const unknown = await requestReturn(graphql, { orderId: order.id, lines: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1, reasonDefinitionId: "gid://shopify/ReturnReasonDefinition/1" }] });
    expect(unknown).toMatchObject({ ok: false, errors: [{ code: "NOT_FOUND" }] });
    expect(await requestReturn(graphql, { orderId: order.id, lines: [] })).toMatchObject({ ok: false, errors: [{ code: "BLANK" }] });
    expect(await requestReturn(graphql, { orderId: "gid://shopify/Order/1", lines: [] })).toMatchObject({ ok: false, errors: [{ code: "NOT_FOUND", field: ["input", "orderId"] }] });
    expect(fakeReturns(fake.state).returns).toHaveLength(0);
    expect(topics()).toEqual([]);
  });
});

describe("fake returns: access scopes", () => {
  it("answers ACCESS_DENIED without write_returns for a mutation, and without read_returns for a read", async () => {
    fake = createFakeAdmin({ shop: createSeedShop(), accessToken: TOKEN, scopes: ["read_orders", "read_returns"] });
    const [item] = await getReturnableItems(graphql, order.id);
    await expect(requestReturn(graphql, { orderId: order.id, lines: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, reasonDefinitionId: "gid://shopify/ReturnReasonDefinition/1" }] }))
      .rejects.toThrow(/Required access: `write_returns`/);
    fake = createFakeAdmin({ shop: createSeedShop(), accessToken: TOKEN, scopes: ["read_orders"] });
    await expect(getOrderReturns(graphql, order.id)).rejects.toThrow(/Required access: `read_returns`/);
    expect(fakeReturns(fake.state).returns).toHaveLength(0);
  });
});

describe("fake returns: the merchant's steps", () => {
  it("approves with a reverse fulfillment order, takes a label, refunds and closes, firing each webhook", async () => {
    const requested = returned(await requestOne());
    const approved = returned(await approveReturn(graphql, requested.id));
    expect(approved.status).toBe("OPEN");
    expect(approved.requestApprovedAt).not.toBeNull();
    expect(approved.reverseFulfillmentOrders).toMatchObject([{ status: "OPEN", lines: [{ totalQuantity: 1 }] }]);

    const labelled = returned(await addReturnLabel(graphql, approved.id, { labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE123", trackingUrl: "https://track.example/JNE123" }));
    expect(labelled.reverseFulfillmentOrders[0].deliveries).toMatchObject([{ labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE123" }]);

    const line = labelled.lines[0];
    const processed = returned(await processReturn(graphql, { returnId: labelled.id, lines: [{ returnLineItemId: line.id, quantity: 1 }], refund: { method: "original_payment", amount: line.total! } }));
    expect(processed.lines[0]).toMatchObject({ processedQuantity: 1, refundableQuantity: 0 });
    expect(processed.refunds).toMatchObject([{ total: line.total }]);

    const closed = returned(await closeReturn(graphql, processed.id));
    expect(closed.status).toBe("CLOSED");
    expect(closed.reverseFulfillmentOrders[0].status).toBe("CLOSED");
    expect((await getOrderReturns(graphql, order.id))?.returnStatus).toBe("RETURNED");
    expect(topics()).toEqual(["returns/request", "returns/approve", "reverse_deliveries/attach_deliverable", "returns/process", "returns/close"]);

    const webhook = fakeReturns(fake.state).webhooks.at(-1)!;
    expect(webhook.payload).toMatchObject({ admin_graphql_api_id: closed.id, status: "closed", order: { admin_graphql_api_id: order.id } });
  });

  it("answers a wrong transition with Shopify's INVALID_STATE and changes nothing", async () => {
    const requested = returned(await requestOne());
    expect(await closeReturn(graphql, requested.id)).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE", key: "returns.shopify.invalidState" }] });
    expect(await processReturn(graphql, { returnId: requested.id, lines: [{ returnLineItemId: requested.lines[0].id, quantity: 1 }], refund: null })).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });
    expect(await addReturnLabel(graphql, requested.id, { trackingNumber: "X" })).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });

    const declined = returned(await declineReturn(graphql, requested.id, { reason: "FINAL_SALE", note: "Sale items are final." }));
    expect(declined).toMatchObject({ status: "DECLINED", decline: { reason: "FINAL_SALE", note: "Sale items are final." } });
    expect(await approveReturn(graphql, requested.id)).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });
    expect(await declineReturn(graphql, requested.id, { reason: "OTHER" })).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });
    expect(fakeReturns(fake.state).find(requested.id)?.status).toBe("DECLINED");
    expect(topics()).toEqual(["returns/request", "returns/decline"]);
    // A declined return frees its units again.
    expect(returned(await requestOne()).name).toBe(`${order.name}-R2`);
  });

  it("refuses processing more than is processable and a refund above the returned value", async () => {
    const entry = returned(await approveReturn(graphql, returned(await requestOne()).id));
    const line = entry.lines[0];
    expect(await processReturn(graphql, { returnId: entry.id, lines: [{ returnLineItemId: line.id, quantity: 2 }], refund: null })).toMatchObject({ ok: false, errors: [{ code: "LESS_THAN_OR_EQUAL_TO" }] });
    const tooMuch = { amount: (Number(line.total!.amount) + 50).toFixed(2), currencyCode: line.total!.currencyCode };
    expect(await processReturn(graphql, { returnId: entry.id, lines: [{ returnLineItemId: line.id, quantity: 1 }], refund: { method: "store_credit", amount: tooMuch } })).toMatchObject({ ok: false, errors: [{ code: "INVALID" }] });
    expect(fakeReturns(fake.state).find(entry.id)?.lines[0].processedQuantity).toBe(0);
  });

  it("cancels a requested return and reopens a closed one", async () => {
    const requested = returned(await requestOne());
    expect(returned(await cancelReturn(graphql, requested.id)).status).toBe("CANCELED");
    expect(await cancelReturn(graphql, requested.id)).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });

    const open = returned(await approveReturn(graphql, returned(await requestOne()).id));
    returned(await closeReturn(graphql, open.id));
    expect(returned(await reopenReturn(graphql, open.id)).status).toBe("OPEN");
    expect(await reopenReturn(graphql, open.id)).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });
  });
});

/** The merchant's "Create return" with an exchange in Shopify's admin (returnCreate: the app never sends it). */
const RETURN_CREATE = `mutation AdminReturnCreate($returnInput: ReturnInput!) {
  returnCreate(returnInput: $returnInput) {
    return { id status exchangeLineItems(first: 5) { nodes { id variantId quantity processedQuantity processableQuantity unprocessedQuantity lineItems { title variantTitle sku } } } }
    userErrors { field message code }
  }
}`;

describe("fake returns: an exchange the merchant creates in Shopify's admin", () => {
  async function exchangeInput(options: { quantity?: number; exchangeQuantity?: number; variantId?: string } = {}) {
    const [first] = await getReturnableItems(graphql, order.id);
    const line = order.lineItems.find((candidate) => candidate.id === first.lineItemId)!;
    const product = fake.state.products.get(line.productId)!;
    const variant = product.variants.find((candidate) => candidate.id !== line.variantId) ?? product.variants[0];
    const reasons = await listReturnReasons(graphql);
    return {
      variant,
      product,
      returnInput: {
        orderId: order.id,
        returnLineItems: [{ fulfillmentLineItemId: first.fulfillmentLineItemId, quantity: options.quantity ?? 1, returnReasonDefinitionId: reasons.find((reason) => reason.handle === "size-too-large")!.id, returnReasonNote: "Wants the other one" }],
        exchangeLineItems: [{ variantId: options.variantId ?? variant.id, quantity: options.exchangeQuantity ?? 1 }],
      },
    };
  }

  it("opens the return at once with its reverse fulfillment order and exchange items, firing returns/approve", async () => {
    const { variant, product, returnInput } = await exchangeInput({ exchangeQuantity: 2 });
    const answer = await fake.query(RETURN_CREATE, { returnInput });
    expect(answer.errors).toBeUndefined();
    const created = (answer.data as { returnCreate: { return: { id: string; status: string; exchangeLineItems: { nodes: unknown[] } }; userErrors: unknown[] } }).returnCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.return).toMatchObject({
      status: "OPEN",
      exchangeLineItems: { nodes: [{ variantId: variant.id, quantity: 2, processedQuantity: 0, processableQuantity: 2, unprocessedQuantity: 2, lineItems: [{ title: product.title, sku: variant.sku }] }] },
    });

    const entry = (await getReturn(graphql, created.return.id))!;
    expect(entry).toMatchObject({ status: "OPEN", requestApprovedAt: expect.any(String), lines: [{ quantity: 1, processedQuantity: 0 }] });
    expect(entry.reverseFulfillmentOrders).toMatchObject([{ status: "OPEN", lines: [{ totalQuantity: 1 }] }]);
    expect(entry.exchangeLines).toEqual([
      expect.objectContaining({ variantId: variant.id, title: product.title, sku: variant.sku, quantity: 2, processedQuantity: 0, processableQuantity: 2, unitPrice: { amount: Number(variant.price).toFixed(2), currencyCode: order.totalPriceSet.shopMoney.currencyCode } }),
    ]);
    expect(fakeReturns(fake.state).find(entry.id)?.lines[0].returnReasonNote).toBe("Wants the other one");
    expect(topics()).toEqual(["returns/approve"]);
    expect(fakeReturns(fake.state).webhooks[0].payload).toMatchObject({
      admin_graphql_api_id: entry.id,
      status: "open",
      total_exchange_line_items: 2,
      exchange_line_items: [{ admin_graphql_api_id: entry.exchangeLines[0].id, quantity: 2 }],
    });
  });

  it("refuses an unknown variant, a variant left out and a quantity of 0 with Shopify's codes, and records nothing", async () => {
    const unknown = await fake.query(RETURN_CREATE, { returnInput: (await exchangeInput({ variantId: "gid://shopify/ProductVariant/1" })).returnInput });
    expect(unknown.data).toMatchObject({ returnCreate: { return: null, userErrors: [{ field: ["returnInput", "exchangeLineItems", "0", "variantId"], code: "NOT_FOUND", message: "Product variant does not exist." }] } });
    const none = (await exchangeInput()).returnInput;
    const blank = await fake.query(RETURN_CREATE, { returnInput: { ...none, exchangeLineItems: [{ quantity: 1 }] } });
    expect(blank.data).toMatchObject({ returnCreate: { userErrors: [{ field: ["returnInput", "exchangeLineItems", "0", "variantId"], code: "BLANK" }] } });
    const zero = await fake.query(RETURN_CREATE, { returnInput: (await exchangeInput({ exchangeQuantity: 0 })).returnInput });
    expect(zero.data).toMatchObject({ returnCreate: { userErrors: [{ field: ["returnInput", "exchangeLineItems", "0", "quantity"], code: "GREATER_THAN" }] } });
    const tooMany = await fake.query(RETURN_CREATE, { returnInput: (await exchangeInput({ quantity: 99 })).returnInput });
    expect(tooMany.data).toMatchObject({ returnCreate: { userErrors: [{ field: ["returnInput", "returnLineItems", "0", "quantity"], code: "INVALID" }] } });
    expect(fakeReturns(fake.state).returns).toHaveLength(0);
    expect(topics()).toEqual([]);
  });

  it("processes the exchange items with the returned unit, and refuses an unknown item or more than is processable", async () => {
    const answer = await fake.query(RETURN_CREATE, { returnInput: (await exchangeInput({ exchangeQuantity: 2 })).returnInput });
    const returnId = (answer.data as { returnCreate: { return: { id: string } } }).returnCreate.return.id;
    const entry = (await getReturn(graphql, returnId))!;
    const [line] = entry.lines;
    const [exchange] = entry.exchangeLines;

    // The exchange is paid for with what came back: a refund of the whole line is more than is refundable.
    const whole = await processReturn(graphql, { returnId, lines: [{ returnLineItemId: line.id, quantity: 1 }], exchangeLines: [{ exchangeLineItemId: exchange.id, quantity: 1 }], refund: { method: "store_credit", amount: line.total! } });
    expect(whole).toMatchObject({ ok: false, errors: [{ code: "INVALID", field: ["input", "financialTransfer"] }] });

    const processed = returned(await processReturn(graphql, { returnId, lines: [{ returnLineItemId: line.id, quantity: 1 }], exchangeLines: [{ exchangeLineItemId: exchange.id, quantity: 1 }], refund: null }));
    expect(processed.lines[0]).toMatchObject({ processedQuantity: 1 });
    expect(processed.exchangeLines[0]).toMatchObject({ processedQuantity: 1, processableQuantity: 1 });
    expect(processed.refunds).toEqual([]);

    const tooMuch = await processReturn(graphql, { returnId, lines: [], exchangeLines: [{ exchangeLineItemId: exchange.id, quantity: 2 }], refund: null });
    expect(tooMuch).toMatchObject({ ok: false, errors: [{ code: "LESS_THAN_OR_EQUAL_TO", field: ["input", "exchangeLineItems", "0", "quantity"], key: "returns.shopify.quantity" }] });
    const unknown = await processReturn(graphql, { returnId, lines: [], exchangeLines: [{ exchangeLineItemId: "gid://shopify/ExchangeLineItem/1", quantity: 1 }], refund: null });
    expect(unknown).toMatchObject({ ok: false, errors: [{ code: "NOT_FOUND", field: ["input", "exchangeLineItems", "0", "id"] }] });
    expect(fakeReturns(fake.state).find(returnId)?.exchanges[0].processedQuantity).toBe(1);

    // Exchange items alone, with no financial transfer, are a valid process.
    const rest = returned(await processReturn(graphql, { returnId, lines: [], exchangeLines: [{ exchangeLineItemId: exchange.id, quantity: 1 }], refund: null }));
    expect(rest.exchangeLines[0]).toMatchObject({ processedQuantity: 2, processableQuantity: 0 });
    expect(topics()).toEqual(["returns/approve", "returns/process", "returns/process"]);
    // Something was processed: the return cannot be canceled any more.
    expect(await cancelReturn(graphql, returnId)).toMatchObject({ ok: false, errors: [{ code: "INVALID_STATE" }] });
  });
});
