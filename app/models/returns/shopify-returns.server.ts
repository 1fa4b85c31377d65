/**
 * Shopify's Returns API (Admin GraphQL 2026-07), as Aftercare uses it. Every function takes the Admin
 * `graphql` client (from `authenticate.admin`, or an offline session in a job) and returns plain typed
 * data; a mutation answers `{ ok: true, ... }` or `{ ok: false, errors }` with Shopify's `userErrors`,
 * each carrying an admin message key (`returns.shopify.*`) the page shows in a Banner. Transport and
 * GraphQL errors throw `AdminApiError` (see app/shopify/admin-graphql.ts).
 *
 * What the pages call
 *   Reads
 *     listReturnReasons(graphql)                         -> ReturnReasonOption[] (Shopify's reason library)
 *     getReturnableItems(graphql, orderId)               -> ReturnableItem[] (fulfilled units not in a return)
 *     getOrderReturns(graphql, orderId)                  -> { returnStatus, returns: ReturnSummary[] } | null
 *     getReturn(graphql, returnId)                       -> ShopifyReturn | null (lines, exchange lines,
 *                                                           reverse fulfillment orders, label, tracking, refunds)
 *   Shopper's request (after request-eligibility.ts said yes)
 *     requestReturn(graphql, { orderId, lines })         REQUESTED
 *   Merchant's queue
 *     approveReturn(graphql, returnId, options?)         REQUESTED -> OPEN (a reverse fulfillment order)
 *     declineReturn(graphql, returnId, { reason, note }) REQUESTED -> DECLINED
 *     addReturnLabel(graphql, returnId, { labelUrl, trackingNumber, trackingUrl })  label for the whole return
 *     processReturn(graphql, { returnId, lines, exchangeLines?, refund })  received units and exchange items;
 *                                                        refund to the original payment, store credit or none
 *     closeReturn(graphql, returnId)                     OPEN -> CLOSED
 *     reopenReturn / cancelReturn(graphql, returnId)
 * Each successful mutation answers the return as `getReturn` reads it afterwards, so Aftercare's copy
 * (returns.server.ts) can be recorded from it at once.
 */
import type { MessageKey } from "../../i18n";
import { queryAdmin, type AdminGraphql, type ResultOf } from "../../shopify/admin-graphql";
import type { CurrencyCode, ReturnProcessFinancialTransferInput } from "../../types/admin.types";

// ---- Types ----

export type ShopifyReturnStatus = "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";
export type ReturnDeclineReason = "FINAL_SALE" | "OTHER" | "RETURN_PERIOD_ENDED";
export const RETURN_DECLINE_REASONS: readonly ReturnDeclineReason[] = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"];

export interface Money {
  /** A decimal as a string, as Shopify's Decimal scalar ("24.50"). */
  amount: string;
  currencyCode: CurrencyCode;
}

export interface ReturnUserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

/** A userError ready for the page: Shopify's own message plus a message key in the admin language. */
export interface ReturnProblem extends ReturnUserError {
  key: MessageKey;
}

export type ReturnMutationResult<T> = ({ ok: true } & T) | { ok: false; errors: ReturnProblem[] };

export interface ReturnReasonOption {
  id: string;
  handle: string;
  name: string;
}

export interface ReturnableItem {
  fulfillmentId: string;
  fulfillmentLineItemId: string;
  lineItemId: string;
  productId: string | null;
  title: string;
  /** Units that may still be put in a return. */
  quantity: number;
}

export interface ReturnSummary {
  id: string;
  name: string;
  status: ShopifyReturnStatus;
  totalQuantity: number;
  createdAt: string;
  closedAt: string | null;
  decline: { reason: ReturnDeclineReason; note: string | null } | null;
}

export interface ShopifyReturnLine {
  id: string;
  fulfillmentLineItemId: string | null;
  lineItemId: string | null;
  title: string | null;
  quantity: number;
  processedQuantity: number;
  refundableQuantity: number;
  reason: ReturnReasonOption | null;
  customerNote: string | null;
  total: Money | null;
}

/**
 * A variant the shopper gets in exchange. Only a return the merchant creates (returnCreate, in Shopify's
 * admin) has them: a shopper's returnRequest has no exchange items.
 */
export interface ShopifyExchangeLine {
  id: string;
  variantId: string | null;
  title: string | null;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  processedQuantity: number;
  /** Units that returnProcess may still process. */
  processableQuantity: number;
  /** The price of one unit of the variant (its new line item's), taken off a refund. */
  unitPrice: Money | null;
}

export interface ShopifyReverseFulfillmentOrder {
  id: string;
  status: "OPEN" | "CLOSED" | "CANCELED";
  lines: Array<{ id: string; totalQuantity: number; fulfillmentLineItemId: string | null }>;
  deliveries: Array<{ id: string; labelUrl: string | null; trackingNumber: string | null; trackingUrl: string | null; carrierName: string | null }>;
}

export interface ShopifyReturn extends ReturnSummary {
  orderId: string;
  orderName: string;
  requestApprovedAt: string | null;
  lines: ShopifyReturnLine[];
  exchangeLines: ShopifyExchangeLine[];
  reverseFulfillmentOrders: ShopifyReverseFulfillmentOrder[];
  refunds: Array<{ id: string; createdAt: string | null; total: Money }>;
}

// ---- Documents ----

const RETURN_REASONS_QUERY = `#graphql
  query ReturnReasons {
    returnReasonDefinitions(first: 100) {
      nodes { id handle name deleted }
    }
  }
`;

const RETURNABLE_FULFILLMENTS_QUERY = `#graphql
  query ReturnableFulfillments($orderId: ID!) {
    returnableFulfillments(orderId: $orderId, first: 5) {
      nodes {
        id
        fulfillment { id }
        returnableFulfillmentLineItems(first: 25) {
          nodes {
            quantity
            fulfillmentLineItem {
              id
              lineItem { id title product { id } }
            }
          }
        }
      }
    }
  }
`;

const ORDER_RETURNS_QUERY = `#graphql
  query OrderReturns($orderId: ID!) {
    order(id: $orderId) {
      id
      returnStatus
      returns(first: 50) {
        nodes { id name status totalQuantity createdAt closedAt decline { reason note } }
      }
    }
  }
`;

const RETURN_QUERY = `#graphql
  query ReturnDetail($id: ID!) {
    return(id: $id) {
      id
      name
      status
      totalQuantity
      createdAt
      requestApprovedAt
      closedAt
      decline { reason note }
      order { id name }
      returnLineItems(first: 25) {
        nodes {
          id
          quantity
          processedQuantity
          refundableQuantity
          customerNote
          returnReasonDefinition { id handle name }
          ... on ReturnLineItem {
            fulfillmentLineItem { id lineItem { id title } }
            withCodeDiscountedTotalPriceSet { shopMoney { amount currencyCode } }
          }
        }
      }
      exchangeLineItems(first: 25) {
        nodes {
          id
          variantId
          quantity
          processedQuantity
          processableQuantity
          lineItems { id title variantTitle sku discountedUnitPriceSet { shopMoney { amount currencyCode } } }
        }
      }
      reverseFulfillmentOrders(first: 3) {
        nodes {
          id
          status
          lineItems(first: 25) { nodes { id totalQuantity fulfillmentLineItem { id } } }
          reverseDeliveries(first: 3) {
            nodes {
              id
              deliverable {
                ... on ReverseDeliveryShippingDeliverable {
                  label { publicFileUrl }
                  tracking { number url carrierName }
                }
              }
            }
          }
        }
      }
      refunds(first: 5) {
        nodes { id createdAt totalRefundedSet { shopMoney { amount currencyCode } } }
      }
    }
  }
`;

const ORDER_PAYMENTS_QUERY = `#graphql
  query ReturnOrderPayments($orderId: ID!) {
    order(id: $orderId) {
      id
      transactions(first: 50) { id kind status amountSet { shopMoney { amount currencyCode } } }
    }
  }
`;

const RETURN_REQUEST_MUTATION = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

const RETURN_APPROVE_MUTATION = `#graphql
  mutation ReturnApproveRequest($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

const RETURN_DECLINE_MUTATION = `#graphql
  mutation ReturnDeclineRequest($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

const REVERSE_DELIVERY_MUTATION = `#graphql
  mutation ReturnLabelCreate(
    $reverseFulfillmentOrderId: ID!
    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!
    $labelInput: ReverseDeliveryLabelInput
    $trackingInput: ReverseDeliveryTrackingInput
    $notifyCustomer: Boolean
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $reverseDeliveryLineItems
      labelInput: $labelInput
      trackingInput: $trackingInput
      notifyCustomer: $notifyCustomer
    ) {
      reverseDelivery { id }
      userErrors { field message code }
    }
  }
`;

const RETURN_PROCESS_MUTATION = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

const RETURN_CLOSE_MUTATION = `#graphql
  mutation ReturnClose($id: ID!) {
    returnClose(id: $id) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

const RETURN_REOPEN_MUTATION = `#graphql
  mutation ReturnReopen($id: ID!) {
    returnReopen(id: $id) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

const RETURN_CANCEL_MUTATION = `#graphql
  mutation ReturnCancel($id: ID!, $notifyCustomer: Boolean) {
    returnCancel(id: $id, notifyCustomer: $notifyCustomer) {
      return { id status }
      userErrors { field message code }
    }
  }
`;

// ---- userErrors ----

const KEY_BY_CODE: Record<string, MessageKey> = {
  INVALID_STATE: "returns.shopify.invalidState",
  NOT_FOUND: "returns.shopify.notFound",
  BLANK: "returns.shopify.blank",
  TOO_LONG: "returns.shopify.tooLong",
  GREATER_THAN: "returns.shopify.quantity",
  INVALID: "returns.shopify.invalid",
  LESS_THAN_OR_EQUAL_TO: "returns.shopify.quantity",
};

/** Shopify's userErrors with the admin message key each one is shown with. */
export function returnProblems(errors: readonly ReturnUserError[]): ReturnProblem[] {
  return errors.map((error) => {
    const quantityField = error.field?.at(-1) === "quantity";
    const key = quantityField ? "returns.shopify.quantity" : (error.code && KEY_BY_CODE[error.code]) || "returns.shopify.refused";
    return { field: error.field ?? null, message: error.message, code: error.code ?? null, key };
  });
}

type Payload = { userErrors: ReturnUserError[] } | null | undefined;

function refusal(payload: Payload, name: string): { ok: false; errors: ReturnProblem[] } | null {
  if (!payload) return { ok: false, errors: returnProblems([{ field: null, message: `Shopify answered no ${name} result.`, code: null }]) };
  return payload.userErrors.length > 0 ? { ok: false, errors: returnProblems(payload.userErrors) } : null;
}

async function afterMutation(graphql: AdminGraphql, returnId: string): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const found = await getReturn(graphql, returnId);
  if (!found) return { ok: false, errors: returnProblems([{ field: null, message: "Return does not exist.", code: "NOT_FOUND" }]) };
  return { ok: true, return: found };
}

// ---- Reads ----

export async function listReturnReasons(graphql: AdminGraphql): Promise<ReturnReasonOption[]> {
  const data = await queryAdmin(graphql, RETURN_REASONS_QUERY);
  return data.returnReasonDefinitions.nodes.filter((reason) => !reason.deleted).map(({ id, handle, name }) => ({ id, handle, name }));
}

export async function getReturnableItems(graphql: AdminGraphql, orderId: string): Promise<ReturnableItem[]> {
  const data = await queryAdmin(graphql, RETURNABLE_FULFILLMENTS_QUERY, { orderId });
  return data.returnableFulfillments.nodes.flatMap((fulfillment) =>
    fulfillment.returnableFulfillmentLineItems.nodes.map((item) => ({
      fulfillmentId: fulfillment.fulfillment.id,
      fulfillmentLineItemId: item.fulfillmentLineItem.id,
      lineItemId: item.fulfillmentLineItem.lineItem.id,
      productId: item.fulfillmentLineItem.lineItem.product?.id ?? null,
      title: item.fulfillmentLineItem.lineItem.title,
      quantity: item.quantity,
    })),
  );
}

export async function getOrderReturns(
  graphql: AdminGraphql,
  orderId: string,
): Promise<{ returnStatus: string; returns: ReturnSummary[] } | null> {
  const data = await queryAdmin(graphql, ORDER_RETURNS_QUERY, { orderId });
  return data.order ? { returnStatus: data.order.returnStatus, returns: data.order.returns.nodes } : null;
}

type ReturnData = NonNullable<ResultOf<typeof RETURN_QUERY>["return"]>;

function returnFrom(data: ReturnData): ShopifyReturn {
  return {
    id: data.id,
    name: data.name,
    status: data.status,
    totalQuantity: data.totalQuantity,
    createdAt: data.createdAt,
    requestApprovedAt: data.requestApprovedAt,
    closedAt: data.closedAt,
    decline: data.decline,
    orderId: data.order.id,
    orderName: data.order.name,
    lines: data.returnLineItems.nodes.map((line) => {
      const verified = "fulfillmentLineItem" in line ? line : null;
      return {
        id: line.id,
        fulfillmentLineItemId: verified?.fulfillmentLineItem.id ?? null,
        lineItemId: verified?.fulfillmentLineItem.lineItem.id ?? null,
        title: verified?.fulfillmentLineItem.lineItem.title ?? null,
        quantity: line.quantity,
        processedQuantity: line.processedQuantity,
        refundableQuantity: line.refundableQuantity,
        reason: line.returnReasonDefinition,
        customerNote: line.customerNote ?? null,
        total: verified?.withCodeDiscountedTotalPriceSet.shopMoney ?? null,
      };
    }),
    exchangeLines: data.exchangeLineItems.nodes.map((line) => {
      const item = line.lineItems?.[0] ?? null;
      return {
        id: line.id,
        variantId: line.variantId ?? null,
        title: item?.title ?? null,
        variantTitle: item?.variantTitle ?? null,
        sku: item?.sku ?? null,
        quantity: line.quantity,
        processedQuantity: line.processedQuantity,
        processableQuantity: line.processableQuantity,
        unitPrice: item?.discountedUnitPriceSet.shopMoney ?? null,
      };
    }),
    reverseFulfillmentOrders: data.reverseFulfillmentOrders.nodes.map((rfo) => ({
      id: rfo.id,
      status: rfo.status,
      lines: rfo.lineItems.nodes.map((line) => ({ id: line.id, totalQuantity: line.totalQuantity, fulfillmentLineItemId: line.fulfillmentLineItem?.id ?? null })),
      deliveries: rfo.reverseDeliveries.nodes.map((delivery) => ({
        id: delivery.id,
        labelUrl: delivery.deliverable?.label?.publicFileUrl ?? null,
        trackingNumber: delivery.deliverable?.tracking?.number ?? null,
        trackingUrl: delivery.deliverable?.tracking?.url ?? null,
        carrierName: delivery.deliverable?.tracking?.carrierName ?? null,
      })),
    })),
    refunds: data.refunds.nodes.map((refund) => ({ id: refund.id, createdAt: refund.createdAt, total: refund.totalRefundedSet.shopMoney })),
  };
}

export async function getReturn(graphql: AdminGraphql, returnId: string): Promise<ShopifyReturn | null> {
  const data = await queryAdmin(graphql, RETURN_QUERY, { id: returnId });
  return data.return ? returnFrom(data.return) : null;
}

// ---- Mutations ----

export interface ReturnRequestLine {
  fulfillmentLineItemId: string;
  quantity: number;
  /** A ReturnReasonDefinition id (listReturnReasons). */
  reasonDefinitionId: string;
  /** At most 300 characters (Shopify's limit). */
  customerNote?: string | null;
}

export async function requestReturn(
  graphql: AdminGraphql,
  request: { orderId: string; lines: readonly ReturnRequestLine[] },
): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const input = {
    orderId: request.orderId,
    returnLineItems: request.lines.map((line) => ({
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      quantity: line.quantity,
      returnReasonDefinitionId: line.reasonDefinitionId,
      ...(line.customerNote ? { customerNote: line.customerNote } : {}),
    })),
  };
  const data = await queryAdmin(graphql, RETURN_REQUEST_MUTATION, { input });
  const refused = refusal(data.returnRequest, "returnRequest");
  if (refused) return refused;
  const returnId = data.returnRequest?.return?.id;
  if (!returnId) return { ok: false, errors: returnProblems([{ field: null, message: "Shopify answered no return.", code: null }]) };
  return afterMutation(graphql, returnId);
}

export async function approveReturn(
  graphql: AdminGraphql,
  returnId: string,
  options: { notifyCustomer?: boolean } = {},
): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const data = await queryAdmin(graphql, RETURN_APPROVE_MUTATION, {
    input: { id: returnId, notifyCustomer: options.notifyCustomer ?? false },
  });
  return refusal(data.returnApproveRequest, "returnApproveRequest") ?? afterMutation(graphql, returnId);
}

export async function declineReturn(
  graphql: AdminGraphql,
  returnId: string,
  decline: { reason: ReturnDeclineReason; note?: string | null; notifyCustomer?: boolean },
): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const data = await queryAdmin(graphql, RETURN_DECLINE_MUTATION, {
    input: {
      id: returnId,
      declineReason: decline.reason,
      ...(decline.note ? { declineNote: decline.note } : {}),
      notifyCustomer: decline.notifyCustomer ?? false,
    },
  });
  return refusal(data.returnDeclineRequest, "returnDeclineRequest") ?? afterMutation(graphql, returnId);
}

export interface ReturnLabel {
  /** A public URL of the label file (PDF or image). */
  labelUrl?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  notifyCustomer?: boolean;
}

/** Attaches a label and/or tracking to every unit of the return's open reverse fulfillment order. */
export async function addReturnLabel(
  graphql: AdminGraphql,
  returnId: string,
  label: ReturnLabel,
): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const current = await getReturn(graphql, returnId);
  if (!current) return { ok: false, errors: returnProblems([{ field: ["returnId"], message: "Return does not exist.", code: "NOT_FOUND" }]) };
  const rfo = current.reverseFulfillmentOrders.find((candidate) => candidate.status === "OPEN");
  if (!rfo) {
    return { ok: false, errors: returnProblems([{ field: ["returnId"], message: "The return has no open reverse fulfillment order: approve it first.", code: "INVALID_STATE" }]) };
  }
  const data = await queryAdmin(graphql, REVERSE_DELIVERY_MUTATION, {
    reverseFulfillmentOrderId: rfo.id,
    reverseDeliveryLineItems: rfo.lines.map((line) => ({ reverseFulfillmentOrderLineItemId: line.id, quantity: line.totalQuantity })),
    labelInput: label.labelUrl ? { fileUrl: label.labelUrl } : null,
    trackingInput: label.trackingNumber || label.trackingUrl ? { number: label.trackingNumber ?? null, url: label.trackingUrl ?? null } : null,
    notifyCustomer: label.notifyCustomer ?? false,
  });
  return refusal(data.reverseDeliveryCreateWithShipping, "reverseDeliveryCreateWithShipping") ?? afterMutation(graphql, returnId);
}

export type ReturnRefund =
  | { method: "original_payment"; amount: Money }
  | { method: "store_credit"; amount: Money }
  | null;

/** The successful payment a refund to the original payment method is taken from. */
async function paymentTransactionId(graphql: AdminGraphql, orderId: string): Promise<string | null> {
  const data = await queryAdmin(graphql, ORDER_PAYMENTS_QUERY, { orderId });
  const payment = data.order?.transactions.find((transaction) => (transaction.kind === "SALE" || transaction.kind === "CAPTURE") && transaction.status === "SUCCESS");
  return payment?.id ?? null;
}

export interface ExchangeProcessLine {
  exchangeLineItemId: string;
  quantity: number;
}

/**
 * Processes received units of an open return (returnProcess, the 2025-07 Returns Processing API),
 * together with the exchange items the shopper gets (`exchangeLines`): a refund to the original payment
 * method or as store credit, or none (`refund: null`, as for a pure exchange).
 */
export async function processReturn(
  graphql: AdminGraphql,
  processing: {
    returnId: string;
    lines: ReadonlyArray<{ returnLineItemId: string; quantity: number }>;
    exchangeLines?: readonly ExchangeProcessLine[];
    refund: ReturnRefund;
    note?: string | null;
    notifyCustomer?: boolean;
  },
): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  let financialTransfer: ReturnProcessFinancialTransferInput | null = null;
  if (processing.refund?.method === "original_payment") {
    const current = await getReturn(graphql, processing.returnId);
    const parentId = current ? await paymentTransactionId(graphql, current.orderId) : null;
    if (!parentId) {
      return { ok: false, errors: returnProblems([{ field: ["financialTransfer"], message: "The order has no payment to refund.", code: "NOT_FOUND" }]) };
    }
    financialTransfer = { issueRefund: { orderTransactions: [{ parentId, transactionAmount: processing.refund.amount }] } };
  } else if (processing.refund?.method === "store_credit") {
    financialTransfer = { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: processing.refund.amount } }] } };
  }
  const data = await queryAdmin(graphql, RETURN_PROCESS_MUTATION, {
    input: {
      returnId: processing.returnId,
      returnLineItems: processing.lines.map((line) => ({ id: line.returnLineItemId, quantity: line.quantity })),
      ...(processing.exchangeLines?.length
        ? { exchangeLineItems: processing.exchangeLines.map((line) => ({ id: line.exchangeLineItemId, quantity: line.quantity })) }
        : {}),
      ...(financialTransfer ? { financialTransfer } : {}),
      ...(processing.note ? { note: processing.note } : {}),
      notifyCustomer: processing.notifyCustomer ?? false,
    },
  });
  return refusal(data.returnProcess, "returnProcess") ?? afterMutation(graphql, processing.returnId);
}

export async function closeReturn(graphql: AdminGraphql, returnId: string): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const data = await queryAdmin(graphql, RETURN_CLOSE_MUTATION, { id: returnId });
  return refusal(data.returnClose, "returnClose") ?? afterMutation(graphql, returnId);
}

export async function reopenReturn(graphql: AdminGraphql, returnId: string): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const data = await queryAdmin(graphql, RETURN_REOPEN_MUTATION, { id: returnId });
  return refusal(data.returnReopen, "returnReopen") ?? afterMutation(graphql, returnId);
}

export async function cancelReturn(
  graphql: AdminGraphql,
  returnId: string,
  options: { notifyCustomer?: boolean } = {},
): Promise<ReturnMutationResult<{ return: ShopifyReturn }>> {
  const data = await queryAdmin(graphql, RETURN_CANCEL_MUTATION, { id: returnId, notifyCustomer: options.notifyCustomer ?? false });
  return refusal(data.returnCancel, "returnCancel") ?? afterMutation(graphql, returnId);
}

/**
 * What a refund of the processed units comes to: the sum of their lines' totals, pro rata, less the
 * price of the exchange items processed with them (the shopper pays for those with what they sent back;
 * never below 0).
 */
export function refundableValue(
  entry: ShopifyReturn,
  lines: ReadonlyArray<{ returnLineItemId: string; quantity: number }>,
  exchangeLines: readonly ExchangeProcessLine[] = [],
): Money | null {
  let cents = 0;
  let currencyCode: CurrencyCode | null = null;
  for (const wanted of lines) {
    const line = entry.lines.find((candidate) => candidate.id === wanted.returnLineItemId);
    if (!line?.total || line.quantity === 0) continue;
    currencyCode = line.total.currencyCode;
    cents += Math.round((Math.round(Number(line.total.amount) * 100) * wanted.quantity) / line.quantity);
  }
  for (const wanted of exchangeLines) {
    const line = entry.exchangeLines.find((candidate) => candidate.id === wanted.exchangeLineItemId);
    if (!line?.unitPrice) continue;
    cents -= Math.round(Number(line.unitPrice.amount) * 100) * wanted.quantity;
  }
  return currencyCode ? { amount: (Math.max(0, cents) / 100).toFixed(2), currencyCode } : null;
}
