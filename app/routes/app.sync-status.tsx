/** The shop's order sync progress as JSON: the admin home asks for it while a sync runs (components/sync-status.tsx). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { getOrderSyncProgress } from "../shopify/order-sync.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const sync = await getOrderSyncProgress(session.shop);
  return json({ sync }, { headers: { "Cache-Control": "no-store" } });
};
