import type { ReactNode } from "react";
import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { PolarisVizProvider } from "@shopify/polaris-viz";
import { ClientOnly } from "./client-only";

const CHART_HEIGHT = 260;

/**
 * A titled card holding a chart, drawn in the browser (a blank of the same height on the server):
 * polaris-viz measures its container and does not render the same markup on the server.
 */
export function ChartCard({ title, description, children }: { title: string; description?: string; children: () => ReactNode }) {
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
        <div role="figure" aria-label={title} style={{ height: CHART_HEIGHT }}>
          <ClientOnly fallback={<Box minHeight={`${CHART_HEIGHT}px`} />}>
            {() => <PolarisVizProvider>{children()}</PolarisVizProvider>}
          </ClientOnly>
        </div>
      </BlockStack>
    </Card>
  );
}
