import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useFormat, useT } from "~/i18n";
import { SettingsBanners, type SettingsBannersProps } from "../SettingsBanners";

/** The published settings pages; each names its title, subtitle and banner words under this prefix. */
export type PublishedSettings = "shipping" | "returns";

/** The last save's errors and publish outcome, as the page's props carry them (useSettingsDraft's). */
export interface SettingsOutcome extends Pick<SettingsBannersProps, "errors" | "publication" | "publishing" | "onRetryPublish"> {
  /** When the settings were last published (ISO), shown in the shop's time zone; null if never. */
  publishedAt: string | null;
}

export interface SettingsFormPageProps {
  settings: PublishedSettings;
  /** The form-wide message's key in `errors`. */
  formErrorKey: string;
  outcome: SettingsOutcome;
  timeZone: string;
  /** The form's cards. */
  children: ReactNode;
  /** Beside the form: previews and the like. */
  aside: ReactNode;
  /** The page the title's back arrow leads to (Returns' rules lead back to the queue). */
  backAction?: { content: string; url: string };
}

/**
 * A published settings page (Shipping, Returns): the last save's banners over the form's cards, with
 * previews and "Last published …" beside them. Saving happens in App Bridge's save bar
 * (SettingsSaveBar), not on the page.
 */
export function SettingsFormPage({ settings, formErrorKey, outcome, timeZone, children, aside, backAction }: SettingsFormPageProps) {
  const t = useT();
  const format = useFormat();
  const { publishedAt, errors, publication, publishing, onRetryPublish } = outcome;
  return (
    <Page title={t(`${settings}.title`)} subtitle={t(`${settings}.subtitle`)} backAction={backAction}>
      <BlockStack gap="400">
        <SettingsBanners
          errors={errors}
          publication={publication}
          publishing={publishing}
          onRetryPublish={onRetryPublish}
          formErrorKey={formErrorKey}
          savedNoun={t(`${settings}.savedNoun`)}
          liveWhat={t(`${settings}.liveWhat`)}
        />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">{children}</BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              {aside}
              {publishedAt && (
                <Text as="p" tone="subdued">
                  {t(`${settings}.lastPublished`, { date: format.dateTime(publishedAt, { timeZone }) })}
                </Text>
              )}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
