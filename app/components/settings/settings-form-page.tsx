import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { SettingsBanners, type SettingsBannersProps } from "../SettingsBanners";

export interface SettingsFormPageProps {
  title: string;
  subtitle: string;
  /** The last save's errors and publish outcome. */
  banners: SettingsBannersProps;
  /** The form's cards. */
  children: ReactNode;
  /** Beside the form: previews and the like. */
  aside: ReactNode;
  /** "Last published …", when the settings were ever published. */
  lastPublished: string | null;
}

/**
 * A published settings page (Shipping, Returns): the last save's banners over the form's cards, with
 * previews beside them. Saving happens in App Bridge's save bar (SettingsSaveBar), not on the page.
 */
export function SettingsFormPage({ title, subtitle, banners, children, aside, lastPublished }: SettingsFormPageProps) {
  return (
    <Page title={title} subtitle={subtitle}>
      <BlockStack gap="400">
        <SettingsBanners {...banners} />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">{children}</BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              {aside}
              {lastPublished && (
                <Text as="p" tone="subdued">
                  {lastPublished}
                </Text>
              )}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
