import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "~/components/shipping/country-codes";
import { CALENDAR_DAYS, SHIPPING_METAFIELD, type ShippingCalendar } from "~/models/shipping/calendar";
import { parseShippingRules } from "~/models/shipping/rules";
import { MIN_CALENDAR_DAYS, shippingCalendarMetafield } from "~/models/shipping/settings.server";
import { METAFIELD_VALUE_LIMITS, byteLength } from "~/shopify/app-metafields.server";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";

const now = new Date("2026-11-23T09:00:00Z");

/** A big catalogue of rules: one zone per country, each product group adding transit days. */
function manyZones(zones: number, groups: number) {
  return parseShippingRules({
    timeZone: "Europe/Berlin",
    cutoffTime: "13:00",
    processingDays: 2,
    workingDays: [1, 2, 3, 4, 5],
    zones: COUNTRY_CODES.slice(0, zones).map((code, index) => ({
      id: `zone-${index}`,
      name: `Zone ${index}`,
      regions: [code],
      transitDays: { min: 1 + (index % 5), max: 4 + (index % 5) + (index % 3) },
    })),
    overrides: Array.from({ length: groups }, (_, index) => ({
      id: `group-${index}`,
      name: `Group ${index}`,
      tags: [`tag-${index}`],
      extraTransitDays: index + 1,
    })),
  });
}

const daysIn = (value: string) => Object.keys((JSON.parse(value) as ShippingCalendar).days).length;

describe("the shipping calendar metafield", () => {
  it("publishes 45 days for a usual shop, as aftercare.shipping (json)", () => {
    const entry = shippingCalendarMetafield(sampleShippingRules(), now);

    expect(entry).toMatchObject(SHIPPING_METAFIELD);
    expect(daysIn(entry.value)).toBe(CALENDAR_DAYS);
    expect(byteLength(entry.value)).toBeLessThan(16 * 1024);
  });

  it("covers fewer days rather than failing when 45 days would pass Shopify's 128 KB", () => {
    const rules = manyZones(30, 10);

    const entry = shippingCalendarMetafield(rules, now);

    expect(byteLength(entry.value)).toBeLessThanOrEqual(METAFIELD_VALUE_LIMITS.json);
    expect(daysIn(entry.value)).toBeGreaterThanOrEqual(MIN_CALENDAR_DAYS);
    expect(daysIn(entry.value)).toBeLessThan(CALENDAR_DAYS);
  });
});
