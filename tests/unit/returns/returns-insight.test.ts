import { describe, expect, it } from "vitest";
import { computeReturnsInsight, parseInsightPeriod, reasonKey, type InsightReturn } from "../../../app/models/returns/returns-insight";

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 10, 1) + hours * HOUR);

const mug = { productId: "gid://shopify/Product/1", title: "Mug" };
const beans = { productId: "gid://shopify/Product/2", title: "Beans" };

function entry(status: string, lines: InsightReturn["lines"], refundAfterHours: number | null = null): InsightReturn {
  return { status, requestedAt: at(0), refundedAt: refundAfterHours === null ? null : at(refundAfterHours), lines };
}

const line = (product: { productId: string | null; title: string }, quantity: number, reason: string | null, reasonName: string | null = null) => ({ ...product, quantity, reason, reasonName });

describe("return insight", () => {
  const returns: InsightReturn[] = [
    entry("closed", [line(mug, 2, "size-too-small", "Size was too small")], 24),
    entry("open", [line(mug, 1, "defective", "Item was defective")], 72),
    entry("requested", [line(beans, 1, "size_too_small")]),
    entry("closed", [line(beans, 1, null)], 48),
    // Nothing came back from these two.
    entry("declined", [line(mug, 5, "unwanted")]),
    entry("canceled", [line(beans, 5, "unwanted")]),
  ];
  const sold = [
    { productId: mug.productId, units: 10 },
    { productId: beans.productId, units: 40 },
    { productId: "gid://shopify/Product/3", units: 50 },
  ];
  const insight = computeReturnsInsight(returns, sold);

  it("rates each product by units returned per unit sold, highest first, leaving declined and canceled returns out", () => {
    expect(insight).toMatchObject({ returns: 4, returnedUnits: 5, soldUnits: 100, rate: 5 });
    expect(insight.byProduct).toEqual([
      { key: mug.productId, productId: mug.productId, title: "Mug", returned: 3, sold: 10, rate: 30 },
      { key: beans.productId, productId: beans.productId, title: "Beans", returned: 2, sold: 40, rate: 5 },
    ]);
  });

  it("counts units by reason, the app's and the webhook's spelling of a reason as one", () => {
    expect(insight.byReason).toEqual([
      { reason: "size-too-small", name: "Size was too small", units: 3, share: 60 },
      { reason: "defective", name: "Item was defective", units: 1, share: 20 },
      { reason: "unknown", name: null, units: 1, share: 20 },
    ]);
    expect(reasonKey("SIZE_TOO_SMALL")).toBe("size-too-small");
  });

  it("measures the time from request to refund: median and 90th percentile in hours", () => {
    expect(insight.refundTime).toEqual({ refunds: 3, medianHours: 48, p90Hours: 72 });
    expect(computeReturnsInsight([entry("closed", [line(mug, 1, null)], 10), entry("closed", [line(mug, 1, null)], 20)], []).refundTime).toEqual({ refunds: 2, medianHours: 15, p90Hours: 20 });
  });

  it("has no rate for a product sold outside the period, and none at all with nothing sold", () => {
    const lone = computeReturnsInsight([entry("open", [line({ productId: null, title: "Old poster" }, 1, null)])], []);
    expect(lone).toMatchObject({ rate: null, returnedUnits: 1, byProduct: [{ key: "title:Old poster", productId: null, title: "Old poster", sold: 0, rate: null }] });
    expect(computeReturnsInsight([], [])).toEqual({ returns: 0, returnedUnits: 0, soldUnits: 0, rate: null, byProduct: [], byReason: [], refundTime: { refunds: 0, medianHours: null, p90Hours: null } });
  });

  it("offers 30, 90 and 365 days, 90 unless asked", () => {
    expect([parseInsightPeriod("30"), parseInsightPeriod("365"), parseInsightPeriod("7"), parseInsightPeriod(null)]).toEqual([30, 365, 90, 90]);
  });
});
