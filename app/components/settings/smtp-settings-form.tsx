import { Banner, BlockStack, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import type { SmtpSecurity } from "../../email/sender-config";
import { useT } from "../../i18n";
import { DEFAULT_PORTS, type EmailSettingsView } from "../../models/email/settings";
import { SettingsForm } from "./settings-form";
import { useFieldValues } from "./use-field-values";

const SECURITIES: readonly SmtpSecurity[] = ["starttls", "tls", "none"];

interface Props {
  settings: EmailSettingsView;
  errors: Record<string, string>;
  /** The last successful save's answer, if any. */
  savedResult: object | null;
  saving: boolean;
}

/** The SMTP server and sender fields. The saved password is never shown: blank keeps it. */
export function SmtpSettingsForm({ settings, errors, savedResult, saving }: Props) {
  const t = useT();
  const fields = useFieldValues(
    {
      host: settings.host,
      security: settings.security,
      port: String(settings.port),
      username: settings.username,
      password: "",
      fromName: settings.fromName,
      fromAddress: settings.fromAddress,
      replyTo: settings.replyTo,
    },
    savedResult,
  );
  const { host, security, port, username, password, fromName, fromAddress, replyTo } = fields.values;
  const [setHost, setPort, setUsername, setPassword] = [fields.set("host"), fields.set("port"), fields.set("username"), fields.set("password")];
  const [setFromName, setFromAddress, setReplyTo] = [fields.set("fromName"), fields.set("fromAddress"), fields.set("replyTo")];
  const errorCount = Object.keys(errors).length;

  const chooseSecurity = (value: string) => {
    const next = value as SmtpSecurity;
    fields.setValues((current) => ({
      ...current,
      security: next,
      // Follow the usual port while the merchant has not typed another one.
      port: Object.values(DEFAULT_PORTS).includes(Number(current.port)) ? String(DEFAULT_PORTS[next]) : current.port,
    }));
  };

  return (
    <Card>
      <SettingsForm saveBarId="email-settings-save-bar" intent="save" dirty={fields.dirty} saving={saving} onDiscard={fields.discard}>
        <BlockStack gap="400">
          {errorCount > 0 && (
            <Banner tone="critical" title={t("settingsBanners.fieldsNeedAttention", { count: errorCount })}>
              <p>{t("settingsBanners.nothingSaved")}</p>
            </Banner>
          )}
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
        </BlockStack>
      </SettingsForm>
    </Card>
  );
}
