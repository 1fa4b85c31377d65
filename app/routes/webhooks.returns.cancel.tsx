import { returnReadAgainWebhookAction } from "../shopify/return-webhooks.server";

/** returns/cancel: the merchant canceled the return in Shopify's admin. Aftercare reads the return again and records its copy (app/shopify/return-webhooks.server.ts). */
export const action = returnReadAgainWebhookAction;
