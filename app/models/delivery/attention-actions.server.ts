/** The at-risk list's actions on one order, as the home page's action runs them. */
import type { AttentionIntent } from "./attention-actions";
import { setOrderHandled } from "./attention-handled.server";
import { notifyShopperNow, type NotifyOutcome } from "../delays/notify-shopper.server";

export type AttentionActionResult =
  | { ok: true; intent: AttentionIntent; orderId: string; orderName: string }
  | { ok: false; intent: AttentionIntent | null; orderId: string | null; error: AttentionError; orderName?: string; sentAt?: string };

export type AttentionError = Extract<NotifyOutcome, { ok: false }>["error"] | "invalid";

export async function runAttentionAction(shop: string, intent: AttentionIntent, orderId: string, now = new Date()): Promise<AttentionActionResult> {
  const outcome = intent === "notify" ? await notifyShopperNow(shop, orderId, now) : await setOrderHandled(shop, orderId, intent === "handled", now);
  if (outcome.ok) return { ok: true, intent, orderId, orderName: outcome.orderName };
  return { intent, orderId, ...outcome };
}

/**
 * The HTTP status of an action's answer. Outcomes that changed what the row shows (the notice was
 * already sent, is being sent, or waits for a retry) answer 200, so the page reloads its figures.
 */
export function attentionResponseStatus(result: AttentionActionResult): number {
  if (result.ok) return 200;
  switch (result.error) {
    case "unknown_order":
      return 404;
    case "invalid":
      return 400;
    case "no_email":
      return 422;
    case "not_open":
      return 409;
    default:
      return 200;
  }
}
