import { useEffect, useState } from "react";
import { LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { Text } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n";
import { ChartTable, seriesTable } from "../chart-table";

export interface TrendPoint {
  period: string;
  score: number | null;
}

/** Keeps the drawing out of the accessibility tree and the tab order: the table beside it says the same. */
const makeInert = (node: HTMLDivElement | null) => node?.setAttribute("inert", "");

/** The score per week as a line; weeks without answers leave a gap. Drawn in the browser only. */
export function ScoreTrendChart({ label, points }: { label: string; points: TrendPoint[] }) {
  const t = useT();
  const format = useFormat();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (points.length === 0) return <Text as="p" tone="subdued">{t("surveys.noAnswers")}</Text>;
  const series = [{ name: label, data: points.map((point) => ({ key: point.period, value: point.score })) }];
  const table = seriesTable(t("surveys.week"), series, (value) => (value === null ? t("common.none") : format.number(value, { maximumFractionDigits: 1 })));
  return (
    <div role="figure" aria-label={label}>
      <div ref={makeInert} style={{ height: 240 }} aria-busy={mounted ? undefined : true}>
        {mounted ? (
          <PolarisVizProvider>
            <LineChart data={series} showLegend={false} theme="Light" />
          </PolarisVizProvider>
        ) : null}
      </div>
      <ChartTable caption={label} data={table} />
    </div>
  );
}
