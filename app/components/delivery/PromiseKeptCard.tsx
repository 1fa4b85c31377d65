import { BlockStack, Button, Card, DataTable, Text } from "@shopify/polaris";
import type { PromiseKeptView, PromiseKeptZone } from "../../models/delivery/promise-kept.server";
import { useFormat, useT, type Translate } from "../../i18n";

const zoneLabel = (zone: PromiseKeptZone, t: Translate) =>
  zone.zoneName ?? (zone.zoneId ? t("promiseKept.removedZone", { id: zone.zoneId }) : t("promiseKept.noZone"));

/** Why there is nothing to show yet, and what comes next (a link to the Shipping page when that is the step). */
function EmptyReason({ promiseKept, shippingUrl }: { promiseKept: PromiseKeptView; shippingUrl?: string }) {
  const t = useT();
  const format = useFormat();
  const reason = promiseKept.emptyReason;
  if (!reason) return null;
  const why = t(`promiseKept.why.${reason}`, {
    count: promiseKept.promised,
    date: promiseKept.calendarPublishedAt ? format.date(promiseKept.calendarPublishedAt) : "",
  });
  return (
    <BlockStack gap="200" inlineAlign="start">
      <Text as="p">{why}</Text>
      <Text as="p" tone="subdued">
        {t(`promiseKept.next.${reason}`)}
      </Text>
      {reason === "no_calendar" && shippingUrl ? <Button url={shippingUrl}>{t("promiseKept.setUpShipping")}</Button> : null}
    </BlockStack>
  );
}

/**
 * Share of delivered orders that arrived by the last day of the range the shopper was shown, per zone;
 * while there is none, why, and the next step (`shippingUrl`: the Shipping page, when that is the step).
 */
export function PromiseKeptCard({ promiseKept, shippingUrl }: { promiseKept: PromiseKeptView; shippingUrl?: string }) {
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
          {delivered === 0 ? null : (
            <Text as="p" tone="subdued">
              {t("promiseKept.summary", { percent: format.percent(Math.round((kept * 1000) / delivered) / 10), count: delivered, days })}
            </Text>
          )}
        </BlockStack>
        {delivered === 0 ? (
          <EmptyReason promiseKept={promiseKept} shippingUrl={shippingUrl} />
        ) : (
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
