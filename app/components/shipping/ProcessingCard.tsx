import { BlockStack, Card, Checkbox, FormLayout, InlineError, InlineStack, Text, TextField } from "@shopify/polaris";
import { useLocale, useT } from "~/i18n";
import type { FieldErrors, ShippingDraft } from "./shipping-form";
import { WEEK_FROM_MONDAY, weekdayName } from "./weekdays";

export interface ProcessingCardProps {
  draft: ShippingDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ShippingDraft>) => void;
}

export function ProcessingCard({ draft, errors, onChange }: ProcessingCardProps) {
  const t = useT();
  const { tag } = useLocale();
  const toggleDay = (day: number, checked: boolean) =>
    onChange({
      workingDays: checked ? [...draft.workingDays, day].sort((a, b) => a - b) : draft.workingDays.filter((d) => d !== day),
    });

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("shipping.processing.title")}
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label={t("shipping.processing.days")}
              helpText={t("shipping.processing.daysHelp")}
              type="number"
              min={0}
              value={draft.processingDays}
              onChange={(processingDays) => onChange({ processingDays })}
              error={errors.processingDays}
              autoComplete="off"
            />
            <TextField
              label={t("shipping.processing.cutoff")}
              helpText={t("shipping.processing.cutoffHelp", { timeZone: draft.timeZone })}
              type="time"
              value={draft.cutoffTime}
              onChange={(cutoffTime) => onChange({ cutoffTime })}
              error={errors.cutoffTime}
              autoComplete="off"
            />
          </FormLayout.Group>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("shipping.processing.workingDays")}
            </Text>
            <InlineStack gap="400">
              {WEEK_FROM_MONDAY.map((day) => (
                <Checkbox
                  key={day}
                  label={weekdayName(day, tag)}
                  checked={draft.workingDays.includes(day)}
                  onChange={(checked) => toggleDay(day, checked)}
                />
              ))}
            </InlineStack>
            {errors.workingDays && <InlineError message={errors.workingDays} fieldID="shipping-working-days" />}
          </BlockStack>
          <TextField
            label={t("shipping.processing.holidays")}
            helpText={t("shipping.processing.holidaysHelp")}
            multiline={3}
            value={draft.holidays}
            onChange={(holidays) => onChange({ holidays })}
            error={errors.holidays}
            autoComplete="off"
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
