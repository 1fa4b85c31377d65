/**
 * The review page a buyer opens from a star in the email, served through the app proxy as Liquid in
 * the shop's theme. It first asks whether everything arrived as expected; "no" opens a help request
 * and shows how to reach the shop, and the review form stays right there (help alongside, never
 * instead). Every interpolated value goes through escapeForLiquid; the page's own words
 * (storefront/page-strings.ts, in the shopper's language) are trusted markup-free text. Pure: no I/O.
 */
import { RATINGS, TITLE_MAX_LENGTH, BODY_MAX_LENGTH } from "./review";
import { starLabel } from "./request";
import { escapeForLiquid } from "../surveys/page";
import { pageStrings, type StorefrontPageStrings } from "../storefront/page-strings";
import type { StorefrontLanguage } from "../storefront/language";

const STYLE = `<style>
.aftercare-review{max-width:36rem;margin:2rem auto;padding:0 1rem}
.aftercare-review__stars{display:flex;flex-wrap:wrap;gap:.5rem;border:0;padding:0;margin:1rem 0}
.aftercare-review__stars label{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 .75rem;border:1px solid currentColor;border-radius:.5rem;cursor:pointer}
.aftercare-review__stars input{position:absolute;opacity:0}
.aftercare-review__stars input:checked+span{font-weight:700;text-decoration:underline}
.aftercare-review__stars input:focus-visible+span{outline:2px solid currentColor;outline-offset:4px}
.aftercare-review input[type=text],.aftercare-review textarea{width:100%;margin:.25rem 0 1rem}
.aftercare-review textarea{min-height:8rem}
.aftercare-review__help{margin:1rem 0 2rem;padding:1rem;border:1px solid currentColor;border-radius:.5rem}
</style>`;

export interface ReviewFormPage {
  /** The proxy path the forms post to, e.g. /apps/aftercare/review. */
  action: string;
  token: string;
  productTitle: string;
  orderName: string;
  rating: number | null;
  title: string;
  body: string;
  errors?: Partial<Record<"rating" | "title" | "body" | "photo" | "form", string>>;
  /** Set once the buyer said something went wrong: how to reach the shop. */
  help?: { contactLine: string } | null;
  /** The shopper's language: every word the page adds is in it. */
  language?: StorefrontLanguage;
}

const e = escapeForLiquid;

function fieldError(id: string, message: string | undefined): string {
  return message ? `<p class="aftercare-review__error" id="${id}" role="alert">${e(message)}</p>` : "";
}

function arrivalQuestion(page: ReviewFormPage, words: StorefrontPageStrings): string {
  if (page.help) {
    return [
      `<section class="aftercare-review__help" role="status">`,
      `<h2>${words.reviewHelpDoneTitle}</h2>`,
      `<p>${words.reviewHelpDoneBody(e(page.orderName))}</p>`,
      page.help.contactLine ? `<p>${e(page.help.contactLine)}</p>` : "",
      `<p>${words.reviewHelpStillReview}</p>`,
      `</section>`,
    ].join("\n");
  }
  return [
    `<form class="aftercare-review__help" method="post" action="${e(page.action)}">`,
    `<h2>${words.reviewArrivedQuestion}</h2>`,
    `<input type="hidden" name="intent" value="help">`,
    `<input type="hidden" name="token" value="${e(page.token)}">`,
    `<p>${words.reviewArrivedBody}</p>`,
    `<label for="aftercare-review-help">${words.reviewHelpLabel}</label>`,
    `<textarea id="aftercare-review-help" name="message" maxlength="2000"></textarea>`,
    `<button type="submit" class="button button--secondary">${words.reviewHelpButton}</button>`,
    `</form>`,
  ].join("\n");
}

export function reviewFormPage(page: ReviewFormPage): string {
  const language = page.language ?? "en";
  const words = pageStrings(language);
  const errors = page.errors ?? {};
  const stars = RATINGS.map(
    (rating) =>
      `<label><input type="radio" name="rating" value="${rating}" required${rating === page.rating ? " checked" : ""}><span>${e(starLabel(rating, language))}</span></label>`,
  ).join("");
  return [
    STYLE,
    `<main class="aftercare-review" lang="${language}">`,
    `<h1>${words.reviewHeading(e(page.productTitle))}</h1>`,
    `<p>${words.reviewFromOrder(e(page.orderName))}</p>`,
    arrivalQuestion(page, words),
    `<form method="post" action="${e(page.action)}" enctype="multipart/form-data">`,
    `<input type="hidden" name="intent" value="review">`,
    `<input type="hidden" name="token" value="${e(page.token)}">`,
    fieldError("aftercare-review-form-error", errors.form),
    `<fieldset class="aftercare-review__stars"${errors.rating ? ` aria-describedby="aftercare-review-rating-error"` : ""}>`,
    `<legend>${words.reviewRatingLegend}</legend>`,
    stars,
    `</fieldset>`,
    fieldError("aftercare-review-rating-error", errors.rating),
    `<label for="aftercare-review-title">${words.reviewTitleLabel}</label>`,
    `<input type="text" id="aftercare-review-title" name="title" maxlength="${TITLE_MAX_LENGTH}" value="${e(page.title)}">`,
    fieldError("aftercare-review-title-error", errors.title),
    `<label for="aftercare-review-body">${words.reviewBodyLabel}</label>`,
    `<textarea id="aftercare-review-body" name="body" maxlength="${BODY_MAX_LENGTH}" required>${e(page.body)}</textarea>`,
    fieldError("aftercare-review-body-error", errors.body),
    `<label for="aftercare-review-photo">${words.reviewPhotoLabel}</label>`,
    `<input type="file" id="aftercare-review-photo" name="photo" accept="image/jpeg,image/png,image/webp"${errors.photo ? ` aria-describedby="aftercare-review-photo-error"` : ""}>`,
    fieldError("aftercare-review-photo-error", errors.photo),
    `<button type="submit" class="button">${words.reviewPublish}</button>`,
    `</form>`,
    `</main>`,
  ].join("\n");
}

export function reviewMessagePage(heading: string, paragraphs: readonly string[], language: StorefrontLanguage = "en"): string {
  return [STYLE, `<main class="aftercare-review" role="status" lang="${language}">`, `<h1>${e(heading)}</h1>`, ...paragraphs.filter(Boolean).map((text) => `<p>${e(text)}</p>`), `</main>`].join("\n");
}

/** What the buyer sees after publishing: their own words, escaped. */
export function reviewThanksPage(review: { rating: number; title: string; body: string }, language: StorefrontLanguage = "en"): string {
  const words = pageStrings(language);
  return [
    STYLE,
    `<main class="aftercare-review" role="status" lang="${language}">`,
    `<h1>${words.reviewThanksTitle}</h1>`,
    `<p>${words.reviewThanksBody}</p>`,
    `<blockquote><p>${e(starLabel(review.rating, language))}</p>${review.title ? `<p><strong>${e(review.title)}</strong></p>` : ""}<p>${e(review.body)}</p></blockquote>`,
    `</main>`,
  ].join("\n");
}
