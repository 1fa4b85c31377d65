/**
 * The shop's plan, cached in the database (ShopPlan) so the jobs know their limits without a request.
 * Shopify's Billing API is the source of truth; the cache is refreshed
 * - on the plans page (from `billing.check`),
 * - on the app_subscriptions/update webhook,
 * - by a job, through the shop's offline session, when it is older than PLAN_STALE_AFTER_MS.
 * Without an answer from Shopify the last known plan holds; a shop never seen is on the free plan.
 */
import { ApiVersion } from "@shopify/shopify-app-remix/server";
import prisma from "../../db.server";
import type { ResultOf } from "../../shopify/admin-graphql";
import type { AdminTransport } from "../../shopify/admin-transport";
import { createOfflineTransport } from "../../shopify/offline-admin.server";
import { planFromSubscriptions, usesTestCharges, type ActiveSubscription, type MeteredKind, type PlanKey } from "./plans";

/** A job trusts a cached plan this long before asking Shopify again. */
export const PLAN_STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export const ACTIVE_SUBSCRIPTIONS_QUERY = `#graphql
  query ActiveSubscriptions {
    currentAppInstallation {
      activeSubscriptions {
        id
        name
        status
        test
        trialDays
        currentPeriodEnd
      }
    }
  }
`;

export interface ShopPlanView {
  shop: string;
  plan: PlanKey;
  /** The paying subscription (Growth), when there is one. */
  subscriptionId: string | null;
  status: string | null;
  test: boolean;
  trialDays: number | null;
  currentPeriodEnd: Date | null;
  checkedAt: Date;
  /** What the jobs held back at their last run, by kind. */
  held: Record<MeteredKind, number>;
}

type ShopPlanRow = NonNullable<Awaited<ReturnType<typeof prisma.shopPlan.findUnique>>>;

function toView(row: ShopPlanRow): ShopPlanView {
  return {
    shop: row.shop,
    plan: row.plan === "growth" ? "growth" : "free",
    subscriptionId: row.subscriptionId,
    status: row.status,
    test: row.test,
    trialDays: row.trialDays,
    currentPeriodEnd: row.currentPeriodEnd,
    checkedAt: row.checkedAt,
    held: { review_request: row.heldReviewRequests, survey: row.heldSurveys },
  };
}

/** A shop Shopify never told us about: free, and due for a check. */
function unknownPlan(shop: string): ShopPlanView {
  return {
    shop,
    plan: "free",
    subscriptionId: null,
    status: null,
    test: false,
    trialDays: null,
    currentPeriodEnd: null,
    checkedAt: new Date(0),
    held: { review_request: 0, survey: 0 },
  };
}

export async function getCachedShopPlan(shop: string): Promise<ShopPlanView> {
  const row = await prisma.shopPlan.findUnique({ where: { shop } });
  return row ? toView(row) : unknownPlan(shop);
}

/** Stores what Shopify reported as the installation's active subscriptions. */
export async function saveShopPlan(shop: string, subscriptions: readonly ActiveSubscription[], now = new Date()): Promise<ShopPlanView> {
  const { plan, subscription } = planFromSubscriptions(subscriptions, usesTestCharges(process.env.NODE_ENV));
  const data = {
    plan,
    subscriptionId: subscription?.id ?? null,
    status: subscription?.status ?? null,
    test: subscription?.test ?? false,
    trialDays: subscription?.trialDays ?? null,
    currentPeriodEnd: subscription?.currentPeriodEnd ? new Date(subscription.currentPeriodEnd) : null,
    checkedAt: now,
  };
  const row = await prisma.shopPlan.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return toView(row);
}

/** Asks Shopify for the installation's active subscriptions. */
export async function fetchActiveSubscriptions(admin: AdminTransport): Promise<ActiveSubscription[]> {
  const result = await admin<ResultOf<typeof ACTIVE_SUBSCRIPTIONS_QUERY>>(ACTIVE_SUBSCRIPTIONS_QUERY);
  const installation = result.data?.currentAppInstallation;
  if (result.errors.length > 0 || !installation) {
    throw new Error(`Shopify did not report the subscriptions: ${result.errors.map((error) => error.message).join("; ") || "no data"}`);
  }
  return installation.activeSubscriptions;
}

export async function refreshShopPlan(shop: string, admin: AdminTransport, now = new Date()): Promise<ShopPlanView> {
  return saveShopPlan(shop, await fetchActiveSubscriptions(admin), now);
}

/** An Admin transport on the shop's offline session, or null when the shop has none (uninstalled). */
export async function offlineTransportFor(shop: string): Promise<AdminTransport | null> {
  const session = await prisma.session.findFirst({ where: { shop, isOnline: false }, select: { accessToken: true } });
  if (!session?.accessToken) return null;
  return createOfflineTransport({ shop, accessToken: session.accessToken, apiVersion: ApiVersion.July26 });
}

export interface PlanLookupOptions {
  now?: Date;
  /** The shop's offline Admin transport (default: from its stored offline session). */
  adminFor?: (shop: string) => Promise<AdminTransport | null>;
}

/**
 * The plan a job should apply: the cached one while fresh, otherwise refreshed from Shopify. A failed
 * refresh keeps the last known plan (a free shop stays limited, a paying shop keeps paying's benefits).
 */
export async function getShopPlanForJob(shop: string, options: PlanLookupOptions = {}): Promise<ShopPlanView> {
  const now = options.now ?? new Date();
  const cached = await getCachedShopPlan(shop);
  if (now.getTime() - cached.checkedAt.getTime() < PLAN_STALE_AFTER_MS) return cached;
  const admin = await (options.adminFor ?? offlineTransportFor)(shop);
  if (!admin) return cached;
  try {
    return await refreshShopPlan(shop, admin, now);
  } catch (error) {
    console.warn(`[plans] ${shop}: plan not refreshed, keeping ${cached.plan}: ${error instanceof Error ? error.message : String(error)}`);
    return cached;
  }
}

/** Marks the cached plan as stale so the next job asks Shopify (a webhook without an Admin client). */
export async function expireShopPlan(shop: string): Promise<void> {
  await prisma.shopPlan.updateMany({ where: { shop }, data: { checkedAt: new Date(0) } });
}

/** Records how many messages of a kind a job held back (0 once everything went out). */
export async function recordHeldMessages(shop: string, kind: MeteredKind, held: number): Promise<void> {
  const data = kind === "review_request" ? { heldReviewRequests: held } : { heldSurveys: held };
  await prisma.shopPlan.upsert({ where: { shop }, create: { shop, checkedAt: new Date(0), ...data }, update: data });
}
