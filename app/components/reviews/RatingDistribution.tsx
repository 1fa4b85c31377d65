import { BlockStack, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";

export interface RatingDistributionProps {
  average: number | null;
  count: number;
  /** Published reviews per star, index 0 = 1 star. */
  distribution: readonly number[];
}

export function RatingDistribution({ average, count, distribution }: RatingDistributionProps) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Ratings</Text>
        <Text as="p" variant="headingXl">{average === null ? "–" : `${average.toFixed(1)} / 5`}</Text>
        <Text as="p" tone="subdued">{`${count} published review${count === 1 ? "" : "s"}`}</Text>
        {[5, 4, 3, 2, 1].map((stars) => {
          const n = distribution[stars - 1] ?? 0;
          return (
            <InlineStack key={stars} gap="200" blockAlign="center" wrap={false}>
              <Text as="span">{`${stars} ★`}</Text>
              <div style={{ flexGrow: 1 }}>
                <ProgressBar progress={count === 0 ? 0 : Math.round((n / count) * 100)} size="small" ariaLabelledBy={`rating-${stars}`} />
              </div>
              <Text as="span" id={`rating-${stars}`}>{String(n)}</Text>
            </InlineStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
