import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { ReturnSettingsPage } from "../components/returns/ReturnSettingsPage";
import { useAdminHref, useT } from "../i18n";
import {
  DEFAULT_DRAFT,
  collectionTitlesOf,
  draftFromRules,
  parseReturnDraft,
  readSubmittedDraft,
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
import { answerDraftSettingsAction, type DraftSettingsActionData } from "../shopify/draft-settings-action.server";
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

export type ReturnsActionData = DraftSettingsActionData<ReturnDraft, ReturnPublishOutcome>;

export const action = ({ request }: ActionFunctionArgs) =>
  answerDraftSettingsAction(request, {
    settings: "returns",
    readDraft: readSubmittedDraft,
    parse: parseReturnDraft,
    async republish(shop, graphql) {
      const settings = await getReturnSettings(shop);
      return settings ? publishAndRecordReturns(shop, graphql, settings) : null;
    },
    async save(shop, graphql, rules, draft, t) {
      try {
        const publication = await saveAndPublishReturnRules(shop, graphql, rules);
        return json<ReturnsActionData>({ ok: true, errors: {}, draft: draftFromRules(rules, collectionTitlesOf(draft)), publication });
      } catch (error) {
        // Reading the shop's time zone or final-sale products failed: nothing was saved.
        const reason = publishFailureReason(error);
        if (reason === null) throw error;
        return json<ReturnsActionData>({ ok: false, errors: { form: t("returns.unreachable", { reason }) } }, { status: 503 });
      }
    },
  });

export default function ReturnsRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const form = useSettingsDraft(loaderData.draft, useActionData<typeof action>(), loaderData.publication?.publishError);
  const t = useT();
  const href = useAdminHref();

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
        backAction={{ content: t("returns.queue.title"), url: href("/app/returns") }}
      />
    </>
  );
}
