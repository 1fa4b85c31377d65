import { BlockStack, Card, InlineGrid, Select, Text } from "@shopify/polaris";
import type { ReviewFunnel } from "~/models/review-funnel";
import { FUNNEL_PERIODS } from "~/models/review-funnel";

export interface ReviewFunnelCardProps {
  funnel: ReviewFunnel;
  days: number;
  onDaysChange: (days: string) => void;
}

const percent = (value: number | null) => (value === null ? "–" : `${value.toLocaleString("en", { maximumFractionDigits: 1 })}%`);

function Step({ label, count, rate, rateLabel }: { label: string; count: number; rate?: number | null; rateLabel?: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">{label}</Text>
      <Text as="p" variant="heading2xl">{count.toLocaleString("en")}</Text>
      {rateLabel ? <Text as="p" tone="subdued">{`${percent(rate ?? null)} ${rateLabel}`}</Text> : null}
    </BlockStack>
  );
}

/** Review requests sent → opened → reviewed, for the requests sent in the chosen period. */
export function ReviewFunnelCard({ funnel, days, onDaysChange }: ReviewFunnelCardProps) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Request funnel</Text>
        <Select
          label="Requests sent in the last"
          options={FUNNEL_PERIODS.map((value) => ({ label: `${value} days`, value: String(value) }))}
          value={String(days)}
          onChange={onDaysChange}
        />
        <InlineGrid columns={3} gap="300">
          <Step label="Sent" count={funnel.sent} />
          <Step label="Opened" count={funnel.opened} rate={funnel.openRate} rateLabel="of sent" />
          <Step label="Reviewed" count={funnel.reviewed} rate={funnel.reviewRateOfOpened} rateLabel="of opened" />
        </InlineGrid>
        <Text as="p">{`Conversion: ${percent(funnel.conversion)} of requests became a review.`}</Text>
        <Text as="p" tone="subdued">
          Opened counts the first time a review link from the email was followed. Some mail services check every link for safety, which counts as an open too, so the real number may be lower.
        </Text>
      </BlockStack>
    </Card>
  );
}
