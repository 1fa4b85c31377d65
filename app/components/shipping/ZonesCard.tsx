import { BlockStack, Box, Button, Card, FormLayout, InlineError, InlineStack, Text, TextField } from "@shopify/polaris";
import { useT } from "~/i18n";
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
  const t = useT();
  const updateZone = (index: number, patch: Partial<ZoneDraft>) =>
    onChange(zones.map((zone, i) => (i === index ? { ...zone, ...patch } : zone)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("shipping.zones.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("shipping.zones.help")}
          </Text>
        </BlockStack>
        {errors.zones && <InlineError message={errors.zones} fieldID="shipping-zones" />}
        {zones.map((zone, index) => (
          <Box key={zone.id || `new-${index}`} paddingBlockEnd="300" borderBlockEndWidth="025" borderColor="border">
            <FormLayout>
              <InlineStack align="space-between" blockAlign="end" gap="200">
                <Box minWidth="60%">
                  <TextField
                    label={t("shipping.zones.name")}
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
                  accessibilityLabel={t("shipping.zones.removeZone", { zone: zone.name || index + 1 })}
                >
                  {t("shipping.zones.remove")}
                </Button>
              </InlineStack>
              <FormLayout.Group>
                <TextField
                  label={t("shipping.zones.countries")}
                  helpText={t("shipping.zones.countriesHelp")}
                  value={zone.countries}
                  onChange={(countries) => updateZone(index, { countries })}
                  error={errors[`zones.${index}.countries`]}
                  autoComplete="off"
                />
                <TextField
                  label={t("shipping.zones.provinces")}
                  helpText={t("shipping.zones.provincesHelp")}
                  value={zone.provinces}
                  onChange={(provinces) => updateZone(index, { provinces })}
                  error={errors[`zones.${index}.provinces`]}
                  autoComplete="off"
                />
              </FormLayout.Group>
              <FormLayout.Group condensed>
                <TextField
                  label={t("shipping.zones.minDays")}
                  type="number"
                  min={0}
                  value={zone.minDays}
                  onChange={(minDays) => updateZone(index, { minDays })}
                  error={errors[`zones.${index}.minDays`]}
                  autoComplete="off"
                />
                <TextField
                  label={t("shipping.zones.maxDays")}
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
          <Button onClick={() => onChange([...zones, { ...NEW_ZONE }])}>{t("shipping.zones.add")}</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
