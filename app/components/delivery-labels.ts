import type { AttentionReason, DeliveryState } from "../models/delivery-performance";

/** How the admin names delivery states and attention reasons. */
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  late: "Late",
  failed: "Delivery failed",
  at_risk: "At risk",
  unfulfilled: "Unfulfilled",
  in_transit: "In transit",
  delivered_on_time: "Delivered on time",
  delivered_late: "Delivered late",
  cancelled: "Cancelled",
};

export const ATTENTION_REASON_LABELS: Record<AttentionReason, string> = {
  failed: "Delivery failed",
  late: "Past estimated delivery",
  stuck: "Stuck in transit",
  unshipped: "Not shipped yet",
};

/** "2 h", "3.5 d": durations as the dashboard shows them. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return "–";
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10} h`;
  return `${Math.round(minutes / 144) / 10} d`;
}

export const minutesToDays = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 144) / 10);
