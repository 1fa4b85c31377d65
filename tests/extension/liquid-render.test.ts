import { describe, expect, it } from "vitest";
import { estimateDelivery } from "~/models/shipping/delivery-estimate";
import { buildShippingCalendar, type ShippingCalendar } from "~/models/shipping/calendar";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import {
  MONEY_FORMATS,
  SAMPLE_PRODUCT,
  countryFixture,
  shippingMetafields,
  storefrontObjects,
  type AppMetafields,
  type PreviewProduct,
  type StorefrontLocale,
} from "../support/storefront/storefront-fixtures";

const rules = sampleShippingRules();
/** Published on Monday 6 January 2025, 08:00 in Jakarta. */
const calendar = buildShippingCalendar(rules, { now: new Date("2025-01-06T01:00:00Z") });

interface RenderOptions {
  country: string;
  locale?: StorefrontLocale;
  now: string;
  product?: PreviewProduct | null;
  customerProvince?: string;
  settings?: Record<string, unknown>;
  published?: ShippingCalendar;
}

const metafieldCache = new WeakMap<ShippingCalendar, AppMetafields>();
function metafieldsFor(value: ShippingCalendar): AppMetafields {
  const metafields = metafieldCache.get(value) ?? shippingMetafields(value);
  metafieldCache.set(value, metafields);
  return metafields;
}

async function render(block: "delivery-estimate" | "shipping-banner", options: RenderOptions) {
  const locale = options.locale ?? "en";
  const liquid = createStorefrontLiquid({
    timeZone: rules.timeZone,
    locale,
    moneyFormat: MONEY_FORMATS[countryFixture(options.country).currency],
    now: new Date(options.now),
    assetBaseUrl: "https://cdn.example.test/extensions/aftercare",
  });
  const html = await renderBlock(liquid, block, {
    settings: options.settings,
    objects: storefrontObjects({
      country: options.country,
      locale,
      appMetafields: metafieldsFor(options.published ?? calendar),
      product: options.product === undefined ? SAMPLE_PRODUCT : options.product,
      customerProvince: options.customerProvince,
      pageType: "product",
    }),
  });
  return { html, text: visibleText(html) };
}

// Monday 6 January 2025 in Jakarta (UTC+7).
const MONDAY_10_48 = "2025-01-06T03:48:00Z";
const MONDAY_15_00 = "2025-01-06T08:00:00Z";
const SUNDAY_10_00 = "2025-01-12T03:00:00Z";

describe("the delivery estimate block", () => {
  it("shows a Jakarta shopper the Java range and the time left to order", async () => {
    const { text } = await render("delivery-estimate", { country: "ID", customerProvince: "JK", now: MONDAY_10_48 });

    expect(text).toBe("Get it Wed 8 Jan – Thu 9 Jan Order within 3 h 12 min");
  });

  it("speaks Indonesian to an Indonesian shopper outside Java", async () => {
    const { text } = await render("delivery-estimate", { country: "ID", locale: "id", now: MONDAY_10_48 });

    expect(text).toBe("Tiba Kam, 9 Jan – Sab, 11 Jan Pesan dalam 3 jam 12 mnt");
  });

  it("gives a German shopper the EU range", async () => {
    const { text } = await render("delivery-estimate", { country: "DE", now: MONDAY_10_48 });

    expect(text).toBe("Get it Wed 15 Jan – Mon 20 Jan Order within 3 h 12 min");
  });

  it("switches to minutes and seconds in the last hour", async () => {
    const { text } = await render("delivery-estimate", { country: "DE", now: "2025-01-06T06:55:30Z" });

    expect(text).toContain("Order within 4 min 30 s");
  });

  it("drops the countdown and moves the dates after the cutoff", async () => {
    const { text, html } = await render("delivery-estimate", { country: "DE", now: MONDAY_15_00 });

    expect(text).toBe("Get it Thu 16 Jan – Tue 21 Jan");
    expect(html).not.toContain("<aftercare-countdown");
  });

  it("shows no countdown on a day the warehouse is closed", async () => {
    const { text } = await render("delivery-estimate", { country: "ID", customerProvince: "JK", now: SUNDAY_10_00 });

    expect(text).toBe("Get it Wed 15 Jan – Thu 16 Jan");
  });

  it("uses the override group of a made-to-order product", async () => {
    const product = { ...SAMPLE_PRODUCT, tags: ["bags", "Made-to-Order"] };

    const { text } = await render("delivery-estimate", { country: "DE", now: MONDAY_10_48, product });

    expect(text).toBe("Get it Mon 20 Jan – Thu 23 Jan Order within 3 h 12 min");
  });

  it("hides the countdown when the merchant turns it off", async () => {
    const { text } = await render("delivery-estimate", {
      country: "DE",
      now: MONDAY_10_48,
      settings: { show_countdown: false },
    });

    expect(text).toBe("Get it Wed 15 Jan – Mon 20 Jan");
  });

  it("renders nothing from a stale calendar rather than a wrong date", async () => {
    const { html } = await render("delivery-estimate", { country: "DE", now: "2025-03-01T03:00:00Z" });

    expect(html.trim()).toBe("");
  });

  it("renders nothing where the shop does not ship", async () => {
    const published = buildShippingCalendar(
      sampleShippingRules({ zones: sampleShippingRules().zones.filter((zone) => zone.id !== "world") }),
      { now: new Date(MONDAY_10_48) },
    );

    const { html } = await render("delivery-estimate", { country: "BR", now: MONDAY_10_48, published });

    expect(html.trim()).toBe("");
  });

  it("gives the countdown element what it needs to tick without hard-coded words", async () => {
    const { html } = await render("delivery-estimate", { country: "ID", locale: "id", now: MONDAY_10_48 });

    expect(html).toContain(`data-cutoff="${Date.parse("2025-01-06T07:00:00Z") / 1000}"`);
    expect(html).toContain('data-format-hours="[h] jam [m] mnt"');
    expect(html).toContain('data-format-minutes="[m] mnt [s] dtk"');
  });
});

describe("the shipping banner", () => {
  it("tells an Indonesian shopper the message, the rupiah threshold and the delivery dates", async () => {
    const { text } = await render("shipping-banner", { country: "ID", locale: "id", now: MONDAY_10_48, product: null });

    expect(text).toBe(
      "Bungkus kado gratis bulan ini. Gratis ongkir ke Indonesia untuk pesanan di atas Rp 500.000 " +
        "Pengiriman ke Indonesia: Kam, 9 Jan – Sab, 11 Jan jika memesan dalam 3 jam 12 mnt",
    );
  });

  it("tells a German shopper the euro threshold and the EU dates", async () => {
    const { text } = await render("shipping-banner", { country: "DE", now: MONDAY_15_00, product: null });

    expect(text).toBe(
      "Gift wrapping is free this month. Free shipping to Germany on orders over €75,00 " +
        "Delivery to Germany: Thu 16 Jan – Tue 21 Jan",
    );
  });

  it("leaves out a threshold the shop has not set for the shopper's currency", async () => {
    const { text } = await render("shipping-banner", { country: "US", now: MONDAY_15_00, product: null });

    expect(text).not.toContain("Free shipping");
    expect(text).toContain("Delivery to United States:");
  });

  it("escapes the merchant's message", async () => {
    const published = buildShippingCalendar(
      sampleShippingRules({ bannerMessages: { en: '<img src=x onerror="alert(1)">Sale' } }),
      { now: new Date(MONDAY_10_48) },
    );

    const { html } = await render("shipping-banner", { country: "DE", now: MONDAY_10_48, published });

    expect(html).not.toContain("<img");
    expect(visibleText(html)).toContain('<img src=x onerror="alert(1)">Sale');
  });

  it("keeps what is still true but drops the dates when the calendar is stale", async () => {
    const { text } = await render("shipping-banner", { country: "DE", now: "2025-03-01T03:00:00Z" });

    expect(text).toBe("Gift wrapping is free this month. Free shipping to Germany on orders over €75,00");
  });

  it("renders nothing when every part is turned off", async () => {
    const { html } = await render("shipping-banner", {
      country: "DE",
      now: MONDAY_10_48,
      settings: { show_message: false, show_free_shipping: false, show_delivery: false },
    });

    expect(html.trim()).toBe("");
  });
});

/** "Wed 8 Jan", from the engine's calendar date, formatted by Intl (not by the extension). */
function shortDate(isoDate: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })
      .formatToParts(new Date(`${isoDate}T00:00:00Z`))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month}`;
}

describe("Liquid and the engine", () => {
  it("agree on the dates for every shopper and product across the year end", async () => {
    const yearEnd = buildShippingCalendar(rules, { now: new Date("2025-12-20T00:00:00Z") });
    const shoppers = [
      { country: "ID", customerProvince: "JK" },
      { country: "ID" },
      { country: "DE" },
      { country: "BR" },
    ];
    const products = [SAMPLE_PRODUCT, { ...SAMPLE_PRODUCT, tags: ["made-to-order"] }, { ...SAMPLE_PRODUCT, id: 7004 }];
    let compared = 0;
    for (let at = Date.parse("2025-12-20T01:00:00Z"); at < Date.parse("2026-01-06T00:00:00Z"); at += 13 * 3_600_000) {
      const now = new Date(at).toISOString();
      for (const shopper of shoppers) {
        for (const product of products) {
          const engine = estimateDelivery(rules, {
            now: new Date(at),
            destination: { countryCode: shopper.country, provinceCode: shopper.customerProvince },
            product,
          });
          if (!engine) throw new Error("the sample rules ship everywhere");
          const range =
            engine.earliest === engine.latest
              ? shortDate(engine.earliest)
              : `${shortDate(engine.earliest)} – ${shortDate(engine.latest)}`;

          const { text } = await render("delivery-estimate", { ...shopper, now, product, published: yearEnd });

          expect(text.startsWith(`Get it ${range}`), `${now} ${shopper.country}: ${text}`).toBe(true);
          expect(text.includes("Order within")).toBe(engine.countdown !== null);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(350);
  });
});
