import { BlockStack, Box, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useFormat, useT } from "~/i18n";
import { useMemo, useState } from "react";
import { previewBanner } from "./banner-preview";
import type { CountryNames, CountryOption } from "./country-names.server";
import { parseShippingDraft, splitList, type ShippingDraft } from "./shipping-form";

export interface PreviewCardProps {
  draft: ShippingDraft;
  /** The moment to preview (the server's clock at page load, so the page renders the same everywhere). */
  now: Date;
  defaultCurrency: string;
  /** Every country, named in the admin language and sorted by the server (loader data). */
  countries: readonly CountryOption[];
  /** Country names per storefront language with a saved banner message, from the server. */
  countryNames: Readonly<Record<string, CountryNames>>;
}

export function PreviewCard({ draft, now, defaultCurrency, countries: countryList, countryNames }: PreviewCardProps) {
  const t = useT();
  const format = useFormat();
  const countries = useMemo(() => countryList.map(({ code, name }) => ({ value: code, label: `${name} (${code})` })), [countryList]);
  const adminNames = useMemo(() => Object.fromEntries(countryList.map(({ code, name }) => [code, name])), [countryList]);
  const firstCountry = draft.zones.flatMap((zone) => splitList(zone.countries, true)).find((code) => code !== "*");
  const [country, setCountry] = useState(firstCountry ?? "US");
  const [locale, setLocale] = useState(draft.bannerMessages[0]?.locale || "en");
  const [subtotal, setSubtotal] = useState("0");

  const currencies = draft.freeShipping.map((threshold) => threshold.currency).filter(Boolean);
  const [chosenCurrency, setCurrency] = useState(currencies[0] ?? defaultCurrency);
  const currency = currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? defaultCurrency);
  const locales = [...new Set(draft.bannerMessages.map((message) => message.locale.trim()).filter(Boolean))];

  const parsed = useMemo(() => parseShippingDraft(draft), [draft]);
  const subtotalCents = Math.round((Number.parseFloat(subtotal) || 0) * 100);
  // A language added since the last save has no names from the server yet: the admin language's stand in.
  const bannerNames = countryNames[locale] ?? countryNames[locale.split("-")[0]] ?? adminNames;
  const preview = parsed.ok
    ? previewBanner({ rules: parsed.rules, now, countryCode: country, countryName: bannerNames[country] ?? country, locale, subtotalCents, currency })
    : null;

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("shipping.preview.title")}
        </Text>
        <FormLayout>
          <Select label={t("shipping.preview.country")} options={countries} value={country} onChange={setCountry} />
          {locales.length > 0 && (
            <Select label={t("shipping.preview.language")} options={locales} value={locales.includes(locale) ? locale : locales[0]} onChange={setLocale} />
          )}
          <TextField
            label={t("shipping.preview.subtotal")}
            type="number"
            min={0}
            value={subtotal}
            onChange={setSubtotal}
            autoComplete="off"
            connectedRight={
              currencies.length > 1 ? (
                <Select label={t("shipping.preview.currency")} labelHidden options={currencies} value={currency} onChange={setCurrency} />
              ) : undefined
            }
            suffix={currencies.length > 1 ? undefined : currency}
          />
        </FormLayout>
        <Box background="bg-surface-secondary" padding="300" borderRadius="200">
          {!preview ? (
            <Text as="p" tone="subdued">
              {t("shipping.preview.fixFields")}
            </Text>
          ) : (
            <BlockStack gap="200">
              <Text as="p" variant="bodyLg" fontWeight="medium">
                {preview.message ?? t("shipping.preview.noMessage")}
              </Text>
              <Text as="p" tone="subdued">
                {preview.estimate
                  ? t(preview.estimate.cutoff ? "shipping.preview.beforeCutoff" : "shipping.preview.afterCutoff", {
                      zone: preview.estimate.zoneName,
                      // Calendar dates in the admin's language ("5 Des 2026"), never ISO.
                      earliest: format.date(preview.estimate.earliest),
                      latest: format.date(preview.estimate.latest),
                    })
                  : t("shipping.preview.noZone", { country: adminNames[country] ?? country })}
              </Text>
            </BlockStack>
          )}
        </Box>
      </BlockStack>
    </Card>
  );
}
