import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getShopEmailContext } from "../email/shop-context.server";
import { clientIpOf, hitRateLimits } from "../models/rate-limit.server";
import { helpRequestSchema, reviewSubmissionSchema, RATING_MAX, RATING_MIN } from "../models/reviews/review";
import { verifyReviewToken } from "../models/reviews/token";
import { reviewFormPage, reviewMessagePage, reviewThanksPage, type ReviewFormPage } from "../models/reviews/page";
import { recordReviewRequestOpen } from "../models/reviews/funnel.server";
import { inspectReviewPhoto, readReviewForm, saveReviewPhoto } from "../models/reviews/photo.server";
import { findReviewableLine, getReviewForLine, openHelpRequest } from "../models/reviews/review.server";
import { publishBuyerReview, recordBuyerReview } from "../models/reviews/submission.server";
import { storefrontLanguage, type StorefrontLanguage } from "../models/storefront/language";
import { pageStrings } from "../models/storefront/page-strings";
import { photoRefusal, reviewFieldErrors } from "../models/reviews/page-errors";
import { authenticate } from "../shopify.server";

/**
 * The review form at /apps/aftercare/review (Shopify's app proxy signs every request).
 *
 * - GET ?token=&rating= (a star in the review request email): the form in the shop's theme with that
 *   rating chosen. A GET stores no review (mail scanners open every link of an email); it only notes
 *   the first time the link was followed, for the request funnel.
 * - POST intent=review (multipart/form-data with one optional photo, or urlencoded): stores the
 *   review, published (never held back for its rating), with its photo when the bytes are a JPEG, PNG
 *   or WebP of at most 5 MB (kept without its EXIF/XMP metadata), then publishes the product's rating metafields and the review's entry
 *   in Shopify's standard product review metaobject.
 * - POST intent=help: "Did everything arrive as expected?" answered no. Opens a help request and shows
 *   how to reach the shop, with the review form still there.
 * A forged, expired or unknown link is refused (4xx) and stores nothing. Every page is in the shopper's
 * storefront language (storefront/language.ts).
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
    language: storefrontLanguage(request),
  };
}

function signingSecret(): string {
  return process.env.SHOPIFY_API_SECRET ?? "";
}

/** The order line a token names, or the page and status that refuse it. */
async function resolveLine(token: string, shop: string, now: Date, language: StorefrontLanguage) {
  const words = pageStrings(language);
  const check = verifyReviewToken(token, signingSecret(), now);
  if (!check.ok || check.payload.shop !== shop) {
    const expired = check.ok ? false : check.reason === "expired";
    return {
      ok: false,
      refused: {
        status: expired ? 410 : 403,
        page: expired
          ? reviewMessagePage(words.reviewExpiredTitle, [words.reviewExpiredBody], language)
          : reviewMessagePage(words.reviewInvalidTitle, [words.reviewInvalidBody], language),
      },
    } as const;
  }
  const line = await findReviewableLine(shop, check.payload.orderId, check.payload.lineItemId);
  if (!line) {
    return { ok: false, refused: { status: 404, page: reviewMessagePage(words.reviewNotFoundTitle, [words.reviewNotFoundBody], language) } } as const;
  }
  return { ok: true, line } as const;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const { url, shop, action, language } = proxyContext(request);
  const token = url.searchParams.get("token") ?? "";
  const resolved = await resolveLine(token, shop, new Date(), language);
  if (!resolved.ok) return liquid(resolved.refused.page, { status: resolved.refused.status, headers: noStore });
  const { line } = resolved;
  await recordReviewRequestOpen(shop, line);
  const previous = await getReviewForLine(shop, line.orderId, line.lineItemId);
  const linked = Number(url.searchParams.get("rating"));
  const rating = Number.isInteger(linked) && linked >= RATING_MIN && linked <= RATING_MAX ? linked : (previous?.rating ?? null);
  return liquid(
    reviewFormPage({
      action,
      token,
      productTitle: line.productTitle,
      orderName: line.orderName,
      rating,
      title: previous?.title ?? "",
      body: previous?.body ?? "",
      language,
    }),
    { headers: noStore },
  );
};


export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid, admin } = await authenticate.public.appProxy(request);
  const { shop, action: formAction, language } = proxyContext(request);
  const words = pageStrings(language);
  const now = new Date();

  const limit = await hitRateLimits([{ key: `review:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...REVIEW_SUBMIT_LIMIT }], now);
  if (!limit.allowed) {
    return liquid(reviewMessagePage(words.tooManyTitle, [words.reviewTooMany], language), {
      status: 429,
      headers: { ...noStore, "Retry-After": String(limit.retryAfterSeconds) },
    });
  }

  const read = await readReviewForm(request);
  if (!read.ok) {
    const message = photoRefusal(read, words);
    return liquid(reviewMessagePage(words.unreadableTitle, [message, words.tryAgain], language), { status: read.status, headers: noStore });
  }
  const form = read.fields;
  const token = form.token ?? "";
  const resolved = await resolveLine(token, shop, now, language);
  if (!resolved.ok) return liquid(resolved.refused.page, { status: resolved.refused.status, headers: noStore });
  const { line } = resolved;
  const base = { action: formAction, token, productTitle: line.productTitle, orderName: line.orderName, language };

  if (form.intent === "help") {
    const parsed = helpRequestSchema.safeParse({ token, message: form.message || undefined });
    if (!parsed.success) {
      return liquid(reviewFormPage({ ...base, rating: null, title: "", body: "", errors: { form: reviewFieldErrors(parsed.error, words).message } }), { status: 422, headers: noStore });
    }
    await openHelpRequest(shop, { orderId: line.orderId, lineItemId: line.lineItemId, message: parsed.data.message }, now);
    const { contactLines } = await getShopEmailContext(shop);
    return liquid(reviewFormPage({ ...base, rating: null, title: "", body: "", help: { contactLine: contactLines[language] } }), { headers: noStore });
  }

  const fields = { token, rating: form.rating ?? "", title: form.title ?? "", body: form.body ?? "" };
  const parsed = reviewSubmissionSchema.safeParse(fields);
  const refill: ReviewFormPage = { ...base, rating: Number(fields.rating) || null, title: fields.title, body: fields.body };
  if (!parsed.success) {
    return liquid(reviewFormPage({ ...refill, errors: reviewFieldErrors(parsed.error, words) }), { status: 422, headers: noStore });
  }
  const photo = read.photo ? await inspectReviewPhoto(read.photo) : null;
  if (photo && !photo.ok) {
    return liquid(reviewFormPage({ ...refill, errors: { photo: photoRefusal(photo, words) } }), { status: photo.status, headers: noStore });
  }

  // The signed link names a synced order line of this shop: the reviewer bought it.
  const review = await recordBuyerReview(shop, line, parsed.data, "email", now);
  if (photo?.ok) await saveReviewPhoto(shop, review.id, { bytes: photo.bytes, contentType: photo.contentType }, now);
  await publishBuyerReview(shop, admin?.graphql, { id: review.id, productId: line.productId });
  return liquid(reviewThanksPage(parsed.data, language), { headers: noStore });
};
