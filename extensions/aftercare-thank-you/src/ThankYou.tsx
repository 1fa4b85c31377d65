/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { deliveryPromise } from "./delivery-promise";
import { Survey } from "./Survey";

/** The Thank-you page block: when the order arrives, then "How did you hear about us?". */
export default async () => {
  render(<ThankYou />, document.body);
};

/** A calendar date ("2026-12-02") in the shopper's language; noon UTC so no time zone moves the day. */
const dateOf = (iso: string) => shopify.i18n.formatDate(new Date(`${iso}T12:00:00Z`), { timeZone: "UTC", weekday: "short", day: "numeric", month: "long" });

function ThankYou() {
  const promise = deliveryPromise();
  const confirmation = shopify.orderConfirmation.value;
  return (
    <s-stack gap="base">
      {promise ? <s-text>{shopify.i18n.translate("promise", { earliest: dateOf(promise.earliest), latest: dateOf(promise.latest) })}</s-text> : null}
      <Survey orderId={confirmation.order.id} confirmationNumber={confirmation.number ?? null} />
    </s-stack>
  );
}
