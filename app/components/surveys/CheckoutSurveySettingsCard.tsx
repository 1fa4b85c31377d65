import { useState } from "react";
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineStack, Text, TextField } from "@shopify/polaris";
import { useT } from "../../i18n";
import { MAX_OPTIONS } from "../../models/surveys/attribution-options";

export interface CheckoutSurveySettingsValues {
  enabled: boolean;
  askCsat: boolean;
  options: string[];
}

/** The Thank-you page survey's switches and answer options (one a line), with a Save button. */
export function CheckoutSurveySettingsCard({
  settings,
  errors,
  saving,
}: {
  settings: CheckoutSurveySettingsValues;
  errors: Record<string, string>;
  saving: boolean;
}) {
  const t = useT();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [askCsat, setAskCsat] = useState(settings.askCsat);
  const [options, setOptions] = useState(settings.options.join("\n"));
  return (
    <Card>
      <Form method="post">
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">{t("checkoutSurvey.title")}</Text>
          <Text as="p" tone="subdued">{t("checkoutSurvey.intro")}</Text>
          <Checkbox label={t("checkoutSurvey.enabled")} name="enabled" checked={enabled} onChange={setEnabled} />
          <Checkbox label={t("checkoutSurvey.askCsat")} name="askCsat" checked={askCsat} onChange={setAskCsat} />
          <TextField
            label={t("checkoutSurvey.options")}
            name="options"
            value={options}
            onChange={setOptions}
            multiline={6}
            autoComplete="off"
            helpText={t("checkoutSurvey.optionsHelp", { max: MAX_OPTIONS })}
            error={errors.options}
          />
          <InlineStack align="end">
            <Button submit variant="primary" loading={saving}>{t("common.save")}</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
