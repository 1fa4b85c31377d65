/**
 * Getting a Thank-you page answer onto its order's metafields, however long Shopify takes to accept it.
 * The answer row is the record: the request that stores it makes the first write; when that fails
 * (network, THROTTLED, a refusal in userErrors) the answer stays stored and the keep-in-touch job tries
 * again (app/jobs/survey-metafields.server.ts) with the outbox's backoff until the write lands, then
 * never again. Each try first claims the row (one conditional UPDATE that bumps the attempt count), so
 * two workers never try the same answer at once, and a claim left by a crashed worker is taken over
 * once its lease has passed.
 */
import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { afterFailedAttempt, SEND_LEASE_MS } from "../email/outbox-policy";
import { writeAnswerMetafields } from "./answer-metafields.server";
import type { SurveyAnswer } from "./attribution";

/** How long one try may hold an answer before another worker may take it over. */
export const METAFIELD_WRITE_LEASE_MS = SEND_LEASE_MS;

/** The columns a newly stored answer starts with: its first try (the request's own) under way. */
export function firstWriteClaim(now: Date): Pick<Prisma.CheckoutSurveyAnswerUncheckedCreateInput, "metafieldAttempts" | "metafieldRetryAt"> {
  return { metafieldAttempts: 1, metafieldRetryAt: new Date(now.getTime() + METAFIELD_WRITE_LEASE_MS) };
}

/** Shopify's refusal or the failure, as a message; null once the metafields are written. */
export async function tryAnswerWrite(graphql: AdminGraphql, answer: SurveyAnswer): Promise<string | null> {
  try {
    return await writeAnswerMetafields(graphql, answer);
  } catch (error) {
    if (error instanceof Response) return `Shopify answered ${error.status}`;
    return error instanceof Error ? error.message : String(error);
  }
}

export type WriteOutcome = "written" | "retrying" | "failed";

/**
 * Records how try number `attempt` went, if that try still holds the row: written, due again after the
 * backoff, or given up after the last attempt (the reason stays on the answer).
 */
export async function settleAnswerWrite(shop: string, orderId: string, attempt: number, error: string | null, now: Date): Promise<WriteOutcome> {
  const ours = { shop, orderId, metafieldWrittenAt: null, metafieldAttempts: attempt };
  if (error === null) {
    await prisma.checkoutSurveyAnswer.updateMany({ where: ours, data: { metafieldWrittenAt: now, metafieldError: null, metafieldRetryAt: null } });
    return "written";
  }
  const next = afterFailedAttempt(attempt, false, now);
  await prisma.checkoutSurveyAnswer.updateMany({
    where: ours,
    data: { metafieldError: error.slice(0, 500), metafieldRetryAt: next.status === "pending" ? next.availableAt : null },
  });
  return next.status === "pending" ? "retrying" : "failed";
}

/** The request's first write of an answer just stored with `firstWriteClaim`. */
export async function writeStoredAnswer(shop: string, answer: SurveyAnswer, graphql: AdminGraphql, now = new Date()): Promise<WriteOutcome> {
  return settleAnswerWrite(shop, answer.orderId, 1, await tryAnswerWrite(graphql, answer), now);
}

/** Claims a due answer for try number `attempt` (its stored count + 1); false when another worker has it. */
export async function claimAnswerRetry(row: { shop: string; orderId: string; metafieldAttempts: number }, now: Date): Promise<boolean> {
  const { count } = await prisma.checkoutSurveyAnswer.updateMany({
    where: { shop: row.shop, orderId: row.orderId, metafieldWrittenAt: null, metafieldAttempts: row.metafieldAttempts, metafieldRetryAt: { lte: now } },
    data: { metafieldAttempts: row.metafieldAttempts + 1, metafieldRetryAt: new Date(now.getTime() + METAFIELD_WRITE_LEASE_MS) },
  });
  return count === 1;
}

/** Answers whose write is due again, oldest first. */
export function dueAnswerWrites(now: Date, limit: number) {
  return prisma.checkoutSurveyAnswer.findMany({
    where: { metafieldWrittenAt: null, metafieldRetryAt: { lte: now } },
    orderBy: { metafieldRetryAt: "asc" },
    take: limit,
  });
}
