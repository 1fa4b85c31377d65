import { Badge, BlockStack, Card, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import type { DelayNoticeState } from "../models/delay-notice-status";
import type { AttentionOrder } from "../models/delivery-performance.server";
import { ATTENTION_REASON_LABELS } from "./delivery-labels";

const legacyId = (gid: string) => gid.split("/").pop() ?? gid;
const shortDate = (iso: string) => new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const dayMonth = (iso: string) => new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** Whether the shopper already heard about the delay, and when. */
export function ShopperToldBadge({ notice }: { notice: DelayNoticeState | undefined }) {
  if (!notice) return <Badge tone="attention">Not told yet</Badge>;
  if (notice.state === "told") return <Badge tone="success">{`Shopper told ${dayMonth(notice.sentAt)}`}</Badge>;
  if (notice.state === "queued") return <Badge tone="info">Notice on its way</Badge>;
  return <Badge tone="critical">Notice failed</Badge>;
}

interface Props {
  total: number;
  orders: AttentionOrder[];
  /** Order id → the delay notice state; orders missing here had none. */
  notices?: Record<string, DelayNoticeState>;
}

/** Late and at-risk orders, each linking to the order in the Shopify admin, with the parcel to chase. */
export function AttentionOrders({ total, orders, notices = {} }: Props) {
  const rows = orders.map((order, index) => (
    <IndexTable.Row id={order.id} key={order.id} position={index}>
      <IndexTable.Cell>
        <Link url={`shopify:admin/orders/${legacyId(order.id)}`} target="_top" removeUnderline>
          <Text as="span" fontWeight="semibold">
            {order.name}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{shortDate(order.createdAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          {order.reasons.map((reason) => (
            <Badge key={reason} tone={reason === "failed" || reason === "late" ? "critical" : "warning"}>
              {ATTENTION_REASON_LABELS[reason]}
            </Badge>
          ))}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <ShopperToldBadge notice={notices[order.id]} />
      </IndexTable.Cell>
      <IndexTable.Cell>{order.estimatedDeliveryAt ? shortDate(order.estimatedDeliveryAt) : "–"}</IndexTable.Cell>
      <IndexTable.Cell>{order.countryCode ?? "–"}</IndexTable.Cell>
      <IndexTable.Cell>
        {order.tracking?.url ? (
          <Link url={order.tracking.url} target="_blank">
            {order.tracking.company ?? "Track"} {order.tracking.number}
          </Link>
        ) : (
          "–"
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
              Late and at-risk orders ({total})
            </Text>
            <Text as="p" tone="subdued">
              Past the carrier's estimate, failed, stuck in transit, or not shipped within 3 days.
              {total > orders.length ? ` Showing the ${orders.length} oldest.` : ""}
            </Text>
          </BlockStack>
        </div>
        <IndexTable
          resourceName={{ singular: "order", plural: "orders" }}
          itemCount={orders.length}
          selectable={false}
          emptyState={
            <div style={{ padding: "var(--p-space-400)" }}>
              <Text as="p" tone="subdued">
                Nothing late or at risk. Every open order is on track.
              </Text>
            </div>
          }
          headings={[
            { title: "Order" },
            { title: "Placed" },
            { title: "Why" },
            { title: "Shopper" },
            { title: "Estimated delivery" },
            { title: "Country" },
            { title: "Tracking" },
          ]}
        >
          {rows}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
