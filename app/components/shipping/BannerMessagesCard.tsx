import { BlockStack, Button, Card, FormLayout, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import { useT } from "~/i18n";
import type { BannerLanguages } from "./banner-languages";
import { BANNER_PLACEHOLDERS } from "./banner-template";
import type { BannerDraft, FieldErrors } from "./shipping-form";

export interface BannerMessagesCardProps {
  messages: BannerDraft[];
  languages: BannerLanguages;
  errors: FieldErrors;
  onChange: (messages: BannerDraft[]) => void;
}

export function BannerMessagesCard({ messages, languages, errors, onChange }: BannerMessagesCardProps) {
  const t = useT();
  const update = (index: number, patch: Partial<BannerDraft>) =>
    onChange(messages.map((message, i) => (i === index ? { ...message, ...patch } : message)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("shipping.banner.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("shipping.banner.help")}
          </Text>
          <List type="bullet">
            {BANNER_PLACEHOLDERS.map((name) => (
              <List.Item key={name}>
                <Text as="span" fontWeight="semibold">{`{${name}}`}</Text> — {t(`shipping.banner.placeholders.${name}`)}
              </List.Item>
            ))}
          </List>
        </BlockStack>
        {messages.map((message, index) => (
          <FormLayout.Group key={index} condensed>
            <Select
              label={t("shipping.banner.language")}
              helpText={t(languages.source === "shop" ? "shipping.banner.languagesFromShop" : "shipping.banner.languagesFallback")}
              placeholder={t("shipping.banner.chooseLanguage")}
              options={languages.options}
              value={message.locale}
              onChange={(locale) => update(index, { locale })}
              error={errors[`bannerMessages.${index}.locale`]}
            />
            <TextField
              label={t("shipping.banner.message")}
              value={message.template}
              onChange={(template) => update(index, { template })}
              error={errors[`bannerMessages.${index}.template`]}
              showCharacterCount
              autoComplete="off"
              connectedRight={
                <Button onClick={() => onChange(messages.filter((_, i) => i !== index))} accessibilityLabel={t("shipping.banner.removeMessage", { locale: message.locale })}>
                  {t("shipping.banner.remove")}
                </Button>
              }
            />
          </FormLayout.Group>
        ))}
        <InlineStack>
          <Button onClick={() => onChange([...messages, { locale: "", template: "" }])}>{t("shipping.banner.add")}</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
