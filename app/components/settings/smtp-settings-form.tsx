import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { SmtpSecurity } from "../../email/sender-config";
import { useT } from "../../i18n";
import { DEFAULT_PORTS, type EmailSettingsView } from "../../models/email-settings";

const SECURITIES: readonly SmtpSecurity[] = ["starttls", "tls", "none"];

interface Props {
  settings: EmailSettingsView;
  errors: Record<string, string>;
  saved: boolean;
  saving: boolean;
}

/** The SMTP server and sender fields. The saved password is never shown: blank keeps it. */
export function SmtpSettingsForm({ settings, errors, saved, saving }: Props) {
  const t = useT();
  const [host, setHost] = useState(settings.host);
  const [security, setSecurity] = useState<SmtpSecurity>(settings.security);
  const [port, setPort] = useState(String(settings.port));
  const [username, setUsername] = useState(settings.username);
  const [password, setPassword] = useState("");
  const [fromName, setFromName] = useState(settings.fromName);
  const [fromAddress, setFromAddress] = useState(settings.fromAddress);
  const [replyTo, setReplyTo] = useState(settings.replyTo);
  const errorCount = Object.keys(errors).length;

  const chooseSecurity = (value: string) => {
    const next = value as SmtpSecurity;
    // Follow the usual port while the merchant has not typed another one.
    if (Object.values(DEFAULT_PORTS).includes(Number(port))) setPort(String(DEFAULT_PORTS[next]));
    setSecurity(next);
  };

  return (
    <Card>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save" />
        <BlockStack gap="400">
          {errorCount > 0 && (
            <Banner tone="critical" title={t("settingsBanners.fieldsNeedAttention", { count: errorCount })}>
              <p>{t("settingsBanners.nothingSaved")}</p>
            </Banner>
          )}
          {saved && <Banner tone="success" title={t("emailSettings.form.saved")} />}
          {settings.source === "environment" && (
            <Text as="p" tone="subdued">
              {t("emailSettings.form.environment")}
            </Text>
          )}
          <FormLayout>
            <TextField label={t("emailSettings.form.host")} name="host" value={host} onChange={setHost} autoComplete="off" placeholder="smtp.example.com" error={errors.host} />
            <FormLayout.Group>
              <Select
                label={t("emailSettings.form.security")}
                name="security"
                options={SECURITIES.map((value) => ({ value, label: t(`emailSettings.security.${value}`) }))} value={security} onChange={chooseSecurity} error={errors.security} />
              <TextField label={t("emailSettings.form.port")} name="port" type="number" value={port} onChange={setPort} autoComplete="off" error={errors.port} />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label={t("emailSettings.form.username")} name="username" value={username} onChange={setUsername} autoComplete="off" error={errors.username} />
              <TextField
                label={t("emailSettings.form.password")}
                name="password"
                type="password"
                value={password}
                onChange={setPassword}
                autoComplete="new-password"
                placeholder={settings.passwordSaved ? t("emailSettings.form.passwordPlaceholderSaved") : ""}
                helpText={settings.passwordSaved ? t("emailSettings.form.passwordHelpSaved") : t("emailSettings.form.passwordHelpNew")}
                error={errors.password}
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label={t("emailSettings.form.fromName")} name="fromName" value={fromName} onChange={setFromName} autoComplete="off" placeholder={t("emailSettings.form.fromNamePlaceholder")} error={errors.fromName} />
              <TextField label={t("emailSettings.form.fromAddress")} name="fromAddress" type="email" value={fromAddress} onChange={setFromAddress} autoComplete="off" placeholder="orders@your-shop.com" error={errors.fromAddress} />
            </FormLayout.Group>
            <TextField
              label={t("emailSettings.form.replyTo")}
              name="replyTo"
              type="email"
              value={replyTo}
              onChange={setReplyTo}
              autoComplete="off"
              helpText={t("emailSettings.form.replyToHelp")}
              error={errors.replyTo}
            />
          </FormLayout>
          <Button submit variant="primary" loading={saving}>
            {t("common.save")}
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
}
