import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getShopEmailContext } from "../email/shop-context.server";
import { clientIpOf, hitRateLimits } from "../models/rate-limit.server";
import { isValidAnswer, SURVEY_SCALES, type SurveyKind } from "../models/surveys/satisfaction";
import { COMMENT_MAX_LENGTH, surveyAnswerSchema, surveyQuestion, verifySurveyToken } from "../models/surveys/survey";
import { surveyFormPage, surveyMessagePage } from "../models/surveys/page";
import { findOrderToSurveyForCustomer, getSurveyAnswer, recordSurveyAnswer } from "../models/surveys/survey.server";
import { readStorefrontBody } from "../models/storefront/body";
import { storefrontLanguage } from "../models/storefront/language";
import { pageStrings, unreadableBodyMessage } from "../models/storefront/page-strings";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";

/**
 * The post-delivery survey at /apps/aftercare/survey (Shopify's app proxy signs every request).
 *
 * - GET ?token=&score= (an answer link in the email): a page in the shop's theme with that answer
 *   ticked and room for a comment. Nothing is recorded on GET: mail scanners open every link of an
 *   email, and a survey answered by a scanner would be worse than none. One more click sends it.
 * - POST token, score, comment: records the answer (answering again replaces it).
 * - The storefront block (JSON, `Accept: application/json`): GET returns the question for the
 *   logged-in shopper's latest delivered order, POST without a token answers it.
 * Every page and message is in the shopper's storefront language (storefront/language.ts).
 */

export const SURVEY_ANSWER_LIMIT = { limit: 20, windowMs: 10 * 60_000 } as const;
/** A token and a 1000-character comment, percent-encoded, fit with room to spare. */
const MAX_BODY_BYTES = 16 * 1024;
const noStore = { "Cache-Control": "no-store" };

const wantsJson = (request: Request) => (request.headers.get("accept") ?? "").includes("application/json");

function proxyContext(request: Request) {
  const url = new URL(request.url);
  return {
    url,
    shop: url.searchParams.get("shop") ?? "",
    customerId: url.searchParams.get("logged_in_customer_id") || null,
    action: `${url.searchParams.get("path_prefix") || "/apps/aftercare"}/survey`,
    language: storefrontLanguage(request),
  };
}

function signingSecret(): string {
  return process.env.SHOPIFY_API_SECRET ?? "";
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const { url, shop, customerId, action, language } = proxyContext(request);
  const words = pageStrings(language);
  const now = new Date();

  if (wantsJson(request)) {
    const target = customerId ? await findOrderToSurveyForCustomer(shop, customerId, now) : null;
    if (!target) return json({ survey: null }, { headers: noStore });
    const { shopName } = await getShopEmailContext(shop);
    return json({ survey: { orderName: target.orderName, kind: target.kind, ...surveyQuestion(target.kind, shopName, language) } }, { headers: noStore });
  }

  const check = verifySurveyToken(url.searchParams.get("token") ?? "", signingSecret(), now);
  if (!check.ok || check.payload.shop !== shop) {
    return liquid(surveyMessagePage(words.surveyExpiredTitle, [words.surveyExpiredBody], language), { headers: noStore });
  }
  const { orderId, kind } = check.payload;
  const [context, previous, order] = await Promise.all([
    getShopEmailContext(shop),
    getSurveyAnswer(shop, orderId),
    prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { name: true } }),
  ]);
  const linked = Number(url.searchParams.get("score"));
  const selected = isValidAnswer(kind, linked) ? linked : (previous?.value ?? null);
  return liquid(
    surveyFormPage({
      kind,
      question: surveyQuestion(kind, context.shopName, language),
      action,
      token: url.searchParams.get("token") ?? "",
      selected,
      comment: previous?.comment ?? null,
      orderName: order?.name ?? null,
      language,
    }),
    { headers: noStore },
  );
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const { shop, customerId, action: formAction, language } = proxyContext(request);
  const words = pageStrings(language);
  const asJson = wantsJson(request);
  const now = new Date();

  const limit = await hitRateLimits([{ key: `survey:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...SURVEY_ANSWER_LIMIT }], now);
  if (!limit.allowed) {
    const headers = { ...noStore, "Retry-After": String(limit.retryAfterSeconds) };
    return asJson
      ? json({ errors: { form: words.surveyTooManyJson } }, { status: 429, headers })
      : liquid(surveyMessagePage(words.tooManyTitle, [words.surveyTooMany], language), { status: 429, headers });
  }

  const read = await readStorefrontBody(request, MAX_BODY_BYTES);
  if (!read.ok) {
    const message = unreadableBodyMessage(read.status, words);
    return asJson
      ? json({ errors: { form: message } }, { status: read.status, headers: noStore })
      : liquid(surveyMessagePage(words.unreadableTitle, [message], language), { status: read.status, headers: noStore });
  }
  const parsed = surveyAnswerSchema.safeParse(read.fields);
  let target: { orderId: string; kind: SurveyKind } | null = null;
  // Which survey is answered does not depend on the rest of the answer being valid: a bad score or an
  // over-long comment on an open survey is a 422 on that field, not "no longer open".
  const token = typeof read.fields.token === "string" ? read.fields.token : "";
  if (token) {
    const check = verifySurveyToken(token, signingSecret(), now);
    if (check.ok && check.payload.shop === shop) target = { orderId: check.payload.orderId, kind: check.payload.kind };
  } else if (customerId) {
    target = await findOrderToSurveyForCustomer(shop, customerId, now);
  }
  if (!target) {
    return asJson
      ? json({ errors: { form: words.surveyClosed } }, { status: 404, headers: noStore })
      : liquid(surveyMessagePage(words.surveyExpiredTitle, [words.surveyExpiredBody], language), { status: 404, headers: noStore });
  }

  const context = await getShopEmailContext(shop);
  if (!parsed.success || !isValidAnswer(target.kind, parsed.data.score)) {
    const { min, max } = SURVEY_SCALES[target.kind];
    const commentIssue = parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === "comment");
    const message = commentIssue ? words.surveyCommentMax(COMMENT_MAX_LENGTH) : words.surveyChooseAnswer(min, max);
    if (asJson) return json({ errors: { [commentIssue ? "comment" : "score"]: message } }, { status: 422, headers: noStore });
    return liquid(
      surveyFormPage({
        kind: target.kind,
        question: surveyQuestion(target.kind, context.shopName, language),
        action: formAction,
        token,
        selected: null,
        comment: null,
        orderName: null,
        error: message,
        language,
      }),
      { status: 422, headers: noStore },
    );
  }

  const { followUp } = await recordSurveyAnswer(
    shop,
    { orderId: target.orderId, kind: target.kind, value: parsed.data.score, comment: parsed.data.comment, source: token ? "email" : "storefront" },
    now,
  );
  if (asJson) return json({ recorded: true, followUp }, { headers: noStore });
  const paragraphs = followUp ? [words.surveySorry, context.contactLines[language]] : [words.surveyThanksBody];
  return liquid(surveyMessagePage(words.surveyThanksTitle, paragraphs, language), { headers: noStore });
};
