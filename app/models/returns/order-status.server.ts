/** An order's returns for the order status surfaces (order-status.ts), from Aftercare's copy. */
import { getShopTimeZone } from "../shop/time-zone.server";
import { orderReturnStatuses, type OrderReturnStatus } from "./order-status";
import { listOrderReturnFacts } from "./returns.server";

/** `timeZone`: the shop's, when the caller reads it for other parts of the same answer. */
export async function getOrderReturnStatuses(
  shop: string,
  orderId: string,
  timeZone: Promise<string> = getShopTimeZone(shop),
): Promise<OrderReturnStatus[]> {
  const copies = await listOrderReturnFacts(shop, orderId);
  return orderReturnStatuses(copies, await timeZone);
}
