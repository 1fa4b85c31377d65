import { AppProvider } from "@shopify/polaris";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PreviewCard } from "~/components/shipping/PreviewCard";
import { shippingPageCountries } from "~/components/shipping/country-names.server";
import { draftFromRules } from "~/components/shipping/shipping-form";
import { I18nProvider, polarisTranslations, type AdminLocale } from "~/i18n";
import { sampleShippingRules } from "../../support/storefront/sample-shipping-rules";

/** The Shipping page's preview names the delivery dates as the merchant reads dates, never as ISO dates. */

function render(locale: AdminLocale): string {
  const rules = sampleShippingRules({ bannerMessages: { en: "Delivered from {min_date}" } });
  const html = renderToString(
    <AppProvider i18n={polarisTranslations(locale.language)}>
      <I18nProvider locale={locale}>
        <PreviewCard
          draft={draftFromRules(rules)}
          now={new Date("2025-12-22T03:00:00Z")}
          defaultCurrency="IDR"
          {...shippingPageCountries(locale.language, ["en"])}
        />
      </I18nProvider>
    </AppProvider>,
  );
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("shipping preview dates", () => {
  it.each([
    [{ language: "id", tag: "id-ID" } as AdminLocale, /tiba \d{1,2} (Des|Jan) 202[56] sampai \d{1,2} (Des|Jan) 202[56]/],
    [{ language: "en", tag: "en" } as AdminLocale, /(Dec|Jan) \d{1,2}, 202[56]/],
  ])("shows the estimate's dates formatted for %o", (locale, dates) => {
    const page = render(locale);
    expect(page).toMatch(dates);
    expect(page).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });
});
