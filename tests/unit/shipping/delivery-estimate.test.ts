import { afterEach, describe, expect, it } from "vitest";
import { cutoffOn, estimateDelivery, findOverride, findZone } from "~/models/shipping/delivery-estimate";
import { parseShippingRules, shippingRulesSchema, type ShippingRulesInput } from "~/models/shipping/rules";
import { sampleShippingRules } from "../../support/storefront/sample-shipping-rules";

/** A Berlin warehouse working Monday to Friday, shipping to Germany in 1–3 delivery days. */
const validInput: ShippingRulesInput = {
  timeZone: "Europe/Berlin",
  cutoffTime: "14:00",
  processingDays: 0,
  workingDays: [1, 2, 3, 4, 5],
  zones: [{ id: "de", name: "Germany", regions: ["DE"], transitDays: { min: 1, max: 3 } }],
};

function berlinRules(changes: Partial<ShippingRulesInput> = {}) {
  return parseShippingRules({ ...validInput, ...changes });
}

const toGermany = { countryCode: "DE" };

function estimateAt(iso: string, rules = berlinRules(), product?: { id?: string; tags?: string[] }) {
  const estimate = estimateDelivery(rules, { now: new Date(iso), destination: toGermany, product });
  if (!estimate) throw new Error("expected an estimate");
  return estimate;
}

describe("estimateDelivery on an ordinary week", () => {
  it("counts an order placed before the cutoff as received today and says how long is left", () => {
    // Monday 6 January 2025, 10:48 in Berlin.
    const estimate = estimateAt("2025-01-06T09:48:00Z");

    expect(estimate.orderDate).toBe("2025-01-06");
    expect(estimate.dispatchDate).toBe("2025-01-06");
    expect([estimate.earliest, estimate.latest]).toEqual(["2025-01-07", "2025-01-09"]);
    expect(estimate.countdown).toMatchObject({ hours: 3, minutes: 12 });
    expect(estimate.cutoff?.toISOString()).toBe("2025-01-06T13:00:00.000Z");
  });

  it("moves an order placed exactly at the cutoff to the next working day", () => {
    const estimate = estimateAt("2025-01-06T13:00:00Z");

    expect(estimate.receivedDate).toBe("2025-01-07");
    expect([estimate.earliest, estimate.latest]).toEqual(["2025-01-08", "2025-01-10"]);
    expect(estimate.countdown).toBeNull();
  });

  it("skips the weekend for orders after Friday's cutoff and on Saturday", () => {
    const friday = estimateAt("2025-01-10T15:00:00Z");
    const saturday = estimateAt("2025-01-11T09:00:00Z");

    for (const estimate of [friday, saturday]) {
      expect(estimate.receivedDate).toBe("2025-01-13");
      expect([estimate.earliest, estimate.latest]).toEqual(["2025-01-14", "2025-01-16"]);
    }
    expect(saturday.cutoff).toBeNull();
    expect(saturday.countdown).toBeNull();
  });

  it("spends processing days on working days before the carrier's transit days", () => {
    const estimate = estimateAt("2025-01-06T09:00:00Z", berlinRules({ processingDays: 2 }));

    expect(estimate.dispatchDate).toBe("2025-01-08");
    expect([estimate.earliest, estimate.latest]).toEqual(["2025-01-09", "2025-01-13"]);
  });

  it("counts transit from a Saturday dispatch in the carrier's delivery days only", () => {
    const rules = berlinRules({
      workingDays: [1, 2, 3, 4, 5, 6],
      zones: [{ id: "de", name: "Germany", regions: ["DE"], transitDays: { min: 0, max: 2 } }],
    });

    const estimate = estimateAt("2025-01-11T09:00:00Z", rules);

    expect(estimate.dispatchDate).toBe("2025-01-11");
    expect([estimate.earliest, estimate.latest]).toEqual(["2025-01-13", "2025-01-14"]);
  });
});

describe("a cutoff at midnight", () => {
  const rules = berlinRules({ cutoffTime: "24:00" });

  it("still counts an order at 23:59 as today's", () => {
    const estimate = estimateAt("2025-01-06T22:59:30Z", rules);

    expect(estimate.receivedDate).toBe("2025-01-06");
    expect(estimate.countdown).toMatchObject({ hours: 0, minutes: 0, seconds: 30 });
  });

  it("starts a fresh day with a full 24 hours at midnight", () => {
    const estimate = estimateAt("2025-01-06T23:00:00Z", rules);

    expect(estimate.orderDate).toBe("2025-01-07");
    expect(estimate.receivedDate).toBe("2025-01-07");
    expect(estimate.countdown).toMatchObject({ hours: 24, minutes: 0 });
  });

  it("treats 00:00 as a cutoff every order has missed", () => {
    const estimate = estimateAt("2025-01-06T05:00:00Z", berlinRules({ cutoffTime: "00:00" }));

    expect(estimate.receivedDate).toBe("2025-01-07");
    expect(estimate.countdown).toBeNull();
  });
});

describe("daylight saving time", () => {
  const everyDay = berlinRules({ workingDays: [0, 1, 2, 3, 4, 5, 6] });

  it("counts the real hours left on the night clocks spring forward", () => {
    // 00:30 CET on Sunday 30 March 2025; the cutoff is 14:00 CEST.
    const estimate = estimateAt("2025-03-29T23:30:00Z", everyDay);

    expect(estimate.cutoff?.toISOString()).toBe("2025-03-30T12:00:00.000Z");
    expect(estimate.countdown).toMatchObject({ hours: 12, minutes: 30 });
  });

  it("counts the real hours left on the night clocks fall back", () => {
    // 00:30 CEST on Sunday 26 October 2025; the cutoff is 14:00 CET.
    const estimate = estimateAt("2025-10-25T22:30:00Z", everyDay);

    expect(estimate.cutoff?.toISOString()).toBe("2025-10-26T13:00:00.000Z");
    expect(estimate.countdown).toMatchObject({ hours: 14, minutes: 30 });
  });

  it("moves a cutoff that falls in the skipped hour forward, and takes the first of a repeated hour", () => {
    const rules = berlinRules({ workingDays: [0, 1, 2, 3, 4, 5, 6], cutoffTime: "02:30" });

    expect(cutoffOn(rules, "2025-03-30")?.toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(cutoffOn(rules, "2025-10-26")?.toISOString()).toBe("2025-10-26T00:30:00.000Z");
  });

  it("follows the shop's own zone's offset change (New York changes on a different date)", () => {
    const rules = berlinRules({ timeZone: "America/New_York" });

    expect(cutoffOn(rules, "2025-03-07")?.toISOString()).toBe("2025-03-07T19:00:00.000Z");
    expect(cutoffOn(rules, "2025-03-10")?.toISOString()).toBe("2025-03-10T18:00:00.000Z");
  });
});

describe("year-end holidays", () => {
  const rules = berlinRules({
    holidays: ["12-24", "12-25", "12-26", "12-31", "01-01"],
    blockedDates: [{ from: "2025-12-29", to: "2025-12-30" }],
    zones: [
      {
        id: "de",
        name: "Germany",
        regions: ["DE"],
        transitDays: { min: 2, max: 4 },
        holidays: ["12-25", "12-26", "01-01"],
      },
    ],
  });

  it("carries an order from before Christmas into the new year past holidays and blocked dates", () => {
    const estimate = estimateAt("2025-12-23T15:00:00Z", rules);

    expect(estimate.receivedDate).toBe("2026-01-02");
    expect([estimate.earliest, estimate.latest]).toEqual(["2026-01-06", "2026-01-08"]);
  });

  it("keeps carriers off the destination's holidays", () => {
    // Monday 22 December, 10:00: dispatched the same day, no deliveries on 25 and 26 December.
    const estimate = estimateAt("2025-12-22T09:00:00Z", rules);

    expect([estimate.earliest, estimate.latest]).toEqual(["2025-12-24", "2025-12-30"]);
  });

  it("repeats yearly holidays but not one year's blocked dates", () => {
    // Thursday 24 December 2026 is a holiday again; 29–30 December 2026 are open.
    const estimate = estimateAt("2026-12-24T09:00:00Z", rules);

    expect(estimate.countdown).toBeNull();
    expect(estimate.receivedDate).toBe("2026-12-28");
  });
});

describe("a shopper in another time zone", () => {
  const jakarta = berlinRules({ timeZone: "Asia/Jakarta" });
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("gets the shop's date: Monday evening in Berlin is already Tuesday morning in Jakarta", () => {
    const estimate = estimateAt("2025-01-06T20:00:00Z", jakarta);

    expect(estimate.orderDate).toBe("2025-01-07");
    expect(estimate.countdown).toMatchObject({ hours: 11, minutes: 0 });
    expect(estimate.receivedDate).toBe("2025-01-07");
  });

  it("gets the same answer whatever time zone the server runs in", () => {
    const answers = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"].map((tz) => {
      process.env.TZ = tz;
      return JSON.stringify(estimateAt("2025-01-06T20:00:00Z", jakarta));
    });

    expect(new Set(answers).size).toBe(1);
  });
});

describe("zones and override groups", () => {
  const rules = sampleShippingRules();

  it("prefers a province's zone, then the country's, then the rest of the world", () => {
    expect(findZone(rules, { countryCode: "ID", provinceCode: "JK" })?.id).toBe("java");
    expect(findZone(rules, { countryCode: "ID", provinceCode: "PA" })?.id).toBe("indonesia");
    expect(findZone(rules, { countryCode: "id" })?.id).toBe("indonesia");
    expect(findZone(rules, { countryCode: "DE" })?.id).toBe("eu");
    expect(findZone(rules, { countryCode: "BR" })?.id).toBe("world");
  });

  it("gives no estimate where the shop does not ship", () => {
    const noWorld = sampleShippingRules({ zones: sampleShippingRules().zones.filter((zone) => zone.id !== "world") });

    expect(estimateDelivery(noWorld, { now: new Date(), destination: { countryCode: "BR" } })).toBeNull();
  });

  it("matches tags case-insensitively and product ids in either form; the first group wins", () => {
    expect(findOverride(rules, { tags: ["Handmade", "MADE-TO-ORDER"] })?.id).toBe("made-to-order");
    expect(findOverride(rules, { id: "gid://shopify/Product/7004" })?.id).toBe("bulky");
    expect(findOverride(rules, { id: 7004, tags: ["made-to-order"] })?.id).toBe("made-to-order");
    expect(findOverride(rules, { tags: ["sale"] })).toBeNull();
  });

  it("replaces processing days or adds transit days for the group's products", () => {
    // Monday 6 January 2025, 10:00 in Jakarta; the warehouse works Monday to Saturday.
    const now = "2025-01-06T03:00:00Z";
    const plain = estimateAt(now, rules);
    const madeToOrder = estimateAt(now, rules, { tags: ["made-to-order"] });
    const bulky = estimateAt(now, rules, { id: "7004" });

    expect([plain.dispatchDate, plain.earliest, plain.latest]).toEqual(["2025-01-07", "2025-01-15", "2025-01-20"]);
    expect([madeToOrder.dispatchDate, madeToOrder.earliest, madeToOrder.latest]).toEqual([
      "2025-01-11",
      "2025-01-20",
      "2025-01-23",
    ]);
    expect([bulky.earliest, bulky.latest]).toEqual(["2025-01-17", "2025-01-22"]);
  });
});

describe("shippingRulesSchema", () => {
  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
    ["a cutoff past midnight", { cutoffTime: "24:30" }, "cutoffTime"],
    ["no working days", { workingDays: [] }, "workingDays"],
    ["a holiday that is no date", { holidays: ["02-30"] }, "holidays.0"],
    [
      "a country in two zones",
      {
        zones: [
          { id: "a", name: "A", regions: ["DE"], transitDays: { min: 1, max: 2 } },
          { id: "b", name: "B", regions: ["DE"], transitDays: { min: 1, max: 2 } },
        ],
      },
      "zones.1.regions",
    ],
    [
      "transit days the wrong way round",
      { zones: [{ id: "a", name: "A", regions: ["DE"], transitDays: { min: 5, max: 2 } }] },
      "zones.0.transitDays.max",
    ],
    ["an override that selects nothing", { overrides: [{ id: "x", name: "X" }] }, "overrides.0.tags"],
  ])("rejects %s and says which field", (_name, changes, path) => {
    const result = shippingRulesSchema.safeParse({ ...validInput, ...changes });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it("accepts the rules it rejects once fixed, filling in defaults", () => {
    const rules = shippingRulesSchema.parse(validInput);

    expect(rules.zones[0].deliveryDays).toEqual([1, 2, 3, 4, 5]);
    expect(rules.holidays).toEqual([]);
  });
});
