import { useEffect, useState } from "react";
import { LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { Text } from "@shopify/polaris";

export interface TrendPoint {
  period: string;
  score: number | null;
}

/** The score per week as a line; weeks without answers leave a gap. Drawn in the browser only. */
export function ScoreTrendChart({ label, points }: { label: string; points: TrendPoint[] }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (points.length === 0) return <Text as="p" tone="subdued">No answers yet.</Text>;
  if (!mounted) return <div style={{ height: 240 }} aria-busy="true" />;
  return (
    <PolarisVizProvider>
      <div style={{ height: 240 }}>
        <LineChart
          data={[{ name: label, data: points.map((point) => ({ key: point.period, value: point.score })) }]}
          showLegend={false}
          theme="Light"
        />
      </div>
    </PolarisVizProvider>
  );
}
