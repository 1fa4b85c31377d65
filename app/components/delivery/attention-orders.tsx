import { useState } from "react";
import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n";
import type { DelayNoticeState } from "../../models/delays/notice-status";
import type { AttentionOrder } from "../../models/delivery/performance.server";
import type { AttentionActions } from "./attention-actions";

const legacyId = (gid: string) => gid.split("/").pop() ?? gid;

/** Whether the shopper already heard about the delay, and when. */
export function ShopperToldBadge({ notice }: { notice: DelayNoticeState | undefined }) {
  const t = useT();
  const format = useFormat();
  if (!notice) return <Badge tone="attention">{t("attention.notice.notTold")}</Badge>;
  if (notice.state === "told") return <Badge tone="success">{t("attention.notice.told", { date: format.dayMonth(notice.sentAt) })}</Badge>;
  if (notice.state === "queued") return <Badge tone="info">{t("attention.notice.queued")}</Badge>;
  return <Badge tone="critical">{t("attention.notice.failed")}</Badge>;
}

interface Props {
  total: number;
  orders: AttentionOrder[];
  /** Orders that still match but were marked handled (listed under "Show handled"). */
  handled?: { total: number; orders: AttentionOrder[] };
  /** Order id → the delay notice state; orders missing here had none. */
  notices?: Record<string, DelayNoticeState>;
  /** The row actions; without them the list is read-only. */
  actions?: AttentionActions;
}

/** What went wrong with a row action, in the admin language. */
function ActionFailure({ actions, orders }: { actions: AttentionActions; orders: AttentionOrder[] }) {
  const t = useT();
  const format = useFormat();
  const failure = actions.failure;
  if (!failure) return null;
  const order = failure.orderName ?? orders.find((one) => one.id === failure.orderId)?.name ?? "";
  const informational = failure.error === "already_sent" || failure.error === "sending";
  return (
    <div style={{ padding: "0 var(--p-space-400) var(--p-space-400)" }}>
      <Banner tone={informational ? "info" : "critical"} title={informational ? undefined : t("attention.errors.title")}>
        <p>{t(`attention.errors.${failure.error}`, { order, date: failure.sentAt ? format.dayMonth(failure.sentAt) : "" })}</p>
      </Banner>
    </div>
  );
}

/** "Notify the shopper now" (until the shopper was told) and "Mark handled", or "Undo" for a handled order. */
function RowActions({ order, notice, actions }: { order: AttentionOrder; notice: DelayNoticeState | undefined; actions: AttentionActions }) {
  const t = useT();
  const busy = actions.pending?.orderId === order.id;
  const loading = (intent: string) => busy && actions.pending?.intent === intent;
  if (order.handledAt) {
    return (
      <Button size="slim" onClick={() => actions.run("reopen", order.id)} loading={loading("reopen")} disabled={busy}>
        {t("attention.actions.reopen")}
      </Button>
    );
  }
  return (
    <ButtonGroup>
      {notice?.state === "told" ? null : (
        <Button size="slim" variant="primary" onClick={() => actions.run("notify", order.id)} loading={loading("notify")} disabled={busy}>
          {t("attention.actions.notify")}
        </Button>
      )}
      <Button size="slim" onClick={() => actions.run("handled", order.id)} loading={loading("handled")} disabled={busy}>
        {t("attention.actions.handled")}
      </Button>
    </ButtonGroup>
  );
}

/**
 * Late and at-risk orders, each linking to the order in the Shopify admin, with the parcel to chase and
 * what can be done about it here; "Show handled" lists the orders marked handled, each with an undo.
 */
export function AttentionOrders({ total, orders, handled, notices = {}, actions }: Props) {
  const t = useT();
  const [showHandled, setShowHandled] = useState(false);
  const handledCount = handled?.total ?? 0;
  return (
    <Card padding="0">
      <BlockStack gap="0">
        <div style={{ padding: "var(--p-space-400)" }}>
          <InlineStack align="space-between" blockAlign="start" gap="200">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("attention.title", { total })}
              </Text>
              <Text as="p" tone="subdued">
                {t("attention.help")}
                {total > orders.length ? ` ${t("attention.showingOldest", { count: orders.length })}` : ""}
              </Text>
            </BlockStack>
            {handled && (handledCount > 0 || showHandled) ? (
              <Button variant="plain" onClick={() => setShowHandled((shown) => !shown)} ariaExpanded={showHandled}>
                {showHandled ? t("attention.handled.hide") : t("attention.handled.show", { count: handledCount })}
              </Button>
            ) : null}
          </InlineStack>
        </div>
        {actions ? <ActionFailure actions={actions} orders={[...orders, ...(handled?.orders ?? [])]} /> : null}
        <AttentionTable orders={orders} notices={notices} actions={actions} empty={t("attention.empty")} />
        {handled && showHandled ? (
          <BlockStack gap="0">
            <div style={{ padding: "var(--p-space-400)" }}>
              <Text as="h3" variant="headingSm">
                {t("attention.handled.title", { count: handledCount })}
              </Text>
            </div>
            <AttentionTable orders={handled.orders} notices={notices} actions={actions} empty={t("attention.handled.empty")} />
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function AttentionTable({
  orders,
  notices,
  actions,
  empty,
}: {
  orders: AttentionOrder[];
  notices: Record<string, DelayNoticeState>;
  actions?: AttentionActions;
  empty: string;
}) {
  const t = useT();
  const format = useFormat();
  const none = t("common.none");
  const rows = orders.map((order, index) => (
    <IndexTable.Row id={order.id} key={order.id} position={index}>
      <IndexTable.Cell>
        <Link url={`shopify:admin/orders/${legacyId(order.id)}`} target="_top" removeUnderline>
          <Text as="span" fontWeight="semibold">
            {order.name}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{format.date(order.createdAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          {order.reasons.map((reason) => (
            <Badge key={reason} tone={reason === "failed" || reason === "late" ? "critical" : "warning"}>
              {t(`delivery.reason.${reason}`)}
            </Badge>
          ))}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="100" inlineAlign="start">
          <ShopperToldBadge notice={notices[order.id]} />
          {order.handledAt ? (
            <Text as="span" variant="bodySm" tone="subdued">
              {t("attention.handled.on", { date: format.dayMonth(order.handledAt) })}
            </Text>
          ) : null}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{order.estimatedDeliveryAt ? format.date(order.estimatedDeliveryAt) : none}</IndexTable.Cell>
      <IndexTable.Cell>{order.countryCode ?? none}</IndexTable.Cell>
      <IndexTable.Cell>
        {order.tracking?.url ? (
          <Link url={order.tracking.url} target="_blank">
            {order.tracking.company ?? t("attention.track")} {order.tracking.number}
          </Link>
        ) : (
          none
        )}
      </IndexTable.Cell>
      {actions ? (
        <IndexTable.Cell>
          <RowActions order={order} notice={notices[order.id]} actions={actions} />
        </IndexTable.Cell>
      ) : null}
    </IndexTable.Row>
  ));

  return (
    <IndexTable
      resourceName={{ singular: t("attention.resource.singular"), plural: t("attention.resource.plural") }}
      itemCount={orders.length}
      selectable={false}
      emptyState={
        <div style={{ padding: "var(--p-space-400)" }}>
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        </div>
      }
      headings={[
        { title: t("attention.columns.order") },
        { title: t("attention.columns.placed") },
        { title: t("attention.columns.why") },
        { title: t("attention.columns.shopper") },
        { title: t("attention.columns.estimated") },
        { title: t("attention.columns.country") },
        { title: t("attention.columns.tracking") },
        ...(actions ? [{ title: t("attention.actions.column") }] : []),
      ] as [{ title: string }, ...{ title: string }[]]}
    >
      {rows}
    </IndexTable>
  );
}
