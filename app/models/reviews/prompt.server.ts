/**
 * The storefront review prompt: which of a logged-in customer's synced order lines they may review
 * (fulfilled, not cancelled, a product still named) and which they already reviewed.
 */
import prisma from "../../db.server";

export interface CustomerReviewLine {
  orderId: string;
  orderName: string;
  lineItemId: string;
  productId: string;
  productTitle: string;
  reviewed: boolean;
}

export const customerGid = (loggedInCustomerId: string) => `gid://shopify/Customer/${loggedInCustomerId}`;

/** Orders the customer may review lines of: theirs, sent, not cancelled. Newest first, at most 50. */
async function reviewableOrders(shop: string, customerId: string, orderIds?: readonly string[]) {
  return prisma.order.findMany({
    where: {
      shop,
      customerId,
      cancelledAt: null,
      firstFulfilledAt: { not: null },
      ...(orderIds ? { id: { in: [...orderIds] } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, name: true },
  });
}

export async function listCustomerReviewLines(shop: string, customerId: string): Promise<CustomerReviewLine[]> {
  const orders = await reviewableOrders(shop, customerId);
  if (orders.length === 0) return [];
  const orderIds = orders.map((order) => order.id);
  const [lines, reviews] = await Promise.all([
    prisma.orderLineItem.findMany({ where: { shop, orderId: { in: orderIds }, productId: { not: null } }, orderBy: { id: "asc" } }),
    prisma.review.findMany({ where: { shop, orderId: { in: orderIds } }, select: { lineItemId: true } }),
  ]);
  const names = new Map(orders.map((order) => [order.id, order.name]));
  const reviewed = new Set(reviews.map((review) => review.lineItemId));
  return lines.map((line) => ({
    orderId: line.orderId,
    orderName: names.get(line.orderId) ?? "",
    lineItemId: line.id,
    productId: line.productId ?? "",
    productTitle: line.title,
    reviewed: reviewed.has(line.id),
  }));
}

/** One line of the customer's own sent order, or null (someone else's, unsynced, cancelled or unsent). */
export async function findCustomerReviewLine(shop: string, customerId: string, orderId: string, lineItemId: string) {
  const [order] = await reviewableOrders(shop, customerId, [orderId]);
  if (!order) return null;
  const line = await prisma.orderLineItem.findUnique({ where: { shop_id: { shop, id: lineItemId } } });
  if (!line || line.orderId !== order.id || !line.productId) return null;
  return { orderId: order.id, orderName: order.name, lineItemId: line.id, productId: line.productId, productTitle: line.title };
}
