import { Badge, BlockStack, Box, Card, IndexTable, InlineStack, Link, Select, Text } from "@shopify/polaris";
import { useAdminHref, useFormat, useT } from "../../i18n";
import type { QueuePage } from "../../models/returns/returns-queue.server";
import { RETURN_STATUSES } from "../../models/returns/webhook";
import { reasonLabel, sourceLabel, statusLabel, statusTone } from "./return-words";

/**
 * The merchant's return requests, newest first: each row names the return, its order, when and where
 * it was asked, the items with their reasons, the status and the refund, and opens the return. Fifty
 * to a page, with the table's own previous/next pagination.
 */
export function ReturnQueueCard({
  queue,
  status,
  onStatusChange,
  onPageChange,
}: {
  queue: QueuePage;
  status: string;
  onStatusChange: (status: string) => void;
  onPageChange: (page: number) => void;
}) {
  const { rows } = queue;
  const t = useT();
  const format = useFormat();
  const href = useAdminHref();
  const none = t("common.none");
  const options = [{ label: t("returns.queue.allStatuses"), value: "" }, ...RETURN_STATUSES.map((value) => ({ label: statusLabel(t, value), value }))];

  return (
    <Card padding="0">
      <BlockStack gap="0">
        <Box padding="400">
          <InlineStack align="space-between" blockAlign="end" gap="300">
            <Text as="h2" variant="headingMd">
              {t("returns.queue.listTitle")}
            </Text>
            <Select label={t("returns.queue.filterStatus")} labelInline options={options} value={status} onChange={onStatusChange} />
          </InlineStack>
        </Box>
        <IndexTable
          resourceName={{ singular: t("returns.queue.columns.return"), plural: t("returns.queue.listTitle") }}
          itemCount={rows.length}
          selectable={false}
          pagination={
            queue.hasPrevious || queue.hasNext
              ? {
                  hasPrevious: queue.hasPrevious,
                  hasNext: queue.hasNext,
                  onPrevious: () => onPageChange(queue.page - 1),
                  onNext: () => onPageChange(queue.page + 1),
                  label: t("returns.queue.page", { page: queue.page }),
                  accessibilityLabels: { previous: t("returns.queue.previousPage"), next: t("returns.queue.nextPage") },
                }
              : undefined
          }
          emptyState={
            <Box padding="400">
              <Text as="p" tone="subdued">
                {status ? t("returns.queue.emptyFilter") : t("returns.queue.empty")}
              </Text>
            </Box>
          }
          headings={[
            { title: t("returns.queue.columns.return") },
            { title: t("returns.queue.columns.order") },
            { title: t("returns.queue.columns.requested") },
            { title: t("returns.queue.columns.items") },
            { title: t("returns.queue.columns.status") },
            { title: t("returns.queue.columns.refund") },
          ]}
        >
          {rows.map((row, index) => (
            <IndexTable.Row id={row.shopifyReturnId} key={row.shopifyReturnId} position={index}>
              <IndexTable.Cell>
                <Link url={href(`/app/returns/${row.param}`)} removeUnderline dataPrimaryLink>
                  <Text as="span" fontWeight="semibold">
                    {row.name ?? row.param}
                  </Text>
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{row.orderName ?? none}</IndexTable.Cell>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span">{format.date(row.requestedAt)}</Text>
                  <Text as="span" variant="bodySm" tone="subdued">
                    {sourceLabel(t, row.source)}
                  </Text>
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  {row.items.map((item, itemIndex) => (
                    <Text as="span" key={itemIndex}>
                      {t("returns.queue.detail.itemLine", { quantity: item.quantity, title: item.title ?? t("returns.queue.detail.unknownItem") })}
                      {" · "}
                      <Text as="span" tone="subdued">
                        {reasonLabel(t, item.reason, item.reasonName)}
                      </Text>
                    </Text>
                  ))}
                  {row.hasPhoto ? <Badge>{t("returns.queue.photo")}</Badge> : null}
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={statusTone(row.status)}>{statusLabel(t, row.status)}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>{row.refund ? format.money(row.refund.amount, row.refund.currency) : none}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
