import { Text } from "@shopify/polaris";
import type { LegendEntry } from "./chart-palette";

/**
 * A chart's legend, drawn by us rather than the chart library (which cuts long names to "…" when space
 * runs out): every name in full, wrapping onto more lines on a narrow screen, with its colour and figure.
 */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul data-chart-legend style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: "var(--p-space-200) var(--p-space-400)" }}>
        {entries.map((entry) => (
          <li key={entry.name} data-legend-entry style={{ display: "flex", alignItems: "center", gap: "var(--p-space-150)" }}>
            <span
              data-swatch
              aria-hidden
              style={{ width: 12, height: 12, borderRadius: 3, flex: "none", background: entry.colour }}
            />
            <Text as="span" variant="bodySm">
              {entry.name}
            </Text>
            {entry.value ? (
              <Text as="span" variant="bodySm" fontWeight="semibold">
                {entry.value}
              </Text>
            ) : null}
          </li>
        ))}
    </ul>
  );
}
