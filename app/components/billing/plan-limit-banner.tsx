import { Banner, BlockStack, Text } from "@shopify/polaris";
import { isHoldingBack, waitingMessage, type MeteredUsage } from "../../models/plan-limits";

export interface PlanLimitBannerProps {
  usage: readonly MeteredUsage[];
  /** "YYYY-MM-DD": when the monthly allowance comes back. */
  nextMonthStarts: string;
  /** The Upgrade button: a link to the plans page, or a handler that starts the upgrade. */
  upgrade: { url: string } | { onAction: () => void; loading?: boolean };
}

/** Says which emails wait because the free plan's monthly allowance is used up; nothing when none do. */
export function PlanLimitBanner({ usage, nextMonthStarts, upgrade }: PlanLimitBannerProps) {
  const waiting = usage.filter(isHoldingBack);
  if (waiting.length === 0) return null;
  return (
    <Banner tone="warning" title="Monthly limit reached" action={{ content: "Upgrade", ...upgrade }}>
      <BlockStack gap="100">
        {waiting.map((item) => (
          <Text as="p" key={item.kind}>
            {waitingMessage(item.kind, item.held, nextMonthStarts)}.
          </Text>
        ))}
        <Text as="p" tone="subdued">
          Nothing is lost: they go out as soon as your allowance allows, oldest first.
        </Text>
      </BlockStack>
    </Banner>
  );
}
