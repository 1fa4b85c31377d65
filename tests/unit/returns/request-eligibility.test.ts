import { describe, expect, it } from "vitest";
import { createTranslator } from "~/i18n";
import { checkReturnRequest, isOrderOwner, type AskedReturnLine, type ReturnRequestContext } from "~/models/returns/request-eligibility";
import { returnRulesSchema, type ReturnRulesInput } from "~/models/returns/rules";
import type { ReturnableLine } from "~/models/returns/window";

const APRON = "gid://shopify/LineItem/11";
const MUG = "gid://shopify/LineItem/12";
const REASON = "gid://shopify/ReturnReasonDefinition/7";

function line(id: string, overrides: Partial<ReturnableLine> = {}): ReturnableLine {
  return { id, quantity: 2, productTags: [], collectionIds: [], fulfilledAt: "2026-11-02T10:00:00Z", deliveredAt: "2026-11-04T10:00:00Z", ...overrides };
}

function context(overrides: { rules?: ReturnRulesInput; lines?: ReturnableLine[]; now?: string; cancelledAt?: string; returnable?: ReturnRequestContext["returnable"] } = {}): ReturnRequestContext {
  return {
    order: { processedAt: "2026-11-01T10:00:00Z", cancelledAt: overrides.cancelledAt ?? null, timeZone: "Asia/Jakarta", lines: overrides.lines ?? [line(APRON), line(MUG, { quantity: 1 })] },
    titles: { [APRON]: "Linen apron", [MUG]: "Enamel mug" },
    rules: returnRulesSchema.parse(overrides.rules ?? { windowDays: 30, windowStartsAt: "delivery" }),
    returnable: overrides.returnable ?? [
      { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", lineItemId: APRON, quantity: 2 },
      { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/22", lineItemId: MUG, quantity: 1 },
    ],
    now: new Date(overrides.now ?? "2026-11-20T10:00:00Z"),
  };
}

const ask = (lineItemId: string, quantity: number, extra: Partial<AskedReturnLine> = {}): AskedReturnLine => ({ lineItemId, quantity, reasonDefinitionId: REASON, ...extra });
const en = createTranslator({ language: "en", tag: "en" });

/** What the shopper reads for each refused line. */
function refusals(verdict: ReturnType<typeof checkReturnRequest>): string[] {
  if (verdict.ok) return [];
  return verdict.problems.map((problem) => en(problem.key, problem.vars));
}

describe("checkReturnRequest", () => {
  it("accepts one of two items inside the window and maps it to Shopify's fulfillment line item", () => {
    const verdict = checkReturnRequest(context(), [ask(APRON, 1, { customerNote: "  Too long for me  " })]);
    expect(verdict).toEqual({
      ok: true,
      lines: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", lineItemId: APRON, quantity: 1, reasonDefinitionId: REASON, customerNote: "Too long for me" }],
    });
  });

  it("spreads a quantity over the parcels the item shipped in", () => {
    const verdict = checkReturnRequest(
      context({
        returnable: [
          { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/31", lineItemId: APRON, quantity: 1 },
          { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/32", lineItemId: APRON, quantity: 1 },
        ],
      }),
      [ask(APRON, 2)],
    );
    expect(verdict.ok && verdict.lines.map((entry) => [entry.fulfillmentLineItemId, entry.quantity])).toEqual([
      ["gid://shopify/FulfillmentLineItem/31", 1],
      ["gid://shopify/FulfillmentLineItem/32", 1],
    ]);
  });

  it("refuses an empty request", () => {
    expect(refusals(checkReturnRequest(context(), []))).toEqual(["Choose at least one item to return."]);
  });

  it("refuses outside the window, naming the last day in the shop's zone", () => {
    const verdict = checkReturnRequest(context({ now: "2026-12-05T10:00:00Z" }), [ask(APRON, 1)]);
    expect(refusals(verdict)).toEqual(['The return window for "Linen apron" closed on 2026-12-04.']);
  });

  it("refuses a final-sale item", () => {
    const verdict = checkReturnRequest(
      context({ rules: { finalSale: { tags: ["final-sale"] } }, lines: [line(APRON), line(MUG, { quantity: 1, productTags: ["Final-Sale"] })] }),
      [ask(APRON, 1), ask(MUG, 1)],
    );
    expect(refusals(verdict)).toEqual(['"Enamel mug" was a final sale and cannot be returned.']);
  });

  it("refuses more than was bought, and more than Shopify still lets be returned", () => {
    expect(refusals(checkReturnRequest(context(), [ask(MUG, 2)]))).toEqual(['You can return at most 1 of "Enamel mug".']);
    const oneInAReturn = context({ returnable: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", lineItemId: APRON, quantity: 1 }] });
    expect(refusals(checkReturnRequest(oneInAReturn, [ask(APRON, 2)]))).toEqual(['You can return at most 1 of "Linen apron".']);
    // Asking twice for the same item counts both.
    expect(refusals(checkReturnRequest(context(), [ask(APRON, 2), ask(APRON, 1)]))).toEqual(['You can return at most 2 of "Linen apron".']);
  });

  it("refuses an item Shopify no longer lists as returnable", () => {
    const verdict = checkReturnRequest(context({ returnable: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", lineItemId: APRON, quantity: 2 }] }), [ask(MUG, 1)]);
    expect(refusals(verdict)).toEqual(['"Enamel mug" is already in a return.']);
  });

  it("refuses a zero or fractional quantity, an item of another order and a note over 300 characters", () => {
    expect(refusals(checkReturnRequest(context(), [ask(APRON, 0)]))).toEqual(['Choose at least 1 of "Linen apron".']);
    expect(refusals(checkReturnRequest(context(), [ask(APRON, 1.5)]))).toEqual(['Choose at least 1 of "Linen apron".']);
    expect(refusals(checkReturnRequest(context(), [ask("gid://shopify/LineItem/999", 1)]))).toEqual(['"gid://shopify/LineItem/999" is not an item of this order.']);
    expect(refusals(checkReturnRequest(context(), [ask(APRON, 1, { customerNote: "x".repeat(301) })]))).toEqual(["A note can be at most 300 characters."]);
  });

  it("refuses a cancelled order and an item not shipped yet", () => {
    expect(refusals(checkReturnRequest(context({ cancelledAt: "2026-11-02T00:00:00Z" }), [ask(APRON, 1)]))).toEqual([
      "This order was cancelled, so nothing in it can be returned.",
    ]);
    const unshipped = context({ lines: [line(APRON, { fulfilledAt: null, deliveredAt: null }), line(MUG)] });
    expect(refusals(checkReturnRequest(unshipped, [ask(APRON, 1)]))).toEqual(['"Linen apron" has not shipped yet, so it cannot be returned.']);
  });

  it("has every refusal in Indonesian too", () => {
    const id = createTranslator({ language: "id", tag: "id" });
    const verdict = checkReturnRequest(context({ now: "2026-12-05T10:00:00Z" }), [ask(APRON, 1)]);
    expect(!verdict.ok && id(verdict.problems[0].key, verdict.problems[0].vars)).toBe('Batas waktu pengembalian "Linen apron" berakhir pada 2026-12-04.');
  });
});

describe("isOrderOwner", () => {
  const order = { customerId: "gid://shopify/Customer/7001", email: "sari@example.test" };

  it("recognises the logged-in customer who placed the order, by numeric id or GID", () => {
    expect(isOrderOwner(order, { loggedInCustomerId: "7001" })).toBe(true);
    expect(isOrderOwner(order, { loggedInCustomerId: "gid://shopify/Customer/7001" })).toBe(true);
  });

  it("recognises the order's email whatever its case and spaces", () => {
    expect(isOrderOwner(order, { email: "  Sari@Example.test " })).toBe(true);
  });

  it("refuses someone else", () => {
    expect(isOrderOwner(order, { loggedInCustomerId: "7002" })).toBe(false);
    expect(isOrderOwner(order, { email: "budi@example.test" })).toBe(false);
    expect(isOrderOwner({ customerId: null, email: null }, { loggedInCustomerId: "7001", email: "sari@example.test" })).toBe(false);
    expect(isOrderOwner(order, {})).toBe(false);
  });
});
