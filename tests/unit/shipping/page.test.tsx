import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShippingSettingsPage, type ShippingSettingsPageProps } from "~/components/shipping/ShippingSettingsPage";
import { draftFromRules } from "~/components/shipping/shipping-form";
import { shippingPageCountries } from "~/components/shipping/country-names.server";
import { sampleShippingRules } from "../../support/storefront/sample-shipping-rules";

function render(changes: Partial<ShippingSettingsPageProps> = {}): string {
  const rules = sampleShippingRules({
    bannerMessages: { en: "Delivered to {country} from {min_date}" },
  });
  const props: ShippingSettingsPageProps = {
    draft: draftFromRules(rules),
    onChange: () => {},
    shop: { timeZone: "Asia/Jakarta", currencyCode: "IDR", currencies: ["IDR", "EUR", "USD"] },
    now: new Date("2025-12-22T03:00:00Z"),
    ...shippingPageCountries("en", ["en"]),
    languages: { source: "shop", options: [{ value: "en", label: "English (en)" }] },
    errors: {},
    publication: null,
    publishedAt: null,
    publishing: false,
    onRetryPublish: () => {},
    ...changes,
  };
  return renderToString(
    <AppProvider i18n={en}>
      <ShippingSettingsPage {...props} />
    </AppProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");

describe("shipping settings page", () => {
  it("shows every zone, the shop's time zone and a live preview of the banner", () => {
    const html = render();
    const page = text(html);

    expect(page).toContain("Asia/Jakarta, your shop's time zone");
    for (const name of ["Java", "Indonesia", "European Union", "Rest of the world"]) expect(html).toContain(`value="${name}"`);
    expect(html).toContain('value="ID-JK, ID-JB, ID-JT, ID-JI, ID-BT, ID-YO"');
    // The preview's first country is the first zone's first country: ID (Java names provinces only).
    expect(page).toMatch(/Delivered to Indonesia from \w{3}, \w{3} \d+/);
  });

  it("shows each field error on its field and says nothing was saved", () => {
    const page = text(
      render({ errors: { cutoffTime: "Use a time like 14:00", "zones.2.maxDays": "The minimum cannot exceed the maximum" } }),
    );

    expect(page).toContain("2 fields need attention");
    expect(page).toContain("Nothing was saved");
    expect(page).toContain("Use a time like 14:00");
    expect(page).toContain("The minimum cannot exceed the maximum");
  });

  it("offers to retry when publishing failed", () => {
    const page = text(render({ publication: { published: false, reason: "Shopify answered 500" } }));

    expect(page).toContain("Settings saved, but not yet live on your storefront");
    expect(page).toContain("Publishing to Shopify failed: Shopify answered 500");
    expect(page).toContain("Retry publishing");
  });
});

describe("shipping page country names", () => {
  it("shows the names the server sent and never asks the browser's Intl for them (its ICU names differ)", () => {
    // A browser whose ICU disagrees with the server's: if the page asked it, the markup would differ.
    const RealDisplayNames = Intl.DisplayNames;
    class BrowserDisplayNames extends RealDisplayNames {
      of(code: string) {
        return code === "HK" ? "Hong Kong (browser)" : super.of(code);
      }
    }
    const server = shippingPageCountries("en", ["en"]);
    const { countries, countryNames } = {
      countries: server.countries.map((option) => (option.code === "HK" ? { ...option, name: "Hong Kong SAR China" } : option)),
      countryNames: { en: { ...server.countryNames.en, HK: "Hong Kong SAR China" } },
    };
    (Intl as { DisplayNames: typeof Intl.DisplayNames }).DisplayNames = BrowserDisplayNames;
    try {
      const html = render({ countries, countryNames });
      expect(html).toContain("Hong Kong SAR China (HK)");
      expect(html).not.toContain("(browser)");
      expect(html.match(/>Curaçao \(/g)).toHaveLength(1);
    } finally {
      (Intl as { DisplayNames: typeof Intl.DisplayNames }).DisplayNames = RealDisplayNames;
    }
  });
});
