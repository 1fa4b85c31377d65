import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { PromiseKeptView, PromiseKeptZone } from "../models/promise-kept.server";

const zoneLabel = (zone: PromiseKeptZone) => zone.zoneName ?? (zone.zoneId ? `Removed zone (${zone.zoneId})` : "No zone");
const percent = (value: number) => `${value.toLocaleString("en", { maximumFractionDigits: 1 })}%`;

/** Share of delivered orders that arrived by the last day of the range the shopper was shown, per zone. */
export function PromiseKeptCard({ promiseKept }: { promiseKept: PromiseKeptView }) {
  const { zones, days } = promiseKept;
  const delivered = zones.reduce((sum, zone) => sum + zone.delivered, 0);
  const kept = zones.reduce((sum, zone) => sum + zone.early + zone.inside, 0);

  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Delivery promise kept
          </Text>
          <Text as="p" tone="subdued">
            {delivered === 0
              ? "Promises are recorded from new orders on: once an order placed with a delivery estimate is delivered, it shows here."
              : `${percent(Math.round((kept * 1000) / delivered) / 10)} of ${delivered} delivered orders arrived by the last promised day (last ${days} days).`}
          </Text>
        </BlockStack>
        {delivered === 0 ? null : (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
            headings={["Zone", "Kept", "Early", "Inside range", "Late"]}
            rows={zones.map((zone) => [zoneLabel(zone), percent(zone.keptPercent), zone.early, zone.inside, zone.late])}
          />
        )}
      </BlockStack>
    </Card>
  );
}
