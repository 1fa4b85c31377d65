import { BlockStack, Button, Card, FormLayout, InlineStack, List, Text, TextField } from "@shopify/polaris";
import { BANNER_PLACEHOLDERS, BANNER_PLACEHOLDER_HELP } from "./banner-template";
import type { BannerDraft, FieldErrors } from "./shipping-form";

export interface BannerMessagesCardProps {
  messages: BannerDraft[];
  errors: FieldErrors;
  onChange: (messages: BannerDraft[]) => void;
}

export function BannerMessagesCard({ messages, errors, onChange }: BannerMessagesCardProps) {
  const update = (index: number, patch: Partial<BannerDraft>) =>
    onChange(messages.map((message, i) => (i === index ? { ...message, ...patch } : message)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Banner messages
          </Text>
          <Text as="p" tone="subdued">
            One message per storefront language. The storefront fills in these placeholders:
          </Text>
          <List type="bullet">
            {BANNER_PLACEHOLDERS.map((name) => (
              <List.Item key={name}>
                <Text as="span" fontWeight="semibold">{`{${name}}`}</Text> — {BANNER_PLACEHOLDER_HELP[name]}
              </List.Item>
            ))}
          </List>
        </BlockStack>
        {messages.map((message, index) => (
          <FormLayout.Group key={index} condensed>
            <TextField
              label="Language"
              helpText="en, id, pt-BR"
              value={message.locale}
              onChange={(locale) => update(index, { locale })}
              error={errors[`bannerMessages.${index}.locale`]}
              autoComplete="off"
            />
            <TextField
              label="Message"
              value={message.template}
              onChange={(template) => update(index, { template })}
              error={errors[`bannerMessages.${index}.template`]}
              maxLength={200}
              showCharacterCount
              autoComplete="off"
              connectedRight={
                <Button onClick={() => onChange(messages.filter((_, i) => i !== index))} accessibilityLabel={`Remove the ${message.locale} message`}>
                  Remove
                </Button>
              }
            />
          </FormLayout.Group>
        ))}
        <InlineStack>
          <Button onClick={() => onChange([...messages, { locale: "", template: "" }])}>Add language</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
