import { Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { OrderSyncProgress } from "../shopify/order-sync.server";
import { useT } from "../i18n";

interface SyncStatusProps {
  sync: OrderSyncProgress;
  onSync: () => void;
  submitting: boolean;
}

/** Progress while the order sync runs; what went wrong when it failed; what the data covers. */
export function SyncStatus({ sync, onSync, submitting }: SyncStatusProps) {
  const t = useT();
  return (
    <BlockStack gap="300">
      {sync.state === "running" ? (
        <Card>
          <BlockStack gap="200">
            <InlineStack align="space-between">
              <Text as="h2" variant="headingMd">
                {t("sync.syncing")}
              </Text>
              <Text as="span" tone="subdued">
                {sync.ordersTotal
                  ? t("sync.progress", { synced: sync.ordersSynced, total: sync.ordersTotal })
                  : t("sync.progressUnknownTotal", { count: sync.ordersSynced })}
              </Text>
            </InlineStack>
            <ProgressBar progress={Math.round((sync.fraction ?? 0) * 100)} size="small" />
            <Text as="p" tone="subdued">
              {sync.method === "bulk" ? t("sync.bulk") : t("sync.paged")}
            </Text>
          </BlockStack>
        </Card>
      ) : null}
      {sync.state === "failed" ? (
        <Banner
          tone="critical"
          title={t("sync.failedTitle")}
          action={{ content: t("sync.resume"), onAction: onSync, loading: submitting }}
        >
          <p>{t("sync.failedBody", { error: sync.lastError ?? t("sync.noAnswer") })}</p>
        </Banner>
      ) : null}
      {sync.historyLimited ? (
        <Banner tone="info" title={t("sync.historyTitle")}>
          <p>{t("sync.historyBody")}</p>
        </Banner>
      ) : null}
      {sync.customerDataDenied ? (
        <Banner tone="warning" title={t("sync.protectedTitle")}>
          <p>{t("sync.protectedBody")}</p>
        </Banner>
      ) : null}
    </BlockStack>
  );
}

export function SyncButton({ onSync, submitting, running }: { onSync: () => void; submitting: boolean; running: boolean }) {
  const t = useT();
  return (
    <Button onClick={onSync} loading={submitting} disabled={running}>
      {t("sync.syncNow")}
    </Button>
  );
}
