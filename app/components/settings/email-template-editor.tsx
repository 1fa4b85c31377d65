import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { PLACEHOLDER_HELP, previewEmail, type PreviewContext } from "../../email/template-preview";
import { templateProblems, type EmailKind } from "../../email/templates";
import { EmailPreview } from "./email-preview";

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
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  // The last save's answer applies until the merchant edits again.
  const [editedSinceSave, setEditedSinceSave] = useState(false);
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setEditedSinceSave(true);
  };
  const live = useMemo(() => templateProblems(kind, { subject, body }), [kind, subject, body]);
  const liveError = (field: "subject" | "body") => live.filter((problem) => problem.field === field).map((problem) => problem.message).join(". ") || undefined;
  const shown = editedSinceSave ? null : result;
  const errors = shown?.errors ?? {};
  const preview = useMemo(() => previewEmail(kind, { subject, body }, previewContext), [kind, subject, body, previewContext]);

  return (
    <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
      <Card>
        <BlockStack gap="400">
          {shown && !shown.ok && (
            <Banner tone="critical" title="The template was not saved">
              <p>{errors.form ?? "Fix the highlighted fields and save again."}</p>
            </Banner>
          )}
          {shown?.ok && <Banner tone="success" title={shown.reset ? "Back to the default wording" : "Template saved"} />}
          <Form method="post" onSubmit={() => setEditedSinceSave(false)}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="kind" value={kind} />
            <BlockStack gap="300">
              <TextField label="Subject" name="subject" value={subject} onChange={edit(setSubject)} autoComplete="off" error={errors.subject ?? liveError("subject")} />
              <TextField
                label="Message"
                name="body"
                value={body}
                onChange={edit(setBody)}
                multiline={10}
                autoComplete="off"
                helpText="Plain text: a blank line starts a new paragraph. Links and the footer are added for you."
                error={errors.body ?? liveError("body")}
              />
              <InlineStack>
                <Button submit variant="primary" loading={busy === "save"} disabled={live.length > 0}>
                  Save
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
          <Form method="post" onSubmit={() => setEditedSinceSave(false)}>
            <input type="hidden" name="intent" value="reset" />
            <input type="hidden" name="kind" value={kind} />
            <InlineStack gap="200" blockAlign="center">
              <Button submit loading={busy === "reset"} disabled={!template.custom}>
                Reset to default
              </Button>
              <Text as="span" tone="subdued">
                {template.custom ? "You changed this email." : "This is the default wording."}
              </Text>
            </InlineStack>
          </Form>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Placeholders
            </Text>
            {template.placeholders.map((name) => (
              <Text as="p" key={name}>
                <code>{`{${name}}`}</code> <Text as="span" tone="subdued">{PLACEHOLDER_HELP[name] ?? ""}</Text>
              </Text>
            ))}
          </BlockStack>
        </BlockStack>
      </Card>
      <Card>
        <EmailPreview email={preview} title="Preview with sample data" />
      </Card>
    </InlineGrid>
  );
}
