import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Button, InlineError, InlineStack, Text } from "@shopify/polaris";
import { useId } from "react";
import { useT } from "~/i18n";
import {
  chosenFromSelection,
  legacyResourceId,
  selectionIdsFor,
  withoutResource,
  type ChosenResource,
  type PickedResource,
  type ResourceType,
} from "./resource-selection";

export interface ResourcePickerFieldProps {
  type: ResourceType;
  label: string;
  helpText?: string;
  chosen: ChosenResource[];
  error?: string;
  onChange: (chosen: ChosenResource[]) => void;
}

/**
 * Products or collections chosen with App Bridge's resource picker ("Choose collections"), listed by
 * title with a Remove button each.
 */
export function ResourcePickerField({ type, label, helpText, chosen, error, onChange }: ResourcePickerFieldProps) {
  const t = useT();
  const shopify = useAppBridge();
  const fieldId = useId();

  const choose = async () => {
    const selection = (await shopify.resourcePicker({
      type,
      multiple: true,
      action: "select",
      selectionIds: selectionIdsFor(type, chosen),
    })) as readonly PickedResource[] | undefined;
    if (selection) onChange(chosenFromSelection(type, chosen, selection));
  };

  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm" id={`${fieldId}-label`}>
        {label}
      </Text>
      {helpText && (
        <Text as="p" tone="subdued">
          {helpText}
        </Text>
      )}
      {chosen.length === 0 ? (
        <Text as="p" tone="subdued">
          {t(`resourcePicker.${type}.none`)}
        </Text>
      ) : (
        <ul aria-labelledby={`${fieldId}-label`} style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {chosen.map((item) => {
            const name = item.title || t(`resourcePicker.${type}.unknown`, { id: legacyResourceId(item.id) });
            return (
              <li key={item.id}>
                <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
                  <Text as="span">{name}</Text>
                  <Button
                    variant="plain"
                    tone="critical"
                    accessibilityLabel={t("resourcePicker.removeNamed", { name })}
                    onClick={() => onChange(withoutResource(chosen, item.id))}
                  >
                    {t("resourcePicker.remove")}
                  </Button>
                </InlineStack>
              </li>
            );
          })}
        </ul>
      )}
      {error && <InlineError message={error} fieldID={fieldId} />}
      <InlineStack>
        <Button id={fieldId} onClick={() => void choose()}>
          {t(`resourcePicker.${type}.choose`)}
        </Button>
      </InlineStack>
    </BlockStack>
  );
}
