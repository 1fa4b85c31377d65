/**
 * What the home page's form posted: an action on one order of the at-risk list, or (no intent) the
 * "Sync orders now" button. Pure: no I/O.
 */

export const ATTENTION_INTENTS = ["notify", "handled", "reopen"] as const;
export type AttentionIntent = (typeof ATTENTION_INTENTS)[number];

export type HomeAction = { kind: "sync" } | { kind: "attention"; intent: AttentionIntent; orderId: string } | { kind: "invalid" };

/** Shopify order ids as the app stores them. */
const ORDER_ID = /^gid:\/\/shopify\/Order\/\d{1,20}$/;

export function parseHomeAction(form: { get(name: string): unknown } | null): HomeAction {
  const intent = form?.get("intent");
  if (intent === null || intent === undefined || intent === "sync") return { kind: "sync" };
  const orderId = form?.get("orderId");
  if (typeof intent !== "string" || !(ATTENTION_INTENTS as readonly string[]).includes(intent)) return { kind: "invalid" };
  if (typeof orderId !== "string" || !ORDER_ID.test(orderId)) return { kind: "invalid" };
  return { kind: "attention", intent: intent as AttentionIntent, orderId };
}
