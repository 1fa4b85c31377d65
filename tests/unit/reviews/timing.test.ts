import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  nextReviewStep,
  requestDueAt,
  REVIEW_REQUEST_MAX_AGE_DAYS,
  type ReviewLineFacts,
  type ReviewSchedule,
} from "../../../app/models/reviews/timing";

const t0 = new Date("2026-03-01T10:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS);

const schedule: ReviewSchedule = {
  domestic: { deliveredDays: 7, fulfilledDays: 14 },
  international: { deliveredDays: 10, fulfilledDays: 21 },
  reminderDays: 5,
  homeCountry: "ID",
  enabledAt: at(-30),
};

const line = (facts: Partial<ReviewLineFacts> = {}): ReviewLineFacts => ({
  countryCode: "ID",
  deliveredAt: null,
  firstFulfilledAt: null,
  cancelled: false,
  fullyRefunded: false,
  reviewed: false,
  requestSentAt: null,
  requestEnqueued: false,
  reminderEnqueued: false,
  ...facts,
});

describe("when a review request is due", () => {
  it("asks exactly N days after delivery, not a millisecond before", () => {
    const delivered = line({ firstFulfilledAt: at(-3), deliveredAt: at(0) });
    expect(nextReviewStep(delivered, schedule, new Date(at(7).getTime() - 1))).toEqual({ kind: "wait", until: at(7) });
    expect(nextReviewStep(delivered, schedule, at(7))).toEqual({ kind: "request" });
  });

  it("falls back to the fulfilment date, with its own longer delay, when no delivery is known", () => {
    const shipped = line({ firstFulfilledAt: at(0) });
    expect(requestDueAt(shipped, schedule)).toEqual(at(14));
    expect(nextReviewStep(shipped, schedule, at(13.9)).kind).toBe("wait");
    expect(nextReviewStep(shipped, schedule, at(14))).toEqual({ kind: "request" });
  });

  it("uses the international delays for orders shipping outside the shop's country", () => {
    expect(requestDueAt(line({ countryCode: "SG", deliveredAt: at(0) }), schedule)).toEqual(at(10));
    expect(requestDueAt(line({ countryCode: "sg", firstFulfilledAt: at(0) }), schedule)).toEqual(at(21));
    expect(requestDueAt(line({ countryCode: "id", deliveredAt: at(0) }), schedule)).toEqual(at(7));
    // No known shop country: everything counts as domestic.
    expect(requestDueAt(line({ countryCode: "SG", deliveredAt: at(0) }), { ...schedule, homeCountry: null })).toEqual(at(7));
  });

  it("never asks for cancelled, fully refunded, reviewed or unshipped lines", () => {
    const due = { deliveredAt: at(0) };
    expect(nextReviewStep(line({ ...due, cancelled: true }), schedule, at(20))).toEqual({ kind: "skip", reason: "cancelled" });
    expect(nextReviewStep(line({ ...due, fullyRefunded: true }), schedule, at(20))).toEqual({ kind: "skip", reason: "refunded" });
    expect(nextReviewStep(line({ ...due, reviewed: true }), schedule, at(20))).toEqual({ kind: "skip", reason: "reviewed" });
    expect(nextReviewStep(line(), schedule, at(20))).toEqual({ kind: "skip", reason: "not_shipped" });
  });

  it("leaves alone lines delivered before requests were switched on, and lines too old to ask", () => {
    const enabledLater = { ...schedule, enabledAt: at(1) };
    expect(nextReviewStep(line({ deliveredAt: at(0) }), enabledLater, at(20))).toEqual({ kind: "skip", reason: "before_enabled" });
    const lastDay = at(7 + REVIEW_REQUEST_MAX_AGE_DAYS);
    expect(nextReviewStep(line({ deliveredAt: at(0) }), schedule, lastDay)).toEqual({ kind: "request" });
    expect(nextReviewStep(line({ deliveredAt: at(0) }), schedule, new Date(lastDay.getTime() + 1))).toEqual({ kind: "skip", reason: "too_old" });
  });
});

describe("the one reminder", () => {
  const asked = line({ deliveredAt: at(0), requestEnqueued: true, requestSentAt: at(7) });

  it("comes reminderDays after the request was sent, and only then", () => {
    expect(nextReviewStep(asked, schedule, at(11.99))).toEqual({ kind: "wait", until: at(12) });
    expect(nextReviewStep(asked, schedule, at(12))).toEqual({ kind: "reminder" });
  });

  it("waits while the request is still in the outbox", () => {
    expect(nextReviewStep({ ...asked, requestSentAt: null }, schedule, at(40))).toEqual({ kind: "wait", until: null });
  });

  it("is never sent twice, nor when reminders are off or the buyer already reviewed", () => {
    expect(nextReviewStep({ ...asked, reminderEnqueued: true }, schedule, at(40))).toEqual({ kind: "skip", reason: "done" });
    expect(nextReviewStep(asked, { ...schedule, reminderDays: 0 }, at(40))).toEqual({ kind: "skip", reason: "done" });
    expect(nextReviewStep({ ...asked, reviewed: true }, schedule, at(40))).toEqual({ kind: "skip", reason: "reviewed" });
  });
});
