import { describe, expect, it } from "vitest";
import { promiseKeptEmptyReason } from "~/models/delivery/promise-kept";

describe("why the promise-kept card is empty", () => {
  it("has no reason once a promised order is delivered", () => {
    expect(promiseKeptEmptyReason({ delivered: 1, promised: 3, calendarPublished: false })).toBeNull();
  });

  it("blames the missing calendar only when no order carries a promise", () => {
    expect(promiseKeptEmptyReason({ delivered: 0, promised: 0, calendarPublished: false })).toBe("no_calendar");
    expect(promiseKeptEmptyReason({ delivered: 0, promised: 2, calendarPublished: false })).toBe("none_delivered");
  });

  it("tells a published calendar with no order since from orders still on their way", () => {
    expect(promiseKeptEmptyReason({ delivered: 0, promised: 0, calendarPublished: true })).toBe("no_orders_since");
    expect(promiseKeptEmptyReason({ delivered: 0, promised: 5, calendarPublished: true })).toBe("none_delivered");
  });
});
