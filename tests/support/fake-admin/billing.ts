/**
 * App subscriptions for the fake Admin API (Billing API, 2026-07 schema): `appSubscriptionCreate`
 * (PENDING until the merchant approves on the confirmation page), `appSubscriptionCancel`, and
 * `currentAppInstallation { activeSubscriptions }`.
 *
 * The merchant's side, as Shopify runs it:
 *   GET  <confirmationUrl>            a tiny approval page (Approve / Decline)
 *   POST <confirmationUrl> approve=1  the subscription turns ACTIVE, 302 to `returnUrl?charge_id=<id>`
 * Tests may also call `fakeBilling(fake.state).approve(id)` directly.
 * Approving replaces the shop's other active subscription (Shopify's STANDARD replacement).
 */
import { legacyIdOf } from "./ids";
import type { ResolverContext } from "./resolvers";
import type { FakeAdminState } from "./state";

type Args = Record<string, unknown>;

export type FakeSubscriptionStatus = "PENDING" | "ACTIVE" | "DECLINED" | "CANCELLED" | "EXPIRED" | "FROZEN";

interface MoneyRecord {
  amount: string;
  currencyCode: string;
}

interface FakeLineItem {
  id: string;
  plan: {
    pricingDetails:
      | { __typename: "AppRecurringPricing"; interval: string; price: MoneyRecord; discount: null; planHandle: null }
      | { __typename: "AppUsagePricing"; terms: string; cappedAmount: MoneyRecord; balanceUsed: MoneyRecord; interval: "EVERY_30_DAYS" };
  };
}

export interface FakeSubscription {
  __typename: "AppSubscription";
  id: string;
  name: string;
  status: FakeSubscriptionStatus;
  test: boolean;
  trialDays: number;
  createdAt: string;
  currentPeriodEnd: string | null;
  returnUrl: string;
  lineItems: FakeLineItem[];
}

interface UserError {
  field: string[] | null;
  message: string;
}

export interface FakeBilling {
  /** Every subscription the app created, oldest first. */
  readonly subscriptions: readonly FakeSubscription[];
  active(): FakeSubscription[];
  /** The merchant approves: ACTIVE, other active ones cancelled. Returns the URL Shopify sends them to. */
  approve(id: string): string;
  /** The merchant declines. Returns the URL Shopify sends them to. */
  decline(id: string): string;
  /** The confirmation URL of a subscription (what appSubscriptionCreate answered). */
  confirmationUrl(id: string): string;
}

const DAY_MS = 86_400_000;
const PERIOD_DAYS = 30;
const FIRST_SUBSCRIPTION_ID = 29_000_000_001;
const CONFIRMATION_PATH = /^\/admin\/charges\/(\d+)\/confirm_recurring_application_charge$/;

interface BillingStore extends FakeBilling {
  create(args: Args): { appSubscription: FakeSubscription | null; confirmationUrl: string | null; userErrors: UserError[] };
  cancel(id: string): { appSubscription: FakeSubscription | null; userErrors: UserError[] };
  find(id: string): FakeSubscription | undefined;
}

const stores = new WeakMap<FakeAdminState, BillingStore>();

function validUrl(value: unknown): boolean {
  try {
    const url = new URL(String(value));
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function money(input: unknown): MoneyRecord | null {
  const value = input as { amount?: unknown; currencyCode?: unknown } | null;
  const amount = Number(value?.amount);
  if (!value || !Number.isFinite(amount) || amount < 0 || typeof value.currencyCode !== "string") return null;
  return { amount: amount.toFixed(2), currencyCode: value.currencyCode };
}

function lineItemsFrom(
  input: unknown,
  subscriptionLegacyId: number,
): { items: FakeLineItem[]; errors: UserError[] } {
  const list = Array.isArray(input) ? input : [];
  const errors: UserError[] = [];
  if (list.length === 0 || list.length > 2) {
    errors.push({ field: ["lineItems"], message: "A subscription needs one recurring and/or one usage line item." });
  }
  const items: FakeLineItem[] = [];
  list.forEach((raw, index) => {
    const plan = (raw as { plan?: { appRecurringPricingDetails?: Args; appUsagePricingDetails?: Args } }).plan ?? {};
    const id = `gid://shopify/AppSubscriptionLineItem/${subscriptionLegacyId}?v=1&index=${index}`;
    const field = ["lineItems", String(index), "plan"];
    if (plan.appRecurringPricingDetails && !plan.appUsagePricingDetails) {
      const price = money(plan.appRecurringPricingDetails.price);
      if (!price || Number(price.amount) === 0) {
        errors.push({ field: [...field, "appRecurringPricingDetails", "price"], message: "Price must be greater than zero." });
        return;
      }
      const interval = String(plan.appRecurringPricingDetails.interval ?? "EVERY_30_DAYS");
      items.push({ id, plan: { pricingDetails: { __typename: "AppRecurringPricing", interval, price, discount: null, planHandle: null } } });
    } else if (plan.appUsagePricingDetails && !plan.appRecurringPricingDetails) {
      const cappedAmount = money(plan.appUsagePricingDetails.cappedAmount);
      if (!cappedAmount || Number(cappedAmount.amount) === 0) {
        errors.push({ field: [...field, "appUsagePricingDetails", "cappedAmount"], message: "Capped amount must be greater than zero." });
        return;
      }
      items.push({
        id,
        plan: {
          pricingDetails: {
            __typename: "AppUsagePricing",
            terms: String(plan.appUsagePricingDetails.terms ?? ""),
            cappedAmount,
            balanceUsed: { amount: "0.00", currencyCode: cappedAmount.currencyCode },
            interval: "EVERY_30_DAYS",
          },
        },
      });
    } else {
      errors.push({ field, message: "Give either appRecurringPricingDetails or appUsagePricingDetails." });
    }
  });
  return { items, errors };
}

function createStore(state: FakeAdminState, clock: () => number): BillingStore {
  const subscriptions: FakeSubscription[] = [];
  let nextId = FIRST_SUBSCRIPTION_ID;
  const shopDomain = state.seed.shop.myshopifyDomain;

  const find = (id: string) => subscriptions.find((subscription) => subscription.id === id);
  const mustFind = (id: string) => {
    const subscription = find(id);
    if (!subscription) throw new Error(`No app subscription ${id} in the fake Admin API`);
    return subscription;
  };
  const confirmationUrl = (id: string) =>
    `https://${shopDomain}/admin/charges/${legacyIdOf(id)}/confirm_recurring_application_charge?signature=fake-${legacyIdOf(id)}`;
  const returnTo = (subscription: FakeSubscription) => {
    const url = new URL(subscription.returnUrl);
    url.searchParams.set("charge_id", legacyIdOf(subscription.id) ?? "");
    return url.toString();
  };

  return {
    get subscriptions() {
      return subscriptions;
    },
    find,
    active: () => subscriptions.filter((subscription) => subscription.status === "ACTIVE"),
    confirmationUrl,
    create(args) {
      const legacyId = nextId;
      const userErrors: UserError[] = [];
      const name = String(args.name ?? "").trim();
      if (name.length === 0) userErrors.push({ field: ["name"], message: "Name can't be blank" });
      if (name.length > 255) userErrors.push({ field: ["name"], message: "Name is too long (maximum is 255 characters)" });
      if (!validUrl(args.returnUrl)) userErrors.push({ field: ["returnUrl"], message: "Return URL must be a valid URL" });
      const trialDays = args.trialDays === null || args.trialDays === undefined ? 0 : Number(args.trialDays);
      if (trialDays < 0 || trialDays > 1000) userErrors.push({ field: ["trialDays"], message: "Trial days must be between 0 and 1000" });
      const lineItems = lineItemsFrom(args.lineItems, legacyId);
      userErrors.push(...lineItems.errors);
      if (userErrors.length > 0) return { appSubscription: null, confirmationUrl: null, userErrors };

      nextId += 1;
      const subscription: FakeSubscription = {
        __typename: "AppSubscription",
        id: `gid://shopify/AppSubscription/${legacyId}`,
        name,
        status: "PENDING",
        test: args.test === true,
        trialDays,
        createdAt: new Date(clock()).toISOString(),
        currentPeriodEnd: null,
        returnUrl: String(args.returnUrl),
        lineItems: lineItems.items,
      };
      subscriptions.push(subscription);
      return { appSubscription: subscription, confirmationUrl: confirmationUrl(subscription.id), userErrors: [] };
    },
    approve(id) {
      const subscription = mustFind(id);
      if (subscription.status !== "PENDING") throw new Error(`Subscription ${id} is ${subscription.status}, not PENDING`);
      for (const other of subscriptions) {
        if (other.status === "ACTIVE") {
          other.status = "CANCELLED";
          other.currentPeriodEnd = null;
        }
      }
      subscription.status = "ACTIVE";
      subscription.currentPeriodEnd = new Date(clock() + PERIOD_DAYS * DAY_MS).toISOString();
      return returnTo(subscription);
    },
    decline(id) {
      const subscription = mustFind(id);
      if (subscription.status !== "PENDING") throw new Error(`Subscription ${id} is ${subscription.status}, not PENDING`);
      subscription.status = "DECLINED";
      return returnTo(subscription);
    },
    cancel(id) {
      const subscription = find(id);
      if (!subscription) return { appSubscription: null, userErrors: [{ field: ["id"], message: "Subscription not found" }] };
      if (subscription.status !== "ACTIVE" && subscription.status !== "PENDING" && subscription.status !== "FROZEN") {
        return { appSubscription: null, userErrors: [{ field: ["id"], message: `Subscription is already ${subscription.status.toLowerCase()}` }] };
      }
      subscription.status = "CANCELLED";
      subscription.currentPeriodEnd = null;
      return { appSubscription: subscription, userErrors: [] };
    },
  };
}

function storeOf(state: FakeAdminState): BillingStore {
  let store = stores.get(state);
  if (!store) {
    store = createStore(state, () => Date.now());
    stores.set(state, store);
  }
  return store;
}

/** The app subscriptions of a fake shop, and the merchant's approve / decline. */
export function fakeBilling(state: FakeAdminState): FakeBilling {
  return storeOf(state);
}

export const resolveAppSubscriptionCreate = (_: never, args: Args, context: ResolverContext) => storeOf(context.state).create(args);
export const resolveAppSubscriptionCancel = (_: never, args: Args, context: ResolverContext) =>
  storeOf(context.state).cancel(String(args.id));
export const resolveActiveSubscriptions = (_: never, __: Args, context: ResolverContext) => storeOf(context.state).active();

const page = (title: string, body: string) =>
  new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`, {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

/**
 * The merchant's approval page at the confirmation URL, or null when the request is for another path.
 * GET shows the charge; POST with `decision=approve|decline` settles it and redirects to the return URL.
 */
export async function handleConfirmationRequest(request: Request, state: FakeAdminState): Promise<Response | null> {
  const url = new URL(request.url);
  const match = CONFIRMATION_PATH.exec(url.pathname);
  if (!match) return null;
  const store = storeOf(state);
  const subscription = store.find(`gid://shopify/AppSubscription/${match[1]}`);
  if (!subscription || url.searchParams.get("signature") !== `fake-${match[1]}`) {
    return new Response("Not Found", { status: 404 });
  }
  if (request.method === "POST") {
    const decision = new URLSearchParams(await request.text()).get("decision");
    if (subscription.status !== "PENDING") return new Response("This charge was already settled.", { status: 409 });
    const location = decision === "approve" ? store.approve(subscription.id) : store.decline(subscription.id);
    return new Response(null, { status: 302, headers: { Location: location } });
  }
  const pricing = subscription.lineItems[0]?.plan.pricingDetails;
  const price = pricing?.__typename === "AppRecurringPricing" ? `${pricing.price.amount} ${pricing.price.currencyCode} every 30 days` : "usage charges";
  return page(
    `Approve ${subscription.name}`,
    `<main><h1>Approve subscription</h1>
<p><strong>${escapeHtml(subscription.name)}</strong>: ${escapeHtml(price)}${subscription.trialDays > 0 ? `, ${subscription.trialDays}-day free trial` : ""}${subscription.test ? " (test charge)" : ""}</p>
<form method="post"><button name="decision" value="approve">Approve</button> <button name="decision" value="decline">Decline</button></form></main>`,
  );
}
