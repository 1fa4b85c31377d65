import type { ReactNode } from "react";
import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { PolarisVizProvider } from "@shopify/polaris-viz";
import { ClientOnly } from "./client-only";
import { ChartTable, type ChartData } from "./chart-table";

const CHART_HEIGHT = 260;

/** Keeps the drawing out of the accessibility tree and the tab order: the table beside it says the same. */
const makeInert = (node: HTMLDivElement | null) => node?.setAttribute("inert", "");

/**
 * A titled card holding a chart, drawn in the browser (a blank of the same height on the server):
 * polaris-viz measures its container and does not render the same markup on the server. Screen readers
 * get the chart's figures as a table instead of the drawing, whose markup they cannot make sense of.
 */
export function ChartCard({
  title,
  description,
  data,
  children,
}: {
  title: string;
  description?: string;
  data: ChartData;
  children: () => ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          {description ? (
            <Text as="p" tone="subdued">
              {description}
            </Text>
          ) : null}
        </BlockStack>
        <div role="figure" aria-label={title}>
          <div ref={makeInert} style={{ height: CHART_HEIGHT }}>
            <ClientOnly fallback={<Box minHeight={`${CHART_HEIGHT}px`} />}>
              {() => <PolarisVizProvider>{children()}</PolarisVizProvider>}
            </ClientOnly>
          </div>
          <ChartTable caption={title} data={data} />
        </div>
      </BlockStack>
    </Card>
  );
}
