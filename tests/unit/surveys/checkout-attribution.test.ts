import { describe, expect, it } from "vitest";
import { estimateDelivery } from "~/models/shipping/delivery-estimate";
import { buildShippingCalendar } from "~/models/shipping/calendar";
import { attributionBreakdown, surveyAnswerSchema, optionsFromText, DEFAULT_CHECKOUT_SURVEY_SETTINGS } from "~/models/surveys/attribution";
import { OTHER_OPTION, adminOrderGid, shuffledOptions } from "~/models/surveys/attribution-options";
import { parsePromiseCalendar, promiseFromCalendar } from "~/models/shipping/calendar-promise";
import { sampleShippingRules } from "../../support/storefront/sample-shipping-rules";

describe("Thank-you page survey options", () => {
  it("shuffles the merchant's options (every order can come up) and always puts Other last", () => {
    const options = ["A", "B", "C"];
    const seen = new Set<string>();
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 200; run += 1) {
      const shuffled = shuffledOptions(options, random);
      expect(shuffled.at(-1)).toBe(OTHER_OPTION);
      expect(shuffled.slice(0, -1).sort()).toEqual(options);
      seen.add(shuffled.join());
    }
    expect(seen.size).toBe(6);
  });

  it("turns the Thank-you page's OrderIdentity and Order gids into the Admin order gid, and nothing else", () => {
    expect(adminOrderGid("gid://shopify/OrderIdentity/5301")).toBe("gid://shopify/Order/5301");
    expect(adminOrderGid("gid://shopify/Order/5301")).toBe("gid://shopify/Order/5301");
    for (const bad of ["gid://shopify/Product/1", "5301", "gid://shopify/Order/", "gid://shopify/Order/1 OR 1=1", "gid://shopify/Order/0"]) {
      expect(adminOrderGid(bad)).toBeNull();
    }
  });

  it("reads the merchant's lines, dropping blanks and their own Other", () => {
    expect(optionsFromText(" Radio \n\n other\nNewsletter\r\n")).toEqual(["Radio", "Newsletter"]);
  });

  it("accepts Other with text and trims it; refuses text with another option", () => {
    const schema = surveyAnswerSchema(DEFAULT_CHECKOUT_SURVEY_SETTINGS);
    expect(schema.parse({ orderId: "gid://shopify/OrderIdentity/7", option: "Other", otherText: "  Flyer ", csat: null })).toEqual({
      orderId: "gid://shopify/Order/7",
      option: "Other",
      otherText: "Flyer",
      confirmationNumber: null,
      csat: null,
    });
    expect(schema.parse({ orderId: "gid://shopify/Order/7", option: "Podcast", confirmationNumber: " XPAV284CT " }).confirmationNumber).toBe("XPAV284CT");
    expect(schema.safeParse({ orderId: "gid://shopify/Order/7", option: "Podcast", confirmationNumber: "X".repeat(65) }).success).toBe(false);
    const refused = schema.safeParse({ orderId: "gid://shopify/Order/7", option: "Instagram", otherText: "Flyer" });
    expect(refused.success).toBe(false);
  });

  it("counts answers per channel (share of all) and per week, oldest week first, with the average rating", () => {
    const breakdown = attributionBreakdown(
      [
        { week: "2026-11-09", option: "Instagram", count: 3 },
        { week: "2026-11-02", option: "Instagram", count: 1 },
        { week: "2026-11-09", option: "Other", count: 4 },
      ],
      { sum: 9, count: 2 },
    );
    expect(breakdown.total).toBe(8);
    expect(breakdown.channels).toEqual([
      { option: "Instagram", count: 4, share: 50 },
      { option: "Other", count: 4, share: 50 },
    ]);
    expect(breakdown.weeks).toEqual([
      { week: "2026-11-02", counts: { Instagram: 1, Other: 0 } },
      { week: "2026-11-09", counts: { Instagram: 3, Other: 4 } },
    ]);
    expect(breakdown.csatAverage).toBe(4.5);
  });
});

describe("the Thank-you page's delivery promise", () => {
  const rules = sampleShippingRules();
  const publishedAt = new Date("2026-03-02T01:00:00Z");
  const calendar = parsePromiseCalendar(JSON.stringify(buildShippingCalendar(rules, { now: publishedAt })))!;

  it("gives the range orders/create records (the engine, same destination and first product) at every hour of two weeks", () => {
    const destinations = [{ countryCode: "ID", provinceCode: "JK" }, { countryCode: "ID", provinceCode: "PA" }, { countryCode: "DE" }, { countryCode: "BR" }];
    let compared = 0;
    for (let at = publishedAt.getTime(); at < publishedAt.getTime() + 14 * 86_400_000; at += 3_600_000 * 7) {
      for (const destination of destinations) {
        for (const productId of [null, "gid://shopify/Product/7004"]) {
          const now = new Date(at);
          const recorded = estimateDelivery(rules, { now, destination, product: productId ? { id: productId } : null })!;
          const shown = promiseFromCalendar(calendar, { now, destination, product: productId ? { id: productId } : null });
          expect(shown && { earliest: shown.earliest, latest: shown.latest }).toEqual({ earliest: recorded.earliest, latest: recorded.latest });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("shows nothing for a stale calendar or a value that is not a calendar", () => {
    expect(promiseFromCalendar(calendar, { now: new Date("2027-01-01T00:00:00Z"), destination: { countryCode: "DE" } })).toBeNull();
    expect(parsePromiseCalendar("{not json")).toBeNull();
    expect(parsePromiseCalendar(JSON.stringify({ version: 2 }))).toBeNull();
  });
});

describe("the Thank-you page extension's backend address", () => {
  it("is the app's application_url", async () => {
    const { readFileSync } = await import("node:fs");
    const toml = readFileSync("shopify.app.toml", "utf8");
    const appUrl = /^application_url = "([^"]+)"/m.exec(toml)?.[1];
    const source = readFileSync("extensions/aftercare-thank-you/src/app-url.ts", "utf8");
    expect(appUrl).toBeTruthy();
    expect(source).toContain(`"${appUrl}"`);
  });
});
