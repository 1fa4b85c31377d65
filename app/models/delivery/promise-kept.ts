/**
 * Why the "Delivery promise kept" card has nothing to show yet, so it can say what happens next.
 * Pure: no I/O.
 */

export type PromiseKeptEmptyReason =
  /** No shipping calendar on the storefront: shoppers are shown no delivery range to keep. */
  | "no_calendar"
  /** The calendar is published, but no order has been placed with a range since. */
  | "no_orders_since"
  /** Orders were placed with a range, and none of them is delivered yet. */
  | "none_delivered";

export interface PromiseKeptFacts {
  /** Delivered orders with a recorded promise, in the card's window. */
  delivered: number;
  /** Orders placed with a recorded promise, in the card's window. */
  promised: number;
  /** The shipping calendar has been published to the storefront at least once. */
  calendarPublished: boolean;
}

/** Null when the card has figures to show. */
export function promiseKeptEmptyReason(facts: PromiseKeptFacts): PromiseKeptEmptyReason | null {
  if (facts.delivered > 0) return null;
  if (facts.promised > 0) return "none_delivered";
  return facts.calendarPublished ? "no_orders_since" : "no_calendar";
}
