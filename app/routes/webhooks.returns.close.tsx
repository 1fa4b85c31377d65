import { returnStatusWebhookAction } from "../shopify/return-webhooks.server";

/** returns/close: Shopify's status and lines applied to Aftercare's copy (app/shopify/return-webhooks.server.ts). */
export const action = returnStatusWebhookAction;
