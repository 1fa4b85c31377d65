import { Badge, BlockStack, Card, InlineStack, Link, List, Text, Thumbnail } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useFormat, useT, type Translate } from "../../i18n";
import type { LineRule, ReturnDetailView } from "../../models/returns/returns-queue.server";
import { reasonLabel, sourceLabel, statusLabel, statusTone } from "./return-words";

/** The rule that applied to one item on the day the return was requested, in a sentence. */
export function ruleSentence(t: Translate, rule: LineRule | null): string {
  if (!rule) return t("returns.queue.rule.unknown");
  const vars = {
    days: rule.windowDays ?? 0,
    start: rule.windowStart ? t(`returns.queue.start.${rule.windowStart}`) : "",
    lastDay: rule.lastDay ?? "",
  };
  if (rule.eligible) return t(rule.holidayExtended ? "returns.queue.rule.holiday" : "returns.queue.rule.within", vars);
  if (rule.reason === "within_window") return t("returns.queue.rule.within", vars);
  return t(`returns.queue.rule.${rule.reason}`, vars);
}

const isLink = (value: string) => /^https:\/\//i.test(value);

/**
 * The shopper's stored photo as a thumbnail that opens full size. The admin route needs the session
 * token, which App Bridge adds to the page's own fetches (an <img> request would not carry it).
 */
function StoredPhoto({ url }: { url: string }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    fetch(url)
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then((blob) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (failed) return <Text as="p" tone="subdued">{t("returns.queue.detail.photoUnavailable")}</Text>;
  if (!src) return <Text as="p" tone="subdued">{t("returns.queue.detail.photoLoading")}</Text>;
  return (
    <Link url={src} target="_blank" accessibilityLabel={t("returns.queue.detail.photoOpen")}>
      <Thumbnail source={src} alt={t("returns.queue.detail.photoAlt")} size="large" />
    </Link>
  );
}

/** What the shopper sent back and why, with the rule that applied to each item, what they get in exchange and their photo. */
export function ReturnItemsCard({ view }: { view: ReturnDetailView }) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.queue.detail.items")}
        </Text>
        {view.lines.map((line) => (
          <BlockStack key={line.id} gap="100">
            <InlineStack gap="200" blockAlign="center">
              <Text as="p" fontWeight="semibold">
                {t("returns.queue.detail.itemLine", { quantity: line.quantity, title: line.title ?? t("returns.queue.detail.unknownItem") })}
              </Text>
              {line.processedQuantity > 0 ? <Badge tone="success">{t("returns.queue.detail.received", { count: line.processedQuantity })}</Badge> : null}
            </InlineStack>
            <Text as="p">{t("returns.queue.detail.reason", { reason: reasonLabel(t, line.reason?.handle ?? null, line.reason?.name ?? null) })}</Text>
            {line.customerNote ? <Text as="p" tone="subdued">{t("returns.queue.detail.note", { note: line.customerNote })}</Text> : null}
            <Text as="p" variant="bodySm" tone={line.rule && !line.rule.eligible ? "critical" : "subdued"}>
              {t("returns.queue.detail.rule")}: {ruleSentence(t, line.rule)}
            </Text>
          </BlockStack>
        ))}
        {view.exchanges.length > 0 ? (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("returns.queue.detail.exchangeFor")}
            </Text>
            <Text as="p" tone="subdued">{t("returns.queue.detail.exchangeHelp")}</Text>
            {view.exchanges.map((exchange) => (
              <BlockStack key={exchange.id} gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="p" fontWeight="semibold">
                    {t("returns.queue.detail.exchangeLine", { quantity: exchange.quantity, title: exchange.title ?? t("returns.queue.detail.unknownItem") })}
                  </Text>
                  {exchange.processedQuantity > 0 ? <Badge tone="success">{t("returns.queue.detail.exchangeProcessed", { count: exchange.processedQuantity })}</Badge> : null}
                </InlineStack>
                {exchange.variantTitle ? <Text as="p">{t("returns.queue.detail.exchangeVariant", { variant: exchange.variantTitle })}</Text> : null}
                {exchange.sku ? <Text as="p" variant="bodySm" tone="subdued">{t("returns.queue.detail.exchangeSku", { sku: exchange.sku })}</Text> : null}
              </BlockStack>
            ))}
          </BlockStack>
        ) : null}
        {view.photoRef ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("returns.queue.detail.photo")}
            </Text>
            {view.photoUrl ? (
              <StoredPhoto url={view.photoUrl} />
            ) : isLink(view.photoRef) ? (
              <Link url={view.photoRef} target="_blank">
                {t("returns.queue.detail.photoOpen")}
              </Link>
            ) : (
              <Text as="p">{t("returns.queue.detail.photoRef", { ref: view.photoRef })}</Text>
            )}
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** Where the return stands: status, source, each step's time, decline, label and refunds. */
export function ReturnStatusCard({ view }: { view: ReturnDetailView }) {
  const t = useT();
  const format = useFormat();
  const status = view.status.toLowerCase();
  const labels = view.deliveries.filter((delivery) => delivery.labelUrl || delivery.trackingNumber || delivery.trackingUrl);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("returns.queue.detail.timeline")}
          </Text>
          <Badge tone={statusTone(status)}>{statusLabel(t, status)}</Badge>
        </InlineStack>
        {view.source ? (
          <Text as="p" tone="subdued">
            {t("returns.queue.detail.requested", { date: format.dateTime(view.requestedAt), source: sourceLabel(t, view.source) })}
          </Text>
        ) : null}
        <List>
          {view.steps.map((step) => (
            <List.Item key={step.step}>
              {t(`returns.queue.step.${step.step}`)}: {format.dateTime(step.at)}
            </List.Item>
          ))}
        </List>
        {view.decline ? (
          <BlockStack gap="100">
            <Text as="p">{t("returns.queue.detail.decline", { reason: t(`returns.queue.declineReason.${view.decline.reason}`) })}</Text>
            {view.decline.note ? <Text as="p" tone="subdued">{t("returns.queue.detail.declineNote", { note: view.decline.note })}</Text> : null}
          </BlockStack>
        ) : null}
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {t("returns.queue.detail.label")}
          </Text>
          {labels.length === 0 ? <Text as="p" tone="subdued">{t("returns.queue.detail.noLabel")}</Text> : null}
          {labels.map((delivery, index) => (
            <InlineStack key={index} gap="300">
              {delivery.labelUrl ? (
                <Link url={delivery.labelUrl} target="_blank">
                  {t("returns.queue.detail.labelOpen")}
                </Link>
              ) : null}
              {delivery.trackingNumber || delivery.trackingUrl ? (
                delivery.trackingUrl ? (
                  <Link url={delivery.trackingUrl} target="_blank">
                    {t("returns.queue.detail.tracking", { number: delivery.trackingNumber ?? "" })}
                  </Link>
                ) : (
                  <Text as="span">{t("returns.queue.detail.tracking", { number: delivery.trackingNumber ?? "" })}</Text>
                )
              ) : null}
            </InlineStack>
          ))}
        </BlockStack>
        {view.refunds.map((refund, index) => (
          <Text as="p" key={index}>
            {t("returns.queue.detail.refund", { amount: format.money(refund.amount, refund.currencyCode) })}
            {view.refundMethod === "original_payment" || view.refundMethod === "store_credit" ? ` ${t(`returns.queue.detail.refundMethod.${view.refundMethod}`)}` : ""}
          </Text>
        ))}
      </BlockStack>
    </Card>
  );
}
