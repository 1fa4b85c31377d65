import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETURN_RULES,
  returnRulesSchema,
  type ReturnRules,
  type ReturnRulesInput,
} from "~/models/returns/rules";
import {
  describeReturnPolicy,
  evaluateReturnEligibility,
  type LineEligibility,
  type ReturnableLine,
  type ReturnableOrder,
} from "~/models/returns/window";

const NEW_YORK = "America/New_York";

function rules(input: ReturnRulesInput = {}): ReturnRules {
  return returnRulesSchema.parse(input);
}

function line(overrides: Partial<ReturnableLine> = {}): ReturnableLine {
  return {
    id: "gid://shopify/LineItem/1",
    quantity: 1,
    productTags: [],
    collectionIds: [],
    fulfilledAt: "2024-02-27T15:00:00Z",
    deliveredAt: "2024-03-01T15:00:00Z",
    ...overrides,
  };
}

function order(overrides: Partial<ReturnableOrder> = {}, lines: ReturnableLine[] = [line()]): ReturnableOrder {
  return { processedAt: "2024-02-26T15:00:00Z", timeZone: NEW_YORK, lines, ...overrides };
}

/** Eligibility of the single line of `anOrder` at `now`. */
function only(anOrder: ReturnableOrder, returnRules: ReturnRules, now: string): LineEligibility {
  const [result, ...rest] = evaluateReturnEligibility(anOrder, returnRules, new Date(now));
  expect(rest).toHaveLength(0);
  return result;
}

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  const result = returnRulesSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("returnRulesSchema", () => {
  it("defaults to a typical 30-day policy counted from delivery", () => {
    expect(returnRulesSchema.parse({})).toEqual({
      windowDays: 30,
      windowStartsAt: "delivery",
      transitAllowanceDays: 7,
      finalSale: { tags: [], collectionIds: [] },
      conditions: ["unused", "original_packaging"],
      resolutions: ["refund", "exchange", "store_credit"],
      restockingFeePercent: 0,
      holidayExtensions: [],
    });
    expect(DEFAULT_RETURN_RULES.windowDays).toBe(30);
  });

  it("explains a bad window length on the window field", () => {
    expect(issuesOf({ windowDays: 0 })).toEqual([{ path: "windowDays", message: "The return window must be at least 1 day." }]);
    expect(issuesOf({ windowDays: 14.5 })[0].message).toMatch(/whole number of days/);
    expect(issuesOf({ windowDays: "30" })[0].message).toMatch(/as a number/);
    expect(issuesOf({ windowDays: 400 })[0].message).toMatch(/at most 365 days/);
  });

  it("requires at least one way to settle a return", () => {
    expect(issuesOf({ resolutions: [] })).toEqual([
      { path: "resolutions", message: "Offer at least one way to settle a return: refund, exchange or store credit." },
    ]);
    expect(issuesOf({ resolutions: ["cash"] })[0]).toEqual({ path: "resolutions.0", message: "Choose refund, exchange or store credit." });
  });

  it("keeps the restocking fee between 0 and 100 percent", () => {
    expect(issuesOf({ restockingFeePercent: 120 })[0].message).toBe("The restocking fee cannot be more than 100%.");
    expect(issuesOf({ restockingFeePercent: -5 })[0].message).toBe("The restocking fee cannot be negative.");
    expect(rules({ restockingFeePercent: 12.5 }).restockingFeePercent).toBe(12.5);
  });

  it("checks holiday periods: real dates, in order, longer than the usual window", () => {
    expect(issuesOf({ holidayExtensions: [{ orderedFrom: "2024-02-30", orderedThrough: "2024-03-05", windowDays: 60 }] })).toEqual([
      { path: "holidayExtensions.0.orderedFrom", message: expect.stringMatching(/as a date, for example/) },
    ]);
    expect(issuesOf({ holidayExtensions: [{ orderedFrom: "2024-12-31", orderedThrough: "2024-11-15", windowDays: 60 }] })).toEqual([
      { path: "holidayExtensions.0.orderedThrough", message: "The holiday period must end on or after the day it starts." },
    ]);
    expect(issuesOf({ windowDays: 30, holidayExtensions: [{ orderedFrom: "2024-11-15", orderedThrough: "2024-12-31", windowDays: 30 }] })).toEqual([
      { path: "holidayExtensions.0.windowDays", message: "A holiday window must be longer than the usual 30 days." },
    ]);
  });

  it("accepts collections as GIDs or numeric ids and rejects anything else", () => {
    expect(rules({ finalSale: { collectionIds: ["gid://shopify/Collection/42", "43"] } }).finalSale.collectionIds).toHaveLength(2);
    expect(issuesOf({ finalSale: { collectionIds: ["summer-sale"] } })[0]).toEqual({
      path: "finalSale.collectionIds.0",
      message: "Pick the collection from your store's collections.",
    });
  });

  it("drops repeated conditions and resolutions and trims tags", () => {
    const parsed = rules({ conditions: ["unused", "unused"], resolutions: ["refund", "refund"], finalSale: { tags: ["  final-sale "] } });
    expect(parsed.conditions).toEqual(["unused"]);
    expect(parsed.resolutions).toEqual(["refund"]);
    expect(parsed.finalSale.tags).toEqual(["final-sale"]);
  });
});

describe("evaluateReturnEligibility: window and deadline", () => {
  it("counts from delivery, the last day included, until the end of that day in the shop's zone", () => {
    // Delivered Friday 1 March 2024, 10:00 in New York; 30 days later is Sunday 31 March (EDT, UTC-4).
    const anOrder = order();
    const lastMoment = only(anOrder, DEFAULT_RETURN_RULES, "2024-04-01T03:59:59.999Z");
    expect(lastMoment).toMatchObject({
      eligible: true,
      reason: "within_window",
      lastDay: "2024-03-31",
      deadline: "2024-04-01T03:59:59.999Z",
      windowStart: "delivery",
      windowDays: 30,
      holidayExtended: false,
      returnableQuantity: 1,
    });

    const oneMsLater = only(anOrder, DEFAULT_RETURN_RULES, "2024-04-01T04:00:00.000Z");
    expect(oneMsLater).toMatchObject({ eligible: false, reason: "window_closed", deadline: "2024-04-01T03:59:59.999Z" });
    expect(oneMsLater.resolutions).toEqual([]);
  });

  it("is eligible on the delivery day itself", () => {
    expect(only(order(), DEFAULT_RETURN_RULES, "2024-03-01T15:00:01Z").eligible).toBe(true);
  });

  it("counts from the order day or the fulfilment day when the merchant chooses so", () => {
    const anOrder = order();
    expect(only(anOrder, rules({ windowStartsAt: "order" }), "2024-03-10T00:00:00Z")).toMatchObject({
      windowStart: "order",
      lastDay: "2024-03-27",
    });
    expect(only(anOrder, rules({ windowStartsAt: "fulfillment" }), "2024-03-10T00:00:00Z")).toMatchObject({
      windowStart: "fulfillment",
      lastDay: "2024-03-28",
    });
    // The same moment is past an order-based window of 14 days but inside a delivery-based one.
    expect(only(anOrder, rules({ windowDays: 14, windowStartsAt: "order" }), "2024-03-12T12:00:00Z").reason).toBe("window_closed");
    expect(only(anOrder, rules({ windowDays: 14 }), "2024-03-12T12:00:00Z").reason).toBe("within_window");
  });

  it("falls back to fulfilment plus the transit allowance when delivery was never reported", () => {
    const undelivered = order({}, [line({ fulfilledAt: "2024-03-01T15:00:00Z", deliveredAt: null })]);
    // Fulfilled 1 March + 7 days transit = 8 March, + 30 days = 7 April.
    expect(only(undelivered, DEFAULT_RETURN_RULES, "2024-04-07T12:00:00Z")).toMatchObject({
      eligible: true,
      windowStart: "fulfillment_plus_transit",
      lastDay: "2024-04-07",
      deadline: "2024-04-08T03:59:59.999Z",
    });
    expect(only(undelivered, DEFAULT_RETURN_RULES, "2024-04-08T04:00:00Z").reason).toBe("window_closed");
    expect(only(undelivered, rules({ transitAllowanceDays: 0 }), "2024-04-01T12:00:00Z")).toMatchObject({
      reason: "window_closed",
      lastDay: "2024-03-31",
    });
  });

  it("uses the reported delivery once it is known, even when later than the allowance", () => {
    const lateParcel = order({}, [line({ fulfilledAt: "2024-03-01T15:00:00Z", deliveredAt: "2024-03-20T15:00:00Z" })]);
    expect(only(lateParcel, DEFAULT_RETURN_RULES, "2024-04-15T12:00:00Z")).toMatchObject({
      eligible: true,
      windowStart: "delivery",
      lastDay: "2024-04-19",
    });
  });

  it("does not open a window for a line that has not shipped", () => {
    const unshipped = order({}, [line({ fulfilledAt: null, deliveredAt: null })]);
    const result = only(unshipped, DEFAULT_RETURN_RULES, "2024-03-05T12:00:00Z");
    expect(result).toMatchObject({ eligible: false, reason: "not_fulfilled", returnableQuantity: 0 });
    expect(result.deadline).toBeUndefined();
    // An order-based window is already running: the deadline is known before shipping.
    expect(only(unshipped, rules({ windowStartsAt: "order" }), "2024-03-05T12:00:00Z")).toMatchObject({
      reason: "not_fulfilled",
      lastDay: "2024-03-27",
    });
  });
});

describe("evaluateReturnEligibility: time zones and daylight saving", () => {
  const deliveredAt = "2024-03-01T20:00:00Z";

  it("counts days on the shop's calendar, not in UTC", () => {
    // 20:00 UTC on 1 March is already 2 March, 05:00 in Tokyo; still 1 March, 12:00 in Los Angeles.
    const tokyo = only(order({ timeZone: "Asia/Tokyo" }, [line({ deliveredAt })]), DEFAULT_RETURN_RULES, "2024-03-05T00:00:00Z");
    expect(tokyo).toMatchObject({ lastDay: "2024-04-01", deadline: "2024-04-01T14:59:59.999Z" });

    const losAngeles = only(order({ timeZone: "America/Los_Angeles" }, [line({ deliveredAt })]), DEFAULT_RETURN_RULES, "2024-03-05T00:00:00Z");
    expect(losAngeles).toMatchObject({ lastDay: "2024-03-31", deadline: "2024-04-01T06:59:59.999Z" });
  });

  it("ends the last day at local midnight after the spring clock change", () => {
    // Delivered 15 February (EST, UTC-5); the last day, 16 March, is on EDT (UTC-4).
    const result = only(order({}, [line({ deliveredAt: "2024-02-15T17:00:00Z" })]), DEFAULT_RETURN_RULES, "2024-03-01T00:00:00Z");
    expect(result).toMatchObject({ lastDay: "2024-03-16", deadline: "2024-03-17T03:59:59.999Z" });
  });

  it("ends the last day at local midnight after the autumn clock change", () => {
    // Delivered 5 October (EDT); the last day, 4 November, is on EST (UTC-5).
    const result = only(order({}, [line({ deliveredAt: "2024-10-05T17:00:00Z" })]), DEFAULT_RETURN_RULES, "2024-10-20T00:00:00Z");
    expect(result).toMatchObject({ lastDay: "2024-11-04", deadline: "2024-11-05T04:59:59.999Z" });
  });

  it("handles a last day that ends on a clock change", () => {
    // New York's 2024-03-10 has 23 hours; the day before the autumn change (3 November) has 25.
    const spring = only(order({}, [line({ deliveredAt: "2024-02-09T17:00:00Z" })]), DEFAULT_RETURN_RULES, "2024-03-01T00:00:00Z");
    expect(spring).toMatchObject({ lastDay: "2024-03-10", deadline: "2024-03-11T03:59:59.999Z" });
    const autumn = only(order({}, [line({ deliveredAt: "2024-10-04T17:00:00Z" })]), DEFAULT_RETURN_RULES, "2024-10-20T00:00:00Z");
    expect(autumn).toMatchObject({ lastDay: "2024-11-03", deadline: "2024-11-04T04:59:59.999Z" });
  });

  it("handles a zone whose clocks skip midnight", () => {
    // Santiago moved from UTC-4 to UTC-3 at 00:00 on 8 September 2024: that day starts at 01:00.
    const santiago = (deliveredAt: string) => order({ timeZone: "America/Santiago" }, [line({ deliveredAt })]);
    expect(only(santiago("2024-08-08T16:00:00Z"), DEFAULT_RETURN_RULES, "2024-08-20T00:00:00Z")).toMatchObject({
      lastDay: "2024-09-07",
      deadline: "2024-09-08T03:59:59.999Z",
    });
    expect(only(santiago("2024-08-09T16:00:00Z"), DEFAULT_RETURN_RULES, "2024-08-20T00:00:00Z")).toMatchObject({
      lastDay: "2024-09-08",
      deadline: "2024-09-09T02:59:59.999Z",
    });
  });

  it("handles a zone east of UTC whose clocks skip midnight", () => {
    // Beirut moved from UTC+2 to UTC+3 at 00:00 on 31 March 2024: 30 March ends at 21:59:59.999 UTC.
    const beirut = (deliveredAt: string) => order({ timeZone: "Asia/Beirut" }, [line({ deliveredAt })]);
    expect(only(beirut("2024-02-29T10:00:00Z"), DEFAULT_RETURN_RULES, "2024-03-30T21:30:00Z")).toMatchObject({
      eligible: true,
      lastDay: "2024-03-30",
      deadline: "2024-03-30T21:59:59.999Z",
    });
    expect(only(beirut("2024-03-01T10:00:00Z"), DEFAULT_RETURN_RULES, "2024-03-20T00:00:00Z")).toMatchObject({
      lastDay: "2024-03-31",
      deadline: "2024-03-31T20:59:59.999Z",
    });
  });

  it("refuses an unknown time zone instead of guessing", () => {
    expect(() => evaluateReturnEligibility(order({ timeZone: "Mars/Olympus" }), DEFAULT_RETURN_RULES, new Date())).toThrow(
      /Unknown time zone: "Mars\/Olympus"/,
    );
  });

  it("refuses a malformed date instead of computing a bogus deadline", () => {
    expect(() =>
      evaluateReturnEligibility(order({}, [line({ deliveredAt: "yesterday" })]), DEFAULT_RETURN_RULES, new Date()),
    ).toThrow(/deliveredAt is not an ISO 8601 date-time/);
  });
});

describe("evaluateReturnEligibility: holiday extension", () => {
  const holidayRules = rules({
    holidayExtensions: [{ orderedFrom: "2024-11-15", orderedThrough: "2024-12-31", windowDays: 60 }],
  });
  const giftOrder = (processedAt: string) =>
    order({ processedAt }, [line({ fulfilledAt: "2025-01-02T15:00:00Z", deliveredAt: "2025-01-05T15:00:00Z" })]);

  it("gives orders placed in the holiday period the longer window", () => {
    expect(only(giftOrder("2024-12-20T15:00:00Z"), holidayRules, "2025-02-20T12:00:00Z")).toMatchObject({
      eligible: true,
      windowDays: 60,
      holidayExtended: true,
      lastDay: "2025-03-06",
    });
  });

  it("judges the order day on the shop's calendar, last day of the period included", () => {
    // 03:00 UTC on 1 January is still 31 December in New York.
    expect(only(giftOrder("2025-01-01T03:00:00Z"), holidayRules, "2025-01-10T12:00:00Z")).toMatchObject({
      holidayExtended: true,
      windowDays: 60,
    });
    expect(only(giftOrder("2025-01-01T05:00:00Z"), holidayRules, "2025-01-10T12:00:00Z")).toMatchObject({
      holidayExtended: false,
      windowDays: 30,
      lastDay: "2025-02-04",
    });
  });

  it("closes at the normal deadline for orders outside the period", () => {
    expect(only(giftOrder("2024-11-14T15:00:00Z"), holidayRules, "2025-02-20T12:00:00Z").reason).toBe("window_closed");
  });

  it("uses the longest window when periods overlap", () => {
    const overlapping = rules({
      holidayExtensions: [
        { orderedFrom: "2024-11-15", orderedThrough: "2024-12-31", windowDays: 45 },
        { orderedFrom: "2024-11-28", orderedThrough: "2024-12-02", windowDays: 90 },
      ],
    });
    expect(only(giftOrder("2024-11-29T15:00:00Z"), overlapping, "2025-01-10T12:00:00Z").windowDays).toBe(90);
    expect(only(giftOrder("2024-12-10T15:00:00Z"), overlapping, "2025-01-10T12:00:00Z").windowDays).toBe(45);
  });
});

describe("evaluateReturnEligibility: final sale, cancellations, quantities", () => {
  const now = "2024-03-10T12:00:00Z";

  it("excludes products tagged final sale, whatever the tag's case", () => {
    const finalSaleRules = rules({ finalSale: { tags: ["Final Sale"] } });
    const [tagged, other] = evaluateReturnEligibility(
      order({}, [line({ id: "a", productTags: ["summer", " final sale"] }), line({ id: "b", productTags: ["summer"] })]),
      finalSaleRules,
      new Date(now),
    );
    expect(tagged).toMatchObject({ lineId: "a", eligible: false, reason: "final_sale", returnableQuantity: 0, resolutions: [] });
    expect(tagged.deadline).toBeUndefined();
    expect(other).toMatchObject({ lineId: "b", eligible: true });
  });

  it("excludes products in a final-sale collection, GID or numeric id alike", () => {
    const finalSaleRules = rules({ finalSale: { collectionIds: ["gid://shopify/Collection/900"] } });
    const results = evaluateReturnEligibility(
      order({}, [
        line({ id: "gid", collectionIds: ["gid://shopify/Collection/12", "gid://shopify/Collection/900"] }),
        line({ id: "numeric", collectionIds: ["900"] }),
        line({ id: "elsewhere", collectionIds: ["gid://shopify/Collection/9000"] }),
      ]),
      finalSaleRules,
      new Date(now),
    );
    expect(results.map((result) => [result.lineId, result.reason])).toEqual([
      ["gid", "final_sale"],
      ["numeric", "final_sale"],
      ["elsewhere", "within_window"],
    ]);
  });

  it("reports final sale rather than a closed window, since that is the lasting reason", () => {
    const finalSaleRules = rules({ finalSale: { tags: ["clearance"] } });
    expect(only(order({}, [line({ productTags: ["clearance"] })]), finalSaleRules, "2024-06-01T00:00:00Z").reason).toBe("final_sale");
  });

  it("makes nothing returnable on a cancelled order", () => {
    const cancelled = order({ cancelledAt: "2024-02-26T18:00:00Z" }, [line({ id: "a" }), line({ id: "b" })]);
    const results = evaluateReturnEligibility(cancelled, DEFAULT_RETURN_RULES, new Date(now));
    expect(results.map((result) => result.reason)).toEqual(["order_cancelled", "order_cancelled"]);
    expect(results.every((result) => !result.eligible)).toBe(true);
  });

  it("makes a fully refunded line ineligible and leaves the rest of a partly refunded one", () => {
    expect(only(order({}, [line({ quantity: 2, refundedQuantity: 2 })]), DEFAULT_RETURN_RULES, now).reason).toBe("refunded");
    expect(only(order({}, [line({ quantity: 3, refundedQuantity: 1 })]), DEFAULT_RETURN_RULES, now)).toMatchObject({
      eligible: true,
      returnableQuantity: 2,
    });
  });

  it("offers only the units not yet returned", () => {
    expect(only(order({}, [line({ quantity: 3, returnedQuantity: 2 })]), DEFAULT_RETURN_RULES, now)).toMatchObject({
      eligible: true,
      returnableQuantity: 1,
    });
    expect(only(order({}, [line({ quantity: 3, returnedQuantity: 3 })]), DEFAULT_RETURN_RULES, now)).toMatchObject({
      eligible: false,
      reason: "already_returned",
    });
    expect(only(order({}, [line({ quantity: 3, refundedQuantity: 1, returnedQuantity: 2 })]), DEFAULT_RETURN_RULES, now).reason).toBe(
      "already_returned",
    );
  });

  it("tells an eligible line how it may be settled and under which conditions", () => {
    const strict = rules({ resolutions: ["exchange", "store_credit"], restockingFeePercent: 15, conditions: ["tags_attached"] });
    expect(only(order(), strict, now)).toMatchObject({
      resolutions: ["exchange", "store_credit"],
      restockingFeePercent: 15,
      conditions: ["tags_attached"],
    });
    expect(only(order(), strict, "2024-06-01T00:00:00Z")).toMatchObject({ resolutions: [], restockingFeePercent: 0, conditions: [] });
  });
});

describe("describeReturnPolicy", () => {
  it("summarises the default policy as codes and numbers", () => {
    expect(describeReturnPolicy(DEFAULT_RETURN_RULES)).toEqual({
      windowDays: 30,
      windowStartsAt: "delivery",
      resolutions: ["refund", "exchange", "store_credit"],
      restockingFeePercent: 0,
      hasFinalSaleItems: false,
      points: [
        { code: "window", days: 30, startsAt: "delivery" },
        { code: "condition", condition: "unused" },
        { code: "condition", condition: "original_packaging" },
        { code: "resolution", resolution: "refund" },
        { code: "resolution", resolution: "exchange" },
        { code: "resolution", resolution: "store_credit" },
      ],
    });
  });

  it("adds holiday windows in date order, final-sale exclusions and the restocking fee", () => {
    const summary = describeReturnPolicy(
      rules({
        windowDays: 14,
        windowStartsAt: "order",
        conditions: [],
        resolutions: ["store_credit"],
        restockingFeePercent: 10,
        finalSale: { tags: ["final-sale"] },
        holidayExtensions: [
          { orderedFrom: "2025-11-15", orderedThrough: "2025-12-31", windowDays: 45 },
          { orderedFrom: "2025-06-01", orderedThrough: "2025-06-15", windowDays: 21 },
        ],
      }),
    );
    expect(summary.hasFinalSaleItems).toBe(true);
    expect(summary.points).toEqual([
      { code: "window", days: 14, startsAt: "order" },
      { code: "holiday_window", days: 21, orderedFrom: "2025-06-01", orderedThrough: "2025-06-15" },
      { code: "holiday_window", days: 45, orderedFrom: "2025-11-15", orderedThrough: "2025-12-31" },
      { code: "final_sale_excluded" },
      { code: "resolution", resolution: "store_credit" },
      { code: "restocking_fee", percent: 10 },
    ]);
  });

  it("contains no English sentences, so every storefront language can render it", () => {
    const serialized = JSON.stringify(describeReturnPolicy(rules({ restockingFeePercent: 5, finalSale: { collectionIds: ["1"] } })));
    expect(serialized).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
  });
});
