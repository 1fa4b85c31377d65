/** An order's returns for the order status surfaces (order-status.ts), from Aftercare's copy. */
import { getShopTimeZone } from "../shop/time-zone.server";
import { orderReturnStatuses, type OrderReturnStatus } from "./order-status";
import { listOrderReturnCopies } from "./returns.server";

export async function getOrderReturnStatuses(shop: string, orderId: string): Promise<OrderReturnStatus[]> {
  const [copies, timeZone] = await Promise.all([listOrderReturnCopies(shop, orderId), getShopTimeZone(shop)]);
  return orderReturnStatuses(copies, timeZone);
}
