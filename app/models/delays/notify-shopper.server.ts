/**
 * "Notify the shopper now" on the at-risk list: the delay notice the scheduled check would send, sent
 * right away through the outbox. It is written under the dedupe key the check uses for the same promise
 * (`delay:<order>:<promised date>`), so a second click or the next scheduled run finds it and sends
 * nothing more.
 */
import prisma from "../../db.server";
import { delayDedupeKey, detectDelay, isOpenOrder, promisedLatestOf } from "./delay";
import { getDelayFacts } from "./delay.server";
import { buildDelayNotices } from "./notice.server";
import type { ShipmentStatus } from "../orders/record";
import { enqueueEmail, sendDueEmails } from "../email/outbox.server";
import { queueDeliveryLate } from "../flow/events.server";

export type NotifyOutcome =
  | { ok: true; status: "sent"; orderName: string; sentAt: string }
  | { ok: false; error: "unknown_order" | "not_open" | "no_email" | "already_sent" | "sending" | "send_failed"; orderName?: string; sentAt?: string };

export async function notifyShopperNow(shop: string, orderId: string, now = new Date()): Promise<NotifyOutcome> {
  const order = await prisma.order.findUnique({
    where: { shop_id: { shop, id: orderId } },
    select: { id: true, name: true, shipmentStatus: true, openEstimateAt: true },
  });
  if (!order) return { ok: false, error: "unknown_order" };
  const orderName = order.name;
  if (!isOpenOrder(order.shipmentStatus as ShipmentStatus)) return { ok: false, error: "not_open", orderName };

  const facts = (await getDelayFacts(shop, [order])).get(order.id)!;
  const verdict = detectDelay(facts, now);
  const promisedLatest = verdict?.promisedLatest ?? promisedLatestOf(facts);
  const dedupeKey = verdict?.dedupeKey ?? delayDedupeKey(order.id, promisedLatest);

  const existing = await prisma.outboxMessage.findUnique({ where: { shop_dedupeKey: { shop, dedupeKey } } });
  if (existing?.status === "sent") return { ok: false, error: "already_sent", orderName, sentAt: (existing.sentAt ?? now).toISOString() };

  let id = existing?.id;
  if (!id) {
    const message = (await buildDelayNotices(shop, [{ orderId: order.id, orderName, promisedLatest, dedupeKey }])).get(order.id);
    if (!message) return { ok: false, error: "no_email", orderName };
    const queued = await enqueueEmail(message, now);
    id = queued.id;
    if (queued.created) await queueDeliveryLate(shop, { orderId: order.id, dedupeKey, promisedLatest }, now);
  }
  // Due now, even when it was waiting for a retry or had been set aside as failed: the merchant asked.
  await prisma.outboxMessage.updateMany({ where: { id, status: { in: ["pending", "failed"] } }, data: { status: "pending", availableAt: now } });
  await sendDueEmails({ now, shop, ids: [id] });

  const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id }, select: { status: true, sentAt: true } });
  if (after.status === "sent") return { ok: true, status: "sent", orderName, sentAt: (after.sentAt ?? now).toISOString() };
  return { ok: false, error: after.status === "sending" ? "sending" : "send_failed", orderName };
}
