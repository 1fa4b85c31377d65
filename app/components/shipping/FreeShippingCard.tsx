import { BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "~/i18n";
import type { FieldErrors, ThresholdDraft } from "./shipping-form";

export interface FreeShippingCardProps {
  thresholds: ThresholdDraft[];
  /** The shop's currencies (one per market it sells in). */
  currencies: string[];
  errors: FieldErrors;
  onChange: (thresholds: ThresholdDraft[]) => void;
}

export function FreeShippingCard({ thresholds, currencies, errors, onChange }: FreeShippingCardProps) {
  const t = useT();
  const used = new Set(thresholds.map((threshold) => threshold.currency));
  const unused = currencies.filter((currency) => !used.has(currency));
  const update = (index: number, patch: Partial<ThresholdDraft>) =>
    onChange(thresholds.map((threshold, i) => (i === index ? { ...threshold, ...patch } : threshold)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("shipping.freeShipping.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("shipping.freeShipping.help")}
          </Text>
        </BlockStack>
        {thresholds.map((threshold, index) => (
          <FormLayout.Group key={`${threshold.currency}-${index}`} condensed>
            <Select
              label={t("shipping.freeShipping.currency")}
              options={[...new Set([threshold.currency, ...unused])].filter(Boolean)}
              value={threshold.currency}
              onChange={(currency) => update(index, { currency })}
              error={errors[`freeShipping.${index}.currency`]}
            />
            <TextField
              label={t("shipping.freeShipping.from")}
              type="number"
              min={0}
              step={0.01}
              suffix={threshold.currency}
              value={threshold.amount}
              onChange={(amount) => update(index, { amount })}
              error={errors[`freeShipping.${index}.amount`]}
              autoComplete="off"
              connectedRight={
                <Button onClick={() => onChange(thresholds.filter((_, i) => i !== index))} accessibilityLabel={t("shipping.freeShipping.removeThreshold", { currency: threshold.currency })}>
                  {t("shipping.freeShipping.remove")}
                </Button>
              }
            />
          </FormLayout.Group>
        ))}
        <InlineStack>
          <Button disabled={unused.length === 0} onClick={() => onChange([...thresholds, { currency: unused[0], amount: "" }])}>
            {t("shipping.freeShipping.add")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
