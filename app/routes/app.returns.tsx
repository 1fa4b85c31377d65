import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { ReturnSettingsPage } from "../components/returns/ReturnSettingsPage";
import {
  DEFAULT_DRAFT,
  collectionTitlesOf,
  draftFromRules,
  parseReturnDraft,
  readSubmittedDraft,
  type FieldErrors,
  type ReturnDraft,
} from "../components/returns/return-form";
import {
  getRefundPolicy,
  getReturnSettings,
  getShopTimeZone,
  publishAndRecordReturns,
  saveAndPublishReturnRules,
  type ReturnPublishOutcome,
} from "../models/returns/settings.server";
import { getResourceTitles } from "../models/shop/resource-titles.server";
import { resourceGid } from "../components/settings/resource-selection";
import { publishFailureReason } from "../shopify/app-metafields.server";
import { authenticate } from "../shopify.server";
import { translatorFor } from "../i18n";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useSettingsDraft } from "../components/settings/use-settings-draft";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [settings, timeZone, policy] = await Promise.all([
    getReturnSettings(session.shop),
    getShopTimeZone(admin.graphql),
    getRefundPolicy(admin.graphql),
  ]);
  const collectionGids = (settings?.rules.finalSale.collectionIds ?? []).map((id) => resourceGid("collection", id));
  const collectionTitles = collectionGids.length > 0 ? await getResourceTitles(admin.graphql, collectionGids) : {};
  return json({
    draft: settings ? draftFromRules(settings.rules, collectionTitles) : DEFAULT_DRAFT,
    saved: settings !== null,
    // The shop's time zone now, even if the merchant changed it since the last save.
    timeZone,
    policy,
    publication: settings
      ? { publishedAt: settings.publishedAt?.toISOString() ?? null, publishError: settings.publishError }
      : null,
    now: new Date().toISOString(),
  });
};

export interface ReturnsActionData {
  ok: boolean;
  errors: FieldErrors;
  /** The saved rules as the form shows them (normalised), after a save. */
  draft?: ReturnDraft;
  publication?: ReturnPublishOutcome;
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const body: unknown = await request.json().catch(() => null);
  const intent = typeof body === "object" && body !== null && "intent" in body ? body.intent : null;
  const t = translatorFor(request, session);

  if (intent === "publish") {
    const settings = await getReturnSettings(session.shop);
    if (!settings) {
      return json<ReturnsActionData>({ ok: false, errors: { form: t("returns.saveFirst") } }, { status: 409 });
    }
    const publication = await publishAndRecordReturns(session.shop, admin.graphql, settings);
    return json<ReturnsActionData>({ ok: true, errors: {}, publication });
  }

  const draft = intent === "save" ? readSubmittedDraft((body as { draft?: unknown }).draft) : null;
  if (!draft) {
    return json<ReturnsActionData>({ ok: false, errors: { form: t("returns.unreadable") } }, { status: 400 });
  }
  const result = parseReturnDraft(draft, t);
  if (!result.ok) return json<ReturnsActionData>({ ok: false, errors: result.errors }, { status: 422 });

  try {
    const publication = await saveAndPublishReturnRules(session.shop, admin.graphql, result.rules);
    return json<ReturnsActionData>({ ok: true, errors: {}, draft: draftFromRules(result.rules, collectionTitlesOf(draft)), publication });
  } catch (error) {
    // Reading the shop's time zone or final-sale products failed: nothing was saved.
    const reason = publishFailureReason(error);
    if (reason === null) throw error;
    const message = t("returns.unreachable", { reason });
    return json<ReturnsActionData>({ ok: false, errors: { form: message } }, { status: 503 });
  }
};

export default function ReturnsRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const form = useSettingsDraft(loaderData.draft, useActionData<typeof action>(), loaderData.publication?.publishError);

  return (
    <>
      <SettingsSaveBar id="returns-save-bar" {...form.saveBar} />
      <ReturnSettingsPage
        {...form.page}
        timeZone={loaderData.timeZone}
        now={new Date(loaderData.now)}
        policy={loaderData.policy}
        publishedAt={loaderData.publication?.publishedAt ?? null}
        reloadingPolicy={revalidator.state === "loading"}
        onReloadPolicy={() => revalidator.revalidate()}
      />
    </>
  );
}
