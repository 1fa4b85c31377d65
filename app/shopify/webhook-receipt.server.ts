import { Prisma } from "@prisma/client";
import prisma from "../db.server";

export interface WebhookDelivery {
  webhookId: string;
  shop: string;
  topic: string;
}

export type WebhookOutcome = "handled" | "duplicate";

/**
 * How long a delivery may wait for a database connection, and run. Busy instances share a connection
 * pool: waiting a little beats answering 500 (which only makes Shopify send the delivery again).
 */
export const RECEIPT_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

/** Thrown out of the transaction when the receipt exists already, so it rolls back whatever the engine. */
class AlreadyHandled extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Inserts the receipt. Only a unique conflict on this insert means "handled before": the same
 * conflict raised by the work (say, a line item stored under another order) is a failure.
 */
async function insertReceipt(tx: Prisma.TransactionClient, delivery: WebhookDelivery): Promise<void> {
  try {
    // createMany: one INSERT, where create would read the row back as well.
    await tx.processedWebhook.createMany({
      data: [{ webhookId: delivery.webhookId, shop: delivery.shop, topic: delivery.topic }],
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyHandled(delivery.webhookId);
    throw error;
  }
}

/**
 * Runs `work` at most once per webhook id. The receipt and the work's writes commit together, so a
 * delivery that fails half-way (any error, unique conflicts included) is rolled back, thrown to the
 * caller and retried by Shopify in full, and a redelivery of a handled id is a no-op.
 * Two copies racing on two instances: the second insert of the id waits for the first transaction and
 * then fails on the primary key, so exactly one runs `work` and the other answers "duplicate" (on
 * PostgreSQL that failure aborts the transaction, which is why it is rolled back, never committed).
 */
export async function handleWebhookOnce(
  delivery: WebhookDelivery,
  work: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<WebhookOutcome> {
  // No look-up first: the receipt's insert finds a handled id (Shopify redelivers about one in ten),
  // and every new delivery saves a query.
  try {
    await prisma.$transaction(async (tx) => {
      await insertReceipt(tx, delivery);
      await work(tx);
    }, RECEIPT_TRANSACTION);
    return "handled";
  } catch (error) {
    if (error instanceof AlreadyHandled) return "duplicate";
    throw error;
  }
}

export async function countProcessedWebhooks(shop: string): Promise<number> {
  return prisma.processedWebhook.count({ where: { shop } });
}
