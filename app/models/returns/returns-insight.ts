/**
 * What the Returns page tells the merchant about their returns over a period: which products come
 * back (return rate = units returned / units sold in the same period, as Shopify's own reports count
 * it), why (units by return reason), and how long a shopper waits from the request to the refund.
 * Pure: the caller reads Aftercare's return copies and synced orders (returns-queue.server.ts).
 *
 * What counts
 * - A return counts from the day it was requested, whatever its state now, except a declined or
 *   canceled one: nothing came back.
 * - Reasons from the app (`size-too-small`) and from webhooks (Shopify's older `size_too_small`) are
 *   the same reason.
 * - Time to refund is counted for the counted returns that were refunded.
 */

export interface InsightReturnLine {
  productId: string | null;
  title: string | null;
  quantity: number;
  reason: string | null;
  reasonName: string | null;
}

export interface InsightReturn {
  status: string;
  requestedAt: Date;
  refundedAt: Date | null;
  lines: readonly InsightReturnLine[];
}

/** Units of a product sold (in orders placed, not cancelled) in the period. */
export interface SoldUnits {
  productId: string;
  units: number;
}

export interface ProductReturnRate {
  /** The product id, or `title:<line title>` for lines without a product (a deleted product). */
  key: string;
  productId: string | null;
  title: string;
  returned: number;
  sold: number;
  /** Percent (12.5 = 12.5%); null when no unit of it was sold in the period. */
  rate: number | null;
}

export interface ReasonShare {
  /** Reason handle (`size-too-small`), or "unknown" for lines with none. */
  reason: string;
  /** Shopify's name of the reason when known, else null (the page names it). */
  name: string | null;
  units: number;
  /** Percent of all returned units. */
  share: number;
}

export interface RefundTime {
  refunds: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ReturnsInsight {
  returns: number;
  returnedUnits: number;
  soldUnits: number;
  /** Percent of the units sold in the period that were returned; null when nothing was sold. */
  rate: number | null;
  byProduct: ProductReturnRate[];
  byReason: ReasonShare[];
  refundTime: RefundTime;
}

const NOT_RETURNED = new Set(["declined", "canceled"]);
const HOUR = 3_600_000;

const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (part: number, whole: number) => (whole > 0 ? roundTo((part * 100) / whole, 1) : null);

/** `size_too_small` (webhook) and `size-too-small` (reason definition handle) are one reason. */
export const reasonKey = (reason: string | null) => (reason ? reason.trim().toLowerCase().replace(/_/g, "-") : "unknown");

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function computeReturnsInsight(returns: readonly InsightReturn[], sold: readonly SoldUnits[]): ReturnsInsight {
  const counted = returns.filter((entry) => !NOT_RETURNED.has(entry.status.toLowerCase()));
  const soldBy = new Map<string, number>();
  for (const row of sold) soldBy.set(row.productId, (soldBy.get(row.productId) ?? 0) + row.units);
  const soldUnits = [...soldBy.values()].reduce((sum, units) => sum + units, 0);

  const products = new Map<string, ProductReturnRate>();
  const reasons = new Map<string, { name: string | null; units: number }>();
  let returnedUnits = 0;
  for (const entry of counted) {
    for (const line of entry.lines) {
      if (line.quantity <= 0) continue;
      returnedUnits += line.quantity;
      const key = line.productId ?? `title:${line.title ?? ""}`;
      const product = products.get(key) ?? { key, productId: line.productId, title: line.title ?? "", returned: 0, sold: 0, rate: null };
      product.returned += line.quantity;
      if (!product.title && line.title) product.title = line.title;
      products.set(key, product);
      const reason = reasonKey(line.reason);
      const known = reasons.get(reason) ?? { name: null, units: 0 };
      known.units += line.quantity;
      known.name ??= line.reasonName;
      reasons.set(reason, known);
    }
  }

  const byProduct = [...products.values()]
    .map((product) => {
      const productSold = product.productId ? (soldBy.get(product.productId) ?? 0) : 0;
      return { ...product, sold: productSold, rate: percent(product.returned, productSold) };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.returned - a.returned || a.title.localeCompare(b.title));
  const byReason = [...reasons.entries()]
    .map(([reason, { name, units }]) => ({ reason, name, units, share: percent(units, returnedUnits) ?? 0 }))
    .sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));

  const waits = counted
    .filter((entry) => entry.refundedAt)
    .map((entry) => Math.max(0, entry.refundedAt!.getTime() - entry.requestedAt.getTime()) / HOUR)
    .sort((a, b) => a - b);
  const hours = (value: number | null) => (value === null ? null : roundTo(value, 1));

  return {
    returns: counted.length,
    returnedUnits,
    soldUnits,
    rate: percent(returnedUnits, soldUnits),
    byProduct,
    byReason,
    refundTime: { refunds: waits.length, medianHours: hours(median(waits)), p90Hours: hours(percentile(waits, 90)) },
  };
}

/** The periods the page offers, in days; 90 unless the merchant picks another. */
export const INSIGHT_PERIODS = [30, 90, 365] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

export function parseInsightPeriod(value: string | null): InsightPeriod {
  const days = Number(value);
  return (INSIGHT_PERIODS as readonly number[]).includes(days) ? (days as InsightPeriod) : 90;
}
