import { BlockStack, Box, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useLocale, useT } from "~/i18n";
import { useMemo, useState } from "react";
import { previewBanner } from "./banner-preview";
import { COUNTRY_CODES, countryName } from "./country-codes";
import { parseShippingDraft, splitList, type ShippingDraft } from "./shipping-form";

export interface PreviewCardProps {
  draft: ShippingDraft;
  /** The moment to preview (the server's clock at page load, so the page renders the same everywhere). */
  now: Date;
  defaultCurrency: string;
}

/** Every country, named in the admin language and sorted the way that language sorts. */
const countryOptions = (tag: string) =>
  COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code, tag)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, tag));

export function PreviewCard({ draft, now, defaultCurrency }: PreviewCardProps) {
  const t = useT();
  const { tag } = useLocale();
  const countries = useMemo(() => countryOptions(tag), [tag]);
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
  const preview = parsed.ok ? previewBanner({ rules: parsed.rules, now, countryCode: country, locale, subtotalCents, currency }) : null;

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
                      earliest: preview.estimate.earliest,
                      latest: preview.estimate.latest,
                    })
                  : t("shipping.preview.noZone", { country: countryName(country, tag) })}
              </Text>
            </BlockStack>
          )}
        </Box>
      </BlockStack>
    </Card>
  );
}
