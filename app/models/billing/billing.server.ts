/**
 * Upgrade, cancel and check through the Billing API of `authenticate.admin` (shopifyApp({ billing })).
 * Routes hand in `billing` from `authenticate.admin(request)`; every charge is a test charge outside
 * production.
 */
import { saveShopPlan, type ShopPlanView } from "./plan.server";
import { GROWTH_PLAN_NAME, usesTestCharges, type ActiveSubscription } from "./plans";

/** The part of `authenticate.admin(request).billing` the plans page uses. */
export interface AdminBilling {
  check(options: { plans: Array<typeof GROWTH_PLAN_NAME>; isTest: boolean }): Promise<{ appSubscriptions: ActiveSubscription[] }>;
  request(options: { plan: typeof GROWTH_PLAN_NAME; isTest: boolean; returnUrl: string }): Promise<never>;
  cancel(options: { subscriptionId: string; isTest: boolean; prorate: boolean }): Promise<unknown>;
}

export const isTestCharge = () => usesTestCharges(process.env.NODE_ENV);

/**
 * Where Shopify sends the merchant after the approval page: back into the admin, which opens the
 * app's plans page embedded (Shopify adds `charge_id`).
 */
export function plansReturnUrl(shop: string, apiKey: string): string {
  const store = shop.replace(/\.myshopify\.com$/, "");
  return `https://admin.shopify.com/store/${store}/apps/${apiKey}/app/plans`;
}

/** Asks Shopify which plan the shop pays for, and caches the answer for the jobs. */
export async function checkShopPlan(shop: string, billing: AdminBilling, now = new Date()): Promise<ShopPlanView> {
  const { appSubscriptions } = await billing.check({ plans: [GROWTH_PLAN_NAME], isTest: isTestCharge() });
  return saveShopPlan(shop, appSubscriptions, now);
}

/**
 * Creates the Growth subscription and sends the merchant to Shopify's approval page. Never returns:
 * the library throws the redirect that leaves the admin iframe (a 401 with the reauthorize header for
 * a fetch from App Bridge, an exit-iframe page for a document request).
 */
export async function requestGrowthPlan(billing: AdminBilling, returnUrl: string): Promise<never> {
  return billing.request({ plan: GROWTH_PLAN_NAME, isTest: isTestCharge(), returnUrl });
}

/** Cancels the shop's Growth subscription (prorated) and caches the free plan. */
export async function cancelGrowthPlan(shop: string, billing: AdminBilling, subscriptionId: string, now = new Date()): Promise<ShopPlanView> {
  await billing.cancel({ subscriptionId, isTest: isTestCharge(), prorate: true });
  return checkShopPlan(shop, billing, now);
}
