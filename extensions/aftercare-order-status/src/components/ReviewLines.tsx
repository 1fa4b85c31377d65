import type { ReviewableLine } from "../backend";
import type { Host, Translate } from "../host";
import { ReviewLineForm } from "./ReviewLineForm";

/** The review ask for an order's delivered lines; before delivery, when it can be reviewed. */
export function ReviewLines({ host, t, orderId, lines }: { host: Host; t: Translate; orderId: string; lines: readonly ReviewableLine[] }) {
  if (lines.length === 0) return <s-text color="subdued">{t("review.not_delivered")}</s-text>;
  return (
    <s-stack gap="base">
      <s-heading>{t("review.heading")}</s-heading>
      <s-text color="subdued">{t("review.intro")}</s-text>
      {lines.map((line) => (
        <ReviewLineForm key={line.lineItemId} host={host} t={t} orderId={orderId} line={line} />
      ))}
    </s-stack>
  );
}
