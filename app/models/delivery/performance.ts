/*
 * The delivery folder: the admin home's picture of how orders are doing after the sale.
 * Pure core: performance.ts (states and attention rules), promise-kept.ts, attention-actions.ts.
 * Server side: performance.server.ts (the same rules aggregated in SQL), promise-kept.server.ts,
 * attention-actions.server.ts and attention-handled.server.ts (notify / mark handled), shop-overview.server.ts.
 */
/**
 * Where an order stands for the merchant at a given moment, and why it may need attention.
 * Pure: the same rules run in SQL in delivery/performance.server.ts, with these thresholds as parameters.
 */
import type { DeliverySummary } from "../orders/record";

/** An order with items still unshipped this many days after it was placed is at risk of missing its promise. */
export const AT_RISK_AFTER_DAYS = 3;
/** A parcel with no carrier estimate, not delivered this many days after it left, is stuck. */
export const STUCK_AFTER_DAYS = 7;
/** Shopify serves only this many days of orders to an app without the read_all_orders scope. */
export const RECENT_ORDERS_DAYS = 60;

const DAY = 86_400_000;

export const DELIVERY_STATES = [
  "late",
  "failed",
  "at_risk",
  "unfulfilled",
  "in_transit",
  "delivered_on_time",
  "delivered_late",
  "cancelled",
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export type AttentionReason = "failed" | "late" | "stuck" | "unshipped";

export interface OrderFacts extends Pick<
  DeliverySummary,
  "shipmentStatus" | "openEstimateAt" | "undatedParcelSince" | "deliveredLate"
> {
  createdAt: Date;
}

export interface RiskCutoffs {
  now: Date;
  /** Orders placed before this and not fully shipped are at risk. */
  unshippedBefore: Date;
  /** Parcels without an estimate that left before this are stuck. */
  stuckBefore: Date;
}

export function riskCutoffs(now: Date): RiskCutoffs {
  return {
    now,
    unshippedBefore: new Date(now.getTime() - AT_RISK_AFTER_DAYS * DAY),
    stuckBefore: new Date(now.getTime() - STUCK_AFTER_DAYS * DAY),
  };
}

const isUnshipped = (facts: OrderFacts) =>
  facts.shipmentStatus === "unfulfilled" || facts.shipmentStatus === "partially_fulfilled";

/** Every reason an open order needs the merchant, most urgent first; empty when it is fine. */
export function attentionReasons(facts: OrderFacts, now: Date): AttentionReason[] {
  if (facts.shipmentStatus === "cancelled") return [];
  const cutoffs = riskCutoffs(now);
  const reasons: AttentionReason[] = [];
  if (facts.shipmentStatus === "failed") reasons.push("failed");
  if (facts.openEstimateAt && facts.openEstimateAt < cutoffs.now) reasons.push("late");
  if (facts.undatedParcelSince && facts.undatedParcelSince < cutoffs.stuckBefore) reasons.push("stuck");
  if (isUnshipped(facts) && facts.createdAt < cutoffs.unshippedBefore) reasons.push("unshipped");
  return reasons;
}

/** One word for the order, the first matching rule winning (the dashboard's donut uses it). */
export function deliveryState(facts: OrderFacts, now: Date): DeliveryState {
  if (facts.shipmentStatus === "cancelled") return "cancelled";
  if (facts.shipmentStatus === "failed") return "failed";
  const reasons = attentionReasons(facts, now);
  if (reasons.includes("late")) return "late";
  if (reasons.length > 0) return "at_risk";
  if (isUnshipped(facts)) return "unfulfilled";
  if (facts.shipmentStatus === "in_transit") return "in_transit";
  return facts.deliveredLate ? "delivered_late" : "delivered_on_time";
}

/** Nearest-rank percentile of sorted values (the definition the SQL aggregation implements). */
export function nearestRankPercentile(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
