/**
 * Help asked for from the customer account's order status page: stored as a help request on the line of
 * the logged-in customer's own delivered order, where the merchant sees the storefront's (Reviews → Help
 * requests) and with the same Shopify Flow trigger ("Help requested").
 */
import { loadCustomerOrder } from "../orders/customer-order.server";
import type { CustomerHelp } from "./customer-account-help";
import { findCustomerReviewLine } from "./prompt.server";
import { openHelpRequest } from "./review.server";

export async function requestCustomerHelp(shop: string, customerId: string, help: CustomerHelp, now = new Date()): Promise<{ requested: boolean }> {
  const order = await loadCustomerOrder(shop, customerId, help.orderId, now);
  if (!order || !order.lines.some((line) => line.lineItemId === help.lineItemId)) return { requested: false };
  const line = await findCustomerReviewLine(shop, customerId, help.orderId, help.lineItemId);
  if (!line) return { requested: false };
  await openHelpRequest(shop, { orderId: line.orderId, lineItemId: line.lineItemId, message: help.message }, now);
  return { requested: true };
}
