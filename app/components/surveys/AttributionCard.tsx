import { useEffect, useState } from "react";
import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n";
import type { AttributionBreakdown } from "../../models/surveys/attribution";
import { ChartTable, seriesTable } from "../chart-table";

/** Keeps the drawing out of the accessibility tree and the tab order: the tables say the same. */
const makeInert = (node: HTMLDivElement | null) => node?.setAttribute("inert", "");

/**
 * "How did you hear about us?" answers from the Thank-you page: a stacked bar per week (one colour per
 * channel, drawn in the browser only) and a table of channels with their answers and share.
 */
export function AttributionCard({ breakdown }: { breakdown: AttributionBreakdown }) {
  const t = useT();
  const format = useFormat();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const title = t("checkoutSurvey.breakdown.title");

  if (breakdown.total === 0) {
    return (
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{title}</Text>
          <Text as="p" tone="subdued">{t("checkoutSurvey.breakdown.empty")}</Text>
        </BlockStack>
      </Card>
    );
  }

  const weekLabel = (week: string) => format.dayMonth(week);
  const series = breakdown.channels.map(({ option }) => ({
    name: option,
    data: breakdown.weeks.map(({ week, counts }) => ({ key: weekLabel(week), value: counts[option] ?? 0 })),
  }));
  const chartLabel = t("checkoutSurvey.breakdown.chartLabel");
  const byWeek = seriesTable(t("checkoutSurvey.breakdown.week"), series, (value) => format.number(value ?? 0));
  const byChannel = {
    headings: [t("checkoutSurvey.breakdown.channel"), t("checkoutSurvey.breakdown.answers"), t("checkoutSurvey.breakdown.share")],
    rows: breakdown.channels.map(({ option, count, share }) => [option, format.number(count), format.percent(share)]),
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{title}</Text>
        <Text as="p" tone="subdued">{t("checkoutSurvey.breakdown.subtitle")}</Text>
        <div role="figure" aria-label={chartLabel}>
          <div ref={makeInert} style={{ height: 260 }} aria-busy={mounted ? undefined : true}>
            {mounted ? (
              <PolarisVizProvider>
                <BarChart data={series} type="stacked" theme="Light" />
              </PolarisVizProvider>
            ) : null}
          </div>
          <ChartTable caption={chartLabel} data={byWeek} />
        </div>
        <ChartTable caption={title} data={byChannel} visible />
        <Text as="p" tone="subdued">
          {breakdown.csatAverage === null
            ? t("checkoutSurvey.breakdown.noCsat")
            : t("checkoutSurvey.breakdown.csat", { score: format.number(breakdown.csatAverage, { maximumFractionDigits: 1 }), count: breakdown.csatCount })}
        </Text>
      </BlockStack>
    </Card>
  );
}
