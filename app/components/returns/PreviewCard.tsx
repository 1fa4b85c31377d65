import { BlockStack, Box, Card, Divider, List, Select, Text } from "@shopify/polaris";
import { useT } from "~/i18n";
import { useMemo, useState } from "react";
import { parseReturnDraft, type ReturnDraft } from "./return-form";
import { PREVIEW_LOCALES, previewReturnPolicy, type PreviewLocale } from "./return-preview";

export interface PreviewCardProps {
  draft: ReturnDraft;
  timeZone: string;
  /** The moment to preview (the server's clock at page load). */
  now: Date;
}

const localeOptions = Object.entries(PREVIEW_LOCALES).map(([value, label]) => ({ value, label }));

/** The return-policy block as shoppers will read it on a product page, for a purchase today. */
export function PreviewCard({ draft, timeZone, now }: PreviewCardProps) {
  const t = useT();
  const [locale, setLocale] = useState<PreviewLocale>("en");
  const parsed = useMemo(() => parseReturnDraft(draft), [draft]);
  const preview = parsed.ok ? previewReturnPolicy(parsed.rules, { timeZone, now, locale }) : null;

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.preview.title")}
        </Text>
        <Select label={t("returns.preview.language")} options={localeOptions} value={locale} onChange={(value) => setLocale(value as PreviewLocale)} />
        {!preview && (
          <Text as="p" tone="subdued">
            {t("returns.preview.invalid")}
          </Text>
        )}
        {preview && (
          <BlockStack gap="300">
            <Box>
              <Text as="p" fontWeight="semibold">
                {preview.summary}
              </Text>
              <Text as="p">{preview.productLine}</Text>
            </Box>
            <List>
              {preview.points.map((point) => (
                <List.Item key={point}>{point}</List.Item>
              ))}
            </List>
            <Divider />
            <Text as="p" tone="subdued">
              {t("returns.preview.finalSale", { text: preview.finalSale })}
            </Text>
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
