import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { PublishOutcome } from "~/models/shipping-settings.server";
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
  const update = (patch: Partial<ShippingDraft>) => onChange({ ...draft, ...patch });
  const errorCount = Object.keys(errors).length;

  return (
    <Page
      title="Shipping"
      subtitle="Delivery estimates and free-shipping messages on your storefront"
      primaryAction={{ content: "Save", loading: props.saving, disabled: props.publishing, onAction: props.onSave }}
    >
      <BlockStack gap="400">
        {errorCount > 0 && (
          <Banner tone="critical" title={errorCount === 1 ? "1 field needs attention" : `${errorCount} fields need attention`}>
            {errors[FORM_ERROR] ? <p>{errors[FORM_ERROR]}</p> : <p>Nothing was saved. Fix the highlighted fields and save again.</p>}
          </Banner>
        )}
        {publication && !publication.published && (
          <Banner
            tone="warning"
            title="Settings saved, but not yet live on your storefront"
            action={{ content: "Retry publishing", loading: props.publishing, onAction: props.onRetryPublish }}
          >
            <p>Publishing to Shopify failed: {publication.reason}</p>
          </Banner>
        )}
        {publication?.published && (
          <Banner tone="success" title="Saved and published">
            <p>Your storefront shows the new delivery estimates now.</p>
          </Banner>
        )}
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
              <PreviewCard draft={draft} now={props.now} defaultCurrency={props.shop.currencyCode} />
              {props.publishedAt && (
                <Text as="p" tone="subdued">
                  Last published {new Date(props.publishedAt).toLocaleString("en", { timeZone: draft.timeZone })}; the
                  calendar is republished every day.
                </Text>
              )}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
