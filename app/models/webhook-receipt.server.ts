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
const RECEIPT_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * Runs `work` at most once per webhook id. The receipt and the work's writes commit together, so a
 * delivery that fails half-way is retried by Shopify in full, and a redelivery of a handled id is a no-op.
 * Two copies racing on two instances: the second insert of the id waits for the first transaction and
 * then fails on the primary key, so exactly one runs `work` and the other answers "duplicate".
 */
export async function handleWebhookOnce(
  delivery: WebhookDelivery,
  work: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<WebhookOutcome> {
  const seen = await prisma.processedWebhook.findUnique({ where: { webhookId: delivery.webhookId } });
  if (seen) return "duplicate";
  try {
    await prisma.$transaction(async (tx) => {
      await tx.processedWebhook.create({
        data: { webhookId: delivery.webhookId, shop: delivery.shop, topic: delivery.topic },
      });
      await work(tx);
    }, RECEIPT_TRANSACTION);
    return "handled";
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    throw error;
  }
}

export async function countProcessedWebhooks(shop: string): Promise<number> {
  return prisma.processedWebhook.count({ where: { shop } });
}
