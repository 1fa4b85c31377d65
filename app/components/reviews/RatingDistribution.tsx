import { BlockStack, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useFormat, useT } from "~/i18n";

export interface RatingDistributionProps {
  average: number | null;
  count: number;
  /** Published reviews per star, index 0 = 1 star. */
  distribution: readonly number[];
}

export function RatingDistribution({ average, count, distribution }: RatingDistributionProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{t("reviews.ratings.title")}</Text>
        <Text as="p" variant="headingXl">{average === null ? t("common.none") : `${format.number(average, { maximumFractionDigits: 1 })} / 5`}</Text>
        <Text as="p" tone="subdued">{t("reviews.ratings.published", { count })}</Text>
        {[5, 4, 3, 2, 1].map((stars) => {
          const n = distribution[stars - 1] ?? 0;
          return (
            <InlineStack key={stars} gap="200" blockAlign="center" wrap={false}>
              <Text as="span">{`${stars} ★`}</Text>
              <div style={{ flexGrow: 1 }}>
                <ProgressBar progress={count === 0 ? 0 : Math.round((n / count) * 100)} size="small" ariaLabelledBy={`rating-${stars}`} />
              </div>
              <Text as="span" id={`rating-${stars}`}>{format.number(n)}</Text>
            </InlineStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
