import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Card, Layout, Page, Tabs } from "@shopify/polaris";
import { z } from "zod";
import { EmailTemplateEditor } from "../components/settings/email-template-editor";
import { EMAIL_KINDS, type EmailKind } from "../email/templates";
import { translatorFor, useAdminHref, useT } from "../i18n";
import { getEmailPreviewContext, getEmailTemplatesPage, resetEmailTemplate, saveEmailTemplate } from "../models/email/templates.server";
import { authenticate } from "../shopify.server";
import { useSavedToast } from "../components/settings-save-bar";

const kindSchema = z.enum(EMAIL_KINDS);
const kindFrom = (value: unknown): EmailKind => kindSchema.catch("delay_notice").parse(value);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [templates, previewContext] = await Promise.all([getEmailTemplatesPage(session.shop), getEmailPreviewContext(session.shop)]);
  return json({ templates, previewContext });
};

const saveSchema = z.object({ kind: kindSchema, subject: z.string().default(""), body: z.string().default("") });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const t = translatorFor(request, session);
  const form = Object.fromEntries([...(await request.formData()).entries()].filter(([, value]) => typeof value === "string"));
  const parsed = saveSchema.safeParse(form);
  if (!parsed.success) return json({ kind: kindFrom(form.kind), ok: false, reset: false, errors: { form: t("templates.errors.chooseEmail") } as Record<string, string> }, { status: 422 });
  const { kind, subject, body } = parsed.data;

  if (form.intent === "reset") {
    await resetEmailTemplate(session.shop, kind);
    return json({ kind, ok: true, reset: true, errors: {} as Record<string, string> });
  }
  const problems = await saveEmailTemplate(session.shop, kind, { subject, body }, t);
  if (problems.length > 0) {
    const errors: Record<string, string> = {};
    for (const problem of problems) errors[problem.field] = errors[problem.field] ? `${errors[problem.field]}. ${problem.message}` : problem.message;
    return json({ kind, ok: false, reset: false, errors }, { status: 422 });
  }
  return json({ kind, ok: true, reset: false, errors: {} as Record<string, string> });
};

export default function EmailTemplatesPage() {
  const { templates, previewContext } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const href = useAdminHref();
  const [searchParams, setSearchParams] = useSearchParams();
  const kind = kindFrom(searchParams.get("email") ?? result?.kind);
  const selected = EMAIL_KINDS.indexOf(kind);
  const template = templates[kind];
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  useSavedToast(result?.ok ? result : null, result?.reset ? t("templates.backToDefault") : t("templates.saved"));

  return (
    <Page title={t("templates.title")} backAction={{ content: t("emailSettings.title"), url: href("/app/settings/email") }}>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <Tabs
              tabs={EMAIL_KINDS.map((id) => ({ id, content: t(`templates.kinds.${id}`) }))}
              selected={selected}
              onSelect={(index) =>
                // Only the email changes: locale, host and shop stay, so the page keeps its language. A copy:
                // the page keeps showing the current email until the navigation happens (it may ask first).
                setSearchParams((params) => {
                  const next = new URLSearchParams(params);
                  next.set("email", EMAIL_KINDS[index]);
                  return next;
                })
              }
            />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <EmailTemplateEditor
            key={`${kind}:${template.subject}:${template.body}`}
            kind={kind}
            template={template}
            previewContext={previewContext}
            result={result?.kind === kind ? result : null}
            busy={busy}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
