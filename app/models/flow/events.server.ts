/**
 * Queues Flow trigger events where they happen, each once: (shop, dedupeKey) is unique, so an insert
 * that conflicts means the event is already queued (or sent) and nothing is added. Only shops whose plan
 * has the `flow_triggers` capability (Growth) queue anything. Queueing never fails the merchant's or the
 * shopper's action: a problem is logged and the action goes on. `sendDueFlowEvents` sends them.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import { getCachedShopPlan } from "../billing/plan.server";
import { planAllows } from "../billing/plans";
import { deliveryLateEvent, returnRequestedEvent, type FlowSubject, type QueuedFlowEvent } from "./triggers";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

type EventList = readonly (QueuedFlowEvent | null)[];

/**
 * Queues the events `build` names; returns how many were new. On the Free plan nothing is queued and
 * `build` (which may read the database) is not called.
 */
export async function queueFlowEvents(shop: string, build: () => EventList | Promise<EventList>, now = new Date()): Promise<number> {
  try {
    const plan = await getCachedShopPlan(shop);
    if (!planAllows(plan.plan, "flow_triggers")) return 0;
    const due = (await build()).filter((event): event is QueuedFlowEvent => event !== null);
    let created = 0;
    for (const event of due) {
      try {
        await prisma.flowEvent.create({
          data: {
            id: randomUUID(),
            shop,
            dedupeKey: event.dedupeKey,
            handle: event.handle,
            payloadJson: JSON.stringify(event.payload),
            orderId: event.orderId,
            availableAt: now,
            createdAt: now,
          },
        });
        created += 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return created;
  } catch (error) {
    console.warn(`[flow] ${shop}: events not queued: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
}

/** The order's customer and, for a line, its product: what the triggers' reference fields name. */
export async function flowSubjectOf(shop: string, orderId: string, lineItemId?: string): Promise<FlowSubject> {
  const [order, line] = await Promise.all([
    prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { customerId: true } }),
    lineItemId ? prisma.orderLineItem.findUnique({ where: { shop_id: { shop, id: lineItemId } }, select: { productId: true } }) : null,
  ]);
  return { orderId, customerId: order?.customerId ?? null, productId: line?.productId ?? null };
}

/** "Delivery late", when a delay notice is queued (the scheduled check and "Notify the shopper now"). */
export async function queueDeliveryLate(shop: string, notice: { orderId: string; dedupeKey: string; promisedLatest: string | null }, now = new Date()): Promise<number> {
  return queueFlowEvents(shop, async () => [
    deliveryLateEvent({ ...(await flowSubjectOf(shop, notice.orderId)), noticeKey: notice.dedupeKey, promisedLatest: notice.promisedLatest }),
  ], now);
}

/** A reason seen only as its handle (a returns/request webhook's `size_too_small`) as words: "Size too small". */
function readableReason(handle: string | null): string | null {
  const words = handle?.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : null;
}

/** "Return requested", for a return Aftercare's copy holds as requested (asking again adds nothing). */
export async function queueReturnRequested(
  shop: string,
  copy: { shopifyReturnId: string; name: string | null; orderId: string; customerId: string | null; status: string; lines: readonly { quantity: number; reasonName: string | null; reason: string | null }[] },
  now = new Date(),
): Promise<number> {
  if (copy.status !== "requested") return 0;
  return queueFlowEvents(shop, async () => {
    const subject = await flowSubjectOf(shop, copy.orderId);
    return [
      returnRequestedEvent({
        ...subject,
        customerId: subject.customerId ?? copy.customerId,
        returnId: copy.shopifyReturnId,
        returnName: copy.name,
        lines: copy.lines.map((line) => ({ quantity: line.quantity, reason: line.reasonName ?? readableReason(line.reason) })),
      }),
    ];
  }, now);
}
