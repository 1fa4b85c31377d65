import { BlockStack, Box, Button, Card, FormLayout, InlineError, InlineStack, Text, TextField } from "@shopify/polaris";
import type { FieldErrors, ZoneDraft } from "./shipping-form";

export interface ZonesCardProps {
  zones: ZoneDraft[];
  errors: FieldErrors;
  onChange: (zones: ZoneDraft[]) => void;
}

const NEW_ZONE: ZoneDraft = {
  id: "",
  name: "",
  countries: "",
  provinces: "",
  minDays: "",
  maxDays: "",
  deliveryDays: [1, 2, 3, 4, 5],
  holidays: [],
};

export function ZonesCard({ zones, errors, onChange }: ZonesCardProps) {
  const updateZone = (index: number, patch: Partial<ZoneDraft>) =>
    onChange(zones.map((zone, i) => (i === index ? { ...zone, ...patch } : zone)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Shipping zones
          </Text>
          <Text as="p" tone="subdued">
            Transit days count the days the carrier delivers. A province code (US-HI) wins over its country; * covers
            every country no other zone names.
          </Text>
        </BlockStack>
        {errors.zones && <InlineError message={errors.zones} fieldID="shipping-zones" />}
        {zones.map((zone, index) => (
          <Box key={zone.id || `new-${index}`} paddingBlockEnd="300" borderBlockEndWidth="025" borderColor="border">
            <FormLayout>
              <InlineStack align="space-between" blockAlign="end" gap="200">
                <Box minWidth="60%">
                  <TextField
                    label="Zone name"
                    value={zone.name}
                    onChange={(name) => updateZone(index, { name })}
                    error={errors[`zones.${index}.name`]}
                    autoComplete="off"
                  />
                </Box>
                <Button
                  variant="plain"
                  tone="critical"
                  onClick={() => onChange(zones.filter((_, i) => i !== index))}
                  accessibilityLabel={`Remove zone ${zone.name || index + 1}`}
                >
                  Remove
                </Button>
              </InlineStack>
              <FormLayout.Group>
                <TextField
                  label="Countries"
                  helpText="Country codes separated by commas, e.g. DE, FR, or *"
                  value={zone.countries}
                  onChange={(countries) => updateZone(index, { countries })}
                  error={errors[`zones.${index}.countries`]}
                  autoComplete="off"
                />
                <TextField
                  label="Provinces"
                  helpText="Optional, e.g. US-HI, US-AK"
                  value={zone.provinces}
                  onChange={(provinces) => updateZone(index, { provinces })}
                  error={errors[`zones.${index}.provinces`]}
                  autoComplete="off"
                />
              </FormLayout.Group>
              <FormLayout.Group condensed>
                <TextField
                  label="Minimum transit days"
                  type="number"
                  min={0}
                  value={zone.minDays}
                  onChange={(minDays) => updateZone(index, { minDays })}
                  error={errors[`zones.${index}.minDays`]}
                  autoComplete="off"
                />
                <TextField
                  label="Maximum transit days"
                  type="number"
                  min={0}
                  value={zone.maxDays}
                  onChange={(maxDays) => updateZone(index, { maxDays })}
                  error={errors[`zones.${index}.maxDays`]}
                  autoComplete="off"
                />
              </FormLayout.Group>
            </FormLayout>
          </Box>
        ))}
        <InlineStack>
          <Button onClick={() => onChange([...zones, { ...NEW_ZONE }])}>Add zone</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
