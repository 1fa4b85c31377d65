import { BlockStack, Box, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
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

const countryOptions = COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) =>
  a.label.localeCompare(b.label),
);

export function PreviewCard({ draft, now, defaultCurrency }: PreviewCardProps) {
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
          Preview
        </Text>
        <FormLayout>
          <Select label="Shopper's country" options={countryOptions} value={country} onChange={setCountry} />
          {locales.length > 0 && (
            <Select label="Language" options={locales} value={locales.includes(locale) ? locale : locales[0]} onChange={setLocale} />
          )}
          <TextField
            label="Cart subtotal"
            type="number"
            min={0}
            value={subtotal}
            onChange={setSubtotal}
            autoComplete="off"
            connectedRight={
              currencies.length > 1 ? (
                <Select label="Currency" labelHidden options={currencies} value={currency} onChange={setCurrency} />
              ) : undefined
            }
            suffix={currencies.length > 1 ? undefined : currency}
          />
        </FormLayout>
        <Box background="bg-surface-secondary" padding="300" borderRadius="200">
          {!preview ? (
            <Text as="p" tone="subdued">
              Fix the highlighted fields to see the preview.
            </Text>
          ) : (
            <BlockStack gap="200">
              <Text as="p" variant="bodyLg" fontWeight="medium">
                {preview.message ?? "No message for this language."}
              </Text>
              <Text as="p" tone="subdued">
                {preview.estimate
                  ? `Zone ${preview.estimate.zoneName}: delivered ${preview.estimate.earliest} to ${preview.estimate.latest}` +
                    (preview.estimate.cutoff ? ", ordering before today's cutoff." : ", ordering after today's cutoff.")
                  : `No zone ships to ${countryName(country)}: the storefront shows no estimate.`}
              </Text>
            </BlockStack>
          )}
        </Box>
      </BlockStack>
    </Card>
  );
}
