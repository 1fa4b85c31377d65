import { Link } from "@remix-run/react";
import { Banner, BlockStack, Card, Checkbox, FormLayout, InlineGrid, Text, TextField } from "@shopify/polaris";
import { useMemo } from "react";
import { previewEmail, type PreviewContext } from "../../email/template-preview";
import { useAdminHref, useT } from "../../i18n";
import { sampleDiscountLine } from "../../models/loyalty/email";
import { EmailPreview } from "./email-preview";
import { SettingsForm } from "./settings-form";
import { useFieldValues } from "./use-field-values";

interface Props {
  settings: { enabled: boolean; discountPercent: number | null; discountDays: number };
  template: { subject: string; body: string };
  previewContext: PreviewContext;
  canCreateDiscounts: boolean;
  /** The server's clock (ISO), for the preview's sample expiry date. */
  now: string;
  result: { ok: boolean; errors: Record<string, string> } | null;
  saving: boolean;
}

/** The anniversary thank-you: on or off, an optional one-use discount, and the email it sends. */
export function LoyaltySettingsForm({ settings, template, previewContext, canCreateDiscounts, now, result, saving }: Props) {
  const t = useT();
  const href = useAdminHref();
  const fields = useFieldValues(
    {
      enabled: settings.enabled,
      withDiscount: settings.discountPercent !== null,
      percent: String(settings.discountPercent ?? 10),
      days: String(settings.discountDays),
    },
    result?.ok ? result : null,
  );
  const { enabled, withDiscount, percent, days } = fields.values;
  const errors = result?.errors ?? {};

  const preview = useMemo(() => {
    const validPercent = Number.isInteger(Number(percent)) && Number(percent) >= 1 && Number(percent) <= 90 ? Number(percent) : null;
    const discountLine = withDiscount ? sampleDiscountLine(validPercent, Number(days) || 30, new Date(now)) : "";
    return previewEmail("anniversary", template, { ...previewContext, discountLine });
  }, [withDiscount, percent, days, now, template, previewContext]);

  return (
    <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
      <Card>
        <SettingsForm saveBarId="loyalty-save-bar" dirty={fields.dirty} saving={saving} onDiscard={fields.discard}>
          <BlockStack gap="400">
            {result && !result.ok && (
              <Banner tone="critical" title={t("loyalty.nothingSaved")}>
                <p>{t("loyalty.fixFields")}</p>
              </Banner>
            )}
            <Text as="p">{t("loyalty.intro")}</Text>
            <Checkbox label={t("loyalty.enable")} checked={enabled} onChange={fields.set("enabled")} />
            <input type="hidden" name="enabled" value={enabled ? "on" : "off"} />
            <Checkbox
              label={t("loyalty.withDiscount")}
              helpText={t("loyalty.withDiscountHelp")}
              checked={withDiscount}
              onChange={fields.set("withDiscount")}
            />
            <input type="hidden" name="withDiscount" value={withDiscount ? "on" : "off"} />
            {withDiscount && (
              <FormLayout>
                <FormLayout.Group>
                  <TextField label={t("loyalty.percent")} name="discountPercent" type="number" suffix="%" value={percent} onChange={fields.set("percent")} autoComplete="off" error={errors.discountPercent} />
                  <TextField label={t("loyalty.validFor")} name="discountDays" type="number" suffix={t("loyalty.daysSuffix")} value={days} onChange={fields.set("days")} autoComplete="off" error={errors.discountDays} />
                </FormLayout.Group>
              </FormLayout>
            )}
            {withDiscount && !canCreateDiscounts && (
              <Banner tone="warning" title={t("loyalty.noScopeTitle")}>
                <p>{t("loyalty.noScopeBody")}</p>
              </Banner>
            )}
            <Text as="p" tone="subdued">
              {t("loyalty.wordingBefore")}
              <Link to={href("/app/settings/templates?email=anniversary")}>{t("templates.title")}</Link>
              {t("loyalty.wordingAfter")}
            </Text>
          </BlockStack>
        </SettingsForm>
      </Card>
      <Card>
        <EmailPreview email={preview} title={t("loyalty.previewTitle")} />
      </Card>
    </InlineGrid>
  );
}
