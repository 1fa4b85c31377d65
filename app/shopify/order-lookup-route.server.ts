import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerOrderLookup, POST_ONLY, type OrderLookupOptions } from "../models/orders/lookup-request.server";
import { authenticate } from "../shopify.server";

/**
 * The loader and action of a storefront order look-up behind the app proxy (order status, return
 * check): every request's signature verified by `authenticate.public.appProxy` (a forged one gets 400),
 * GET answered 405, POST answered by `answerOrderLookup`; a shop with no offline session (uninstalled)
 * gets the feature's neutral answer.
 */
export function orderLookupRoute(options: Omit<OrderLookupOptions, "installed">) {
  return {
    loader: async ({ request }: LoaderFunctionArgs) => {
      await authenticate.public.appProxy(request);
      return POST_ONLY();
    },
    action: async ({ request }: ActionFunctionArgs) => {
      if (request.method !== "POST") return POST_ONLY();
      const { session } = await authenticate.public.appProxy(request);
      return answerOrderLookup(request, { ...options, installed: Boolean(session) });
    },
  };
}
