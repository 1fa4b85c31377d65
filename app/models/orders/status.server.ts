/**
 * The order-status look-up behind the storefront block: order number plus the order's email, or the
 * logged-in customer who placed it. An unknown order and a wrong email get the same answer, through
 * the same statement (status-facts.server.ts), and no answer leaves before MIN_ANSWER_MS (the returns
 * check works the same way).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { normalizeEmail } from "./contact-details.server";
import type { OrderStatusView } from "./status";
import { MIN_ANSWER_MS, orderNameCandidates, type OrderCheckInput } from "../returns/check.server";
import type { OrderReturnStatus } from "../returns/order-status";
import { orderStatusOf } from "./status-facts";
import { readOrderLookupFacts } from "./status-facts.server";

export type OrderStatusAnswer = { result: "found"; order: OrderStatusView; returns: OrderReturnStatus[] } | { result: "not_found"; order: null };

function sameEmail(stored: string, claimed: string): boolean {
  const digest = (email: string) => createHash("sha256").update(normalizeEmail(email)).digest();
  return timingSafeEqual(digest(stored), digest(claimed));
}

export async function lookUpOrderStatus(
  shop: string,
  input: OrderCheckInput,
  options: { loggedInCustomerId?: string | null; minAnswerMs?: number; now?: Date } = {},
): Promise<OrderStatusAnswer> {
  const started = Date.now();
  const answer = await findStatus(shop, input, options.loggedInCustomerId ?? null, options.now ?? new Date());
  const wait = (options.minAnswerMs ?? MIN_ANSWER_MS) - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return answer;
}

async function findStatus(shop: string, input: OrderCheckInput, loggedInCustomerId: string | null, now: Date): Promise<OrderStatusAnswer> {
  // One statement, the same whether or not the order exists and the email matches.
  const facts = await readOrderLookupFacts(shop, orderNameCandidates(input.orderNumber));
  const emailMatches = sameEmail(facts?.email ?? "", input.email ?? "") && !!facts?.email && input.email !== undefined;
  const customerMatches = !!loggedInCustomerId && facts?.order.customerId === `gid://shopify/Customer/${loggedInCustomerId}`;
  if (!facts || !(emailMatches || customerMatches)) return { result: "not_found", order: null };
  return { result: "found", ...orderStatusOf(facts, now) };
}
