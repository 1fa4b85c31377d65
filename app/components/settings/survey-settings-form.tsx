import { BlockStack, Card, Checkbox, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n";
import { SURVEY_KINDS } from "../../models/surveys/satisfaction";
import { SettingsForm } from "./settings-form";
import { useFieldValues } from "./use-field-values";

interface Props {
  settings: { enabled: boolean; kind: string; delayDays: number };
  errors: Record<string, string>;
  /** The last successful save's answer, if any. */
  savedResult: object | null;
  saving: boolean;
}

/** Whether a survey follows delivery, which question it asks and how many days later. */
export function SurveySettingsForm({ settings, errors, savedResult, saving }: Props) {
  const t = useT();
  const fields = useFieldValues(
    { enabled: settings.enabled, kind: settings.kind, delayDays: String(settings.delayDays) },
    savedResult,
  );
  const { enabled, kind, delayDays } = fields.values;

  return (
    <Card>
      <SettingsForm saveBarId="survey-settings-save-bar" dirty={fields.dirty} saving={saving} onDiscard={fields.discard}>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("surveys.settings")}</Text>
          <Checkbox label={t("surveys.enabled")} checked={enabled} onChange={fields.set("enabled")} />
          <input type="hidden" name="enabled" value={enabled ? "on" : "off"} />
          <Select
            label={t("surveys.question")}
            name="kind"
            options={SURVEY_KINDS.map((value) => ({ value, label: t(`surveys.kind.${value}`) }))}
            value={kind}
            onChange={fields.set("kind")}
            error={errors.kind}
          />
          <TextField
            label={t("surveys.delayDays")}
            name="delayDays"
            type="number"
            autoComplete="off"
            value={delayDays}
            onChange={fields.set("delayDays")}
            error={errors.delayDays}
          />
        </BlockStack>
      </SettingsForm>
    </Card>
  );
}
