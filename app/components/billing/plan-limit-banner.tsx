import { Banner, BlockStack, Text } from "@shopify/polaris";
import { useLocale, useT } from "../../i18n";
import { formatMonthDay, isHoldingBack, type MeteredUsage } from "../../models/billing/plan-limits";

export interface PlanLimitBannerProps {
  usage: readonly MeteredUsage[];
  /** "YYYY-MM-DD": when the monthly allowance comes back. */
  nextMonthStarts: string;
  /** The Upgrade button: a link to the plans page (built with useAdminHref, so it keeps the language), or a handler that starts the upgrade. */
  upgrade: { url: string } | { onAction: () => void; loading?: boolean };
}

/** Says which emails wait because the free plan's monthly allowance is used up; nothing when none do. */
export function PlanLimitBanner({ usage, nextMonthStarts, upgrade }: PlanLimitBannerProps) {
  const t = useT();
  const { language, tag } = useLocale();
  const waiting = usage.filter(isHoldingBack);
  if (waiting.length === 0) return null;
  // "1 December" in English, "1 Desember" in Indonesian.
  const date = formatMonthDay(nextMonthStarts, language === "en" ? "en-GB" : tag);
  return (
    <Banner tone="warning" title={t("plans.limitBanner.title")} action={{ content: t("plans.limitBanner.upgrade"), ...upgrade }}>
      <BlockStack gap="100">
        {waiting.map((item) => (
          <Text as="p" key={item.kind}>
            {t(`plans.limitBanner.${item.kind}`, { count: item.held, date })}.
          </Text>
        ))}
        <Text as="p" tone="subdued">
          {t("plans.limitBanner.nothingLost")}
        </Text>
      </BlockStack>
    </Banner>
  );
}
