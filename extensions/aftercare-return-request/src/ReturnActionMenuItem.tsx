import "@shopify/ui-extensions/preact";
import { render } from "preact";

/** customer-account.order.action.menu-item.render: "Request a return" in the order list and on the order page; it opens ReturnActionModal. */
export default async () => {
  render(<s-button>{String(shopify.i18n.translate("menu"))}</s-button>, document.body);
};
