import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { PromiseKeptView, PromiseKeptZone } from "../models/promise-kept.server";
import { useFormat, useT, type Translate } from "../i18n";

const zoneLabel = (zone: PromiseKeptZone, t: Translate) =>
  zone.zoneName ?? (zone.zoneId ? t("promiseKept.removedZone", { id: zone.zoneId }) : t("promiseKept.noZone"));

/** Share of delivered orders that arrived by the last day of the range the shopper was shown, per zone. */
export function PromiseKeptCard({ promiseKept }: { promiseKept: PromiseKeptView }) {
  const t = useT();
  const format = useFormat();
  const { zones, days } = promiseKept;
  const delivered = zones.reduce((sum, zone) => sum + zone.delivered, 0);
  const kept = zones.reduce((sum, zone) => sum + zone.early + zone.inside, 0);

  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("promiseKept.title")}
          </Text>
          <Text as="p" tone="subdued">
            {delivered === 0
              ? t("promiseKept.empty")
              : t("promiseKept.summary", { percent: format.percent(Math.round((kept * 1000) / delivered) / 10), count: delivered, days })}
          </Text>
        </BlockStack>
        {delivered === 0 ? null : (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
            headings={(["zone", "kept", "early", "inside", "late"] as const).map((column) => t(`promiseKept.columns.${column}`))}
            rows={zones.map((zone) => [zoneLabel(zone, t), format.percent(zone.keptPercent), zone.early, zone.inside, zone.late])}
          />
        )}
      </BlockStack>
    </Card>
  );
}
