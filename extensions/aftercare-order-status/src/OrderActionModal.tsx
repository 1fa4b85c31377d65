import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { LoadError } from "./components/LoadError";
import { ReviewLines } from "./components/ReviewLines";
import { translator } from "./host";
import { useCustomerOrder } from "./use-customer-order";

/** customer-account.order.action.render: the modal "Write a review" opens, with the order's delivered lines to review. */
export default async () => {
  render(<OrderActionModal />, document.body);
};

function OrderActionModal() {
  const t = translator(shopify);
  const { state, reload } = useCustomerOrder(shopify, shopify.orderId);
  return (
    <s-customer-account-action heading={t("action.heading")}>
      {state.kind === "loading" && <s-skeleton-paragraph />}
      {state.kind === "error" && <LoadError error={state.error} t={t} onRetry={reload} />}
      {state.kind === "ready" && <ReviewLines host={shopify} t={t} orderId={shopify.orderId} lines={state.data.lines} />}
      <s-button slot="primary-action" onClick={() => shopify.close()}>
        {t("action.close")}
      </s-button>
    </s-customer-account-action>
  );
}
