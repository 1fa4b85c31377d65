import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { ArrivedQuestion } from "./components/ArrivedQuestion";
import { ContactOptions } from "./components/ContactOptions";
import { DeliveryStatus } from "./components/DeliveryStatus";
import { LoadError } from "./components/LoadError";
import { ReturnStatus } from "./components/ReturnStatus";
import { ReviewLines } from "./components/ReviewLines";
import { translator } from "./host";
import { useCustomerOrder } from "./use-customer-order";

/**
 * customer-account.order-status.block.render: where the order is and what was promised, then, once it
 * is delivered, "Did everything arrive as expected?" with help alongside and the review ask for its
 * lines; the shop's contact options always close the block.
 */
export default async () => {
  render(<OrderStatusBlock />, document.body);
};

function OrderStatusBlock() {
  const t = translator(shopify);
  if (shopify.authenticationState.value !== "fully_authenticated") {
    return (
      <s-section heading={t("status.heading")}>
        <s-stack gap="small-200">
          <s-text>{t("login.message")}</s-text>
          <s-button onClick={() => shopify.requireLogin()}>{t("login.button")}</s-button>
        </s-stack>
      </s-section>
    );
  }
  return <SignedInBlock />;
}

function SignedInBlock() {
  const t = translator(shopify);
  const orderId = shopify.order.value?.id ?? null;
  const { state, reload } = useCustomerOrder(shopify, orderId);
  return (
    <s-section heading={t("status.heading")}>
      {state.kind === "loading" && <s-skeleton-paragraph />}
      {state.kind === "error" && <LoadError error={state.error} t={t} onRetry={reload} />}
      {state.kind === "ready" && (
        <s-stack gap="large-100">
          <DeliveryStatus order={state.data.order} t={t} formatDate={shopify.i18n.formatDate} />
          {state.data.lines.length > 0 && orderId && <ArrivedQuestion host={shopify} t={t} orderId={orderId} lines={state.data.lines} channels={state.data.contact} />}
          {state.data.lines.length > 0 && orderId && <ReviewLines host={shopify} t={t} orderId={orderId} lines={state.data.lines} />}
          {(state.data.returns?.length ?? 0) > 0 && <ReturnStatus returns={state.data.returns ?? []} t={t} formatDate={shopify.i18n.formatDate} locale={shopify.localization.language.value?.isoCode} />}
          <ContactOptions channels={state.data.contact} t={t} />
        </s-stack>
      )}
    </s-section>
  );
}
