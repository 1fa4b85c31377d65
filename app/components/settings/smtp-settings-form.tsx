import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { SmtpSecurity } from "../../email/sender-config";
import { DEFAULT_PORTS, type EmailSettingsView } from "../../models/email-settings";

const SECURITY_OPTIONS: Array<{ value: SmtpSecurity; label: string }> = [
  { value: "starttls", label: "STARTTLS (usually port 587)" },
  { value: "tls", label: "TLS (usually port 465)" },
  { value: "none", label: "None: not encrypted (only for a server on your own network)" },
];

interface Props {
  settings: EmailSettingsView;
  errors: Record<string, string>;
  saved: boolean;
  saving: boolean;
}

/** The SMTP server and sender fields. The saved password is never shown: blank keeps it. */
export function SmtpSettingsForm({ settings, errors, saved, saving }: Props) {
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
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <BlockStack gap="400">
          {errorCount > 0 && (
            <Banner tone="critical" title={errorCount === 1 ? "1 field needs attention" : `${errorCount} fields need attention`}>
              <p>Nothing was saved. Fix the highlighted fields and save again.</p>
            </Banner>
          )}
          {saved && <Banner tone="success" title="Email settings saved" />}
          {settings.source === "environment" && (
            <Text as="p" tone="subdued">
              Emails go through the app's default server until you save your own.
            </Text>
          )}
          <FormLayout>
            <TextField label="SMTP server" name="host" value={host} onChange={setHost} autoComplete="off" placeholder="smtp.example.com" error={errors.host} />
            <FormLayout.Group>
              <Select label="Security" name="security" options={SECURITY_OPTIONS} value={security} onChange={chooseSecurity} error={errors.security} />
              <TextField label="Port" name="port" type="number" min={1} max={65535} value={port} onChange={setPort} autoComplete="off" error={errors.port} />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label="Username" name="username" value={username} onChange={setUsername} autoComplete="off" error={errors.username} />
              <TextField
                label="Password"
                name="password"
                type="password"
                value={password}
                onChange={setPassword}
                autoComplete="new-password"
                placeholder={settings.passwordSaved ? "Saved: leave blank to keep" : ""}
                helpText={settings.passwordSaved ? "A password is saved (encrypted). Leave blank to keep it." : "Stored encrypted, never shown again."}
                error={errors.password}
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label="Sender name" name="fromName" value={fromName} onChange={setFromName} autoComplete="off" placeholder="Your shop's name" error={errors.fromName} />
              <TextField label="Sender address" name="fromAddress" type="email" value={fromAddress} onChange={setFromAddress} autoComplete="off" placeholder="orders@your-shop.com" error={errors.fromAddress} />
            </FormLayout.Group>
            <TextField
              label="Reply-to address"
              name="replyTo"
              type="email"
              value={replyTo}
              onChange={setReplyTo}
              autoComplete="off"
              helpText="Optional: where shoppers' replies go, if not the sender address."
              error={errors.replyTo}
            />
          </FormLayout>
          <Button submit variant="primary" loading={saving}>
            Save
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
}
