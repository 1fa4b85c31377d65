import { describe, expect, it } from "vitest";
import { comparePolicyText, sentencesOf } from "~/models/returns/policy-comparison";
import { DEFAULT_RETURN_RULES, returnRulesSchema, type ReturnRulesInput } from "~/models/returns/rules";

const rules = (input: ReturnRulesInput = {}) => returnRulesSchema.parse(input);

/** Shaped like the policy Shopify's generator offers, written out as a merchant might keep it. */
const GENERATED_STYLE_POLICY = `
<h2>Refund policy</h2>
<p>We offer a 30-day return policy: you have 30 days after your item arrives to ask for a return.</p>
<p>To qualify, the item must be unworn, unused, with its tags, in the original packaging, and you need the receipt or proof of purchase.</p>
<p>To start a return, write to returns@example.com. Items sent back without an approved return will not be accepted.</p>
<h3>Exceptions / non-returnable items</h3>
<p>Some items can&rsquo;t be returned, such as perishable goods, custom-made products and personal care items.</p>
<p>We can't accept returns on sale items or gift cards.</p>
<h3>European Union 14 day cooling off period</h3>
<p>Notwithstanding the above, for merchandise shipped into the European Union, you have the right to cancel or return your order within 14 days, for any reason and without a justification.</p>
<h3>Refunds</h3>
<p>Once we have received and inspected your return, we will let you know whether the refund is approved. If approved, you will be refunded on your original payment method within 10 business days.</p>
<p>If more than 15 business days have passed since we approved your return, please contact us.</p>
`;

const BOUTIQUE_POLICY = `
<p>Returns are accepted within <strong>thirty (30) days</strong> of purchase.</p>
<p>A 15% restocking fee applies to all returns.</p>
<p>All returns are issued as store credit only; we do not offer cash refunds.</p>
<p>Items marked FINAL SALE cannot be returned or exchanged.</p>
`;

const ELECTRONICS_POLICY = [
  "You may return most items within 14 days of delivery.",
  "Opened items are subject to a restocking fee of 20 percent.",
  "Refunds are processed within 5-7 business days once we receive your return.",
  "Please allow up to 10 days for your return to reach our warehouse.",
  "Orders ship within 2 business days, and our team answers within 48 hours.",
].join(" ");

describe("comparePolicyText", () => {
  describe("a policy in the style of Shopify's generated one", () => {
    it("agrees with a 30-day window from delivery, except that it names non-returnable items", () => {
      expect(comparePolicyText(GENERATED_STYLE_POLICY, DEFAULT_RETURN_RULES)).toEqual([
        {
          topic: "final_sale",
          excerpt: "Some items can't be returned, such as perishable goods, custom-made products and personal care items.",
        },
      ]);
    });

    it("finds nothing once the rules mark final-sale products", () => {
      expect(comparePolicyText(GENERATED_STYLE_POLICY, rules({ finalSale: { tags: ["final-sale"] } }))).toEqual([]);
    });

    it("ignores the EU cooling-off period and refund processing times", () => {
      const found = comparePolicyText(GENERATED_STYLE_POLICY, rules({ windowDays: 14, finalSale: { tags: ["final-sale"] } }));
      expect(found).toEqual([
        {
          topic: "window_days",
          policyDays: 30,
          ruleDays: 14,
          excerpt: "We offer a 30-day return policy: you have 30 days after your item arrives to ask for a return.",
        },
      ]);
    });

    it("reports a window counted from a different moment", () => {
      const found = comparePolicyText(GENERATED_STYLE_POLICY, rules({ windowStartsAt: "order", finalSale: { tags: ["x"] } }));
      expect(found).toEqual([expect.objectContaining({ topic: "window_start", policyStartsAt: "delivery", ruleStartsAt: "order" })]);
    });
  });

  describe("a boutique policy in HTML", () => {
    it("reports the window start, the fee, store credit only and final-sale items", () => {
      expect(comparePolicyText(BOUTIQUE_POLICY, DEFAULT_RETURN_RULES)).toEqual([
        {
          topic: "window_start",
          policyStartsAt: "order",
          ruleStartsAt: "delivery",
          excerpt: "Returns are accepted within thirty (30) days of purchase.",
        },
        { topic: "restocking_fee", policyPercent: 15, rulePercent: 0, excerpt: "A 15% restocking fee applies to all returns." },
        { topic: "refund_not_offered", excerpt: "All returns are issued as store credit only; we do not offer cash refunds." },
        { topic: "final_sale", excerpt: "Items marked FINAL SALE cannot be returned or exchanged." },
      ]);
    });

    it("finds nothing when the rules say the same", () => {
      const matching = rules({
        windowStartsAt: "order",
        restockingFeePercent: 15,
        resolutions: ["store_credit"],
        finalSale: { tags: ["final sale"] },
      });
      expect(comparePolicyText(BOUTIQUE_POLICY, matching)).toEqual([]);
    });
  });

  describe("an electronics policy with processing and shipping times", () => {
    it("reads only the return window and the fee", () => {
      const matching = rules({ windowDays: 14, restockingFeePercent: 20 });
      expect(comparePolicyText(ELECTRONICS_POLICY, matching)).toEqual([]);
    });

    it("reports a different window and fee", () => {
      expect(comparePolicyText(ELECTRONICS_POLICY, rules({ restockingFeePercent: 10 })).map((found) => found.topic)).toEqual([
        "window_days",
        "restocking_fee",
      ]);
      expect(comparePolicyText(ELECTRONICS_POLICY, DEFAULT_RETURN_RULES)[0]).toMatchObject({ policyDays: 14, ruleDays: 30 });
    });
  });

  it("reads windows written as 14-day, two weeks or in words", () => {
    const days = (text: string) =>
      comparePolicyText(text, rules({ windowDays: 100 })).flatMap((found) => (found.topic === "window_days" ? [found.policyDays] : []));
    expect(days("We offer a hassle-free 14-day return window.")).toEqual([14]);
    expect(days("Items can be returned within 2 weeks of delivery.")).toEqual([14]);
    expect(days("You have sixty days to return or exchange your purchase.")).toEqual([60]);
    expect(days("Returns are accepted for twenty-one days from the date of purchase.")).toEqual([21]);
    expect(days("If 45 days have gone by since your purchase, we can't offer a refund or exchange.")).toEqual([45]);
    expect(days("Items must be shipped back within 10 days of delivery to qualify for a refund.")).toEqual([10]);
  });

  it("reports each stated window once, with the sentence that first says it", () => {
    const found = comparePolicyText(
      "We have a 60-day return policy. You have 60 days after delivery to request a return.",
      DEFAULT_RETURN_RULES,
    );
    expect(found).toEqual([{ topic: "window_days", policyDays: 60, ruleDays: 30, excerpt: "We have a 60-day return policy." }]);
  });

  it("accepts a window that matches a holiday extension", () => {
    const text = "Gifts ordered between November 15 and December 31 may be returned within 60 days of delivery.";
    expect(comparePolicyText(text, DEFAULT_RETURN_RULES)).toEqual([expect.objectContaining({ topic: "window_days", policyDays: 60 })]);
    const withHoliday = rules({ holidayExtensions: [{ orderedFrom: "2025-11-15", orderedThrough: "2025-12-31", windowDays: 60 }] });
    expect(comparePolicyText(text, withHoliday)).toEqual([]);
  });

  it("stays silent on durations that are not a window to start a return", () => {
    const text = [
      "Refunds will be credited within 10 days of receiving your return.",
      "Return shipping takes up to 12 days.",
      "Exchanges ship within 3 days.",
      "Replacement items are dispatched within 4 days of your return arriving.",
      "Sale items can be returned within 7 days for store credit only.",
      "Returns made after 30 days of delivery receive store credit only.",
      "Refunds can take 5-10 days to appear on your statement.",
      "Our team replies to return questions within 2 working days.",
    ].join(" ");
    expect(comparePolicyText(text, DEFAULT_RETURN_RULES)).toEqual([]);
  });

  it("reads 'no restocking fee' as 0% and reports it against a fee in the rules", () => {
    const found = comparePolicyText("<p>Returns are free: no restocking fees, ever.</p>", rules({ restockingFeePercent: 10 }));
    expect(found).toEqual([
      { topic: "restocking_fee", policyPercent: 0, rulePercent: 10, excerpt: "Returns are free: no restocking fees, ever." },
    ]);
    expect(comparePolicyText("<p>Returns are free: no restocking fees, ever.</p>", DEFAULT_RETURN_RULES)).toEqual([]);
  });

  it("does not read a percentage that is not about restocking", () => {
    expect(comparePolicyText("Subscribers save 20% on every order. A restocking fee may apply.", DEFAULT_RETURN_RULES)).toEqual([]);
  });

  it("reports 'all sales are final' and a refusal of exchanges", () => {
    expect(comparePolicyText("All sales are final. We do not offer exchanges.", DEFAULT_RETURN_RULES)).toEqual([
      { topic: "returns_not_accepted", excerpt: "All sales are final." },
      { topic: "exchange_not_offered", excerpt: "We do not offer exchanges." },
    ]);
    expect(comparePolicyText("We do not offer exchanges.", rules({ resolutions: ["refund"] }))).toEqual([]);
  });

  it("reports exchange-only policies against rules that refund", () => {
    expect(comparePolicyText("Returns are eligible for exchange or store credit only.", DEFAULT_RETURN_RULES)).toEqual([
      { topic: "refund_not_offered", excerpt: "Returns are eligible for exchange or store credit only." },
    ]);
    expect(comparePolicyText("Returns are eligible for exchange or store credit only.", rules({ resolutions: ["exchange", "store_credit"] }))).toEqual(
      [],
    );
  });

  it("does not treat gift cards alone as final-sale products", () => {
    expect(comparePolicyText("Gift cards are non-returnable.", DEFAULT_RETURN_RULES)).toEqual([]);
    expect(comparePolicyText("Gift cards and opened cosmetics are non-returnable.", DEFAULT_RETURN_RULES)).toEqual([
      { topic: "final_sale", excerpt: "Gift cards and opened cosmetics are non-returnable." },
    ]);
  });

  it("finds nothing in an empty policy", () => {
    expect(comparePolicyText("", DEFAULT_RETURN_RULES)).toEqual([]);
    expect(comparePolicyText("<p></p>", DEFAULT_RETURN_RULES)).toEqual([]);
  });

  it("shortens a very long sentence in the excerpt", () => {
    const long = `You may return items within 45 days of delivery ${"provided that they are unused ".repeat(12)}.`;
    const [found] = comparePolicyText(long, DEFAULT_RETURN_RULES);
    expect(found.excerpt.length).toBeLessThanOrEqual(240);
    expect(found.excerpt.endsWith("…")).toBe(true);
  });
});

describe("sentencesOf", () => {
  it("turns policy HTML into plain sentences", () => {
    expect(
      sentencesOf(
        "<h2 class=\"title\">Returns</h2><p>Returns are accepted within thirty&nbsp;(30)&nbsp;days&#46; We&rsquo;re happy to help!<br>Email us.</p>",
      ),
    ).toEqual(["Returns are accepted within thirty (30) days.", "We're happy to help!", "Email us."]);
  });
});
