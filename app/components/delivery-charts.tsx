import { BarChart, DonutChart, LineChart } from "@shopify/polaris-viz";
import type { DataSeries } from "@shopify/polaris-viz";
import type { StateCount, TimingRow } from "../models/delivery-performance.server";
import { ChartCard } from "./chart-card";
import { DELIVERY_STATE_LABELS, minutesToDays } from "./delivery-labels";

const days = (value: number | string | null) => (value === null ? "–" : `${value} d`);

export function DeliveryStateChart({ states }: { states: StateCount[] }) {
  const data: DataSeries[] = states
    .filter((row) => row.orders > 0)
    .map((row) => ({ name: DELIVERY_STATE_LABELS[row.state], data: [{ key: DELIVERY_STATE_LABELS[row.state], value: row.orders }] }));
  return (
    <ChartCard title="Orders by delivery state" description="Every synced order, where it stands today.">
      {() => <DonutChart data={data} legendPosition="right" />}
    </ChartCard>
  );
}

function weekLabel(week: string): string {
  return new Date(`${week}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function DeliveryTimingChart({ weeks }: { weeks: TimingRow[] }) {
  const series = (name: string, pick: (row: TimingRow) => number | null): DataSeries => ({
    name,
    data: weeks.map((row) => ({ key: weekLabel(row.key), value: minutesToDays(pick(row)) })),
  });
  const data = [
    series("Fulfil, median", (row) => row.fulfil.medianMinutes),
    series("Fulfil, p90", (row) => row.fulfil.p90Minutes),
    series("Deliver, median", (row) => row.deliver.medianMinutes),
    series("Deliver, p90", (row) => row.deliver.p90Minutes),
  ];
  return (
    <ChartCard title="Time to fulfil and to deliver" description="Days from order to shipment and to delivery, by week ordered.">
      {() => <LineChart data={data} yAxisOptions={{ labelFormatter: days }} />}
    </ChartCard>
  );
}

export function CountryTimingChart({ countries }: { countries: TimingRow[] }) {
  const top = countries.slice(0, 8);
  const series = (name: string, pick: (row: TimingRow) => number | null): DataSeries => ({
    name,
    data: top.map((row) => ({ key: row.key || "Unknown", value: minutesToDays(pick(row)) })),
  });
  return (
    <ChartCard title="Time to deliver by country" description="Median and 90th percentile, in days, busiest destinations first.">
      {() => (
        <BarChart
          data={[series("Median", (row) => row.deliver.medianMinutes), series("p90", (row) => row.deliver.p90Minutes)]}
          yAxisOptions={{ labelFormatter: days }}
        />
      )}
    </ChartCard>
  );
}
