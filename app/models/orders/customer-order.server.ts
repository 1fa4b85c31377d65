/**
 * One order of a logged-in customer, for the customer account order-status extension: the same status
 * facts the storefront's order-status look-up reads (app/models/orders/status.server.ts), found by the
 * order's id and answered only when the order belongs to that customer.
 */
import prisma from "../../db.server";
import { contactChannels } from "../contact/options";
import { getContactOptions } from "../contact/options.server";
import { getOrderReturnStatuses } from "../returns/order-status.server";
import { getShopTimeZone } from "../shop/time-zone.server";
import { statusViewOf } from "./status.server";
import { customerOrderAnswer, type CustomerOrderAnswer } from "./customer-account-order";

/** The order's answer, or null when it is unknown to the app or another customer's. */
export async function loadCustomerOrder(shop: string, customerId: string, orderId: string, now = new Date()): Promise<CustomerOrderAnswer | null> {
  const order = await prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } } });
  if (!order || order.customerId !== customerId) return null;

  const timeZone = getShopTimeZone(shop);
  const [view, lines, reviews, contact, returns] = await Promise.all([
    statusViewOf(shop, order, now, timeZone),
    prisma.orderLineItem.findMany({ where: { shop, orderId, productId: { not: null } }, orderBy: { id: "asc" } }),
    prisma.review.findMany({ where: { shop, orderId }, select: { lineItemId: true } }),
    getContactOptions(shop),
    getOrderReturnStatuses(shop, orderId, timeZone),
  ]);
  if (!view) return null;
  const reviewed = new Set(reviews.map((review) => review.lineItemId));
  return customerOrderAnswer(
    view,
    lines.map((line) => ({ lineItemId: line.id, productTitle: line.title, reviewed: reviewed.has(line.id) })),
    contactChannels(contact),
    returns,
  );
}
