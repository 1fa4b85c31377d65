import { returnReadAgainWebhookAction } from "../shopify/return-webhooks.server";

/** returns/process: units were received and maybe refunded, in Shopify's admin or through the app. Aftercare reads the return again and records its copy (app/shopify/return-webhooks.server.ts). */
export const action = returnReadAgainWebhookAction;
