/**
 * The survey page a shopper opens from an email link, served through the app proxy as Liquid inside
 * the shop's theme. Everything interpolated is HTML-escaped and has its braces neutralised, so neither
 * markup nor Liquid (`{{ ... }}`) can come in through a comment or a shop name. Pure: no I/O.
 */
import { escapeHtml } from "../../email/render";
import { scaleValues, type SurveyQuestion } from "./survey";
import type { SurveyKind } from "./satisfaction";
import { pageStrings } from "../storefront/page-strings";
import type { StorefrontLanguage } from "../storefront/language";

/** HTML-escapes and stops Liquid from reading `{{`, `{%` in the text. */
export function escapeForLiquid(value: string): string {
  return escapeHtml(value).replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}

const STYLE = `<style>
.aftercare-survey{max-width:36rem;margin:2rem auto;padding:0 1rem}
.aftercare-survey__scale{display:flex;flex-wrap:wrap;gap:.5rem;border:0;padding:0;margin:1rem 0}
.aftercare-survey__scale label{display:inline-flex;align-items:center;justify-content:center;min-width:2.75rem;min-height:2.75rem;border:1px solid currentColor;border-radius:.5rem;cursor:pointer}
.aftercare-survey__scale input{position:absolute;opacity:0}
.aftercare-survey__scale input:checked+span{font-weight:700;text-decoration:underline}
.aftercare-survey__scale input:focus-visible+span{outline:2px solid currentColor;outline-offset:4px}
.aftercare-survey__ends{display:flex;justify-content:space-between;font-size:.875rem}
.aftercare-survey textarea{width:100%;min-height:6rem;margin:.5rem 0 1rem}
</style>`;

export interface SurveyFormPage {
  kind: SurveyKind;
  question: SurveyQuestion;
  /** The form's target: the proxy path on the storefront, e.g. /apps/aftercare/survey. */
  action: string;
  token: string;
  selected: number | null;
  comment: string | null;
  orderName: string | null;
  error?: string;
  /** The shopper's language: every word the page adds is in it (the question comes in it too). */
  language?: StorefrontLanguage;
}

export function surveyFormPage(page: SurveyFormPage): string {
  const language = page.language ?? "en";
  const words = pageStrings(language);
  const options = scaleValues(page.kind)
    .map(
      (value) =>
        `<label><input type="radio" name="score" value="${value}" required${value === page.selected ? " checked" : ""}><span>${value}</span></label>`,
    )
    .join("");
  return [
    STYLE,
    `<main class="aftercare-survey" lang="${language}">`,
    page.orderName ? `<p>${words.orderLabel(escapeForLiquid(page.orderName))}</p>` : "",
    `<form method="post" action="${escapeForLiquid(page.action)}">`,
    `<input type="hidden" name="token" value="${escapeForLiquid(page.token)}">`,
    `<fieldset class="aftercare-survey__scale" aria-describedby="aftercare-survey-ends">`,
    `<legend><h1>${escapeForLiquid(page.question.question)}</h1></legend>`,
    options,
    `</fieldset>`,
    `<p class="aftercare-survey__ends" id="aftercare-survey-ends"><span>${page.question.min} = ${escapeForLiquid(page.question.lowLabel)}</span><span>${page.question.max} = ${escapeForLiquid(page.question.highLabel)}</span></p>`,
    page.error ? `<p role="alert">${escapeForLiquid(page.error)}</p>` : "",
    `<label for="aftercare-survey-comment">${words.surveyCommentLabel}</label>`,
    `<textarea id="aftercare-survey-comment" name="comment" maxlength="1000">${escapeForLiquid(page.comment ?? "")}</textarea>`,
    `<button type="submit" class="button">${words.surveySend}</button>`,
    `</form>`,
    `</main>`,
  ].join("\n");
}

export function surveyMessagePage(heading: string, paragraphs: readonly string[], language: StorefrontLanguage = "en"): string {
  return [
    STYLE,
    `<main class="aftercare-survey" role="status" lang="${language}">`,
    `<h1>${escapeForLiquid(heading)}</h1>`,
    ...paragraphs.filter(Boolean).map((text) => `<p>${escapeForLiquid(text)}</p>`),
    `</main>`,
  ].join("\n");
}
