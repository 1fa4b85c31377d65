import { Prisma } from "@prisma/client";
import prisma from "../db.server";

export interface WebhookDelivery {
  webhookId: string;
  shop: string;
  topic: string;
}

export type WebhookOutcome = "handled" | "duplicate";

/**
 * Runs `work` at most once per webhook id. The receipt and the work's writes commit together, so a
 * delivery that fails half-way is retried by Shopify in full, and a redelivery of a handled id is a no-op.
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
    });
    return "handled";
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    throw error;
  }
}

export async function countProcessedWebhooks(shop: string): Promise<number> {
  return prisma.processedWebhook.count({ where: { shop } });
}
