import "@shopify/ui-extensions/preact";
import { render } from "preact";

/** customer-account.order.action.menu-item.render: "Write a review" in the order list and on the order page; it opens OrderActionModal. */
export default async () => {
  render(<s-button>{String(shopify.i18n.translate("action.menu"))}</s-button>, document.body);
};
