/**
 * Whether shoppers can look their orders up (order status, return check): both match the order's email,
 * which Aftercare only has when Shopify shares it (protected customer data). The admin home says so when
 * the orders Aftercare holds come with no email at all, so the merchant knows why look-ups fail.
 */
import prisma from "../../db.server";

export type OrderLookupReadiness =
  | { available: true; reason: null }
  /** Orders are synced, yet Shopify shared no shopper's email: no look-up can match. */
  | { available: false; reason: "no_customer_emails"; orders: number };

export async function getOrderLookupReadiness(shop: string): Promise<OrderLookupReadiness> {
  const [sync, orders, contacts] = await Promise.all([
    prisma.orderSync.findUnique({ where: { shop }, select: { state: true } }),
    prisma.order.count({ where: { shop } }),
    prisma.orderContact.count({ where: { shop } }),
  ]);
  // While the first sync runs, the emails are still on their way.
  const settled = !sync || sync.state === "completed" || sync.state === "failed";
  if (settled && orders > 0 && contacts === 0) return { available: false, reason: "no_customer_emails", orders };
  return { available: true, reason: null };
}
