import { json, type ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { parseReviewRequestAction, verifyFlowHmac } from "../models/flow/action";
import { requestReviewNow } from "../models/flow/review-request-action.server";

/**
 * Shopify Flow's "Send Aftercare review request now" (extensions/flow-send-review-request): Flow posts
 * the run here, signed with the app secret (`x-shopify-hmac-sha256`). A forged or unsigned body gets 401;
 * a body that is not the action's, an unknown order or one with nothing to ask gets 400 with `error`;
 * otherwise the order's review request is queued once (a retried run queues nothing more) and Flow gets 200.
 */
const ERRORS = {
  unknown_order: "Aftercare does not know this order (it may not be synced yet)",
  cancelled: "The order is cancelled: no review is asked for it",
  no_email: "The order has no email address on file",
  nothing_to_review: "The order has no line left to review",
} as const;

const noStore = { "Cache-Control": "no-store" };

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return json({ error: "Use POST" }, { status: 405, headers: noStore });
  const raw = await request.text();
  const secret = env().SHOPIFY_API_SECRET;
  if (!verifyFlowHmac(raw, request.headers.get("x-shopify-hmac-sha256"), secret)) {
    return json({ error: "Invalid HMAC signature" }, { status: 401, headers: noStore });
  }
  const parsed = parseReviewRequestAction(raw);
  if (!parsed.ok) return json({ error: parsed.error }, { status: 400, headers: noStore });
  const shop = parsed.body.shopify_domain;
  const installed = await prisma.shop.findFirst({ where: { domain: shop, uninstalledAt: null }, select: { domain: true } });
  if (!installed) return json({ error: "Aftercare is not installed on this shop" }, { status: 400, headers: noStore });

  const outcome = await requestReviewNow(shop, parsed.body.properties.order_id, secret);
  if (!outcome.ok) return json({ error: ERRORS[outcome.error] }, { status: 400, headers: noStore });
  return json({ queued: outcome.queued, alreadyQueued: outcome.alreadyQueued, heldByPlan: outcome.heldByPlan }, { headers: noStore });
};

export const loader = () => json({ error: "Use POST" }, { status: 405, headers: noStore });
