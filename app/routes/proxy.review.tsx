import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { readStorefrontBody } from "../models/storefront-body";
import { getShopEmailContext } from "../email/shop-context.server";
import { getContactDetails } from "../models/contact-details.server";
import { clientIpOf, hitRateLimits } from "../models/rate-limit.server";
import { fieldErrors, helpRequestSchema, reviewSubmissionSchema, RATING_MAX, RATING_MIN } from "../models/review";
import { verifyReviewToken } from "../models/review-token";
import { reviewFormPage, reviewMessagePage, reviewThanksPage, type ReviewFormPage } from "../models/review-page";
import { republishProductRating } from "../models/review-publishing.server";
import { findReviewableLine, getReviewForLine, openHelpRequest, recordReview } from "../models/review.server";
import { authenticate } from "../shopify.server";

/**
 * The review form at /apps/aftercare/review (Shopify's app proxy signs every request).
 *
 * - GET ?token=&rating= (a star in the review request email): the form in the shop's theme with that
 *   rating chosen. Nothing is stored on GET: mail scanners open every link of an email.
 * - POST intent=review: stores the review, published (never held back for its rating), and publishes
 *   the product's rating metafields.
 * - POST intent=help: "Did everything arrive as expected?" answered no. Opens a help request and shows
 *   how to reach the shop, with the review form still there.
 * A forged, expired or unknown link is refused (4xx) and stores nothing.
 */

export const REVIEW_SUBMIT_LIMIT = { limit: 20, windowMs: 10 * 60_000 } as const;
const noStore = { "Cache-Control": "no-store" };

type Liquid = Awaited<ReturnType<typeof authenticate.public.appProxy>>["liquid"];

function proxyContext(request: Request) {
  const url = new URL(request.url);
  return {
    url,
    shop: url.searchParams.get("shop") ?? "",
    action: `${url.searchParams.get("path_prefix") || "/apps/aftercare"}/review`,
  };
}

function signingSecret(): string {
  return process.env.SHOPIFY_API_SECRET ?? "";
}

/** The order line a token names, or the page and status that refuse it. */
async function resolveLine(token: string, shop: string, now: Date) {
  const check = verifyReviewToken(token, signingSecret(), now);
  if (!check.ok || check.payload.shop !== shop) {
    const expired = check.ok ? false : check.reason === "expired";
    return {
      ok: false,
      refused: {
        status: expired ? 410 : 403,
        page: expired
          ? reviewMessagePage("This review link has expired", ["Review links work for 60 days after we send them. Thank you for thinking of us!"])
          : reviewMessagePage("This review link is not valid", ["Please use the link from your email as it was sent."]),
      },
    } as const;
  }
  const line = await findReviewableLine(shop, check.payload.orderId, check.payload.lineItemId);
  if (!line) return { ok: false, refused: { status: 404, page: reviewMessagePage("We could not find this order", ["The order may have been removed from the shop."]) } } as const;
  return { ok: true, line } as const;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const { url, shop, action } = proxyContext(request);
  const token = url.searchParams.get("token") ?? "";
  const resolved = await resolveLine(token, shop, new Date());
  if (!resolved.ok) return liquid(resolved.refused.page, { status: resolved.refused.status, headers: noStore });
  const { line } = resolved;
  const previous = await getReviewForLine(shop, line.orderId, line.lineItemId);
  const linked = Number(url.searchParams.get("rating"));
  const rating = Number.isInteger(linked) && linked >= RATING_MIN && linked <= RATING_MAX ? linked : (previous?.rating ?? null);
  return liquid(
    reviewFormPage({ action, token, productTitle: line.productTitle, orderName: line.orderName, rating, title: previous?.title ?? "", body: previous?.body ?? "" }),
    { headers: noStore },
  );
};

const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
/** A review is a few kilobytes of text at most (photos are not accepted here). */
const REVIEW_BODY_MAX_BYTES = 16 * 1024;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid, admin } = await authenticate.public.appProxy(request);
  const { shop, action: formAction } = proxyContext(request);
  const now = new Date();

  const limit = await hitRateLimits([{ key: `review:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...REVIEW_SUBMIT_LIMIT }], now);
  if (!limit.allowed) {
    return liquid(reviewMessagePage("Please wait a moment", ["Too many reviews came from here. Please try again in a few minutes."]), {
      status: 429,
      headers: { ...noStore, "Retry-After": String(limit.retryAfterSeconds) },
    });
  }

  const read = await readStorefrontBody(request, REVIEW_BODY_MAX_BYTES);
  if (!read.ok) {
    return liquid(reviewMessagePage("We could not read your review", [read.message]), { status: read.status, headers: noStore });
  }
  const form = read.fields;
  const token = text(form.token);
  const resolved = await resolveLine(token, shop, now);
  if (!resolved.ok) return liquid(resolved.refused.page, { status: resolved.refused.status, headers: noStore });
  const { line } = resolved;
  const base = { action: formAction, token, productTitle: line.productTitle, orderName: line.orderName };

  if (form.intent === "help") {
    const parsed = helpRequestSchema.safeParse({ token, message: text(form.message) || undefined });
    if (!parsed.success) {
      return liquid(reviewFormPage({ ...base, rating: null, title: "", body: "", errors: { form: fieldErrors(parsed.error).message } }), { status: 422, headers: noStore });
    }
    await openHelpRequest(shop, { orderId: line.orderId, lineItemId: line.lineItemId, message: parsed.data.message }, now);
    const { contactLine } = await getShopEmailContext(shop);
    return liquid(reviewFormPage({ ...base, rating: null, title: "", body: "", help: { contactLine } }), { headers: noStore });
  }

  const fields = { token, rating: text(form.rating), title: text(form.title), body: text(form.body) };
  const parsed = reviewSubmissionSchema.safeParse(fields);
  if (!parsed.success) {
    const page: ReviewFormPage = { ...base, rating: Number(fields.rating) || null, title: fields.title, body: fields.body, errors: fieldErrors(parsed.error) };
    return liquid(reviewFormPage(page), { status: 422, headers: noStore });
  }

  const contact = (await getContactDetails(shop, [line.orderId])).get(line.orderId);
  await recordReview(
    shop,
    {
      orderId: line.orderId,
      lineItemId: line.lineItemId,
      productId: line.productId,
      productTitle: line.productTitle,
      rating: parsed.data.rating,
      title: parsed.data.title,
      body: parsed.data.body,
      authorName: contact?.firstName ?? null,
      // The signed link names a synced order line of this shop: the reviewer bought it.
      verified: true,
      source: "email",
    },
    now,
  );
  if (admin) {
    try {
      await republishProductRating(shop, admin.graphql, line.productId);
    } catch (error) {
      // The review is stored; the next publication (moderation or a later review) brings the summary up to date.
      console.warn(`Review summary for ${line.productId} not published: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return liquid(reviewThanksPage(parsed.data), { headers: noStore });
};
