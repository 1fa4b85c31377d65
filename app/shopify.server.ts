import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, BillingInterval, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { CachedSessionStorage } from "./shopify/cached-session-storage.server";
import { env } from "./env.server";
import { recordInstall } from "./models/shop/shop.server";
import { GROWTH_PLAN_NAME, GROWTH_PRICE, GROWTH_TRIAL_DAYS } from "./models/billing/plans";
import { startInitialSync } from "./jobs/order-sync.server";

const config = env();

const LOG_LEVELS = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
} as const;

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: ApiVersion.July26,
  scopes: config.SCOPES?.split(","),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  // Sessions read from the database, kept a few seconds per instance (app/shopify/cached-session-storage.server.ts).
  sessionStorage: new CachedSessionStorage(new PrismaSessionStorage(prisma)),
  distribution: AppDistribution.AppStore,
  logger: { level: LOG_LEVELS[config.SHOPIFY_LOG_LEVEL] },
  // Plans: app/models/plans.ts (Free needs no subscription).
  billing: {
    [GROWTH_PLAN_NAME]: {
      trialDays: GROWTH_TRIAL_DAYS,
      lineItems: [{ amount: GROWTH_PRICE.amount, currencyCode: GROWTH_PRICE.currencyCode, interval: BillingInterval.Every30Days }],
    },
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstall(session.shop, session.scope ?? "");
      // Runs in the background; progress shows on the dashboard.
      startInitialSync(session);
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = ApiVersion.July26;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
