import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { SOCIAL_NETWORKS } from "../../models/contact-options";
import { SOCIAL_LABELS, type ContactFormValues } from "../../models/contact-options-form";
import { SettingsBanners } from "../SettingsBanners";

interface Props {
  values: ContactFormValues;
  errors: Record<string, string>;
  publication: { published: true } | { published: false; reason: string } | null;
  saving: boolean;
  publishing: boolean;
  onRetryPublish: () => void;
}

/** Email, phone, WhatsApp, chat link, opening hours and one link per social network, all optional. */
export function ContactOptionsForm({ values, errors, publication, saving, publishing, onRetryPublish }: Props) {
  const [draft, setDraft] = useState(values);
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
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <BlockStack gap="400">
          <SettingsBanners
            errors={errors}
            formErrorKey="form"
            publication={publication}
            publishing={publishing}
            onRetryPublish={onRetryPublish}
            savedNoun="Contact options"
            liveWhat="your contact options"
          />
          <FormLayout>
            {field("email", "Support email", { type: "email", placeholder: "help@your-shop.com" })}
            <FormLayout.Group>
              {field("phone", "Phone", { type: "tel", placeholder: "+62 812 3456 789", helpText: "International format, with the country code." })}
              {field("whatsapp", "WhatsApp number", { type: "tel", placeholder: "+62 812 3456 789", helpText: "Shoppers get a wa.me link to this number." })}
            </FormLayout.Group>
            {field("chatUrl", "Chat link", { type: "url", placeholder: "https://", helpText: "A live-chat or messenger page (https only)." })}
            {field("hours", "When you answer", { placeholder: "Mon–Fri, 9:00–17:00" })}
          </FormLayout>
          <Text as="h3" variant="headingSm">
            Social profiles
          </Text>
          <FormLayout>
            {SOCIAL_NETWORKS.map((network) => (
              <div key={network}>{field(`social.${network}`, SOCIAL_LABELS[network], { type: "url", placeholder: "https://" })}</div>
            ))}
          </FormLayout>
          <div>
            <Button submit variant="primary" loading={saving}>
              Save and publish
            </Button>
          </div>
        </BlockStack>
      </Form>
    </Card>
  );
}
