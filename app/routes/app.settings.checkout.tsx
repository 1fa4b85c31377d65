import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { CheckoutSurveySettingsCard } from "../components/surveys/CheckoutSurveySettingsCard";
import { useSavedToast } from "../components/settings-save-bar";
import { translatorFor, useAdminHref, useT } from "../i18n";
import { checkoutSurveySettingsSchema, optionsFromText } from "../models/surveys/attribution";
import { getCheckoutSurveySettings, saveCheckoutSurveySettings } from "../models/surveys/attribution.server";
import { authenticate } from "../shopify.server";

/** Settings → Thank-you page: the checkout UI extension's survey question. */

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ settings: await getCheckoutSurveySettings(session.shop) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const t = translatorFor(request, session);
  const parsed = checkoutSurveySettingsSchema(t).safeParse({
    enabled: form.get("enabled") === "on",
    askCsat: form.get("askCsat") === "on",
    options: optionsFromText(String(form.get("options") ?? "")),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return json({ ok: false, errors }, { status: 422 });
  }
  await saveCheckoutSurveySettings(session.shop, parsed.data);
  return json({ ok: true, errors: {} as Record<string, string> });
};

export default function CheckoutSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const href = useAdminHref();
  useSavedToast(result?.ok ? result : null, t("toasts.settingsSaved"));
  return (
    <Page title={t("checkoutSurvey.title")} backAction={{ content: t("nav.home"), url: href("/app") }}>
      <Layout>
        <Layout.Section>
          <CheckoutSurveySettingsCard key={JSON.stringify(settings)} settings={settings} errors={result?.errors ?? {}} saving={saving} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
