import { Prisma } from "@prisma/client";
import prisma from "../db.server";
import { RECEIPT_TRANSACTION, handleWebhookOnce, type WebhookDelivery, type WebhookOutcome } from "./webhook-receipt.server";

/**
 * Group commit for the busiest webhooks (orders, fulfillments). Deliveries of one kind for one shop that
 * arrive while the instance is writing the previous ones share the next transaction: one BEGIN and
 * COMMIT, one INSERT of all their receipts, and one call of the kind's `apply` with all their items
 * (which can write them with a few statements for the lot). A delivery arriving on an idle instance
 * runs at once, alone, as before; the busier the instance, the larger the batches.
 *
 * Each delivery is still answered only after its writes are committed, and still at most once per
 * webhook id: a receipt that exists (a redelivery, or the same id twice in one batch) makes the
 * delivery a duplicate, and another instance's uncommitted receipt is waited for by the INSERT.
 * When a batch fails, each of its deliveries is tried again in a transaction of its own, so one bad
 * delivery is answered 503 (Shopify sends it again) without failing the others.
 */

export interface WebhookBatchKind<T> {
  /** Deliveries of the same kind and shop may share a transaction. */
  readonly name: string;
  /** The most deliveries in one transaction. */
  readonly maxBatch: number;
  /** Writes the new deliveries' items, in arrival order, inside the batch's transaction. */
  apply(tx: Prisma.TransactionClient, shop: string, items: readonly T[]): Promise<void>;
}

interface Pending<T> {
  delivery: WebhookDelivery;
  item: T;
  resolve(outcome: WebhookOutcome): void;
  reject(error: unknown): void;
}

interface Lane {
  queue: Pending<never>[];
  draining: boolean;
}

const lanes = new Map<string, Lane>();

/** Runs the delivery's item through `kind.apply`, in a batch with whatever else is waiting. */
export function handleWebhookInBatch<T>(delivery: WebhookDelivery, kind: WebhookBatchKind<T>, item: T): Promise<WebhookOutcome> {
  const key = `${kind.name}\n${delivery.shop}`;
  let lane = lanes.get(key);
  if (!lane) {
    lane = { queue: [], draining: false };
    lanes.set(key, lane);
  }
  const outcome = new Promise<WebhookOutcome>((resolve, reject) => {
    lane.queue.push({ delivery, item, resolve, reject } as Pending<never>);
  });
  if (!lane.draining) void drain(key, lane, kind as WebhookBatchKind<unknown>);
  return outcome;
}

async function drain(key: string, lane: Lane, kind: WebhookBatchKind<unknown>): Promise<void> {
  lane.draining = true;
  try {
    while (lane.queue.length > 0) {
      const batch: Pending<unknown>[] = lane.queue.splice(0, kind.maxBatch);
      await runBatch(kind, batch);
    }
  } finally {
    lane.draining = false;
    if (lane.queue.length === 0) lanes.delete(key);
  }
}

async function runBatch(kind: WebhookBatchKind<unknown>, batch: Pending<unknown>[]): Promise<void> {
  if (batch.length === 1) return runAlone(kind, batch[0]);
  let handled: Set<Pending<unknown>>;
  try {
    handled = await prisma.$transaction(async (tx) => {
      const fresh = await insertReceipts(tx, batch.map((pending) => pending.delivery));
      const seen = new Set<string>();
      // The first copy of each id whose receipt this transaction wrote; later copies are duplicates.
      const mine = batch.filter((pending) => {
        const id = pending.delivery.webhookId;
        if (seen.has(id) || !fresh.has(id)) return false;
        seen.add(id);
        return true;
      });
      if (mine.length > 0) await kind.apply(tx, batch[0].delivery.shop, mine.map((pending) => pending.item));
      return new Set(mine);
    }, RECEIPT_TRANSACTION);
  } catch {
    // Nothing of the batch was committed: each delivery on its own, so only a bad one fails.
    for (const pending of batch) await runAlone(kind, pending);
    return;
  }
  for (const pending of batch) pending.resolve(handled.has(pending) ? "handled" : "duplicate");
}

async function runAlone(kind: WebhookBatchKind<unknown>, pending: Pending<unknown>): Promise<void> {
  try {
    pending.resolve(await handleWebhookOnce(pending.delivery, (tx) => kind.apply(tx, pending.delivery.shop, [pending.item])));
  } catch (error) {
    pending.reject(error);
  }
}

/**
 * One INSERT for the batch's receipts, in id order (so two instances' batches never wait on each other
 * in a circle); answers the ids this transaction inserted. A receipt already committed is skipped; one
 * another transaction holds uncommitted is waited for, then skipped or taken.
 */
async function insertReceipts(tx: Prisma.TransactionClient, deliveries: readonly WebhookDelivery[]): Promise<Set<string>> {
  const distinct = [...new Map(deliveries.map((delivery) => [delivery.webhookId, delivery])).values()].sort((a, b) =>
    a.webhookId < b.webhookId ? -1 : a.webhookId > b.webhookId ? 1 : 0,
  );
  const now = new Date();
  const rows = await tx.$queryRaw<Array<{ webhookId: string }>>`
    INSERT INTO "ProcessedWebhook" ("webhookId", "shop", "topic", "receivedAt")
    VALUES ${Prisma.join(distinct.map((delivery) => Prisma.sql`(${delivery.webhookId}, ${delivery.shop}, ${delivery.topic}, ${now})`))}
    ON CONFLICT ("webhookId") DO NOTHING
    RETURNING "webhookId"`;
  return new Set(rows.map((row) => row.webhookId));
}
