import { BarChart, DonutChart, LineChart } from "@shopify/polaris-viz";
import type { DataSeries } from "@shopify/polaris-viz";
import type { StateCount, TimingRow } from "../models/delivery-performance.server";
import { ChartCard } from "./chart-card";
import { seriesTable } from "./chart-table";
import { minutesToDays } from "./delivery-labels";
import { useFormat, useT, type Format, type Translate } from "../i18n";

const daysLabel = (t: Translate, format: Format) => (value: number | string | null) =>
  value === null ? t("common.none") : t("common.durationDays", { value: typeof value === "number" ? format.number(value, { maximumFractionDigits: 1 }) : value });

export function DeliveryStateChart({ states }: { states: StateCount[] }) {
  const t = useT();
  const data: DataSeries[] = states
    .filter((row) => row.orders > 0)
    .map((row) => {
      const label = t(`delivery.state.${row.state}`);
      return { name: label, data: [{ key: label, value: row.orders }] };
    });
  return (
    <ChartCard
      title={t("charts.states.title")}
      description={t("charts.states.description")}
      data={{ headings: [t("charts.states.state"), t("charts.orders")], rows: data.map((one) => [one.name ?? "", one.data[0].value ?? 0]) }}
    >
      {() => <DonutChart data={data} legendPosition="right" />}
    </ChartCard>
  );
}

export function DeliveryTimingChart({ weeks }: { weeks: TimingRow[] }) {
  const t = useT();
  const format = useFormat();
  const series = (name: string, pick: (row: TimingRow) => number | null): DataSeries => ({
    name,
    data: weeks.map((row) => ({ key: format.dayMonth(`${row.key}T00:00:00Z`), value: minutesToDays(pick(row)) })),
  });
  const data = [
    series(t("charts.timing.fulfilMedian"), (row) => row.fulfil.medianMinutes),
    series(t("charts.timing.fulfilP90"), (row) => row.fulfil.p90Minutes),
    series(t("charts.timing.deliverMedian"), (row) => row.deliver.medianMinutes),
    series(t("charts.timing.deliverP90"), (row) => row.deliver.p90Minutes),
  ];
  return (
    <ChartCard
      title={t("charts.timing.title")}
      description={t("charts.timing.description")}
      data={seriesTable(t("charts.timing.week"), data, daysLabel(t, format))}
    >
      {() => <LineChart data={data} yAxisOptions={{ labelFormatter: daysLabel(t, format) }} />}
    </ChartCard>
  );
}

export function CountryTimingChart({ countries }: { countries: TimingRow[] }) {
  const t = useT();
  const format = useFormat();
  const top = countries.slice(0, 8);
  const series = (name: string, pick: (row: TimingRow) => number | null): DataSeries => ({
    name,
    data: top.map((row) => ({ key: row.key || t("common.unknownCountry"), value: minutesToDays(pick(row)) })),
  });
  const data = [series(t("charts.countries.median"), (row) => row.deliver.medianMinutes), series(t("charts.countries.p90"), (row) => row.deliver.p90Minutes)];
  return (
    <ChartCard
      title={t("charts.countries.title")}
      description={t("charts.countries.description")}
      data={seriesTable(t("charts.countries.country"), data, daysLabel(t, format))}
    >
      {() => (
        <BarChart
          data={data}
          yAxisOptions={{ labelFormatter: daysLabel(t, format) }}
        />
      )}
    </ChartCard>
  );
}
