/*
 * The billing folder: what a shop pays for and how much it may send.
 * Pure core: plans.ts (plans and monthly allowances), plan-limits.ts (usage against them).
 * Server side: plan.server.ts (the cached plan, read from Shopify's subscriptions), usage.server.ts
 * (this month's count in the shop's time zone), billing.server.ts and plan-upgrade.server.ts (the Billing API).
 */
/**
 * Aftercare's plans: what each one costs and how many emails of each metered kind it sends per
 * calendar month (in the shop's time zone). Pure data and rules, no I/O.
 *
 * - Free: 100 review requests and 100 surveys a month. Reminders ride on a request already counted.
 * - Growth: a Shopify app subscription (Billing API) with a trial; no monthly limits, and the
 *   capabilities below (Shopify Flow triggers).
 */

export type PlanKey = "free" | "growth";

/** The emails a plan meters, named like their outbox `kind`. */
export type MeteredKind = "review_request" | "survey";
export const METERED_KINDS: readonly MeteredKind[] = ["review_request", "survey"];

export const FREE_MONTHLY_REVIEW_REQUESTS = 100;
export const FREE_MONTHLY_SURVEYS = 100;

/** The subscription's name at Shopify, and the key of `shopifyApp({ billing })`. */
export const GROWTH_PLAN_NAME = "Growth";
export const GROWTH_PRICE = { amount: 9.99, currencyCode: "USD" } as const;
export const GROWTH_TRIAL_DAYS = 14;

/** `null` means no limit. */
export type MonthlyLimits = Record<MeteredKind, number | null>;

/** What a plan unlocks beyond its allowances. */
export type PlanCapability = "flow_triggers";

export interface PlanDefinition {
  key: PlanKey;
  title: string;
  limits: MonthlyLimits;
  capabilities: readonly PlanCapability[];
}

export const PLANS: Record<PlanKey, PlanDefinition> = {
  free: {
    key: "free",
    title: "Free",
    limits: { review_request: FREE_MONTHLY_REVIEW_REQUESTS, survey: FREE_MONTHLY_SURVEYS },
    capabilities: [],
  },
  growth: {
    key: "growth",
    title: GROWTH_PLAN_NAME,
    limits: { review_request: null, survey: null },
    capabilities: ["flow_triggers"],
  },
};

/** True when the plan unlocks the capability (Flow triggers: Growth only). */
export function planAllows(plan: PlanKey, capability: PlanCapability): boolean {
  return PLANS[plan].capabilities.includes(capability);
}

/** What Shopify reports in `currentAppInstallation.activeSubscriptions` (the fields the app reads). */
export interface ActiveSubscription {
  id: string;
  name: string;
  status: string;
  test: boolean;
  trialDays: number;
  currentPeriodEnd: string | null;
}

/**
 * The plan an installation's active subscriptions pay for. A test charge counts only outside
 * production (where the app asks for test charges); in production it unlocks nothing.
 */
export function planFromSubscriptions(
  subscriptions: readonly ActiveSubscription[],
  acceptTestCharges: boolean,
): { plan: PlanKey; subscription: ActiveSubscription | null } {
  const paying = subscriptions.find(
    (subscription) =>
      subscription.name === GROWTH_PLAN_NAME && subscription.status === "ACTIVE" && (acceptTestCharges || !subscription.test),
  );
  return paying ? { plan: "growth", subscription: paying } : { plan: "free", subscription: null };
}

/** Billing's `isTest`: every charge is a test charge outside production. */
export function usesTestCharges(nodeEnv: string | undefined): boolean {
  return nodeEnv !== "production";
}
