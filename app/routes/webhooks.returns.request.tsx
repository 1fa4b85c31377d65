import type { ActionFunctionArgs } from "@remix-run/node";
import { getReturnCopy } from "../models/returns/returns.server";
import { queueReturnRequested } from "../models/flow/events.server";
import { receiveReturnStatusWebhook } from "../shopify/return-webhooks.server";

/** returns/request: the copy as for every status webhook, then Flow's Return requested trigger. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { response, applied } = await receiveReturnStatusWebhook(request);
  if (!applied) return response;
  // After the receipt's transaction: the event's unique key makes a redelivery (or a return the app
  // itself requested, already queued) add nothing.
  const copy = await getReturnCopy(applied.shop, applied.change.shopifyReturnId);
  if (copy) await queueReturnRequested(applied.shop, copy, applied.receivedAt);
  return response;
};
