import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { parseReviewListQuery } from "../models/reviews/list";
import { getPublishedReviewsPage } from "../models/reviews/list.server";
import { authenticate } from "../shopify.server";

/**
 * A product's published reviews as JSON, for the review display block:
 * GET /apps/aftercare/reviews?product_id=<id or gid>&page=<n>
 *   → { reviews: [...], page, pageSize, total, hasMore }, newest first.
 * Shopify's app proxy signs the request (a forged signature is refused before anything is read). The
 * answer holds only what is public on the product page anyway, so shoppers' browsers may cache it briefly.
 */

const PUBLIC_CACHE = { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  const query = parseReviewListQuery(url.searchParams);
  if (!query.ok) return json({ error: query.message }, { status: 400, headers: { "Cache-Control": "no-store" } });

  const prefix = url.searchParams.get("path_prefix") || "/apps/aftercare";
  const photoUrl = (id: string) => `${prefix}/review-photo?id=${encodeURIComponent(id)}`;
  const page = await getPublishedReviewsPage(shop, query.productId, query.page, photoUrl);
  return json(page, { headers: PUBLIC_CACHE });
};
