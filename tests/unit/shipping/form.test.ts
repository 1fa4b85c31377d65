import { describe, expect, it } from "vitest";
import { previewBanner } from "~/components/shipping/banner-preview";
import { renderBannerTemplate, unknownPlaceholders } from "~/components/shipping/banner-template";
import { COUNTRY_CODES } from "~/components/shipping/country-codes";
import { defaultDraft, draftFromRules, parseShippingDraft, type ShippingDraft } from "~/components/shipping/shipping-form";
import { estimateDelivery } from "~/models/shipping/delivery-estimate";
import { loadAdminSchema } from "../../support/admin-schema";
import { sampleShippingRules } from "../../support/storefront/sample-shipping-rules";

function draft(changes: Partial<ShippingDraft> = {}): ShippingDraft {
  return { ...defaultDraft("Europe/Berlin"), ...changes };
}

const zone = (changes: Partial<ShippingDraft["zones"][number]>): ShippingDraft["zones"][number] => ({
  id: "",
  name: "Zone",
  countries: "",
  provinces: "",
  minDays: "1",
  maxDays: "3",
  deliveryDays: [1, 2, 3, 4, 5],
  holidays: [],
  ...changes,
});

const errorsOf = (value: ShippingDraft) => {
  const result = parseShippingDraft(value);
  return result.ok ? {} : result.errors;
};

describe("parseShippingDraft", () => {
  it("accepts the defaults a new shop starts from", () => {
    const result = parseShippingDraft(draft());
    expect(result.ok).toBe(true);
  });

  it("reads what the merchant typed: lists in any case and separator, amounts in main units", () => {
    const result = parseShippingDraft(
      draft({
        holidays: "12-25\n2026-01-01,  12-26",
        zones: [zone({ name: "Benelux & Co.", countries: "be; nl lu", provinces: "fr-75", minDays: "2", maxDays: "4" })],
        freeShipping: [
          { currency: "eur", amount: "49.9" },
          { currency: "JPY", amount: "10000" },
        ],
      }),
    );

    expect(result.ok && result.rules).toMatchObject({
      holidays: ["12-25", "2026-01-01", "12-26"],
      zones: [{ id: "benelux-co", regions: ["BE", "NL", "LU", "FR-75"], transitDays: { min: 2, max: 4 } }],
      freeShipping: [
        { currency: "EUR", minimumCents: 4_990 },
        { currency: "JPY", minimumCents: 1_000_000 },
      ],
    });
  });

  it("gives new zones distinct ids and keeps an existing zone's id when it is renamed", () => {
    const result = parseShippingDraft(
      draft({
        zones: [
          zone({ id: "eu", name: "Europe (renamed)", countries: "DE" }),
          zone({ name: "Asia", countries: "JP" }),
          zone({ name: "Asia", countries: "KR" }),
          zone({ name: "日本", countries: "CN" }),
        ],
      }),
    );

    expect(result.ok && result.rules.zones.map((z) => z.id)).toEqual(["eu", "asia", "asia-2", "zone-4"]);
  });

  it("puts every problem on the field the merchant has to fix, all at once", () => {
    const errors = errorsOf(
      draft({
        cutoffTime: "25:00",
        processingDays: "two",
        workingDays: [],
        holidays: "Christmas, 12-25",
        zones: [
          zone({ name: "", countries: "DE, ZZ, QQ", minDays: "4", maxDays: "2" }),
          zone({ name: "Hawaii", provinces: "HI", minDays: "", maxDays: "3" }),
          zone({ name: "Germany again", countries: "DE" }),
        ],
        freeShipping: [{ currency: "EUR", amount: "lots" }],
        bannerMessages: [
          { locale: "english", template: "Hello" },
          { locale: "de", template: "Noch {remaining} bis zum Gratisversand" },
        ],
      }),
    );

    expect(errors).toEqual({
      cutoffTime: "Use a time like 14:00",
      processingDays: "Enter a whole number of days",
      workingDays: "Choose at least one day",
      holidays: "Use 2025-12-24 for one date or 12-25 for every year: Christmas",
      "zones.0.name": "Enter a zone name",
      "zones.0.countries": "Unknown country code: ZZ, QQ",
      "zones.0.maxDays": "The minimum cannot exceed the maximum",
      "zones.1.provinces": "Use a country and province code like US-HI: HI",
      "zones.1.minDays": "Enter a whole number of days",
      "zones.2.countries": "Already in zone 1: DE",
      "freeShipping.0.amount": "Enter an amount like 75 or 75.50",
      "bannerMessages.0.locale": "Use a language code like en or pt-BR",
      "bannerMessages.1.template": "Unknown placeholder: {remaining}",
    });
  });

  it("asks for at least one zone and one threshold per currency", () => {
    expect(errorsOf(draft({ zones: [] }))).toEqual({ zones: "Add at least one shipping zone" });
    expect(
      errorsOf(
        draft({
          freeShipping: [
            { currency: "EUR", amount: "50" },
            { currency: "EUR", amount: "60" },
          ],
        }),
      ),
    ).toEqual({ "freeShipping.1.currency": "One threshold per currency" });
  });

  it("gives back the same rules from the form of saved rules, overrides and closures included", () => {
    const rules = sampleShippingRules({ blockedDates: [{ from: "2026-01-05", to: "2026-01-07" }] });

    const result = parseShippingDraft(draftFromRules(rules));

    expect(result).toEqual({ ok: true, rules });
  });
});

describe("country codes", () => {
  it("are exactly the countries Shopify's Admin API knows", () => {
    const schemaCodes = (loadAdminSchema().getType("CountryCode") as import("graphql").GraphQLEnumType)
      .getValues()
      .map((value) => value.name)
      .filter((code) => code !== "ZZ");
    expect([...COUNTRY_CODES].sort()).toEqual(schemaCodes.sort());
  });
});

describe("banner templates", () => {
  it("fills the known placeholders and leaves other braces alone", () => {
    expect(
      renderBannerTemplate("Get it by {max_date} in {country} {smile}", { max_date: "Fri, Dec 5", country: "Germany" }),
    ).toBe("Get it by Fri, Dec 5 in Germany {smile}");
    expect(unknownPlaceholders("{min_date} {foo} {bar} {foo}")).toEqual(["foo", "bar"]);
  });

  it("previews the message with the engine's dates for the chosen country", () => {
    const rules = sampleShippingRules({
      bannerMessages: { en: "Arrives {min_date} – {max_date} in {country}. {remaining_for_free_shipping} to free shipping." },
    });
    const now = new Date("2025-12-22T03:00:00Z"); // Monday 10:00 in Jakarta, before the cutoff

    const preview = previewBanner({ rules, now, countryCode: "DE", countryName: "Germany", locale: "en-GB", subtotalCents: 5_000, currency: "EUR" });

    const engine = estimateDelivery(rules, { now, destination: { countryCode: "DE" } })!;
    expect(engine).toMatchObject({ earliest: "2026-01-05", latest: "2026-01-08" });
    expect(preview.estimate).toMatchObject({ zoneName: "European Union", earliest: engine.earliest, latest: engine.latest });
    expect(preview.message).toBe("Arrives Mon 5 Jan – Thu 8 Jan in Germany. €25.00 to free shipping.");
    expect(preview.remainingCents).toBe(2_500);
  });

  it("says when no zone ships to the country", () => {
    const rules = sampleShippingRules({
      zones: [{ id: "eu", name: "EU", regions: ["DE"], transitDays: { min: 1, max: 2 } }],
    });

    const preview = previewBanner({ rules, now: new Date(), countryCode: "BR", countryName: "Brazil", locale: "en", subtotalCents: 0, currency: "BRL" });

    expect(preview.estimate).toBeNull();
    expect(preview.remainingCents).toBeNull();
  });
});
