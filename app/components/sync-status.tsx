import { Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { OrderSyncProgress } from "../shopify/order-sync.server";

interface SyncStatusProps {
  sync: OrderSyncProgress;
  onSync: () => void;
  submitting: boolean;
}

/** Progress while the order sync runs; what went wrong when it failed; what the data covers. */
export function SyncStatus({ sync, onSync, submitting }: SyncStatusProps) {
  return (
    <BlockStack gap="300">
      {sync.state === "running" ? (
        <Card>
          <BlockStack gap="200">
            <InlineStack align="space-between">
              <Text as="h2" variant="headingMd">
                Syncing orders
              </Text>
              <Text as="span" tone="subdued">
                {sync.ordersTotal ? `${sync.ordersSynced} of ${sync.ordersTotal}` : `${sync.ordersSynced} orders`}
              </Text>
            </InlineStack>
            <ProgressBar progress={Math.round((sync.fraction ?? 0) * 100)} size="small" />
            <Text as="p" tone="subdued">
              {sync.method === "bulk"
                ? "Shopify is exporting your orders in bulk; the figures below fill in as they arrive."
                : "Orders are read a page at a time, within your plan's API limits; the figures below fill in as they arrive."}
            </Text>
          </BlockStack>
        </Card>
      ) : null}
      {sync.state === "failed" ? (
        <Banner tone="critical" title="The order sync stopped" action={{ content: "Resume sync", onAction: onSync, loading: submitting }}>
          <p>{sync.lastError ?? "Shopify did not answer."} Resuming carries on from the last saved page.</p>
        </Banner>
      ) : null}
      {sync.historyLimited ? (
        <Banner tone="info" title="Showing the last 60 days of orders">
          <p>
            Shopify shares older orders only with apps granted the “read all orders” permission. Grant it to see your full
            delivery history; everything here works without it.
          </p>
        </Banner>
      ) : null}
      {sync.customerDataDenied ? (
        <Banner tone="warning" title="Destinations are unknown">
          <p>
            This app is not approved for protected customer data, so Shopify withholds shipping addresses: orders are
            counted, but not by country.
          </p>
        </Banner>
      ) : null}
    </BlockStack>
  );
}

export function SyncButton({ onSync, submitting, running }: { onSync: () => void; submitting: boolean; running: boolean }) {
  return (
    <Button onClick={onSync} loading={submitting} disabled={running}>
      Sync orders now
    </Button>
  );
}
