import prisma from "../../db.server";

/**
 * The customer who placed an order, as Aftercare stored it from orders/create or the sync; null when the
 * order is not stored yet (the Thank-you page can come first) or was a guest's.
 */
export async function storedOrderCustomer(shop: string, orderId: string): Promise<string | null> {
  const order = await prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { customerId: true } });
  return order?.customerId ?? null;
}
