import { BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { FieldErrors, ThresholdDraft } from "./shipping-form";

export interface FreeShippingCardProps {
  thresholds: ThresholdDraft[];
  /** The shop's currencies (one per market it sells in). */
  currencies: string[];
  errors: FieldErrors;
  onChange: (thresholds: ThresholdDraft[]) => void;
}

export function FreeShippingCard({ thresholds, currencies, errors, onChange }: FreeShippingCardProps) {
  const used = new Set(thresholds.map((threshold) => threshold.currency));
  const unused = currencies.filter((currency) => !used.has(currency));
  const update = (index: number, patch: Partial<ThresholdDraft>) =>
    onChange(thresholds.map((threshold, i) => (i === index ? { ...threshold, ...patch } : threshold)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Free shipping
          </Text>
          <Text as="p" tone="subdued">
            The order subtotal from which shipping is free, in each currency your markets sell in. Banners can show
            what is left to spend with {"{remaining_for_free_shipping}"}.
          </Text>
        </BlockStack>
        {thresholds.map((threshold, index) => (
          <FormLayout.Group key={`${threshold.currency}-${index}`} condensed>
            <Select
              label="Currency"
              options={[...new Set([threshold.currency, ...unused])].filter(Boolean)}
              value={threshold.currency}
              onChange={(currency) => update(index, { currency })}
              error={errors[`freeShipping.${index}.currency`]}
            />
            <TextField
              label="Free from"
              type="number"
              min={0}
              step={0.01}
              suffix={threshold.currency}
              value={threshold.amount}
              onChange={(amount) => update(index, { amount })}
              error={errors[`freeShipping.${index}.amount`]}
              autoComplete="off"
              connectedRight={
                <Button onClick={() => onChange(thresholds.filter((_, i) => i !== index))} accessibilityLabel={`Remove ${threshold.currency} threshold`}>
                  Remove
                </Button>
              }
            />
          </FormLayout.Group>
        ))}
        <InlineStack>
          <Button disabled={unused.length === 0} onClick={() => onChange([...thresholds, { currency: unused[0], amount: "" }])}>
            Add threshold
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
