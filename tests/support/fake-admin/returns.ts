/**
 * Returns for the fake Admin API (2026-07 schema), with Shopify's state machine:
 *
 *   returnRequest           -> REQUESTED                 fires returns/request (a shopper's request: no exchange items)
 *   returnCreate            -> OPEN                      fires returns/approve; one reverse fulfillment order
 *                                                        (the merchant's return in Shopify's admin), optionally
 *                                                        with exchange line items (variants of the shop's products)
 *   returnApproveRequest    REQUESTED -> OPEN            fires returns/approve; one reverse fulfillment order
 *   returnDeclineRequest    REQUESTED -> DECLINED        fires returns/decline
 *   reverseDeliveryCreateWithShipping  (OPEN reverse fulfillment order) label and tracking,
 *                                                        fires reverse_deliveries/attach_deliverable
 *   returnProcess           OPEN: refund (original payment and/or store credit) for processed units,
 *                                                        and/or exchange line items processed (the exchanged
 *                                                        variants' price is taken off the refundable amount),
 *                                                        fires returns/process
 *   returnClose             OPEN -> CLOSED               fires returns/close (reverse fulfillment orders close)
 *   returnReopen            CLOSED -> OPEN               fires returns/reopen
 *   returnCancel            REQUESTED or OPEN (nothing processed) -> CANCELED, fires returns/cancel
 *
 * A wrong transition or a bad quantity answers `userErrors { field message code }` and changes nothing.
 * Reads: `returnableFulfillments(orderId:)` (fulfilled units not in a live return), `return(id:)` (with
 * `exchangeLineItems`: each one's quantities and its new `lineItems`), `order.returns`, `order.returnStatus` (from the returns), `order.transactions` (one SALE for a paid
 * order, plus the refunds), and `returnReasonDefinitions` (a small library; `returnRequest` takes
 * `returnReasonDefinitionId`, or the deprecated `returnReason`).
 *
 * Reads need the `read_returns` (or `write_returns`) scope and mutations `write_returns`, as on Shopify:
 * without it the field answers ACCESS_DENIED.
 *
 * Every state change records the webhook Shopify would send (topic and a REST-style body as Shopify's
 * returns/* payloads: numeric `id`, `admin_graphql_api_id`, lower-case `status`, `order`,
 * `return_line_items`, `decline`, `exchange_line_items`): tests read `fakeReturns(fake.state).webhooks` and deliver them, signed,
 * through the app's routes.
 */
import { legacyIdOf } from "./ids";
import { variantLineItem } from "./line-items";
import { buildConnection } from "./connection";
import { accessDenied } from "./protected-data";
import type { ResolverContext } from "./resolvers";
import type { FakeAdminState } from "./state";
import type { SeedFulfillmentLineItem, SeedLineItem, SeedOrder } from "./types";

type Args = Record<string, unknown>;

export type FakeReturnStatus = "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";

export interface ReturnUserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

export interface FakeReturnReasonDefinition {
  __typename: "ReturnReasonDefinition";
  id: string;
  handle: string;
  name: string;
  deleted: boolean;
  /** The deprecated ReturnReason value the definition stands for in webhook bodies. */
  legacyReason: string;
}

export interface FakeReturnLineItem {
  __typename: "ReturnLineItem";
  id: string;
  fulfillmentLineItemId: string;
  quantity: number;
  processedQuantity: number;
  refundedQuantity: number;
  customerNote: string | null;
  returnReason: string;
  returnReasonNote: string;
  returnReasonDefinitionId: string | null;
  unitPrice: number;
  currencyCode: string;
}

/** A variant the shopper gets in exchange (a return created with `exchangeLineItems`). */
export interface FakeExchangeLineItem {
  __typename: "ExchangeLineItem";
  id: string;
  variantId: string;
  quantity: number;
  processedQuantity: number;
  /** The order's new line item for the variant (Shopify adds it to the order; the fake keeps it here). */
  lineItems: SeedLineItem[];
}

export interface FakeReverseDelivery {
  __typename: "ReverseDelivery";
  id: string;
  reverseFulfillmentOrderId: string;
  createdAt: string;
  labelUrl: string | null;
  tracking: { carrierName: string | null; number: string | null; url: string | null } | null;
  lines: Array<{ __typename: "ReverseDeliveryLineItem"; id: string; reverseFulfillmentOrderLineItemId: string; quantity: number }>;
}

export interface FakeReverseFulfillmentOrder {
  __typename: "ReverseFulfillmentOrder";
  id: string;
  returnId: string;
  orderId: string;
  status: "OPEN" | "CLOSED" | "CANCELED";
  lineItems: Array<{ __typename: "ReverseFulfillmentOrderLineItem"; id: string; fulfillmentLineItemId: string; totalQuantity: number }>;
  deliveries: FakeReverseDelivery[];
}

export interface FakeRefund {
  __typename: "Refund";
  id: string;
  orderId: string;
  returnId: string;
  createdAt: string;
  note: string | null;
  /** Refunded to the original payment method. */
  originalPayment: number;
  storeCredit: number;
  currencyCode: string;
  parentTransactionId: string | null;
}

export interface FakeReturn {
  __typename: "Return";
  id: string;
  name: string;
  orderId: string;
  status: FakeReturnStatus;
  createdAt: string;
  requestApprovedAt: string | null;
  closedAt: string | null;
  decline: { reason: string; note: string | null } | null;
  lines: FakeReturnLineItem[];
  exchanges: FakeExchangeLineItem[];
  reverseFulfillmentOrders: FakeReverseFulfillmentOrder[];
  refunds: FakeRefund[];
}

export interface RecordedReturnWebhook {
  topic: string;
  /** A webhook id, unique per recorded webhook (`X-Shopify-Webhook-Id`). */
  webhookId: string;
  payload: Record<string, unknown>;
}

export interface FakeReturns {
  readonly returns: readonly FakeReturn[];
  /** Webhooks Shopify would have sent, oldest first. */
  readonly webhooks: readonly RecordedReturnWebhook[];
  readonly reasons: readonly FakeReturnReasonDefinition[];
  find(id: string): FakeReturn | undefined;
  forOrder(orderId: string): FakeReturn[];
  reasonByHandle(handle: string): FakeReturnReasonDefinition;
}

const REASON_LIBRARY: Array<[handle: string, name: string, legacy: string]> = [
  ["color", "Color", "COLOR"],
  ["defective", "Damaged or defective", "DEFECTIVE"],
  ["not-as-described", "Item not as described", "NOT_AS_DESCRIBED"],
  ["size-too-large", "Size was too large", "SIZE_TOO_LARGE"],
  ["size-too-small", "Size was too small", "SIZE_TOO_SMALL"],
  ["style", "Style", "STYLE"],
  ["unwanted", "Customer changed their mind", "UNWANTED"],
  ["wrong-item", "Received the wrong item", "WRONG_ITEM"],
  ["other", "Other", "OTHER"],
  ["unknown", "Unknown", "UNKNOWN"],
];
const LEGACY_REASONS = new Set(REASON_LIBRARY.map(([, , legacy]) => legacy));

interface Store extends FakeReturns {
  returns: FakeReturn[];
  webhooks: RecordedReturnWebhook[];
  nextId: number;
}

const stores = new WeakMap<FakeAdminState, Store>();

function storeOf(state: FakeAdminState): Store {
  let store = stores.get(state);
  if (!store) {
    const reasons = REASON_LIBRARY.map(([handle, name, legacyReason], index): FakeReturnReasonDefinition => ({
      __typename: "ReturnReasonDefinition",
      id: `gid://shopify/ReturnReasonDefinition/${index + 1}`,
      handle,
      name,
      deleted: false,
      legacyReason,
    }));
    const created: Store = {
      returns: [],
      webhooks: [],
      reasons,
      nextId: 1,
      find: (id) => created.returns.find((item) => item.id === id),
      forOrder: (orderId) => created.returns.filter((item) => item.orderId === orderId),
      reasonByHandle: (handle) => {
        const found = reasons.find((reason) => reason.handle === handle);
        if (!found) throw new Error(`The fake has no return reason "${handle}"`);
        return found;
      },
    };
    store = created;
    stores.set(state, store);
  }
  return store;
}

export function fakeReturns(state: FakeAdminState): FakeReturns {
  return storeOf(state);
}

const nowIso = () => new Date().toISOString();
const error = (field: string[] | null, message: string, code: string): ReturnUserError => ({ field, message, code });
const newId = (store: Store, type: string) => `gid://shopify/${type}/${9_700_000_000 + store.nextId++}`;
const money = (amount: number, currencyCode: string) => ({ amount: amount.toFixed(2), currencyCode });
const moneyBag = (amount: number, currencyCode: string) => ({ shopMoney: money(amount, currencyCode), presentmentMoney: money(amount, currencyCode) });
const LIVE: readonly FakeReturnStatus[] = ["REQUESTED", "OPEN", "CLOSED"];

function fulfillmentLineItemsOf(order: SeedOrder): SeedFulfillmentLineItem[] {
  return order.fulfillments.filter((fulfillment) => fulfillment.status === "SUCCESS").flatMap((fulfillment) => fulfillment.fulfillmentLineItems);
}

/** Units of a fulfillment line item that are not in a requested, open or closed return. */
function returnableQuantity(store: Store, order: SeedOrder, item: SeedFulfillmentLineItem): number {
  const inReturns = store
    .forOrder(order.id)
    .filter((entry) => LIVE.includes(entry.status))
    .flatMap((entry) => entry.lines)
    .filter((line) => line.fulfillmentLineItemId === item.id)
    .reduce((sum, line) => sum + line.quantity, 0);
  return Math.max(0, item.quantity - inReturns);
}

// ---- Webhook bodies ----

function lineItemOf(order: SeedOrder, fulfillmentLineItemId: string) {
  return fulfillmentLineItemsOf(order).find((item) => item.id === fulfillmentLineItemId);
}

function webhookBody(store: Store, context: ResolverContext, entry: FakeReturn): Record<string, unknown> {
  const order = context.state.orders.get(entry.orderId)!;
  return {
    id: Number(legacyIdOf(entry.id)),
    admin_graphql_api_id: entry.id,
    status: entry.status.toLowerCase(),
    name: entry.name,
    order: { id: Number(legacyIdOf(order.id)), admin_graphql_api_id: order.id },
    total_return_line_items: entry.lines.reduce((sum, line) => sum + line.quantity, 0),
    return_line_items: entry.lines.map((line) => {
      const item = lineItemOf(order, line.fulfillmentLineItemId);
      return {
        id: Number(legacyIdOf(line.id)),
        admin_graphql_api_id: line.id,
        fulfillment_line_item: {
          id: Number(legacyIdOf(line.fulfillmentLineItemId)),
          admin_graphql_api_id: line.fulfillmentLineItemId,
          line_item: item ? { id: Number(legacyIdOf(item.lineItem.id)), admin_graphql_api_id: item.lineItem.id } : null,
        },
        quantity: line.quantity,
        return_reason: line.returnReason.toLowerCase(),
        return_reason_note: line.returnReasonNote,
        customer_note: line.customerNote,
      };
    }),
    decline: entry.decline ? { reason: entry.decline.reason.toLowerCase(), note: entry.decline.note } : null,
    exchange_line_items: entry.exchanges.map((exchange) => ({
      id: Number(legacyIdOf(exchange.id)),
      admin_graphql_api_id: exchange.id,
      quantity: exchange.quantity,
      variant_id: Number(legacyIdOf(exchange.variantId)),
    })),
    total_exchange_line_items: entry.exchanges.reduce((sum, exchange) => sum + exchange.quantity, 0),
  };
}

function fire(store: Store, topic: string, payload: Record<string, unknown>) {
  store.webhooks.push({ topic, webhookId: `fake-returns-${store.webhooks.length + 1}-${topic.replace("/", "-")}`, payload });
}

// ---- Mutations ----

interface RequestLineInput {
  fulfillmentLineItemId?: unknown;
  quantity?: unknown;
  customerNote?: unknown;
  returnReasonNote?: unknown;
  returnReason?: unknown;
  returnReasonDefinitionId?: unknown;
}

/**
 * The return line items of a request or a merchant's return, checked as Shopify checks them; `prefix`
 * is the input's path in a userError's field (`["input"]` for returnRequest, `["returnInput"]` for
 * returnCreate). returnRequest takes the shopper's `customerNote`, returnCreate the merchant's `returnReasonNote`.
 */
function buildReturnLines(store: Store, order: SeedOrder, lines: RequestLineInput[], prefix: string[]): { lines: FakeReturnLineItem[]; errors: ReturnUserError[] } {
  const errors: ReturnUserError[] = [];
  if (lines.length === 0) errors.push(error([...prefix, "returnLineItems"], "Return line items can't be blank.", "BLANK"));
  const items = fulfillmentLineItemsOf(order);
  const asked = new Map<string, number>();
  const built: FakeReturnLineItem[] = [];
  lines.forEach((line, index) => {
    const field = (name: string) => [...prefix, "returnLineItems", String(index), name];
    const item = items.find((candidate) => candidate.id === line.fulfillmentLineItemId);
    if (!item) {
      errors.push(error(field("fulfillmentLineItemId"), "Fulfillment line item does not exist.", "NOT_FOUND"));
      return;
    }
    const quantity = Number(line.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) {
      errors.push(error(field("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const total = (asked.get(item.id) ?? 0) + quantity;
    asked.set(item.id, total);
    if (total > returnableQuantity(store, order, item)) {
      errors.push(error(field("quantity"), "Quantity is not available for return.", "INVALID"));
      return;
    }
    const note = typeof line.customerNote === "string" ? line.customerNote : null;
    if (note && note.length > 300) {
      errors.push(error(field("customerNote"), "Customer note is too long (maximum is 300 characters).", "TOO_LONG"));
      return;
    }
    const reasonNote = typeof line.returnReasonNote === "string" ? line.returnReasonNote : "";
    if (reasonNote.length > 255) {
      errors.push(error(field("returnReasonNote"), "Return reason note is too long (maximum is 255 characters).", "TOO_LONG"));
      return;
    }
    let definition: FakeReturnReasonDefinition | undefined;
    if (line.returnReasonDefinitionId != null) {
      definition = store.reasons.find((reason) => reason.id === line.returnReasonDefinitionId);
      if (!definition) {
        errors.push(error(field("returnReasonDefinitionId"), "Return reason definition does not exist.", "NOT_FOUND"));
        return;
      }
    } else if (line.returnReason == null || !LEGACY_REASONS.has(String(line.returnReason))) {
      errors.push(error(field("returnReasonDefinitionId"), "Return reason can't be blank.", "BLANK"));
      return;
    }
    const price = Number(item.lineItem.discountedUnitPriceSet.shopMoney.amount);
    built.push({
      __typename: "ReturnLineItem",
      id: newId(store, "ReturnLineItem"),
      fulfillmentLineItemId: item.id,
      quantity,
      processedQuantity: 0,
      refundedQuantity: 0,
      customerNote: note,
      returnReason: definition?.legacyReason ?? String(line.returnReason),
      returnReasonNote: reasonNote,
      returnReasonDefinitionId: definition?.id ?? null,
      unitPrice: price,
      currencyCode: item.lineItem.discountedUnitPriceSet.shopMoney.currencyCode,
    });
  });
  return { lines: built, errors };
}

function newReturn(store: Store, order: SeedOrder, status: FakeReturnStatus, lines: FakeReturnLineItem[], exchanges: FakeExchangeLineItem[]): FakeReturn {
  return {
    __typename: "Return",
    id: newId(store, "Return"),
    name: `${order.name}-R${store.forOrder(order.id).length + 1}`,
    orderId: order.id,
    status,
    createdAt: nowIso(),
    requestApprovedAt: null,
    closedAt: null,
    decline: null,
    lines,
    exchanges,
    reverseFulfillmentOrders: [],
    refunds: [],
  };
}

/** An OPEN return's reverse fulfillment order: every unit of its lines, to be sent back. */
function openReverseFulfillmentOrder(store: Store, entry: FakeReturn): void {
  entry.reverseFulfillmentOrders.push({
    __typename: "ReverseFulfillmentOrder",
    id: newId(store, "ReverseFulfillmentOrder"),
    returnId: entry.id,
    orderId: entry.orderId,
    status: "OPEN",
    lineItems: entry.lines.map((line) => ({
      __typename: "ReverseFulfillmentOrderLineItem",
      id: newId(store, "ReverseFulfillmentOrderLineItem"),
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      totalQuantity: line.quantity,
    })),
    deliveries: [],
  });
}

function resolveReturnRequest(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const input = (args.input ?? {}) as { orderId?: unknown; returnLineItems?: RequestLineInput[] };
  const order = context.state.orders.get(String(input.orderId));
  if (!order || !context.isOrderVisible(order)) {
    return { return: null, userErrors: [error(["input", "orderId"], "Order does not exist.", "NOT_FOUND")] };
  }
  const { lines: built, errors } = buildReturnLines(store, order, input.returnLineItems ?? [], ["input"]);
  if (errors.length > 0) return { return: null, userErrors: errors };

  const entry = newReturn(store, order, "REQUESTED", built, []);
  store.returns.push(entry);
  fire(store, "returns/request", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

interface ExchangeLineInput {
  variantId?: unknown;
  quantity?: unknown;
  appliedDiscount?: unknown;
  giftCardCodes?: unknown;
}

/** The variants the shopper gets instead: each a variant of the shop's products, at least one unit. */
function buildExchangeLines(store: Store, context: ResolverContext, order: SeedOrder, lines: ExchangeLineInput[]): { lines: FakeExchangeLineItem[]; errors: ReturnUserError[] } {
  const errors: ReturnUserError[] = [];
  const built: FakeExchangeLineItem[] = [];
  lines.forEach((line, index) => {
    const field = (name: string) => ["returnInput", "exchangeLineItems", String(index), name];
    if (line.variantId == null) {
      errors.push(error(field("variantId"), "Variant can't be blank.", "BLANK"));
      return;
    }
    const variant = context.state.variants.get(String(line.variantId));
    const product = variant ? context.state.products.get(variant.productId) : undefined;
    if (!variant || !product) {
      errors.push(error(field("variantId"), "Product variant does not exist.", "NOT_FOUND"));
      return;
    }
    const quantity = Number(line.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) {
      errors.push(error(field("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    built.push({
      __typename: "ExchangeLineItem",
      id: newId(store, "ExchangeLineItem"),
      variantId: variant.id,
      quantity,
      processedQuantity: 0,
      lineItems: [variantLineItem(newId(store, "LineItem"), product, variant, quantity, order.totalPriceSet.shopMoney.currencyCode)],
    });
  });
  return { lines: built, errors };
}

/**
 * The merchant's return in Shopify's admin ("Create return"): OPEN at once, with its reverse fulfillment
 * order, optionally with exchange line items (only this mutation takes them; returnRequest has none).
 */
function resolveReturnCreate(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const input = (args.returnInput ?? {}) as { orderId?: unknown; returnLineItems?: RequestLineInput[]; exchangeLineItems?: ExchangeLineInput[]; requestedAt?: unknown };
  const order = context.state.orders.get(String(input.orderId));
  if (!order || !context.isOrderVisible(order)) {
    return { return: null, userErrors: [error(["returnInput", "orderId"], "Order does not exist.", "NOT_FOUND")] };
  }
  const returned = buildReturnLines(store, order, input.returnLineItems ?? [], ["returnInput"]);
  const exchanged = buildExchangeLines(store, context, order, input.exchangeLineItems ?? []);
  const errors = [...returned.errors, ...exchanged.errors];
  if (errors.length > 0) return { return: null, userErrors: errors };

  const entry = newReturn(store, order, "OPEN", returned.lines, exchanged.lines);
  if (typeof input.requestedAt === "string") entry.createdAt = new Date(input.requestedAt).toISOString();
  entry.requestApprovedAt = nowIso();
  openReverseFulfillmentOrder(store, entry);
  store.returns.push(entry);
  fire(store, "returns/approve", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

function findReturn(store: Store, id: unknown, field: string[]): { entry: FakeReturn } | { errors: ReturnUserError[] } {
  const entry = store.find(String(id));
  return entry ? { entry } : { errors: [error(field, "Return does not exist.", "NOT_FOUND")] };
}

function resolveReturnApproveRequest(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const input = (args.input ?? {}) as { id?: unknown };
  const found = findReturn(store, input.id, ["input", "id"]);
  if ("errors" in found) return { return: null, userErrors: found.errors };
  const entry = found.entry;
  if (entry.status !== "REQUESTED") {
    return { return: null, userErrors: [error(["input", "id"], "Return is not approvable. Only returns with status REQUESTED can be approved.", "INVALID_STATE")] };
  }
  entry.status = "OPEN";
  entry.requestApprovedAt = nowIso();
  openReverseFulfillmentOrder(store, entry);
  fire(store, "returns/approve", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

const DECLINE_REASONS = new Set(["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"]);

function resolveReturnDeclineRequest(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const input = (args.input ?? {}) as { id?: unknown; declineReason?: unknown; declineNote?: unknown };
  const found = findReturn(store, input.id, ["input", "id"]);
  if ("errors" in found) return { return: null, userErrors: found.errors };
  const entry = found.entry;
  if (entry.status !== "REQUESTED") {
    return { return: null, userErrors: [error(["input", "id"], "Return is not declinable. Only returns with status REQUESTED can be declined.", "INVALID_STATE")] };
  }
  const note = typeof input.declineNote === "string" ? input.declineNote : null;
  if (note && note.length > 500) {
    return { return: null, userErrors: [error(["input", "declineNote"], "Decline note is too long (maximum is 500 characters).", "TOO_LONG")] };
  }
  if (!DECLINE_REASONS.has(String(input.declineReason))) {
    return { return: null, userErrors: [error(["input", "declineReason"], "Decline reason is not included in the list.", "INCLUSION")] };
  }
  entry.status = "DECLINED";
  entry.decline = { reason: String(input.declineReason), note };
  fire(store, "returns/decline", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

function resolveReverseDeliveryCreateWithShipping(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const rfo = store.returns.flatMap((entry) => entry.reverseFulfillmentOrders).find((candidate) => candidate.id === args.reverseFulfillmentOrderId);
  if (!rfo) return { reverseDelivery: null, userErrors: [error(["reverseFulfillmentOrderId"], "Reverse fulfillment order does not exist.", "NOT_FOUND")] };
  if (rfo.status !== "OPEN") {
    return { reverseDelivery: null, userErrors: [error(["reverseFulfillmentOrderId"], "Reverse fulfillment order is not open.", "INVALID_STATE")] };
  }
  const requested = (args.reverseDeliveryLineItems ?? []) as Array<{ reverseFulfillmentOrderLineItemId: string; quantity: number }>;
  if (requested.length === 0) {
    return { reverseDelivery: null, userErrors: [error(["reverseDeliveryLineItems"], "Reverse delivery line items can't be blank.", "BLANK")] };
  }
  const errors: ReturnUserError[] = [];
  requested.forEach((line, index) => {
    const item = rfo.lineItems.find((candidate) => candidate.id === line.reverseFulfillmentOrderLineItemId);
    const field = ["reverseDeliveryLineItems", String(index)];
    if (!item) errors.push(error([...field, "reverseFulfillmentOrderLineItemId"], "Reverse fulfillment order line item does not exist.", "NOT_FOUND"));
    else {
      const delivered = rfo.deliveries.flatMap((delivery) => delivery.lines).filter((entry) => entry.reverseFulfillmentOrderLineItemId === item.id).reduce((sum, entry) => sum + entry.quantity, 0);
      if (line.quantity < 1 || line.quantity > item.totalQuantity - delivered) {
        errors.push(error([...field, "quantity"], "Quantity is not available for a reverse delivery.", "INVALID"));
      }
    }
  });
  if (errors.length > 0) return { reverseDelivery: null, userErrors: errors };
  const label = args.labelInput as { fileUrl?: string } | null | undefined;
  const tracking = args.trackingInput as { number?: string | null; url?: string | null } | null | undefined;
  const delivery: FakeReverseDelivery = {
    __typename: "ReverseDelivery",
    id: newId(store, "ReverseDelivery"),
    reverseFulfillmentOrderId: rfo.id,
    createdAt: nowIso(),
    labelUrl: label?.fileUrl ?? null,
    tracking: tracking ? { carrierName: null, number: tracking.number ?? null, url: tracking.url ?? null } : null,
    lines: requested.map((line) => ({
      __typename: "ReverseDeliveryLineItem",
      id: newId(store, "ReverseDeliveryLineItem"),
      reverseFulfillmentOrderLineItemId: line.reverseFulfillmentOrderLineItemId,
      quantity: line.quantity,
    })),
  };
  rfo.deliveries.push(delivery);
  fire(store, "reverse_deliveries/attach_deliverable", {
    id: Number(legacyIdOf(delivery.id)),
    admin_graphql_api_id: delivery.id,
    return: { id: Number(legacyIdOf(rfo.returnId)), admin_graphql_api_id: rfo.returnId },
    shipping_deliverable: {
      tracking: delivery.tracking ? { carrier_name: null, tracking_number: delivery.tracking.number, tracking_url: delivery.tracking.url } : null,
      label: delivery.labelUrl ? { public_file_url: delivery.labelUrl, created_at: delivery.createdAt } : null,
    },
  });
  return { reverseDelivery: delivery, userErrors: [] };
}

interface ProcessInput {
  returnId?: unknown;
  returnLineItems?: Array<{ id: string; quantity: number }>;
  exchangeLineItems?: Array<{ id: string; quantity: number }>;
  note?: string | null;
  financialTransfer?: {
    issueRefund?: {
      orderTransactions?: Array<{ parentId: string; transactionAmount: { amount: string; currencyCode: string } }>;
      refundMethods?: Array<{ storeCreditRefund?: { amount: { amount: string; currencyCode: string } } }>;
      allowOverRefunding?: boolean;
    };
  } | null;
}

function resolveReturnProcess(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const input = (args.input ?? {}) as ProcessInput;
  const found = findReturn(store, input.returnId, ["input", "returnId"]);
  if ("errors" in found) return { return: null, userErrors: found.errors };
  const entry = found.entry;
  if (entry.status !== "OPEN") {
    return { return: null, userErrors: [error(["input", "returnId"], "Return must be open to be processed.", "INVALID_STATE")] };
  }
  const lines = input.returnLineItems ?? [];
  const exchanges = input.exchangeLineItems ?? [];
  if (lines.length === 0 && exchanges.length === 0) {
    return { return: null, userErrors: [error(["input", "returnLineItems"], "Return line items can't be blank.", "BLANK")] };
  }
  const errors: ReturnUserError[] = [];
  lines.forEach((line, index) => {
    const target = entry.lines.find((candidate) => candidate.id === line.id);
    const field = ["input", "returnLineItems", String(index)];
    if (!target) errors.push(error([...field, "id"], "Return line item does not exist.", "NOT_FOUND"));
    else if (line.quantity < 1 || line.quantity > target.quantity - target.processedQuantity) {
      errors.push(error([...field, "quantity"], "Quantity is greater than the processable quantity.", "LESS_THAN_OR_EQUAL_TO"));
    }
  });
  exchanges.forEach((line, index) => {
    const target = entry.exchanges.find((candidate) => candidate.id === line.id);
    const field = ["input", "exchangeLineItems", String(index)];
    if (!target) errors.push(error([...field, "id"], "Exchange line item does not exist.", "NOT_FOUND"));
    else if (line.quantity < 1 || line.quantity > target.quantity - target.processedQuantity) {
      errors.push(error([...field, "quantity"], "Quantity is greater than the processable quantity.", "LESS_THAN_OR_EQUAL_TO"));
    }
  });
  const order = context.state.orders.get(entry.orderId)!;
  const currency = order.totalPriceSet.shopMoney.currencyCode;
  const returnedValue = lines.reduce((sum, line) => sum + (entry.lines.find((candidate) => candidate.id === line.id)?.unitPrice ?? 0) * line.quantity, 0);
  // The variants the shopper gets are paid for out of what they sent back: only the rest is refundable.
  const exchangedValue = exchanges.reduce((sum, line) => {
    const target = entry.exchanges.find((candidate) => candidate.id === line.id);
    return sum + Number(target?.lineItems[0]?.discountedUnitPriceSet.shopMoney.amount ?? 0) * line.quantity;
  }, 0);
  const processedValue = Math.max(0, returnedValue - exchangedValue);
  const refund = input.financialTransfer?.issueRefund;
  const toPayment = (refund?.orderTransactions ?? []).reduce((sum, transaction) => sum + Number(transaction.transactionAmount.amount), 0);
  const toCredit = (refund?.refundMethods ?? []).reduce((sum, method) => sum + Number(method.storeCreditRefund?.amount.amount ?? 0), 0);
  const sale = saleTransactionOf(order);
  (refund?.orderTransactions ?? []).forEach((transaction, index) => {
    if (!sale || transaction.parentId !== sale.id) {
      errors.push(error(["input", "financialTransfer", "issueRefund", "orderTransactions", String(index), "parentId"], "Parent transaction does not exist.", "NOT_FOUND"));
    }
  });
  if (refund && !refund.allowOverRefunding && toPayment + toCredit > processedValue + 0.005) {
    errors.push(error(["input", "financialTransfer"], "Refund amount exceeds the refundable amount.", "INVALID"));
  }
  if (errors.length > 0) return { return: null, userErrors: errors };

  for (const line of lines) {
    const target = entry.lines.find((candidate) => candidate.id === line.id)!;
    target.processedQuantity += line.quantity;
    if (refund) target.refundedQuantity += line.quantity;
  }
  for (const line of exchanges) entry.exchanges.find((candidate) => candidate.id === line.id)!.processedQuantity += line.quantity;
  if (refund && toPayment + toCredit > 0) {
    entry.refunds.push({
      __typename: "Refund",
      id: newId(store, "Refund"),
      orderId: order.id,
      returnId: entry.id,
      createdAt: nowIso(),
      note: input.note ?? null,
      originalPayment: toPayment,
      storeCredit: toCredit,
      currencyCode: currency,
      parentTransactionId: sale?.id ?? null,
    });
  }
  fire(store, "returns/process", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

function resolveReturnClose(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const found = findReturn(store, args.id, ["id"]);
  if ("errors" in found) return { return: null, userErrors: found.errors };
  const entry = found.entry;
  if (entry.status !== "OPEN") {
    return { return: null, userErrors: [error(["id"], "Return is not closable. Only returns with status OPEN can be closed.", "INVALID_STATE")] };
  }
  entry.status = "CLOSED";
  entry.closedAt = nowIso();
  for (const rfo of entry.reverseFulfillmentOrders) rfo.status = "CLOSED";
  fire(store, "returns/close", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

function resolveReturnReopen(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const found = findReturn(store, args.id, ["id"]);
  if ("errors" in found) return { return: null, userErrors: found.errors };
  const entry = found.entry;
  if (entry.status !== "CLOSED") {
    return { return: null, userErrors: [error(["id"], "Return is not reopenable. Only returns with status CLOSED can be reopened.", "INVALID_STATE")] };
  }
  entry.status = "OPEN";
  entry.closedAt = null;
  for (const rfo of entry.reverseFulfillmentOrders) rfo.status = "OPEN";
  fire(store, "returns/reopen", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

function resolveReturnCancel(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const found = findReturn(store, args.id, ["id"]);
  if ("errors" in found) return { return: null, userErrors: found.errors };
  const entry = found.entry;
  const processed = entry.lines.some((line) => line.processedQuantity > 0) || entry.exchanges.some((line) => line.processedQuantity > 0);
  if (!(entry.status === "REQUESTED" || entry.status === "OPEN") || processed) {
    return { return: null, userErrors: [error(["id"], "Return is not cancelable.", "INVALID_STATE")] };
  }
  entry.status = "CANCELED";
  for (const rfo of entry.reverseFulfillmentOrders) rfo.status = "CANCELED";
  fire(store, "returns/cancel", webhookBody(store, context, entry));
  return { return: entry, userErrors: [] };
}

// ---- Reads ----

function saleTransactionOf(order: SeedOrder) {
  if (!["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.displayFinancialStatus)) return null;
  const amount = Number(order.totalPriceSet.shopMoney.amount);
  const currency = order.totalPriceSet.shopMoney.currencyCode;
  return {
    __typename: "OrderTransaction",
    id: `gid://shopify/OrderTransaction/${legacyIdOf(order.id)}1`,
    kind: "SALE",
    status: "SUCCESS",
    gateway: "shopify_payments",
    formattedGateway: "Shopify Payments",
    test: false,
    createdAt: order.processedAt,
    processedAt: order.processedAt,
    amountSet: moneyBag(amount, currency),
    parentTransaction: null,
    orderId: order.id,
  };
}

function transactionsOf(store: Store, order: SeedOrder) {
  const sale = saleTransactionOf(order);
  if (!sale) return [];
  const refunds = store.forOrder(order.id).flatMap((entry) => entry.refunds).filter((refund) => refund.originalPayment > 0);
  return [
    sale,
    ...refunds.map((refund) => ({
      ...sale,
      id: `gid://shopify/OrderTransaction/${legacyIdOf(refund.id)}`,
      kind: "REFUND",
      createdAt: refund.createdAt,
      processedAt: refund.createdAt,
      amountSet: moneyBag(refund.originalPayment, refund.currencyCode),
      parentTransaction: sale,
    })),
  ];
}

function orderReturnStatus(store: Store, order: SeedOrder): string {
  const statuses = store.forOrder(order.id).map((entry) => entry.status);
  if (statuses.includes("REQUESTED")) return "RETURN_REQUESTED";
  if (statuses.includes("OPEN")) return "IN_PROGRESS";
  if (statuses.includes("CLOSED")) return "RETURNED";
  return order.returnStatus;
}

function returnableFulfillments(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const order = context.state.orders.get(String(args.orderId));
  if (!order || !context.isOrderVisible(order)) return buildConnection([], args, (item: { id: string }) => item.id);
  const list = order.fulfillments
    .filter((fulfillment) => fulfillment.status === "SUCCESS")
    .map((fulfillment) => ({
      __typename: "ReturnableFulfillment",
      id: `gid://shopify/ReturnableFulfillment/${legacyIdOf(fulfillment.id)}`,
      fulfillment,
      returnableFulfillmentLineItems: fulfillment.fulfillmentLineItems
        .map((item) => ({ __typename: "ReturnableFulfillmentLineItem", id: item.id, fulfillmentLineItem: item, quantity: returnableQuantity(store, order, item) }))
        .filter((item) => item.quantity > 0),
    }))
    .filter((entry) => entry.returnableFulfillmentLineItems.length > 0);
  return buildConnection(list, args, (item) => item.id);
}

const byId = (item: { id: string }) => item.id;

function requireScope(context: ResolverContext, field: string, write: boolean): void {
  const granted = context.state.appInstallation.accessScopes.map((scope) => scope.handle);
  const allowed = write ? granted.includes("write_returns") : granted.includes("read_returns") || granted.includes("write_returns");
  if (!allowed) throw accessDenied(`Access denied for ${field} field. Required access: \`${write ? "write_returns" : "read_returns"}\` access scope.`);
}

type FieldResolver = (source: never, args: Args, context: ResolverContext) => unknown;

/** The same resolvers behind the scope check. */
function scoped<T extends Record<string, FieldResolver>>(resolvers: T, write: boolean): T {
  return Object.fromEntries(
    Object.entries(resolvers).map(([field, resolve]) => [field, (source: never, args: Args, context: ResolverContext) => {
      requireScope(context, field, write);
      return resolve(source, args, context);
    }]),
  ) as T;
}

export const RETURN_RESOLVERS = {
  QueryRoot: scoped({
    return: (_: never, args: Args, context: ResolverContext) => {
      const entry = storeOf(context.state).find(String(args.id));
      const order = entry ? context.state.orders.get(entry.orderId) : undefined;
      return entry && order && context.isOrderVisible(order) ? entry : null;
    },
    returnableFulfillments,
    returnReasonDefinitions: (_: never, args: Args, context: ResolverContext) => {
      let reasons = storeOf(context.state).reasons;
      if (Array.isArray(args.handles)) reasons = reasons.filter((reason) => (args.handles as string[]).includes(reason.handle));
      if (Array.isArray(args.ids)) reasons = reasons.filter((reason) => (args.ids as string[]).includes(reason.id));
      return buildConnection(reasons, args, byId);
    },
  }, false),
  Mutation: scoped({
    returnRequest: resolveReturnRequest,
    returnCreate: resolveReturnCreate,
    returnApproveRequest: resolveReturnApproveRequest,
    returnDeclineRequest: resolveReturnDeclineRequest,
    reverseDeliveryCreateWithShipping: resolveReverseDeliveryCreateWithShipping,
    returnProcess: resolveReturnProcess,
    returnClose: resolveReturnClose,
    returnReopen: resolveReturnReopen,
    returnCancel: resolveReturnCancel,
  }, true),
  Order: {
    returns: (order: SeedOrder, args: Args, context: ResolverContext) => {
      requireScope(context, "returns", false);
      return buildConnection(storeOf(context.state).forOrder(order.id), args, byId);
    },
    returnStatus: (order: SeedOrder, _: Args, context: ResolverContext) => orderReturnStatus(storeOf(context.state), order),
    transactions: (order: SeedOrder, args: Args, context: ResolverContext) => {
      const list = transactionsOf(storeOf(context.state), order);
      return typeof args.first === "number" ? list.slice(0, args.first) : list;
    },
  },
  OrderTransaction: {
    order: (transaction: { orderId: string }, _: Args, context: ResolverContext) => context.state.orders.get(transaction.orderId) ?? null,
  },
  Return: {
    order: (entry: FakeReturn, _: Args, context: ResolverContext) => context.state.orders.get(entry.orderId),
    totalQuantity: (entry: FakeReturn) => entry.lines.reduce((sum, line) => sum + line.quantity, 0),
    returnLineItems: (entry: FakeReturn, args: Args) => buildConnection(entry.lines, args, byId),
    reverseFulfillmentOrders: (entry: FakeReturn, args: Args) => buildConnection(entry.reverseFulfillmentOrders, args, byId),
    refunds: (entry: FakeReturn, args: Args) => buildConnection(entry.refunds, args, byId),
    exchangeLineItems: (entry: FakeReturn, args: Args) => buildConnection(entry.exchanges, args, byId),
    returnShippingFees: () => [],
  },
  ReturnLineItem: {
    fulfillmentLineItem: (line: FakeReturnLineItem, _: Args, context: ResolverContext) => {
      for (const order of context.state.orders.values()) {
        const item = fulfillmentLineItemsOf(order).find((candidate) => candidate.id === line.fulfillmentLineItemId);
        if (item) return item;
      }
      return null;
    },
    returnReasonDefinition: (line: FakeReturnLineItem, _: Args, context: ResolverContext) =>
      storeOf(context.state).reasons.find((reason) => reason.id === line.returnReasonDefinitionId) ?? null,
    processableQuantity: (line: FakeReturnLineItem) => line.quantity - line.processedQuantity,
    unprocessedQuantity: (line: FakeReturnLineItem) => line.quantity - line.processedQuantity,
    refundableQuantity: (line: FakeReturnLineItem) => line.quantity - line.refundedQuantity,
    withCodeDiscountedTotalPriceSet: (line: FakeReturnLineItem) => moneyBag(line.unitPrice * line.quantity, line.currencyCode),
  },
  ExchangeLineItem: {
    lineItem: (line: FakeExchangeLineItem) => line.lineItems[0] ?? null,
    processableQuantity: (line: FakeExchangeLineItem) => line.quantity - line.processedQuantity,
    unprocessedQuantity: (line: FakeExchangeLineItem) => line.quantity - line.processedQuantity,
  },
  ReverseFulfillmentOrder: {
    order: (rfo: FakeReverseFulfillmentOrder, _: Args, context: ResolverContext) => context.state.orders.get(rfo.orderId) ?? null,
    lineItems: (rfo: FakeReverseFulfillmentOrder, args: Args) => buildConnection(rfo.lineItems, args, byId),
    reverseDeliveries: (rfo: FakeReverseFulfillmentOrder, args: Args) => buildConnection(rfo.deliveries, args, byId),
  },
  ReverseFulfillmentOrderLineItem: {
    fulfillmentLineItem: (item: { fulfillmentLineItemId: string }, _: Args, context: ResolverContext) => {
      for (const order of context.state.orders.values()) {
        const found = fulfillmentLineItemsOf(order).find((candidate) => candidate.id === item.fulfillmentLineItemId);
        if (found) return found;
      }
      return null;
    },
    dispositions: () => [],
  },
  ReverseDelivery: {
    reverseFulfillmentOrder: (delivery: FakeReverseDelivery, _: Args, context: ResolverContext) =>
      storeOf(context.state).returns.flatMap((entry) => entry.reverseFulfillmentOrders).find((rfo) => rfo.id === delivery.reverseFulfillmentOrderId),
    deliverable: (delivery: FakeReverseDelivery) => ({
      __typename: "ReverseDeliveryShippingDeliverable",
      label: delivery.labelUrl ? { publicFileUrl: delivery.labelUrl, createdAt: delivery.createdAt, updatedAt: delivery.createdAt } : null,
      tracking: delivery.tracking,
    }),
    reverseDeliveryLineItems: (delivery: FakeReverseDelivery, args: Args) => buildConnection(delivery.lines, args, byId),
  },
  Refund: {
    order: (refund: FakeRefund, _: Args, context: ResolverContext) => context.state.orders.get(refund.orderId),
    return: (refund: FakeRefund, _: Args, context: ResolverContext) => storeOf(context.state).find(refund.returnId) ?? null,
    totalRefundedSet: (refund: FakeRefund) => moneyBag(refund.originalPayment + refund.storeCredit, refund.currencyCode),
    processedAt: (refund: FakeRefund) => refund.createdAt,
    updatedAt: (refund: FakeRefund) => refund.createdAt,
  },
};
