import { BarChart } from "@shopify/polaris-viz";
import type { DataSeries } from "@shopify/polaris-viz";
import { BlockStack, Card, DataTable, InlineGrid, InlineStack, Select, Text } from "@shopify/polaris";
import { useFormat, useT, type Format, type Translate } from "../../i18n";
import { INSIGHT_PERIODS, type ReturnsInsight } from "../../models/returns/returns-insight";
import { ChartCard } from "../chart-card";
import { reasonLabel } from "./return-words";

const PRODUCT_COLOUR = "#D72C0D";
const REASON_COLOUR = "#2C6ECB";
const TOP = 8;

/** Hours as the admin shows a wait: hours under two days, days beyond. */
export function waitLabel(t: Translate, format: Format, hours: number | null): string {
  if (hours === null) return t("common.none");
  return hours < 48
    ? t("common.durationHours", { value: format.number(hours, { maximumFractionDigits: 1 }) })
    : t("common.durationDays", { value: format.number(hours / 24, { maximumFractionDigits: 1 }) });
}

/**
 * What comes back over the chosen period: the return rate, the time to refund, the products returned
 * most often for what they sold (chart and table) and the reasons shoppers gave.
 */
export function ReturnInsight({ insight, days, onDaysChange }: { insight: ReturnsInsight; days: number; onDaysChange: (days: string) => void }) {
  const t = useT();
  const format = useFormat();
  const none = t("common.none");
  const rate = (value: number | null) => (value === null ? none : format.percent(value));
  const productTitle = (title: string) => title || t("returns.insight.byProduct.unknownProduct");
  const top = insight.byProduct.slice(0, TOP);
  const productSeries: DataSeries[] = [
    { name: t("returns.insight.byProduct.rate"), color: PRODUCT_COLOUR, data: top.map((row) => ({ key: productTitle(row.title), value: row.rate ?? 0 })) },
  ];
  const reasonSeries: DataSeries[] = [
    { name: t("returns.insight.byReason.units"), color: REASON_COLOUR, data: insight.byReason.map((row) => ({ key: reasonLabel(t, row.reason, row.name), value: row.units })) },
  ];
  const { refundTime } = insight;

  return (
    <BlockStack gap="400">
      <InlineStack align="space-between" blockAlign="end" gap="300">
        <Text as="h2" variant="headingLg">
          {t("returns.insight.title")}
        </Text>
        <Select
          label={t("returns.insight.period")}
          labelInline
          value={String(days)}
          onChange={onDaysChange}
          options={INSIGHT_PERIODS.map((period) => ({ label: t("returns.insight.periodDays", { count: period }), value: String(period) }))}
        />
      </InlineStack>
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
        <Card>
          <Text as="h3" variant="headingSm">{t("returns.insight.rate")}</Text>
          <Text as="p" variant="heading2xl">{rate(insight.rate)}</Text>
          <Text as="p" tone="subdued">{t("returns.insight.rateHelp", { returned: format.number(insight.returnedUnits), sold: format.number(insight.soldUnits) })}</Text>
        </Card>
        <Card>
          <Text as="h3" variant="headingSm">{t("returns.insight.returns")}</Text>
          <Text as="p" variant="heading2xl">{format.number(insight.returns)}</Text>
          <Text as="p" tone="subdued">{t("returns.insight.returnsHelp", { count: insight.returns })}</Text>
        </Card>
        <Card>
          <Text as="h3" variant="headingSm">{t("returns.insight.refundTime")}</Text>
          <Text as="p" variant="heading2xl">{waitLabel(t, format, refundTime.medianHours)}</Text>
          <Text as="p" tone="subdued">
            {refundTime.refunds > 0
              ? t("returns.insight.refundTimeHelp", { count: refundTime.refunds, p90: waitLabel(t, format, refundTime.p90Hours) })
              : t("returns.insight.noRefunds")}
          </Text>
        </Card>
      </InlineGrid>
      {insight.byProduct.length === 0 ? (
        <Card>
          <Text as="p" tone="subdued">{t("returns.insight.noData")}</Text>
        </Card>
      ) : (
        <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
          <ChartCard
            title={t("returns.insight.byProduct.title")}
            description={t("returns.insight.byProduct.description")}
            data={{
              headings: [t("returns.insight.byProduct.product"), t("returns.insight.byProduct.rate")],
              rows: top.map((row) => [productTitle(row.title), rate(row.rate)]),
            }}
            legend={[{ name: t("returns.insight.byProduct.rate"), colour: PRODUCT_COLOUR }]}
          >
            {() => <BarChart data={productSeries} direction="horizontal" showLegend={false} xAxisOptions={{ labelFormatter: (value) => rate(Number(value)) }} />}
          </ChartCard>
          <ChartCard
            title={t("returns.insight.byReason.title")}
            description={t("returns.insight.byReason.description")}
            data={{
              headings: [t("returns.insight.byReason.reason"), t("returns.insight.byReason.units"), t("returns.insight.byReason.share")],
              rows: insight.byReason.map((row) => [reasonLabel(t, row.reason, row.name), format.number(row.units), format.percent(row.share)]),
            }}
            legend={[{ name: t("returns.insight.byReason.units"), colour: REASON_COLOUR }]}
          >
            {() => <BarChart data={reasonSeries} direction="horizontal" showLegend={false} />}
          </ChartCard>
        </InlineGrid>
      )}
      {insight.byProduct.length > 0 ? (
        <Card padding="0">
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={[t("returns.insight.byProduct.product"), t("returns.insight.byProduct.sold"), t("returns.insight.byProduct.returned"), t("returns.insight.byProduct.rate")]}
            rows={insight.byProduct.map((row) => [productTitle(row.title), format.number(row.sold), format.number(row.returned), rate(row.rate)])}
          />
        </Card>
      ) : null}
    </BlockStack>
  );
}
