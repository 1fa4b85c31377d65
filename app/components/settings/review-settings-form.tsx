import { BlockStack, Card, Checkbox, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n";
import { SettingsForm } from "./settings-form";
import { useFieldValues } from "./use-field-values";

export const REVIEW_DAY_FIELDS = [
  "domesticDeliveredDays",
  "domesticFulfilledDays",
  "internationalDeliveredDays",
  "internationalFulfilledDays",
  "reminderDays",
] as const;

type DayField = (typeof REVIEW_DAY_FIELDS)[number];

interface Props {
  settings: { enabled: boolean; homeCountry: string; lowRatingThreshold: number } & Record<DayField, number>;
  errors: Record<string, string>;
  /** The last successful settings save's answer, if any. */
  savedResult: object | null;
  saving: boolean;
}

/** When review requests go out: domestic and international delays, and one reminder. */
export function ReviewSettingsForm({ settings, errors, savedResult, saving }: Props) {
  const t = useT();
  const fields = useFieldValues(
    {
      enabled: settings.enabled,
      homeCountry: settings.homeCountry,
      lowRatingThreshold: String(settings.lowRatingThreshold),
      ...(Object.fromEntries(REVIEW_DAY_FIELDS.map((name) => [name, String(settings[name])])) as Record<DayField, string>),
    },
    savedResult,
  );

  return (
    <Card>
      <SettingsForm saveBarId="review-settings-save-bar" dirty={fields.dirty} saving={saving} onDiscard={fields.discard}>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("reviews.settings.title")}</Text>
          <Checkbox label={t("reviews.settings.enabled")} name="enabled" checked={fields.values.enabled} onChange={fields.set("enabled")} />
          <TextField
            label={t("reviews.settings.homeCountry")}
            name="homeCountry"
            autoComplete="country"
            helpText={t("reviews.settings.homeCountryHelp")}
            value={fields.values.homeCountry}
            error={errors.homeCountry}
            onChange={fields.set("homeCountry")}
          />
          {REVIEW_DAY_FIELDS.map((name) => (
            <TextField
              key={name}
              label={t(`reviews.settings.${name}`)}
              name={name}
              type="number"
              autoComplete="off"
              value={fields.values[name]}
              error={errors[name]}
              onChange={fields.set(name)}
            />
          ))}
          <TextField
            label={t("reviews.settings.lowRatingThreshold")}
            name="lowRatingThreshold"
            type="number"
            min={1}
            max={5}
            autoComplete="off"
            helpText={t("reviews.settings.lowRatingThresholdHelp")}
            value={fields.values.lowRatingThreshold}
            error={errors.lowRatingThreshold}
            onChange={fields.set("lowRatingThreshold")}
          />
        </BlockStack>
      </SettingsForm>
    </Card>
  );
}
