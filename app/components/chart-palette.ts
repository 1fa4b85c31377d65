/**
 * The dashboard charts' colours: one per delivery state and one per timing series, each pair far
 * apart (a test measures it), so no two slices or lines can be mistaken for each other. Pure.
 */
import type { DeliveryState } from "../models/delivery/performance";

export const STATE_COLOURS: Record<DeliveryState, string> = {
  late: "#D72C0D",
  failed: "#8E1F6E",
  at_risk: "#F49342",
  unfulfilled: "#9CA3AF",
  in_transit: "#2C6ECB",
  delivered_on_time: "#008060",
  delivered_late: "#C9A100",
  cancelled: "#3B3F45",
};

/** Fulfil median, fulfil p90, deliver median, deliver p90 (the country chart uses the deliver pair). */
export const TIMING_COLOURS = {
  fulfilMedian: "#2C6ECB",
  fulfilP90: "#8E1F6E",
  deliverMedian: "#008060",
  deliverP90: "#F49342",
} as const;

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

/** Euclidean distance in RGB, 0..441: below about 60, two colours read as one on a small swatch. */
export function colourDistance(a: string, b: string): number {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

export interface LegendEntry {
  name: string;
  colour: string;
  /** Shown after the name ("312 · 58%"), when the chart has one figure per series. */
  value?: string;
}
