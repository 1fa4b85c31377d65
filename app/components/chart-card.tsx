import { useId, useState, type ReactNode } from "react";
import { BlockStack, Box, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { PolarisVizProvider } from "@shopify/polaris-viz";
import { useT } from "../i18n";
import { ClientOnly } from "./client-only";
import { ChartLegend } from "./chart-legend";
import type { LegendEntry } from "./chart-palette";
import { ChartTable, type ChartData } from "./chart-table";

const CHART_HEIGHT = 260;

/** Keeps the drawing out of the accessibility tree and the tab order: the table beside it says the same. */
const makeInert = (node: HTMLDivElement | null) => node?.setAttribute("inert", "");

/**
 * A titled card holding a chart, drawn in the browser (a blank of the same height on the server):
 * polaris-viz measures its container and does not render the same markup on the server. Screen readers
 * get the chart's figures as a table instead of the drawing, whose markup they cannot make sense of;
 * "Show figures" shows that table to everyone. The legend is ours (full names, colours, figures).
 */
export function ChartCard({
  title,
  description,
  data,
  legend,
  children,
}: {
  title: string;
  description?: string;
  data: ChartData;
  legend: LegendEntry[];
  children: () => ReactNode;
}) {
  const t = useT();
  const [figuresShown, setFiguresShown] = useState(false);
  const tableId = useId();
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
            <Text as="h2" variant="headingMd">
              {title}
            </Text>
            <Button variant="plain" onClick={() => setFiguresShown((shown) => !shown)} ariaExpanded={figuresShown} ariaControls={tableId}>
              {figuresShown ? t("charts.hideFigures") : t("charts.showFigures")}
            </Button>
          </InlineStack>
          {description ? (
            <Text as="p" tone="subdued">
              {description}
            </Text>
          ) : null}
        </BlockStack>
        <div role="figure" aria-label={title}>
          <div ref={makeInert}>
            <BlockStack gap="300">
              <div style={{ height: CHART_HEIGHT }}>
                <ClientOnly fallback={<Box minHeight={`${CHART_HEIGHT}px`} />}>
                  {() => <PolarisVizProvider>{children()}</PolarisVizProvider>}
                </ClientOnly>
              </div>
              <ChartLegend entries={legend} />
            </BlockStack>
          </div>
          <ChartTable id={tableId} caption={title} data={data} visible={figuresShown} />
        </div>
      </BlockStack>
    </Card>
  );
}
