/**
 * The Flow action "Send Aftercare review request now": what Flow posts to the action's runtime_url and
 * how it is signed. Pure: no I/O.
 *
 * Flow signs the raw request body with the app's client secret: `x-shopify-hmac-sha256` is the base64
 * HMAC-SHA256 of the body. The body names the shop (`shop_id`, `shopify_domain`), the run
 * (`action_run_id`, the same when Flow retries) and the merchant's fields under `properties`; an
 * `order_reference` field arrives as `order_id`, the order's numeric id.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const REVIEW_REQUEST_ACTION_HANDLE = "send-review-request";

/** True when `signature` is the base64 HMAC-SHA256 of `rawBody` under `secret` (constant-time compare). */
export function verifyFlowHmac(rawBody: string, signature: string | null, secret: string): boolean {
  if (!signature || !secret) return false;
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest();
  let given: Buffer;
  try {
    given = Buffer.from(signature, "base64");
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** An order's numeric id as Flow sends it (a number or digits), or its gid; becomes the gid. */
const ORDER_ID = /^(?:gid:\/\/shopify\/Order\/)?(\d+)$/;
const orderId = z.unknown().transform((value, context) => {
  const digits = typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? String(value) : typeof value === "string" ? ORDER_ID.exec(value.trim())?.[1] : undefined;
  if (!digits) {
    context.addIssue({ code: z.ZodIssueCode.custom, message: "properties.order_id must be an order's numeric id" });
    return z.NEVER;
  }
  return `gid://shopify/Order/${digits}`;
});

export const reviewRequestActionBody = z.object({
  shop_id: z.union([z.number(), z.string()]),
  shopify_domain: z.string().trim().toLowerCase().regex(SHOP_DOMAIN, "shopify_domain must be a myshopify.com domain"),
  action_run_id: z.string().min(1).optional(),
  handle: z.string().optional(),
  properties: z.object({ order_id: orderId }, { required_error: "properties.order_id is required", invalid_type_error: "properties must be an object" }),
});

export type ReviewRequestActionBody = z.infer<typeof reviewRequestActionBody>;

/** The body, or the first problem as a sentence for the 400 answer. */
export function parseReviewRequestAction(raw: string): { ok: true; body: ReviewRequestActionBody } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "The body is not JSON" };
  }
  const parsed = reviewRequestActionBody.safeParse(json);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".");
  const message = issue?.message ?? "Invalid body";
  return { ok: false, error: message.includes(".") || !path ? message : `${path}: ${message}` };
}
