import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { useFormat, useT } from "~/i18n";
import { SettingsBanners } from "../SettingsBanners";
import type { RefundPolicy, ReturnPublishOutcome } from "~/models/returns/settings.server";
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
  const t = useT();
  const format = useFormat();
  const update = (patch: Partial<ReturnDraft>) => onChange({ ...draft, ...patch });

  return (
    <Page
      title={t("returns.title")}
      subtitle={t("returns.subtitle")}
      primaryAction={{ content: t("common.save"), loading: props.saving, disabled: props.publishing, onAction: props.onSave }}
    >
      <BlockStack gap="400">
        <SettingsBanners
          errors={errors}
          formErrorKey={FORM_ERROR}
          publication={publication}
          publishing={props.publishing}
          onRetryPublish={props.onRetryPublish}
          savedNoun={t("returns.savedNoun")}
          liveWhat={t("returns.liveWhat")}
        />
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
                  {t("returns.lastPublished", { date: format.dateTime(props.publishedAt, { timeZone: props.timeZone }) })}
                </Text>
              )}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
