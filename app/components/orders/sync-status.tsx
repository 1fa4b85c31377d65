import { useEffect, useRef, useState } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { OrderSyncProgress } from "../../shopify/order-sync.server";
import type { loader as syncStatusLoader } from "../../routes/app.sync-status";
import { SYNC_POLL_MS, shouldPollSync, syncJustEnded } from "../../models/orders/sync-polling";
import { useT } from "../../i18n";

const SYNC_STATUS_PATH = "/app/sync-status";

/**
 * The sync's progress as it happens: starts from the page's loader data, then asks the status route
 * every couple of seconds while the sync runs or is being started. When it ends, the page's loaders
 * run once more so the dashboard shows the synced orders.
 */
export function useLiveSyncProgress(loaded: OrderSyncProgress, starting: boolean): OrderSyncProgress {
  const status = useFetcher<typeof syncStatusLoader>();
  const revalidator = useRevalidator();
  const [live, setLive] = useState(loaded);
  const shownState = useRef(loaded.state);
  const handledAnswer = useRef<unknown>(null);
  /** A poll asked before the latest loader data may answer after it, with an older state. */
  const staleAnswer = useRef(false);
  const reloadPage = useRef(revalidator.revalidate);
  reloadPage.current = revalidator.revalidate;
  const loadStatus = useRef(status.load);
  loadStatus.current = status.load;
  const statusIdle = useRef(true);
  statusIdle.current = status.state === "idle";

  // Fresh loader data (first render, a revalidation, the sync action's answer) wins over older polls.
  useEffect(() => {
    shownState.current = loaded.state;
    staleAnswer.current = !statusIdle.current;
    setLive(loaded);
  }, [loaded]);

  useEffect(() => {
    const answer = status.data?.sync;
    if (!answer || handledAnswer.current === answer) return;
    handledAnswer.current = answer;
    if (staleAnswer.current) {
      staleAnswer.current = false;
      return;
    }
    const before = shownState.current;
    shownState.current = answer.state;
    setLive(answer);
    if (syncJustEnded(before, answer.state)) reloadPage.current();
  }, [status.data]);

  const polling = shouldPollSync({ state: live.state, starting });
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => {
      if (statusIdle.current) loadStatus.current(SYNC_STATUS_PATH);
    }, SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [polling]);

  return live;
}

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
