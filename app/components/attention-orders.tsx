import { Badge, BlockStack, Card, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useFormat, useT } from "../i18n";
import type { DelayNoticeState } from "../models/delay-notice-status";
import type { AttentionOrder } from "../models/delivery-performance.server";

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
  /** Order id → the delay notice state; orders missing here had none. */
  notices?: Record<string, DelayNoticeState>;
}

/** Late and at-risk orders, each linking to the order in the Shopify admin, with the parcel to chase. */
export function AttentionOrders({ total, orders, notices = {} }: Props) {
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
        <ShopperToldBadge notice={notices[order.id]} />
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
    </IndexTable.Row>
  ));

  return (
    <Card padding="0">
      <BlockStack gap="0">
        <div style={{ padding: "var(--p-space-400)" }}>
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t("attention.title", { total })}
            </Text>
            <Text as="p" tone="subdued">
              {t("attention.help")}
              {total > orders.length ? ` ${t("attention.showingOldest", { count: orders.length })}` : ""}
            </Text>
          </BlockStack>
        </div>
        <IndexTable
          resourceName={{ singular: t("attention.resource.singular"), plural: t("attention.resource.plural") }}
          itemCount={orders.length}
          selectable={false}
          emptyState={
            <div style={{ padding: "var(--p-space-400)" }}>
              <Text as="p" tone="subdued">
                {t("attention.empty")}
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
          ]}
        >
          {rows}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
