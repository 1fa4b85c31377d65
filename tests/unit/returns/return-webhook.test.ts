import { describe, expect, it } from "vitest";
import { returnChangeFromPayload, returnWebhookPayload, statusMayMove } from "~/models/returns/webhook";

const body = (overrides: Record<string, unknown> = {}) => ({
  id: 9700000001,
  status: "DECLINED",
  name: "#1001-R1",
  order: { id: "820982911946154508" },
  return_line_items: [
    { id: 11, quantity: 1, return_reason: "SIZE_TOO_SMALL", customer_note: "Runs small", fulfillment_line_item: { id: 21, line_item: { id: "866550311766439020" } } },
  ],
  decline: { reason: "final_sale", note: "Sale items are final." },
  ...overrides,
});

describe("returns/* webhook bodies", () => {
  it("build global ids from numeric ones when a body has no admin_graphql_api_id, keeping 18-digit ids whole", () => {
    const change = returnChangeFromPayload(returnWebhookPayload.parse(body()));
    expect(change).toEqual({
      shopifyReturnId: "gid://shopify/Return/9700000001",
      orderId: "gid://shopify/Order/820982911946154508",
      name: "#1001-R1",
      status: "declined",
      declineReason: "FINAL_SALE",
      declineNote: "Sale items are final.",
      lines: [{
        shopifyLineId: "gid://shopify/ReturnLineItem/11",
        fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21",
        lineItemId: "gid://shopify/LineItem/866550311766439020",
        quantity: 1,
        reason: "size_too_small",
        customerNote: "Runs small",
      }],
    });
  });

  it("prefer admin_graphql_api_id, and refuse a status Shopify does not have", () => {
    const change = returnChangeFromPayload(returnWebhookPayload.parse(body({ admin_graphql_api_id: "gid://shopify/Return/5", decline: null })));
    expect(change).toMatchObject({ shopifyReturnId: "gid://shopify/Return/5", declineReason: null });
    expect(returnChangeFromPayload(returnWebhookPayload.parse(body({ status: "archived" })))).toBeNull();
    expect(returnWebhookPayload.safeParse({ status: "open" }).success).toBe(false);
  });
});

describe("statusMayMove", () => {
  it("moves forward, never back, except a reopened return", () => {
    expect(statusMayMove("requested", "open", "returns/approve")).toBe(true);
    expect(statusMayMove("open", "closed", "returns/close")).toBe(true);
    expect(statusMayMove("open", "canceled", "returns/cancel")).toBe(true);
    expect(statusMayMove("closed", "open", "returns/approve")).toBe(false);
    expect(statusMayMove("closed", "open", "returns/reopen")).toBe(true);
    expect(statusMayMove("open", "requested", "returns/request")).toBe(false);
    expect(statusMayMove("declined", "open", "returns/approve")).toBe(false);
    expect(statusMayMove("canceled", "requested", "returns/request")).toBe(false);
  });
});
