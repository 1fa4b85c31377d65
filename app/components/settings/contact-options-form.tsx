import { BlockStack, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { SOCIAL_NETWORKS } from "../../models/contact/options";
import { SOCIAL_LABELS, type ContactFormValues } from "../../models/contact/options-form";
import { useT } from "../../i18n";
import { SettingsBanners } from "../SettingsBanners";
import { SettingsForm } from "./settings-form";

interface Props {
  values: ContactFormValues;
  errors: Record<string, string>;
  publication: { published: true } | { published: false; reason: string } | null;
  saving: boolean;
  publishing: boolean;
  onRetryPublish: () => void;
}

/** Every field of the form with its saved value ("" when unset). */
const SAVED_FIELDS = (values: ContactFormValues, draft: ContactFormValues): [string, string][] =>
  [...new Set([...Object.keys(values), ...Object.keys(draft)])].map((name) => [name, values[name] ?? ""]);

/** Email, phone, WhatsApp, chat link, opening hours and one link per social network, all optional. */
export function ContactOptionsForm({ values, errors, publication, saving, publishing, onRetryPublish }: Props) {
  const t = useT();
  const [draft, setDraft] = useState(values);
  const dirty = SAVED_FIELDS(values, draft).some(([name, saved]) => (draft[name] ?? "") !== saved);
  const field = (name: string, label: string, extra: { type?: "email" | "tel" | "url"; placeholder?: string; helpText?: string } = {}) => (
    <TextField
      label={label}
      name={name}
      value={draft[name] ?? ""}
      onChange={(value) => setDraft((current) => ({ ...current, [name]: value }))}
      autoComplete="off"
      error={errors[name]}
      {...extra}
    />
  );

  return (
    <Card>
      <SettingsForm saveBarId="contact-options-save-bar" intent="save" dirty={dirty} saving={saving} onDiscard={() => setDraft(values)}>
        <BlockStack gap="400">
          <SettingsBanners
            errors={errors}
            formErrorKey="form"
            publication={publication}
            publishing={publishing}
            onRetryPublish={onRetryPublish}
            savedNoun={t("contact.savedNoun")}
            liveWhat={t("contact.liveWhat")}
          />
          <FormLayout>
            {field("email", t("contact.email"), { type: "email", placeholder: "help@your-shop.com" })}
            <FormLayout.Group>
              {field("phone", t("contact.phone"), { type: "tel", placeholder: "+62 812 3456 789", helpText: t("contact.phoneHelp") })}
              {field("whatsapp", t("contact.whatsapp"), { type: "tel", placeholder: "+62 812 3456 789", helpText: t("contact.whatsappHelp") })}
            </FormLayout.Group>
            {field("chatUrl", t("contact.chat"), { type: "url", placeholder: "https://", helpText: t("contact.chatHelp") })}
            {field("hours", t("contact.hours"), { placeholder: t("contact.hoursPlaceholder") })}
          </FormLayout>
          <Text as="h3" variant="headingSm">
            {t("contact.social")}
          </Text>
          <FormLayout>
            {SOCIAL_NETWORKS.map((network) => (
              <div key={network}>{field(`social.${network}`, SOCIAL_LABELS[network], { type: "url", placeholder: "https://" })}</div>
            ))}
          </FormLayout>
        </BlockStack>
      </SettingsForm>
    </Card>
  );
}
