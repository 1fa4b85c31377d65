/**
 * When to ask a buyer for a review of one order line. Pure: the caller hands in the line's facts, the
 * shop's schedule and the clock.
 *
 * - The request is due `deliveredDays` after delivery; with no delivery known, `fulfilledDays` after the
 *   first fulfilment. Orders shipping abroad get their own pair of delays.
 * - Cancelled, fully refunded and already reviewed lines are never asked; neither are lines delivered
 *   (or fulfilled) before the requests were switched on, nor older than REVIEW_REQUEST_MAX_AGE_DAYS.
 * - At most one reminder, `reminderDays` after the request went out (0 switches reminders off).
 */

export const DAY_MS = 86_400_000;

/** Past this many days after the due date a request is no longer sent (the buyer has moved on). */
export const REVIEW_REQUEST_MAX_AGE_DAYS = 60;

export interface ReviewDelays {
  deliveredDays: number;
  fulfilledDays: number;
}

export interface ReviewSchedule {
  domestic: ReviewDelays;
  international: ReviewDelays;
  reminderDays: number;
  /** The shop's country (ISO alpha-2); null counts every order as domestic. */
  homeCountry: string | null;
  /** When requests were switched on: lines that arrived before are left alone. */
  enabledAt: Date;
}

export const DEFAULT_REVIEW_DELAYS = {
  domestic: { deliveredDays: 7, fulfilledDays: 14 },
  international: { deliveredDays: 7, fulfilledDays: 21 },
  reminderDays: 7,
} as const;

export interface ReviewLineFacts {
  countryCode: string | null;
  deliveredAt: Date | null;
  firstFulfilledAt: Date | null;
  cancelled: boolean;
  fullyRefunded: boolean;
  reviewed: boolean;
  /** When the request email went out (null: not sent yet, or never enqueued). */
  requestSentAt: Date | null;
  /** True once a request was enqueued, sent or not. */
  requestEnqueued: boolean;
  reminderEnqueued: boolean;
}

export type ReviewSkipReason = "cancelled" | "refunded" | "reviewed" | "not_shipped" | "before_enabled" | "too_old" | "done";

export type ReviewStep =
  | { kind: "request" }
  | { kind: "reminder" }
  | { kind: "wait"; until: Date | null }
  | { kind: "skip"; reason: ReviewSkipReason };

export function isDomestic(countryCode: string | null, homeCountry: string | null): boolean {
  if (!homeCountry || !countryCode) return true;
  return countryCode.toUpperCase() === homeCountry.toUpperCase();
}

/** The instant the first request becomes due, or null when the line has not shipped. */
export function requestDueAt(line: Pick<ReviewLineFacts, "countryCode" | "deliveredAt" | "firstFulfilledAt">, schedule: ReviewSchedule): Date | null {
  const delays = isDomestic(line.countryCode, schedule.homeCountry) ? schedule.domestic : schedule.international;
  if (line.deliveredAt) return new Date(line.deliveredAt.getTime() + delays.deliveredDays * DAY_MS);
  if (line.firstFulfilledAt) return new Date(line.firstFulfilledAt.getTime() + delays.fulfilledDays * DAY_MS);
  return null;
}

export function nextReviewStep(line: ReviewLineFacts, schedule: ReviewSchedule, now: Date): ReviewStep {
  if (line.cancelled) return { kind: "skip", reason: "cancelled" };
  if (line.fullyRefunded) return { kind: "skip", reason: "refunded" };
  if (line.reviewed) return { kind: "skip", reason: "reviewed" };

  if (line.requestEnqueued) {
    if (line.reminderEnqueued || schedule.reminderDays <= 0) return { kind: "skip", reason: "done" };
    if (!line.requestSentAt) return { kind: "wait", until: null };
    const reminderAt = new Date(line.requestSentAt.getTime() + schedule.reminderDays * DAY_MS);
    return now >= reminderAt ? { kind: "reminder" } : { kind: "wait", until: reminderAt };
  }

  const arrived = line.deliveredAt ?? line.firstFulfilledAt;
  const dueAt = requestDueAt(line, schedule);
  if (!arrived || !dueAt) return { kind: "skip", reason: "not_shipped" };
  if (arrived < schedule.enabledAt) return { kind: "skip", reason: "before_enabled" };
  if (now.getTime() - dueAt.getTime() > REVIEW_REQUEST_MAX_AGE_DAYS * DAY_MS) return { kind: "skip", reason: "too_old" };
  return now >= dueAt ? { kind: "request" } : { kind: "wait", until: dueAt };
}
