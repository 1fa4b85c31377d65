import { BlockStack, Card, Checkbox, FormLayout, InlineError, InlineStack, Text, TextField } from "@shopify/polaris";
import type { FieldErrors, ShippingDraft } from "./shipping-form";
import { WEEK_FROM_MONDAY, weekdayName } from "./weekdays";

export interface ProcessingCardProps {
  draft: ShippingDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ShippingDraft>) => void;
}

export function ProcessingCard({ draft, errors, onChange }: ProcessingCardProps) {
  const toggleDay = (day: number, checked: boolean) =>
    onChange({
      workingDays: checked ? [...draft.workingDays, day].sort((a, b) => a - b) : draft.workingDays.filter((d) => d !== day),
    });

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Processing
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Processing days"
              helpText="Working days between receiving an order and handing it to the carrier"
              type="number"
              min={0}
              value={draft.processingDays}
              onChange={(processingDays) => onChange({ processingDays })}
              error={errors.processingDays}
              autoComplete="off"
            />
            <TextField
              label="Order cutoff"
              helpText={`Orders placed before this time (${draft.timeZone}, your shop's time zone) count as received that day`}
              type="time"
              value={draft.cutoffTime}
              onChange={(cutoffTime) => onChange({ cutoffTime })}
              error={errors.cutoffTime}
              autoComplete="off"
            />
          </FormLayout.Group>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Working days
            </Text>
            <InlineStack gap="400">
              {WEEK_FROM_MONDAY.map((day) => (
                <Checkbox
                  key={day}
                  label={weekdayName(day)}
                  checked={draft.workingDays.includes(day)}
                  onChange={(checked) => toggleDay(day, checked)}
                />
              ))}
            </InlineStack>
            {errors.workingDays && <InlineError message={errors.workingDays} fieldID="shipping-working-days" />}
          </BlockStack>
          <TextField
            label="Holidays"
            helpText="Days the warehouse is closed: 2025-12-24 for one date, 12-25 for every year. Separate with commas or lines."
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
