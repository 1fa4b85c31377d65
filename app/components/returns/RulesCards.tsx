import { BlockStack, Button, Card, Checkbox, FormLayout, InlineError, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { Resolution, ReturnCondition, WindowStart } from "~/models/return-rules";
import type { FieldErrors, HolidayDraft, ReturnDraft } from "./return-form";

interface CardProps {
  draft: ReturnDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ReturnDraft>) => void;
}

const START_OPTIONS: Array<{ value: WindowStart; label: string }> = [
  { value: "delivery", label: "Delivery (the carrier's delivery scan)" },
  { value: "fulfillment", label: "Fulfillment (the day the order ships)" },
  { value: "order", label: "Order date" },
];

export function WindowCard({ draft, errors, onChange }: CardProps) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Return window
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Days to start a return"
              type="number"
              min={1}
              value={draft.windowDays}
              onChange={(windowDays) => onChange({ windowDays })}
              error={errors.windowDays}
              autoComplete="off"
              suffix="days"
            />
            <Select
              label="Counted from"
              options={START_OPTIONS}
              value={draft.windowStartsAt}
              onChange={(value) => onChange({ windowStartsAt: value as WindowStart })}
              error={errors.windowStartsAt}
            />
          </FormLayout.Group>
          {draft.windowStartsAt === "delivery" && (
            <TextField
              label="Usual delivery time"
              helpText="When the carrier never reports a delivery, the window starts this many days after the order ships."
              type="number"
              min={0}
              value={draft.transitAllowanceDays}
              onChange={(transitAllowanceDays) => onChange({ transitAllowanceDays })}
              error={errors.transitAllowanceDays}
              autoComplete="off"
              suffix="days"
            />
          )}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

export function FinalSaleCard({ draft, errors, onChange }: CardProps) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Final sale
        </Text>
        <FormLayout>
          <TextField
            label="Product tags"
            helpText="Products with any of these tags cannot be returned. Separate tags with commas."
            value={draft.finalSaleTags}
            onChange={(finalSaleTags) => onChange({ finalSaleTags })}
            error={errors.finalSaleTags}
            autoComplete="off"
            placeholder="final-sale, sample sale"
          />
          <TextField
            label="Collection IDs"
            helpText="Products in these collections cannot be returned. The ID is the number at the end of the collection's admin URL."
            value={draft.finalSaleCollectionIds}
            onChange={(finalSaleCollectionIds) => onChange({ finalSaleCollectionIds })}
            error={errors.finalSaleCollectionIds}
            autoComplete="off"
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

const CONDITION_LABELS: Record<ReturnCondition, string> = {
  unused: "Unused",
  original_packaging: "In the original packaging",
  tags_attached: "Tags attached",
  proof_of_purchase: "Proof of purchase",
};

const RESOLUTION_LABELS: Record<Resolution, string> = {
  refund: "Refund to the original payment method",
  exchange: "Exchange",
  store_credit: "Store credit",
};

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((item) => item !== value), value] : values.filter((item) => item !== value);
}

export function ConditionsCard({ draft, errors, onChange }: CardProps) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Conditions and settlement
        </Text>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Returned items must be
          </Text>
          {(Object.keys(CONDITION_LABELS) as ReturnCondition[]).map((condition) => (
            <Checkbox
              key={condition}
              label={CONDITION_LABELS[condition]}
              checked={draft.conditions.includes(condition)}
              onChange={(on) => onChange({ conditions: toggled(draft.conditions, condition, on) })}
            />
          ))}
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Customers can choose
          </Text>
          {(Object.keys(RESOLUTION_LABELS) as Resolution[]).map((resolution) => (
            <Checkbox
              key={resolution}
              label={RESOLUTION_LABELS[resolution]}
              checked={draft.resolutions.includes(resolution)}
              onChange={(on) => onChange({ resolutions: toggled(draft.resolutions, resolution, on) })}
            />
          ))}
          {errors.resolutions && <InlineError message={errors.resolutions} fieldID="returns-resolutions" />}
        </BlockStack>
        <TextField
          label="Restocking fee"
          type="number"
          min={0}
          max={100}
          suffix="%"
          value={draft.restockingFeePercent}
          onChange={(restockingFeePercent) => onChange({ restockingFeePercent })}
          error={errors.restockingFeePercent}
          autoComplete="off"
        />
      </BlockStack>
    </Card>
  );
}

const EMPTY_HOLIDAY: HolidayDraft = { orderedFrom: "", orderedThrough: "", windowDays: "60" };

export function HolidayCard({ draft, errors, onChange }: CardProps) {
  const update = (index: number, patch: Partial<HolidayDraft>) =>
    onChange({ holidayExtensions: draft.holidayExtensions.map((period, i) => (i === index ? { ...period, ...patch } : period)) });

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Holiday returns
        </Text>
        <Text as="p" tone="subdued">
          Orders placed in these periods get a longer window, so gifts can be returned after the holidays.
        </Text>
        {draft.holidayExtensions.map((period, index) => (
          <FormLayout key={index}>
            <FormLayout.Group condensed>
              <TextField
                label="Orders from"
                type="date"
                value={period.orderedFrom}
                onChange={(orderedFrom) => update(index, { orderedFrom })}
                error={errors[`holidayExtensions.${index}.orderedFrom`]}
                autoComplete="off"
              />
              <TextField
                label="Orders through"
                type="date"
                value={period.orderedThrough}
                onChange={(orderedThrough) => update(index, { orderedThrough })}
                error={errors[`holidayExtensions.${index}.orderedThrough`]}
                autoComplete="off"
              />
              <TextField
                label="Return window"
                type="number"
                suffix="days"
                value={period.windowDays}
                onChange={(windowDays) => update(index, { windowDays })}
                error={errors[`holidayExtensions.${index}.windowDays`]}
                autoComplete="off"
              />
            </FormLayout.Group>
            <InlineStack align="end">
              <Button
                variant="plain"
                tone="critical"
                onClick={() => onChange({ holidayExtensions: draft.holidayExtensions.filter((_, i) => i !== index) })}
              >
                Remove period
              </Button>
            </InlineStack>
          </FormLayout>
        ))}
        {errors.holidayExtensions && <InlineError message={errors.holidayExtensions} fieldID="returns-holidays" />}
        <InlineStack>
          <Button onClick={() => onChange({ holidayExtensions: [...draft.holidayExtensions, EMPTY_HOLIDAY] })}>Add holiday period</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
