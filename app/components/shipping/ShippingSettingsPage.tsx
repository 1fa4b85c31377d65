import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { useFormat, useT } from "~/i18n";
import { SettingsBanners } from "../SettingsBanners";
import type { PublishOutcome } from "~/models/shipping-settings.server";
import type { CountryNames, CountryOption } from "./country-names.server";
import { BannerMessagesCard } from "./BannerMessagesCard";
import { FreeShippingCard } from "./FreeShippingCard";
import { PreviewCard } from "./PreviewCard";
import { ProcessingCard } from "./ProcessingCard";
import { FORM_ERROR, type FieldErrors, type ShippingDraft } from "./shipping-form";
import { ZonesCard } from "./ZonesCard";

export interface ShippingSettingsPageProps {
  draft: ShippingDraft;
  onChange: (draft: ShippingDraft) => void;
  shop: { timeZone: string; currencyCode: string; currencies: string[] };
  now: Date;
  /** Country names, from the server only (see country-names.server.ts). */
  countries: readonly CountryOption[];
  countryNames: Readonly<Record<string, CountryNames>>;
  errors: FieldErrors;
  publication: PublishOutcome | null;
  publishedAt: string | null;
  saving: boolean;
  publishing: boolean;
  onSave: () => void;
  onRetryPublish: () => void;
}

export function ShippingSettingsPage(props: ShippingSettingsPageProps) {
  const { draft, onChange, errors, publication } = props;
  const t = useT();
  const format = useFormat();
  const update = (patch: Partial<ShippingDraft>) => onChange({ ...draft, ...patch });

  return (
    <Page
      title={t("shipping.title")}
      subtitle={t("shipping.subtitle")}
      primaryAction={{ content: t("common.save"), loading: props.saving, disabled: props.publishing, onAction: props.onSave }}
    >
      <BlockStack gap="400">
        <SettingsBanners
          errors={errors}
          formErrorKey={FORM_ERROR}
          publication={publication}
          publishing={props.publishing}
          onRetryPublish={props.onRetryPublish}
          savedNoun={t("shipping.savedNoun")}
          liveWhat={t("shipping.liveWhat")}
        />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <ZonesCard zones={draft.zones} errors={errors} onChange={(zones) => update({ zones })} />
              <ProcessingCard draft={draft} errors={errors} onChange={update} />
              <FreeShippingCard
                thresholds={draft.freeShipping}
                currencies={props.shop.currencies}
                errors={errors}
                onChange={(freeShipping) => update({ freeShipping })}
              />
              <BannerMessagesCard
                messages={draft.bannerMessages}
                errors={errors}
                onChange={(bannerMessages) => update({ bannerMessages })}
              />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <PreviewCard
                draft={draft}
                now={props.now}
                defaultCurrency={props.shop.currencyCode}
                countries={props.countries}
                countryNames={props.countryNames}
              />
              {props.publishedAt && (
                <Text as="p" tone="subdued">
                  {t("shipping.lastPublished", { date: format.dateTime(props.publishedAt, { timeZone: draft.timeZone }) })}
                </Text>
              )}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
