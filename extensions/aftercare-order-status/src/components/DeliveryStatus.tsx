import type { OrderStatus } from "../backend";
import { expectation, formatDay, statusNotice, type FormatDate } from "../copy";
import type { Translate } from "../host";

/** The order's timeline, its notice (failed, late, cancelled), when to expect it and how to follow it. */
export function DeliveryStatus({ order, t, formatDate }: { order: OrderStatus; t: Translate; formatDate: FormatDate }) {
  const notice = statusNotice(order, t, formatDate);
  const expected = expectation(order, t, formatDate);
  return (
    <s-stack gap="base">
      {notice && (
        <s-banner tone={notice.tone}>
          <s-text>{notice.message}</s-text>
        </s-banner>
      )}
      {expected && <s-text type="strong">{expected}</s-text>}
      <s-ordered-list>
        {order.timeline.map((entry) => {
          const label = t(`status.steps.${entry.step}`);
          return (
            <s-list-item key={entry.step}>
              <s-text color={entry.done ? "base" : "subdued"}>{entry.on ? t("status.step_on", { step: label, date: formatDay(entry.on, formatDate) }) : label}</s-text>
            </s-list-item>
          );
        })}
      </s-ordered-list>
      {order.carrier && <s-text>{t("status.carrier", { carrier: order.carrier })}</s-text>}
      {order.trackingNumber && <s-text>{t("status.tracking_number", { number: order.trackingNumber })}</s-text>}
      {order.trackingUrl && (
        <s-link href={order.trackingUrl} target="_blank">
          {t("status.track")}
        </s-link>
      )}
    </s-stack>
  );
}
