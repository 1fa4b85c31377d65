/**
 * The retry of Thank-you page answers whose order metafields Shopify did not take when the shopper
 * answered (app/models/surveys/answer-metafield-writes.server.ts): run with the keep-in-touch tick,
 * every 5 minutes. Each answer is claimed before its try, so a rerun or a second worker never writes
 * one twice; after the outbox's last attempt it stays stored, with Shopify's reason on it.
 */
import type { AdminGraphql } from "../shopify/admin-graphql";
import { claimAnswerRetry, dueAnswerWrites, settleAnswerWrite, tryAnswerWrite } from "../models/surveys/answer-metafield-writes.server";

export interface RetryReport {
  due: number;
  written: number;
  retrying: number;
  failed: number;
}

export interface RetryOptions {
  now?: Date;
  /** The shop's offline Admin client (the job runner's). */
  adminFor: (shop: string) => Promise<AdminGraphql>;
  limit?: number;
}

export async function retryAnswerMetafieldWrites(options: RetryOptions): Promise<RetryReport> {
  const now = options.now ?? new Date();
  const due = await dueAnswerWrites(now, options.limit ?? 100);
  const report: RetryReport = { due: due.length, written: 0, retrying: 0, failed: 0 };
  const clients = new Map<string, Promise<AdminGraphql>>();
  for (const row of due) {
    if (!(await claimAnswerRetry(row, now))) continue;
    let error: string | null;
    try {
      if (!clients.has(row.shop)) clients.set(row.shop, options.adminFor(row.shop));
      const graphql = await clients.get(row.shop)!;
      error = await tryAnswerWrite(graphql, { orderId: row.orderId, option: row.option, otherText: row.otherText, csat: row.csat });
    } catch (failure) {
      // No Admin client for the shop (uninstalled, no offline session).
      error = failure instanceof Response ? `Shopify answered ${failure.status}` : failure instanceof Error ? failure.message : String(failure);
    }
    report[await settleAnswerWrite(row.shop, row.orderId, row.metafieldAttempts + 1, error, now)] += 1;
  }
  return report;
}
