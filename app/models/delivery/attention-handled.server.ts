/**
 * "Mark handled" on the at-risk list: stored on the order, so it survives reloads and syncs (the sync
 * never writes this field), and undone by "Reopen".
 */
import prisma from "../../db.server";

export type HandledOutcome = { ok: true; orderName: string } | { ok: false; error: "unknown_order" };

export async function setOrderHandled(shop: string, orderId: string, handled: boolean, now = new Date()): Promise<HandledOutcome> {
  const order = await prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { name: true, syncedAt: true } });
  if (!order) return { ok: false, error: "unknown_order" };
  await prisma.order.update({
    where: { shop_id: { shop, id: orderId } },
    // syncedAt is the sync's own mark (orders written by this run): the merchant's click keeps it.
    data: { attentionHandledAt: handled ? now : null, syncedAt: order.syncedAt },
  });
  return { ok: true, orderName: order.name };
}
