import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { SmtpSettingsForm } from "../components/settings/smtp-settings-form";
import { TestEmailCard } from "../components/settings/test-email-card";
import { translatorFor, useAdminHref, useT } from "../i18n";
import { emailSettingsSchemaFor, fieldErrors } from "../models/email/settings";
import { parseIn } from "../i18n/zod-messages";
import { getEmailSettingsView, getShopEmail, saveEmailSettings, sendTestEmail } from "../models/email/settings.server";
import { authenticate } from "../shopify.server";
import { useSavedToast } from "../components/settings-save-bar";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ settings: await getEmailSettingsView(session.shop) });
};

/** A save answers with field errors; a test email with where it went and the SMTP error, if any. */
interface ActionResult {
  intent: "save" | "test";
  ok: boolean;
  errors: Record<string, string>;
  to: string | null;
  error: string | null;
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const t = translatorFor(request, session);
  const form = await request.formData();

  if (form.get("intent") === "test") {
    const result = await sendTestEmail(session.shop, await getShopEmail(admin.graphql));
    return json<ActionResult>({ intent: "test", ok: result.ok, errors: {}, to: result.to, error: result.ok ? null : result.error }, { status: result.ok ? 200 : 502 });
  }

  const parsed = parseIn(emailSettingsSchemaFor(t), Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")), t);
  if (!parsed.success) return json<ActionResult>({ intent: "save", ok: false, errors: fieldErrors(parsed.error), to: null, error: null }, { status: 422 });
  const saved = await saveEmailSettings(session.shop, parsed.data, t);
  if (!saved.ok) return json<ActionResult>({ intent: "save", ok: false, errors: saved.errors, to: null, error: null }, { status: 422 });
  return json<ActionResult>({ intent: "save", ok: true, errors: {}, to: null, error: null });
};

export default function EmailSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const href = useAdminHref();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const savedResult = result?.intent === "save" && result.ok ? result : null;
  useSavedToast(savedResult, t("emailSettings.form.saved"));

  return (
    <Page title={t("emailSettings.title")} backAction={{ content: t("nav.home"), url: href("/app") }}>
      <Layout>
        <Layout.AnnotatedSection
          title={t("emailSettings.server.title")}
          description={t("emailSettings.server.description")}
        >
          <SmtpSettingsForm
            key={JSON.stringify(settings)}
            settings={settings}
            errors={result?.intent === "save" ? result.errors : {}}
            savedResult={savedResult}
            saving={submitting === "save"}
          />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title={t("emailSettings.test.title")} description={t("emailSettings.test.description")}>
          <TestEmailCard
            canSend={settings.source !== "none"}
            lastSentAt={settings.testSentAt}
            lastSentTo={settings.testSentTo}
            result={result?.intent === "test" ? result : null}
            sending={submitting === "test"}
          />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
