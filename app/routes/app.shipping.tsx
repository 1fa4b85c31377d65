import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ShippingSettingsPage } from "../components/shipping/ShippingSettingsPage";
import {
  defaultDraft,
  draftFromRules,
  parseShippingDraft,
  readSubmittedDraft,
  type ShippingDraft,
} from "../components/shipping/shipping-form";
import {
  getShippingSettings,
  getShopShippingContext,
  publishAndRecord,
  saveShippingRules,
  type PublishOutcome,
} from "../models/shipping/settings.server";
import { authenticate } from "../shopify.server";
import { answerDraftSettingsAction, type DraftSettingsActionData } from "../shopify/draft-settings-action.server";
import { localeFromRequest, translatorFor } from "../i18n";
import { SettingsSaveBar } from "../components/settings-save-bar";
import { useSettingsDraft } from "../components/settings/use-settings-draft";
import { shippingPageCountries } from "../components/shipping/country-names.server";
import { bannerLanguages } from "../components/shipping/banner-languages";
import { getPublishedShopLocales } from "../models/shop/shop-locales.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [shop, settings, shopLocales] = await Promise.all([
    getShopShippingContext(admin.graphql),
    getShippingSettings(session.shop),
    getPublishedShopLocales(admin.graphql, session.scope),
  ]);
  const draft = settings ? draftFromRules(settings.rules) : defaultDraft(shop.timeZone);
  const adminLocale = localeFromRequest(request, session).tag;
  const savedLocales = draft.bannerMessages.map((message) => message.locale);
  // Named once, here: the browser's ICU names some countries differently, which broke hydration.
  const { countries, countryNames } = shippingPageCountries(adminLocale, savedLocales);
  const t = translatorFor(request, session);
  return json({
    countries,
    countryNames,
    languages: bannerLanguages({
      published: shopLocales?.map((shopLocale) => shopLocale.locale) ?? null,
      saved: savedLocales,
      adminLocale,
      notPublished: (name) => t("shipping.banner.notPublished", { name }),
    }),
    // The shop's time zone now, even if the merchant changed it since the last save.
    draft: { ...draft, timeZone: shop.timeZone },
    shop,
    saved: settings !== null,
    publication: settings
      ? { publishedAt: settings.publishedAt?.toISOString() ?? null, publishError: settings.publishError }
      : null,
    now: new Date().toISOString(),
  });
};

export type ShippingActionData = DraftSettingsActionData<ShippingDraft, PublishOutcome>;

export const action = ({ request }: ActionFunctionArgs) =>
  answerDraftSettingsAction(request, {
    settings: "shipping",
    readDraft: readSubmittedDraft,
    parse: parseShippingDraft,
    async republish(shop, graphql) {
      const settings = await getShippingSettings(shop);
      return settings ? publishAndRecord(shop, graphql, settings.rules) : null;
    },
    async save(shop, graphql, rules) {
      await saveShippingRules(shop, rules);
      const publication = await publishAndRecord(shop, graphql, rules);
      return json<ShippingActionData>({ ok: true, errors: {}, draft: draftFromRules(rules), publication });
    },
  });

export default function ShippingSettingsRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const form = useSettingsDraft(loaderData.draft, useActionData<typeof action>(), loaderData.publication?.publishError);

  return (
    <>
      <SettingsSaveBar id="shipping-save-bar" {...form.saveBar} />
      <ShippingSettingsPage
        {...form.page}
        shop={loaderData.shop}
        now={new Date(loaderData.now)}
        countries={loaderData.countries}
        countryNames={loaderData.countryNames}
        languages={loaderData.languages}
        publishedAt={loaderData.publication?.publishedAt ?? null}
      />
    </>
  );
}
