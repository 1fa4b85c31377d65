import type { OrderReturn } from "../backend";
import type { Translate } from "../host";

const REASONS = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"];

/** The order's returns: each one's state in the shopper's language, its label and tracking links, why it was declined. */
interface Props {
  returns: OrderReturn[];
  t: Translate;
  formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
  /** The shopper's language, for the refunded amount. */
  locale?: string;
}

export function ReturnStatus({ returns, t, formatDate, locale }: Props) {
  const money = (refund: OrderReturn["refund"]) => {
    if (!refund) return "";
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency: refund.currency }).format(Number(refund.amount));
    } catch {
      return `${refund.amount} ${refund.currency}`;
    }
  };
  return (
    <s-stack gap="small-200">
      <s-heading>{t("returns.heading")}</s-heading>
      {returns.map((entry, index) => (
        <s-stack key={entry.name ?? index} gap="small-100">
          <s-text>
            {t(`returns.${entry.state}`, {
              name: entry.name ?? "",
              date: formatDate(new Date(`${entry.requestedOn}T12:00:00Z`), { day: "numeric", month: "long", timeZone: "UTC" }),
              amount: money(entry.refund),
            })}
          </s-text>
          {entry.declineReason && <s-text>{t(`returns.${REASONS.includes(entry.declineReason) ? entry.declineReason : "OTHER"}`)}</s-text>}
          {entry.declineNote && <s-text color="subdued">{entry.declineNote}</s-text>}
          {entry.labelUrl && <s-link href={entry.labelUrl} target="_blank">{t("returns.label")}</s-link>}
          {entry.trackingUrl && <s-link href={entry.trackingUrl} target="_blank">{t("returns.tracking")}</s-link>}
        </s-stack>
      ))}
    </s-stack>
  );
}
