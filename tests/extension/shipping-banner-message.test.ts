import { describe, expect, it } from "vitest";
import { previewBanner } from "~/components/shipping/banner-preview";
import { bannerParts, renderBannerTemplate } from "~/components/shipping/banner-template";
import { DEFAULT_DRAFT } from "~/components/shipping/shipping-form";
import { buildShippingCalendar, type ShippingCalendar } from "~/models/shipping/calendar";
import { returnRulesSchema } from "~/models/returns/rules";
import { returnsMetafield } from "~/models/returns/storefront";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import {
  MONEY_FORMATS,
  countryFixture,
  shippingMetafields,
  storefrontObjects,
  type StorefrontLocale,
} from "../support/storefront/storefront-fixtures";

/**
 * The banner message as a shopper reads it: the merchant's placeholders filled in by Liquid from the
 * published calendar (dates in the shopper's language), a sentence Liquid has no value for left out
 * whole, and the admin preview reading the same template the same way.
 */

// Monday 6 January 2025 in Jakarta (UTC+7): before and after the 14:00 cutoff.
const MONDAY_10_48 = "2025-01-06T03:48:00Z";
const MONDAY_15_00 = "2025-01-06T08:00:00Z";
const DEFAULT_TEMPLATE = DEFAULT_DRAFT.bannerMessages[0].template;
const PLACEHOLDER = /\{[a-z_]*\}/;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

function calendarWith(bannerMessages: Record<string, string>, changes: Parameters<typeof sampleShippingRules>[0] = {}) {
  return buildShippingCalendar(sampleShippingRules({ bannerMessages, ...changes }), { now: new Date(MONDAY_10_48) });
}

interface RenderOptions {
  country: string;
  locale?: StorefrontLocale;
  now: string;
  calendar: ShippingCalendar;
  cartCents?: number;
  settings?: Record<string, unknown>;
}

async function renderBanner(options: RenderOptions) {
  const locale = options.locale ?? "en";
  const liquid = createStorefrontLiquid({
    timeZone: "Asia/Jakarta",
    locale,
    moneyFormat: MONEY_FORMATS[countryFixture(options.country).currency],
    now: new Date(options.now),
    assetBaseUrl: "https://cdn.example.test",
  });
  const objects = storefrontObjects({
    country: options.country,
    locale,
    appMetafields: shippingMetafields(options.calendar),
    product: null,
    pageType: "index",
  });
  if (options.cartCents !== undefined) objects.cart = { total_price: options.cartCents, item_count: 1 };
  const html = await renderBlock(liquid, "shipping-banner", { objects, settings: options.settings });
  const message = /<(?:p|div) class="aftercare-banner__item aftercare-banner__message"[\s\S]*?<\/(?:p|div)>(?=\s*<(?:p|div) class="aftercare-banner__item|\s*<\/div>)/.exec(html)?.[0];
  return { html, text: visibleText(html), message: message === undefined ? null : visibleText(message) };
}

const onlyMessage = { show_free_shipping: false, show_delivery: false };

describe("the banner message on the storefront", () => {
  it("fills in the default message of a fresh install with the shopper's dates, never a placeholder", async () => {
    const calendar = calendarWith({ en: DEFAULT_TEMPLATE });

    const { html, text, message } = await renderBanner({ country: "DE", now: MONDAY_15_00, calendar });

    expect(message).toBe("Order now and get it between Thu 16 Jan and Tue 21 Jan.");
    expect(text).toContain("Delivery to Germany: Thu 16 Jan – Tue 21 Jan");
    expect(html).not.toMatch(PLACEHOLDER);
    expect(text).not.toMatch(ISO_DATE);
  });

  it("speaks the shopper's language: Indonesian dates, country and rupiah left to spend", async () => {
    const calendar = calendarWith({
      en: DEFAULT_TEMPLATE,
      id: "Pesan sekarang, tiba {min_date} – {max_date} di {country}. Belanja {remaining_for_free_shipping} lagi untuk gratis ongkir.",
    });

    const { html, message } = await renderBanner({ country: "ID", locale: "id", now: MONDAY_15_00, calendar, cartCents: 12_500_000, settings: onlyMessage });

    expect(message).toBe("Pesan sekarang, tiba Jum, 10 Jan – Sen, 13 Jan di Indonesia. Belanja Rp 375.000 lagi untuk gratis ongkir.");
    expect(html).not.toMatch(PLACEHOLDER);
  });

  it("shows the dates of an order placed before the cutoff, and those after it once the cutoff passes", async () => {
    const calendar = calendarWith({ en: DEFAULT_TEMPLATE });

    const { html, message } = await renderBanner({ country: "DE", now: MONDAY_10_48, calendar, settings: onlyMessage });

    expect(message).toBe("Order now and get it between Wed 15 Jan and Mon 20 Jan.");
    expect(html).toContain(`data-cutoff="${Date.parse("2025-01-06T07:00:00Z") / 1000}"`);
    expect(html).toMatch(/data-variant="after">Order now and get it between Thu 16 Jan and Tue 21 Jan\.</);
  });

  it("leaves out a sentence whose date is unknown where the shop does not ship, keeping the rest", async () => {
    const noWorld = sampleShippingRules().zones.filter((zone) => zone.id !== "world");
    const calendar = calendarWith({ en: `${DEFAULT_TEMPLATE} Gift wrapping is free in {country}!` }, { zones: noWorld });

    const { html, message } = await renderBanner({ country: "BR", now: MONDAY_15_00, calendar });

    expect(message).toBe("Gift wrapping is free in Brazil!");
    expect(html).not.toMatch(PLACEHOLDER);
    expect(html).not.toContain("between");
  });

  it("shows no banner at all when the only sentence cannot be completed (stale calendar)", async () => {
    const calendar = calendarWith({ en: DEFAULT_TEMPLATE });

    const { html } = await renderBanner({ country: "BR", now: "2025-03-01T03:00:00Z", calendar });

    expect(html.trim()).toBe("");
  });

  it("drops the amount-left sentence once the cart already ships free", async () => {
    const calendar = calendarWith({ en: "Spend {remaining_for_free_shipping} more for free shipping. Made in Jakarta." });

    const short = await renderBanner({ country: "DE", now: MONDAY_15_00, calendar, cartCents: 5_000, settings: onlyMessage });
    const enough = await renderBanner({ country: "DE", now: MONDAY_15_00, calendar, cartCents: 9_000, settings: onlyMessage });

    expect(short.message).toBe("Spend €25,00 more for free shipping. Made in Jakarta.");
    expect(enough.message).toBe("Made in Jakarta.");
  });

  it("escapes the merchant's text around the placeholders", async () => {
    const calendar = calendarWith({ en: "<b>Fast</b> to {country}." });

    const { html, message } = await renderBanner({ country: "DE", now: MONDAY_15_00, calendar, settings: onlyMessage });

    expect(html).not.toContain("<b>");
    expect(message).toBe("<b>Fast</b> to Germany.");
  });
});

describe("the admin preview and the storefront", () => {
  it("read a template the same way: same sentences kept, same dates, same country", async () => {
    const templates = [
      DEFAULT_TEMPLATE,
      "Arrives {min_date} – {max_date} in {country}. Free gift wrap!",
      "Ships to {country}. Get it by {max_date}.",
    ];
    for (const template of templates) {
      for (const [country, countryName] of [["DE", "Germany"], ["BR", "Brazil"]] as const) {
        const rules = sampleShippingRules({
          bannerMessages: { en: template },
          zones: sampleShippingRules().zones.filter((zone) => zone.id !== "world"),
        });
        const calendar = buildShippingCalendar(rules, { now: new Date(MONDAY_10_48) });

        const preview = previewBanner({ rules, now: new Date(MONDAY_15_00), countryCode: country, countryName, locale: "en-GB", subtotalCents: 0, currency: "USD" });
        const { message } = await renderBanner({ country, now: MONDAY_15_00, calendar, settings: onlyMessage });

        expect(message, `${template} for ${country}`).toBe(preview.message);
      }
    }
  });

  it("cut the template into the parts the storefront publishes", () => {
    expect(bannerParts("Order now and get it between {min_date} and {max_date}. Free returns!")).toEqual([
      [{ text: "Order now and get it between " }, { value: "min_date" }, { text: " and " }, { value: "max_date" }, { text: ". " }],
      [{ text: "Free returns!" }],
    ]);
    expect(calendarWith({ en: DEFAULT_TEMPLATE }).bannerParts.en).toEqual(bannerParts(DEFAULT_TEMPLATE));
    expect(renderBannerTemplate(DEFAULT_TEMPLATE, { min_date: "", max_date: "Fri 10 Jan" })).toBeNull();
  });
});

describe("the return policy disclosure", () => {
  it("ends its summary with a chevron that tells the shopper it opens", async () => {
    const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale: "en", moneyFormat: "${{amount}}", now: new Date(MONDAY_10_48), assetBaseUrl: "https://cdn.example.test" });
    const entry = returnsMetafield(returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery" }), "Asia/Jakarta");
    const objects = storefrontObjects({ country: "ID", locale: "en", appMetafields: {}, product: null, pageType: "page" });
    objects.app = { metafields: { [entry.namespace]: { [entry.key]: { type: entry.type, value: JSON.parse(entry.value) } } } };

    for (const block of ["return-policy", "return-help"]) {
      const html = await renderBlock(liquid, block, { objects });
      const summary = /<summary[\s\S]*?<\/summary>/.exec(html)?.[0] ?? "";

      expect(summary, block).toMatch(/<svg class="aftercare-returns__chevron" aria-hidden="true"[\s\S]*<\/svg>\s*<\/summary>$/);
      expect(visibleText(summary), block).toBe("30-day returns");
    }
  });
});
