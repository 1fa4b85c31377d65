import { Form, type Location } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { isDocumentedPlaceholder, previewEmail, type PreviewContext } from "../../email/template-preview";
import { templateProblems, type EmailKind } from "../../email/templates";
import { useT } from "../../i18n";
import { EmailPreview } from "./email-preview";
import { SettingsForm } from "./settings-form";
import { useFieldValues } from "./use-field-values";

/** Another page, or another email's tab, leaves the template being edited. */
const leavesTemplate = (current: Location, next: Location) =>
  current.pathname !== next.pathname ||
  new URLSearchParams(current.search).get("email") !== new URLSearchParams(next.search).get("email");

interface Props {
  kind: EmailKind;
  template: { subject: string; body: string; custom: boolean; defaults: { subject: string; body: string }; placeholders: readonly string[] };
  previewContext: PreviewContext;
  result: { ok: boolean; reset: boolean; errors: Record<string, string> } | null;
  /** The intent being submitted, if any. */
  busy: string | null;
}

/** Subject and body of one email, with its placeholders, a live preview and "reset to default". */
export function EmailTemplateEditor({ kind, template, previewContext, result, busy }: Props) {
  const t = useT();
  const fields = useFieldValues({ subject: template.subject, body: template.body }, result?.ok ? result : null);
  const { subject, body } = fields.values;
  // The last save's answer applies until the merchant edits again.
  const [editedSinceSave, setEditedSinceSave] = useState(false);
  const edit = (name: "subject" | "body") => (value: string) => {
    fields.set(name)(value);
    setEditedSinceSave(true);
  };
  const live = useMemo(() => templateProblems(kind, { subject, body }, t), [kind, subject, body, t]);
  const liveError = (field: "subject" | "body") => live.filter((problem) => problem.field === field).map((problem) => problem.message).join(". ") || undefined;
  const shown = editedSinceSave ? null : result;
  const errors = shown?.errors ?? {};
  const preview = useMemo(() => previewEmail(kind, { subject, body }, previewContext), [kind, subject, body, previewContext]);

  return (
    <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
      <Card>
        <BlockStack gap="400">
          {shown && !shown.ok && (
            <Banner tone="critical" title={t("templates.notSaved")}>
              <p>{errors.form ?? t("templates.fixFields")}</p>
            </Banner>
          )}
          <SettingsForm
            saveBarId="email-template-save-bar"
            intent="save"
            dirty={fields.dirty}
            saving={busy === "save"}
            canSave={live.length === 0}
            onDiscard={fields.discard}
            leaves={leavesTemplate}
            onSubmit={() => setEditedSinceSave(false)}
          >
            <input type="hidden" name="kind" value={kind} />
            <BlockStack gap="300">
              <TextField label={t("templates.subject")} name="subject" value={subject} onChange={edit("subject")} autoComplete="off" error={errors.subject ?? liveError("subject")} />
              <TextField
                label={t("templates.message")}
                name="body"
                value={body}
                onChange={edit("body")}
                multiline={10}
                autoComplete="off"
                helpText={t("templates.messageHelp")}
                error={errors.body ?? liveError("body")}
              />
            </BlockStack>
          </SettingsForm>
          <Form method="post" noValidate onSubmit={() => setEditedSinceSave(false)}>
            <input type="hidden" name="intent" value="reset" />
            <input type="hidden" name="kind" value={kind} />
            <InlineStack gap="200" blockAlign="center">
              <Button submit loading={busy === "reset"} disabled={!template.custom}>
                {t("templates.reset")}
              </Button>
              <Text as="span" tone="subdued">
                {template.custom ? t("templates.custom") : t("templates.default")}
              </Text>
            </InlineStack>
          </Form>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("templates.placeholders")}
            </Text>
            {template.placeholders.map((name) => (
              <Text as="p" key={name}>
                <code>{`{${name}}`}</code> <Text as="span" tone="subdued">{isDocumentedPlaceholder(name) ? t(`templates.placeholderHelp.${name}`) : ""}</Text>
              </Text>
            ))}
          </BlockStack>
        </BlockStack>
      </Card>
      <Card>
        <EmailPreview email={preview} title={t("templates.previewSample")} />
      </Card>
    </InlineGrid>
  );
}
