import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ShippingSettingsPage } from "../components/shipping/ShippingSettingsPage";
import {
  defaultDraft,
  draftFromRules,
  parseShippingDraft,
  readSubmittedDraft,
  type FieldErrors,
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

export interface ShippingActionData {
  ok: boolean;
  errors: FieldErrors;
  /** The saved rules as the form shows them (normalised), after a save. */
  draft?: ShippingDraft;
  publication?: PublishOutcome;
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const body: unknown = await request.json().catch(() => null);
  const intent = typeof body === "object" && body !== null && "intent" in body ? body.intent : null;
  const t = translatorFor(request, session);

  if (intent === "publish") {
    const settings = await getShippingSettings(session.shop);
    if (!settings) {
      return json<ShippingActionData>({ ok: false, errors: { form: t("shipping.saveFirst") } }, { status: 409 });
    }
    const publication = await publishAndRecord(session.shop, admin.graphql, settings.rules);
    return json<ShippingActionData>({ ok: true, errors: {}, publication });
  }

  const draft = intent === "save" ? readSubmittedDraft((body as { draft?: unknown }).draft) : null;
  if (!draft) {
    return json<ShippingActionData>({ ok: false, errors: { form: t("shipping.unreadable") } }, { status: 400 });
  }
  const result = parseShippingDraft(draft, t);
  if (!result.ok) return json<ShippingActionData>({ ok: false, errors: result.errors }, { status: 422 });

  await saveShippingRules(session.shop, result.rules);
  const publication = await publishAndRecord(session.shop, admin.graphql, result.rules);
  return json<ShippingActionData>({ ok: true, errors: {}, draft: draftFromRules(result.rules), publication });
};

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
