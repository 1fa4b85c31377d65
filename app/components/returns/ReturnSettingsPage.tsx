import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { RefundPolicy, ReturnPublishOutcome } from "~/models/return-settings.server";
import { PolicyCard } from "./PolicyCard";
import { PreviewCard } from "./PreviewCard";
import { FORM_ERROR, type FieldErrors, type ReturnDraft } from "./return-form";
import { ConditionsCard, FinalSaleCard, HolidayCard, WindowCard } from "./RulesCards";

export interface ReturnSettingsPageProps {
  draft: ReturnDraft;
  onChange: (draft: ReturnDraft) => void;
  timeZone: string;
  now: Date;
  policy: RefundPolicy;
  errors: FieldErrors;
  publication: ReturnPublishOutcome | null;
  publishedAt: string | null;
  saving: boolean;
  publishing: boolean;
  reloadingPolicy: boolean;
  onSave: () => void;
  onRetryPublish: () => void;
  onReloadPolicy: () => void;
}

export function ReturnSettingsPage(props: ReturnSettingsPageProps) {
  const { draft, onChange, errors, publication } = props;
  const update = (patch: Partial<ReturnDraft>) => onChange({ ...draft, ...patch });
  const errorCount = Object.keys(errors).length;

  return (
    <Page
      title="Returns"
      subtitle="Your return rules, on product pages and in the shopper's order check"
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
            title="Rules saved, but not yet live on your storefront"
            action={{ content: "Retry publishing", loading: props.publishing, onAction: props.onRetryPublish }}
          >
            <p>Publishing to Shopify failed: {publication.reason}</p>
          </Banner>
        )}
        {publication?.published && (
          <Banner tone="success" title="Saved and published">
            <p>Your storefront shows the new return rules now.</p>
          </Banner>
        )}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <WindowCard draft={draft} errors={errors} onChange={update} />
              <FinalSaleCard draft={draft} errors={errors} onChange={update} />
              <ConditionsCard draft={draft} errors={errors} onChange={update} />
              <HolidayCard draft={draft} errors={errors} onChange={update} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <PreviewCard draft={draft} timeZone={props.timeZone} now={props.now} />
              <PolicyCard
                policy={props.policy}
                draft={draft}
                onChange={onChange}
                reloading={props.reloadingPolicy}
                onReload={props.onReloadPolicy}
              />
              {props.publishedAt && (
                <Text as="p" tone="subdued">
                  Last published {new Date(props.publishedAt).toLocaleString("en", { timeZone: props.timeZone })}.
                </Text>
              )}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
