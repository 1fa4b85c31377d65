import { BarChart, DonutChart, LineChart } from "@shopify/polaris-viz";
import type { DataSeries } from "@shopify/polaris-viz";
import type { StateCount, TimingRow } from "../../models/delivery/performance.server";
import { ChartCard } from "../chart-card";
import { STATE_COLOURS, TIMING_COLOURS } from "../chart-palette";
import { seriesTable } from "../chart-table";
import { minutesToDays } from "./delivery-labels";
import { useFormat, useT, type Format, type Translate } from "../../i18n";

const daysLabel = (t: Translate, format: Format) => (value: number | string | null) =>
  value === null ? t("common.none") : t("common.durationDays", { value: typeof value === "number" ? format.number(value, { maximumFractionDigits: 1 }) : value });

/** The legend of a chart with several points per series: name and colour. */
const legendOf = (data: DataSeries[]) => data.map((one) => ({ name: one.name ?? "", colour: String(one.color) }));

export function DeliveryStateChart({ states }: { states: StateCount[] }) {
  const t = useT();
  const format = useFormat();
  const shown = states.filter((row) => row.orders > 0);
  const total = shown.reduce((sum, row) => sum + row.orders, 0);
  const share = (orders: number) => format.percent(Math.round((orders * 1000) / total) / 10, { maximumFractionDigits: 1 });
  const data: DataSeries[] = shown.map((row) => {
    const label = t(`delivery.state.${row.state}`);
    return { name: label, color: STATE_COLOURS[row.state], data: [{ key: label, value: row.orders }] };
  });
  return (
    <ChartCard
      title={t("charts.states.title")}
      description={t("charts.states.description")}
      data={{
        headings: [t("charts.states.state"), t("charts.orders")],
        rows: shown.map((row) => [t(`delivery.state.${row.state}`), format.number(row.orders)]),
      }}
      legend={shown.map((row) => ({
        name: t(`delivery.state.${row.state}`),
        colour: STATE_COLOURS[row.state],
        value: `${format.number(row.orders)} · ${share(row.orders)}`,
      }))}
    >
      {() => <DonutChart data={data} showLegend={false} />}
    </ChartCard>
  );
}

export function DeliveryTimingChart({ weeks }: { weeks: TimingRow[] }) {
  const t = useT();
  const format = useFormat();
  const series = (name: string, color: string, pick: (row: TimingRow) => number | null): DataSeries => ({
    name,
    color,
    data: weeks.map((row) => ({ key: format.dayMonth(`${row.key}T00:00:00Z`), value: minutesToDays(pick(row)) })),
  });
  const data = [
    series(t("charts.timing.fulfilMedian"), TIMING_COLOURS.fulfilMedian, (row) => row.fulfil.medianMinutes),
    series(t("charts.timing.fulfilP90"), TIMING_COLOURS.fulfilP90, (row) => row.fulfil.p90Minutes),
    series(t("charts.timing.deliverMedian"), TIMING_COLOURS.deliverMedian, (row) => row.deliver.medianMinutes),
    series(t("charts.timing.deliverP90"), TIMING_COLOURS.deliverP90, (row) => row.deliver.p90Minutes),
  ];
  return (
    <ChartCard
      title={t("charts.timing.title")}
      description={t("charts.timing.description")}
      data={seriesTable(t("charts.timing.week"), data, daysLabel(t, format))}
      legend={legendOf(data)}
    >
      {() => <LineChart data={data} showLegend={false} yAxisOptions={{ labelFormatter: daysLabel(t, format) }} />}
    </ChartCard>
  );
}

export function CountryTimingChart({ countries }: { countries: TimingRow[] }) {
  const t = useT();
  const format = useFormat();
  const top = countries.slice(0, 8);
  const series = (name: string, color: string, pick: (row: TimingRow) => number | null): DataSeries => ({
    name,
    color,
    data: top.map((row) => ({ key: row.key || t("common.unknownCountry"), value: minutesToDays(pick(row)) })),
  });
  const data = [
    series(t("charts.countries.median"), TIMING_COLOURS.deliverMedian, (row) => row.deliver.medianMinutes),
    series(t("charts.countries.p90"), TIMING_COLOURS.deliverP90, (row) => row.deliver.p90Minutes),
  ];
  const table = seriesTable(t("charts.countries.country"), data, daysLabel(t, format));
  return (
    <ChartCard
      title={t("charts.countries.title")}
      description={t("charts.countries.description")}
      data={{
        headings: [...table.headings, t("charts.orders")],
        rows: table.rows.map((row, index) => [...row, format.number(top[index]?.deliver.orders ?? 0)]),
      }}
      legend={legendOf(data)}
    >
      {() => <BarChart data={data} showLegend={false} yAxisOptions={{ labelFormatter: daysLabel(t, format) }} />}
    </ChartCard>
  );
}
