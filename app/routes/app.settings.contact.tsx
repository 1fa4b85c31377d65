import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { ContactOptionsForm } from "../components/settings/contact-options-form";
import { useSavedToast } from "../components/settings-save-bar";
import { translatorFor, useAdminHref, useT } from "../i18n";
import { contactFormValues, readContactForm } from "../models/contact/options-form";
import { getContactOptions, publishContactOptions, saveContactOptions } from "../models/contact/options.server";
import { publishFailureReason } from "../shopify/app-metafields.server";
import type { AdminGraphql } from "../shopify/admin-graphql";
import { authenticate } from "../shopify.server";
import type { ContactOptions } from "../models/contact/options";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ values: contactFormValues(await getContactOptions(session.shop)) });
};

type Publication = { published: true } | { published: false; reason: string };

async function publish(graphql: AdminGraphql, options: ContactOptions): Promise<Publication> {
  try {
    await publishContactOptions(graphql, options);
    return { published: true };
  } catch (error) {
    const reason = publishFailureReason(error);
    if (reason === null) throw error;
    return { published: false, reason };
  }
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData()).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  if (form.intent === "publish") {
    const publication = await publish(admin.graphql, await getContactOptions(session.shop));
    return json({ ok: true, errors: {} as Record<string, string>, publication });
  }
  const result = readContactForm(form, translatorFor(request, session));
  if (!result.ok) return json({ ok: false, errors: result.errors, publication: null }, { status: 422 });
  await saveContactOptions(session.shop, result.options);
  return json({ ok: true, saved: true, savedAt: Date.now(), errors: {} as Record<string, string>, publication: await publish(admin.graphql, result.options) });
};

export default function ContactOptionsPage() {
  const { values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const t = useT();
  const href = useAdminHref();
  const intent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  useSavedToast(result && "saved" in result ? result : null, t("toasts.settingsSaved"));

  return (
    <Page title={t("contact.title")} backAction={{ content: t("nav.home"), url: href("/app") }}>
      <Layout>
        <Layout.AnnotatedSection
          title={t("contact.sectionTitle")}
          description={t("contact.sectionDescription")}
        >
          <ContactOptionsForm
            // A new form after each save: the fields show what was stored (trimmed, normalised) and the
            // save bar closes, even when that equals what was stored before.
            key={`${JSON.stringify(values)}|${result && "savedAt" in result ? result.savedAt : ""}`}
            values={values}
            errors={result?.errors ?? {}}
            publication={result?.publication ?? null}
            saving={intent === "save"}
            publishing={intent === "publish"}
            onRetryPublish={() => submit({ intent: "publish" }, { method: "post" })}
          />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
