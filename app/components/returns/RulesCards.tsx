import { BlockStack, Button, Card, Checkbox, FormLayout, InlineError, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "~/i18n";
import { ResourcePickerField } from "../settings/ResourcePickerField";
import type { Resolution, ReturnCondition, WindowStart } from "~/models/returns/rules";
import type { FieldErrors, HolidayDraft, ReturnDraft } from "./return-form";

interface CardProps {
  draft: ReturnDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ReturnDraft>) => void;
}

const WINDOW_STARTS: WindowStart[] = ["delivery", "fulfillment", "order"];

export function WindowCard({ draft, errors, onChange }: CardProps) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.window.title")}
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label={t("returns.window.days")}
              type="number"
              min={1}
              value={draft.windowDays}
              onChange={(windowDays) => onChange({ windowDays })}
              error={errors.windowDays}
              autoComplete="off"
              suffix={t("returns.days")}
            />
            <Select
              label={t("returns.window.countedFrom")}
              options={WINDOW_STARTS.map((value) => ({ value, label: t(`returns.window.start.${value}`) }))}
              value={draft.windowStartsAt}
              onChange={(value) => onChange({ windowStartsAt: value as WindowStart })}
              error={errors.windowStartsAt}
            />
          </FormLayout.Group>
          {draft.windowStartsAt === "delivery" && (
            <TextField
              label={t("returns.window.transit")}
              helpText={t("returns.window.transitHelp")}
              type="number"
              min={0}
              value={draft.transitAllowanceDays}
              onChange={(transitAllowanceDays) => onChange({ transitAllowanceDays })}
              error={errors.transitAllowanceDays}
              autoComplete="off"
              suffix={t("returns.days")}
            />
          )}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

export function FinalSaleCard({ draft, errors, onChange }: CardProps) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.finalSale.title")}
        </Text>
        <FormLayout>
          <TextField
            label={t("returns.finalSale.tags")}
            helpText={t("returns.finalSale.tagsHelp")}
            value={draft.finalSaleTags}
            onChange={(finalSaleTags) => onChange({ finalSaleTags })}
            error={errors.finalSaleTags}
            autoComplete="off"
            placeholder={t("returns.finalSale.tagsPlaceholder")}
          />
          <ResourcePickerField
            type="collection"
            label={t("returns.finalSale.collections")}
            helpText={t("returns.finalSale.collectionsHelp")}
            chosen={draft.finalSaleCollections}
            onChange={(finalSaleCollections) => onChange({ finalSaleCollections })}
            error={errors.finalSaleCollections}
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

const CONDITIONS: ReturnCondition[] = ["unused", "original_packaging", "tags_attached", "proof_of_purchase"];
const RESOLUTIONS: Resolution[] = ["refund", "exchange", "store_credit"];

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((item) => item !== value), value] : values.filter((item) => item !== value);
}

export function ConditionsCard({ draft, errors, onChange }: CardProps) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.conditions.title")}
        </Text>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("returns.conditions.mustBe")}
          </Text>
          {CONDITIONS.map((condition) => (
            <Checkbox
              key={condition}
              label={t(`returns.conditions.condition.${condition}`)}
              checked={draft.conditions.includes(condition)}
              onChange={(on) => onChange({ conditions: toggled(draft.conditions, condition, on) })}
            />
          ))}
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("returns.conditions.canChoose")}
          </Text>
          {RESOLUTIONS.map((resolution) => (
            <Checkbox
              key={resolution}
              label={t(`returns.conditions.resolution.${resolution}`)}
              checked={draft.resolutions.includes(resolution)}
              onChange={(on) => onChange({ resolutions: toggled(draft.resolutions, resolution, on) })}
            />
          ))}
          {errors.resolutions && <InlineError message={errors.resolutions} fieldID="returns-resolutions" />}
        </BlockStack>
        <TextField
          label={t("returns.conditions.restockingFee")}
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
  const t = useT();
  const update = (index: number, patch: Partial<HolidayDraft>) =>
    onChange({ holidayExtensions: draft.holidayExtensions.map((period, i) => (i === index ? { ...period, ...patch } : period)) });

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.holidays.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("returns.holidays.help")}
        </Text>
        {draft.holidayExtensions.map((period, index) => (
          <FormLayout key={index}>
            <FormLayout.Group condensed>
              <TextField
                label={t("returns.holidays.from")}
                type="date"
                value={period.orderedFrom}
                onChange={(orderedFrom) => update(index, { orderedFrom })}
                error={errors[`holidayExtensions.${index}.orderedFrom`]}
                autoComplete="off"
              />
              <TextField
                label={t("returns.holidays.through")}
                type="date"
                value={period.orderedThrough}
                onChange={(orderedThrough) => update(index, { orderedThrough })}
                error={errors[`holidayExtensions.${index}.orderedThrough`]}
                autoComplete="off"
              />
              <TextField
                label={t("returns.holidays.window")}
                type="number"
                suffix={t("returns.days")}
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
                {t("returns.holidays.remove")}
              </Button>
            </InlineStack>
          </FormLayout>
        ))}
        {errors.holidayExtensions && <InlineError message={errors.holidayExtensions} fieldID="returns-holidays" />}
        <InlineStack>
          <Button onClick={() => onChange({ holidayExtensions: [...draft.holidayExtensions, EMPTY_HOLIDAY] })}>{t("returns.holidays.add")}</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
