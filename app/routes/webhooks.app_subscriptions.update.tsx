import type { ActionFunctionArgs } from "@remix-run/node";
import { expireShopPlan, refreshShopPlan } from "../models/billing/plan.server";
import { transportFromGraphql } from "../shopify/admin-transport";
import { authenticateWebhook } from "../shopify/webhooks.server";

/**
 * app_subscriptions/update: a subscription was approved, declined, cancelled, frozen... The payload
 * is only a hint; the plan is read again from Shopify (naturally idempotent), or, without an offline
 * session, marked stale for the next job to refresh.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await authenticateWebhook(request);
  if (!admin) {
    await expireShopPlan(shop);
    return new Response(null, { status: 200 });
  }
  try {
    await refreshShopPlan(shop, transportFromGraphql(admin.graphql));
  } catch (error) {
    // The plans page and the jobs see a stale plan and ask Shopify themselves.
    await expireShopPlan(shop);
    console.warn(`[plans] ${shop}: plan not refreshed on app_subscriptions/update: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new Response(null, { status: 200 });
};
