import { returnReadAgainWebhookAction } from "../shopify/return-webhooks.server";

/** returns/reopen: a closed return is open again. Aftercare reads the return again and records its copy (app/shopify/return-webhooks.server.ts). */
export const action = returnReadAgainWebhookAction;
