import { returnReadAgainWebhookAction } from "../shopify/return-webhooks.server";

/** reverse_deliveries/attach_deliverable: a label or tracking was added to a return's reverse delivery (in Shopify's admin, or by the app); the shopper gets the label by email once. Aftercare reads the return again and records its copy (app/shopify/return-webhooks.server.ts). */
export const action = returnReadAgainWebhookAction;
