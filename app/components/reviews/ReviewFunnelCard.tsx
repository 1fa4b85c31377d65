import { BlockStack, Card, InlineGrid, Select, Text } from "@shopify/polaris";
import { useFormat, useT } from "~/i18n";
import type { ReviewFunnel } from "~/models/reviews/funnel";
import { FUNNEL_PERIODS } from "~/models/reviews/funnel";

export interface ReviewFunnelCardProps {
  funnel: ReviewFunnel;
  days: number;
  onDaysChange: (days: string) => void;
}

function Step({ label, count, rateText }: { label: string; count: number; rateText?: string }) {
  const format = useFormat();
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">{label}</Text>
      <Text as="p" variant="heading2xl">{format.number(count)}</Text>
      {rateText ? <Text as="p" tone="subdued">{rateText}</Text> : null}
    </BlockStack>
  );
}

/** Review requests sent → opened → reviewed, for the requests sent in the chosen period. */
export function ReviewFunnelCard({ funnel, days, onDaysChange }: ReviewFunnelCardProps) {
  const t = useT();
  const format = useFormat();
  const percent = (value: number | null) => (value === null ? t("common.none") : format.percent(value));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("reviews.funnel.title")}</Text>
        <Select
          label={t("reviews.funnel.period")}
          options={FUNNEL_PERIODS.map((value) => ({ label: t("reviews.funnel.days", { count: value }), value: String(value) }))}
          value={String(days)}
          onChange={onDaysChange}
        />
        <InlineGrid columns={3} gap="300">
          <Step label={t("reviews.funnel.sent")} count={funnel.sent} />
          <Step label={t("reviews.funnel.opened")} count={funnel.opened} rateText={t("reviews.funnel.ofSent", { percent: percent(funnel.openRate) })} />
          <Step label={t("reviews.funnel.reviewed")} count={funnel.reviewed} rateText={t("reviews.funnel.ofOpened", { percent: percent(funnel.reviewRateOfOpened) })} />
        </InlineGrid>
        <Text as="p">{t("reviews.funnel.conversion", { percent: percent(funnel.conversion) })}</Text>
        <Text as="p" tone="subdued">{t("reviews.funnel.openedNote")}</Text>
      </BlockStack>
    </Card>
  );
}
