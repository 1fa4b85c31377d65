import { describe, expect, it } from "vitest";
import {
  calendarMonthOf,
  isHoldingBack,
  percentUsed,
  remainingAllowance,
  type MeteredUsage,
} from "../../../app/models/billing/plan-limits";
import { planFromSubscriptions, usesTestCharges, type ActiveSubscription } from "../../../app/models/billing/plans";

describe("calendar month in the shop's time zone", () => {
  it("starts and ends at local midnight", () => {
    const month = calendarMonthOf(new Date("2026-11-15T12:00:00Z"), "Asia/Jakarta");
    expect(month.start.toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(month.end.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(month.nextMonthStarts).toBe("2026-12-01");
  });

  it("puts an instant that is already next month in Jakarta into that month", () => {
    // 30 November 18:00 UTC is 1 December 01:00 in Jakarta, still November in New York.
    const instant = new Date("2026-11-30T18:00:00Z");
    expect(calendarMonthOf(instant, "Asia/Jakarta").start.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(calendarMonthOf(instant, "America/New_York").nextMonthStarts).toBe("2026-12-01");
    expect(calendarMonthOf(instant, "UTC").nextMonthStarts).toBe("2026-12-01");
  });

  it("rolls over the year in December", () => {
    const month = calendarMonthOf(new Date("2026-12-31T23:59:59Z"), "UTC");
    expect(month.start.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(month.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(month.nextMonthStarts).toBe("2027-01-01");
  });

  it("follows daylight saving time: March in New York is 31 days minus one hour", () => {
    const month = calendarMonthOf(new Date("2026-03-20T12:00:00Z"), "America/New_York");
    expect(month.start.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(month.end.toISOString()).toBe("2026-04-01T04:00:00.000Z");
  });

  it("treats the first instant of a month as inside it and the last as outside", () => {
    const first = new Date("2026-02-01T00:00:00Z");
    expect(calendarMonthOf(first, "UTC").start).toEqual(first);
    expect(calendarMonthOf(new Date(first.getTime() - 1), "UTC").nextMonthStarts).toBe("2026-02-01");
  });
});

describe("allowance", () => {
  it("is what is left of the limit, never below zero, endless without a limit", () => {
    expect(remainingAllowance(100, 0)).toBe(100);
    expect(remainingAllowance(100, 99)).toBe(1);
    expect(remainingAllowance(100, 100)).toBe(0);
    expect(remainingAllowance(100, 130)).toBe(0);
    expect(remainingAllowance(null, 5000)).toBe(Number.POSITIVE_INFINITY);
  });

  const usage = (used: number, limit: number | null, held: number): MeteredUsage => ({ kind: "review_request", used, limit, held });

  it("holds back only when the limit is used up and something waits", () => {
    expect(isHoldingBack(usage(100, 100, 23))).toBe(true);
    expect(isHoldingBack(usage(100, 100, 0))).toBe(false);
    // A new month: the allowance is back, even if the last run held some.
    expect(isHoldingBack(usage(0, 100, 23))).toBe(false);
    expect(isHoldingBack(usage(500, null, 23))).toBe(false);
  });

  it("shows progress in percent, capped at 100", () => {
    expect(percentUsed(usage(23, 100, 0))).toBe(23);
    expect(percentUsed(usage(150, 100, 0))).toBe(100);
    expect(percentUsed(usage(150, null, 0))).toBe(0);
  });
});

describe("plan from Shopify's active subscriptions", () => {
  const growth = (overrides: Partial<ActiveSubscription> = {}): ActiveSubscription => ({
    id: "gid://shopify/AppSubscription/1",
    name: "Growth",
    status: "ACTIVE",
    test: false,
    trialDays: 14,
    currentPeriodEnd: null,
    ...overrides,
  });

  it("is Growth for an active Growth subscription, free otherwise", () => {
    expect(planFromSubscriptions([growth()], false).plan).toBe("growth");
    expect(planFromSubscriptions([], true).plan).toBe("free");
    expect(planFromSubscriptions([growth({ status: "FROZEN" })], true).plan).toBe("free");
    expect(planFromSubscriptions([growth({ name: "Legacy" })], true).plan).toBe("free");
  });

  it("counts a test charge only where the app asks for test charges", () => {
    expect(planFromSubscriptions([growth({ test: true })], true).plan).toBe("growth");
    expect(planFromSubscriptions([growth({ test: true })], false).plan).toBe("free");
    expect(usesTestCharges("production")).toBe(false);
    expect(usesTestCharges("development")).toBe(true);
    expect(usesTestCharges(undefined)).toBe(true);
  });
});
