import { describe, expect, it } from "vitest";
import { estimateDelivery } from "~/models/shipping/delivery-estimate";
import {
  buildShippingCalendar,
  estimateFromCalendar,
  serializeShippingCalendar,
} from "~/models/shipping/calendar";
import { parseShippingRules } from "~/models/shipping/rules";
import { sampleShippingRules } from "../../support/storefront/sample-shipping-rules";

const HOUR = 3_600_000;

describe("buildShippingCalendar", () => {
  const rules = sampleShippingRules();
  const publishedAt = new Date("2025-12-20T02:00:00Z");
  const calendar = buildShippingCalendar(rules, { now: publishedAt });

  it("covers 45 order dates from the shop's today", () => {
    const dates = Object.keys(calendar.days);

    expect(dates).toHaveLength(45);
    expect(dates[0]).toBe("2025-12-20");
    expect(dates.at(-1)).toBe("2026-02-02");
  });

  it("agrees with the engine for every shopper, product and hour it covers", () => {
    const shoppers = [
      { countryCode: "ID", provinceCode: "JK" },
      { countryCode: "ID", provinceCode: "PA" },
      { countryCode: "DE" },
      { countryCode: "BR" },
    ];
    const products = [null, { tags: ["Made-To-Order"] }, { id: "7004" }, { id: 7004, tags: ["made-to-order"] }];
    let compared = 0;
    for (let at = publishedAt.getTime(); at < publishedAt.getTime() + 44 * 24 * HOUR; at += 5 * HOUR) {
      const now = new Date(at);
      for (const destination of shoppers) {
        for (const product of products) {
          const engine = estimateDelivery(rules, { now, destination, product });
          const published = estimateFromCalendar(calendar, { now, destination, product });
          expect(published).toEqual({
            zoneId: engine?.zoneId,
            group: expect.any(Number),
            cutoff: engine?.countdown ? engine.cutoff : null,
            earliest: engine?.earliest,
            latest: engine?.latest,
          });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it("leaves out the cutoff on days the warehouse is closed", () => {
    expect(calendar.days["2025-12-21"].cutoff).toBeUndefined(); // a Sunday
    expect(calendar.days["2025-12-25"].cutoff).toBeUndefined(); // Christmas
    expect(calendar.days["2025-12-22"].cutoff).toBe(Date.parse("2025-12-22T07:00:00Z") / 1000);
  });

  it("shows nothing rather than a wrong date once the calendar is stale", () => {
    const later = new Date(publishedAt.getTime() + 46 * 24 * HOUR);

    expect(estimateFromCalendar(calendar, { now: later, destination: { countryCode: "DE" } })).toBeNull();
  });

  it("carries tags, products, thresholds and banner messages the storefront needs", () => {
    expect(calendar.regions).toMatchObject({ "ID-JK": "java", ID: "indonesia", DE: "eu", "*": "world" });
    expect(calendar.tags).toEqual({ "made-to-order": 1, bulky: 2 });
    expect(calendar.products).toEqual({ "7004": 2 });
    expect(calendar.freeShipping).toEqual({ IDR: 50_000_000, EUR: 7_500 });
    expect(calendar.banner.id).toBe("Bungkus kado gratis bulan ini.");
  });

  it("adds whole days to noon so delivery dates survive a DST change", () => {
    const berlin = buildShippingCalendar(sampleShippingRules({ timeZone: "Europe/Berlin" }), {
      now: new Date("2025-03-28T08:00:00Z"),
      days: 3,
    });
    const friday = berlin.days["2025-03-28"];
    const formatDate = (epochSeconds: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(epochSeconds * 1000));

    // From Friday noon CET, three days on is Monday noon CEST: still Monday's date.
    expect(formatDate(friday.noon + 3 * 86_400)).toBe("2025-03-31");
    expect(berlin.days["2025-03-30"].noon - friday.noon).toBe(2 * 86_400 - 3_600);
  });
});

describe("the published size", () => {
  it("stays well under Shopify's 64 KB for 10 zones, 3 override groups and 45 days", () => {
    const countries = ["ID", "DE", "FR", "NL", "US", "CA", "AU", "JP", "SG", "MY", "TH", "PH", "VN", "GB", "IE"];
    const rules = parseShippingRules({
      timeZone: "Asia/Jakarta",
      cutoffTime: "15:30",
      processingDays: 2,
      workingDays: [1, 2, 3, 4, 5],
      holidays: ["01-01", "12-25", "2026-03-20"],
      zones: Array.from({ length: 10 }, (_, index) => ({
        id: `zone-${index + 1}`,
        name: `Zone ${index + 1}`,
        regions: index === 9 ? ["*"] : [countries[index]],
        transitDays: { min: index + 1, max: index * 2 + 12 },
      })),
      overrides: ["made-to-order", "bulky", "pre-order"].map((tag, index) => ({
        id: tag,
        name: tag,
        tags: [tag, `${tag}-xl`],
        productIds: [String(9000 + index)],
        processingDays: 3 + index,
        extraTransitDays: index,
      })),
      freeShipping: [
        { currency: "IDR", minimumCents: 50_000_000 },
        { currency: "EUR", minimumCents: 7_500 },
        { currency: "USD", minimumCents: 9_900 },
      ],
      bannerMessages: { en: "x".repeat(200), id: "y".repeat(200) },
    });

    const bytes = Buffer.byteLength(serializeShippingCalendar(buildShippingCalendar(rules, { now: new Date() })));

    expect(bytes).toBeLessThan(32 * 1024);
  });
});
