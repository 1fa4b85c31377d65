import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useFormat, useT } from "~/i18n";
import { SettingsBanners, type SettingsBannersProps } from "../SettingsBanners";

/** The published settings pages; each names its title, subtitle and banner words under this prefix. */
export type PublishedSettings = "shipping" | "returns";

export interface SettingsFormPageProps extends Pick<SettingsBannersProps, "errors" | "publication" | "publishing" | "onRetryPublish"> {
  settings: PublishedSettings;
  /** The form-wide message's key in `errors`. */
  formErrorKey: string;
  /** When the settings were last published (ISO), shown in the shop's time zone; null if never. */
  publishedAt: string | null;
  timeZone: string;
  /** The form's cards. */
  children: ReactNode;
  /** Beside the form: previews and the like. */
  aside: ReactNode;
}

/**
 * A published settings page (Shipping, Returns): the last save's banners over the form's cards, with
 * previews and "Last published …" beside them. Saving happens in App Bridge's save bar
 * (SettingsSaveBar), not on the page.
 */
export function SettingsFormPage({ settings, formErrorKey, publishedAt, timeZone, children, aside, ...outcome }: SettingsFormPageProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Page title={t(`${settings}.title`)} subtitle={t(`${settings}.subtitle`)}>
      <BlockStack gap="400">
        <SettingsBanners
          {...outcome}
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
