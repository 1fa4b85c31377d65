import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { LoyaltySettingsForm } from "../components/settings/loyalty-settings-form";
import { getEmailTemplate } from "../email/templates.server";
import { getEmailPreviewContext } from "../models/email/templates.server";
import { translatorFor, useAdminHref, useT } from "../i18n";
import { loyaltySettingsSchemaFor } from "../models/loyalty/loyalty";
import { parseIn } from "../i18n/zod-messages";
import { getLoyaltySettings, saveLoyaltySettings } from "../models/loyalty/loyalty.server";
import { authenticate } from "../shopify.server";
import { useSavedToast } from "../components/settings-save-bar";

const hasScope = (granted: string | undefined, scope: string) => (granted ?? "").split(",").map((value) => value.trim()).includes(scope);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [settings, template, previewContext] = await Promise.all([
    getLoyaltySettings(session.shop),
    getEmailTemplate(session.shop, "anniversary"),
    getEmailPreviewContext(session.shop),
  ]);
  return json({
    settings: { enabled: settings.enabled, discountPercent: settings.discountPercent, discountDays: settings.discountDays },
    template: { subject: template.subject, body: template.body },
    previewContext,
    canCreateDiscounts: hasScope(session.scope, "write_discounts"),
    now: new Date().toISOString(),
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const withDiscount = form.get("withDiscount") === "on";
  const t = translatorFor(request, session);
  const parsed = parseIn(loyaltySettingsSchemaFor(t), {
    enabled: form.get("enabled") === "on",
    discountPercent: withDiscount ? form.get("discountPercent") : null,
    discountDays: form.get("discountDays") || 30,
  }, t);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return json({ ok: false, errors }, { status: 422 });
  }
  await saveLoyaltySettings(session.shop, parsed.data);
  return json({ ok: true, errors: {} as Record<string, string> });
};

export default function LoyaltyPage() {
  const { settings, template, previewContext, canCreateDiscounts, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const href = useAdminHref();
  useSavedToast(result?.ok ? result : null, t("loyalty.saved"));

  return (
    <Page title={t("loyalty.title")} backAction={{ content: t("nav.home"), url: href("/app") }}>
      <Layout>
        <Layout.Section>
          <LoyaltySettingsForm
            key={JSON.stringify(settings)}
            settings={settings}
            template={template}
            previewContext={previewContext}
            canCreateDiscounts={canCreateDiscounts}
            now={now}
            result={result ?? null}
            saving={saving}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
