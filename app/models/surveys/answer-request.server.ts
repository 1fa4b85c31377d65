import type { AdminGraphql } from "../../shopify/admin-graphql";
import type { Translate } from "../../i18n/messages";
import { hitRateLimits } from "../rate-limit.server";
import { adminOrderGid } from "./attribution-options";
import { firstIssue, surveyAnswerSchema } from "./attribution";
import { AlreadyAnswered, findSurveyAnswer, getCheckoutSurveySettings, recordSurveyAnswer } from "./attribution.server";
import { surveyOrder } from "./answer-metafields.server";
import { surveyOwnerVerdict, type SurveyOrderOwner } from "./answer-owner";
import { writeStoredAnswer } from "./answer-metafield-writes.server";

/**
 * What the Thank-you page extension's survey requests get, once the route has authenticated them: the
 * shop comes from the session token only, never from the request.
 */

export interface SurveyReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface SurveyContext {
  shop: string;
  /** The buyer when logged in (the token's `sub`). */
  customerId: string | null;
  t: Translate;
  now?: Date;
}

/** Per order: a reload and an answer or two; per shop: a busy sale. */
const ORDER_LIMIT = { limit: 20, windowMs: 60_000 };
const SHOP_LIMIT = { limit: 1200, windowMs: 60_000 };
/** Far above any answer (200 characters of text and a few ids). */
export const MAX_BODY_CHARS = 4_000;

async function limited(context: SurveyContext, orderId: string): Promise<SurveyReply | null> {
  const decision = await hitRateLimits(
    [
      { key: `checkout-survey:order:${context.shop}:${orderId}`, ...ORDER_LIMIT },
      { key: `checkout-survey:shop:${context.shop}`, ...SHOP_LIMIT },
    ],
    context.now,
  );
  if (decision.allowed) return null;
  return {
    status: 429,
    body: { error: context.t("checkoutSurvey.errors.rateLimited") },
    headers: { "Retry-After": String(decision.retryAfterSeconds) },
  };
}

/** GET: whether the order is answered, and the question to ask when it is not. */
export async function surveyState(context: SurveyContext, orderParam: string | null): Promise<SurveyReply> {
  const orderId = orderParam ? adminOrderGid(orderParam) : null;
  if (!orderId) return { status: 400, body: { error: context.t("checkoutSurvey.errors.orderId"), field: "orderId" } };
  const refused = await limited(context, orderId);
  if (refused) return refused;
  const [settings, answer] = await Promise.all([getCheckoutSurveySettings(context.shop), findSurveyAnswer(context.shop, orderId)]);
  return {
    status: 200,
    body: { enabled: settings.enabled, answered: answer !== null, askCsat: settings.askCsat, options: settings.options },
  };
}

/** POST: stores the order's one answer, then writes it to the order's metafields (retried later if that fails). */
export async function submitSurveyAnswer(context: SurveyContext, rawBody: string, admin: () => Promise<AdminGraphql>): Promise<SurveyReply> {
  const { t } = context;
  const invalid = (field: string, message: string): SurveyReply => ({ status: 400, body: { error: message, field } });
  if (rawBody.length > MAX_BODY_CHARS) return invalid("body", t("checkoutSurvey.errors.body"));
  let input: unknown;
  try {
    input = JSON.parse(rawBody);
  } catch {
    return invalid("body", t("checkoutSurvey.errors.body"));
  }
  if (!input || typeof input !== "object" || Array.isArray(input)) return invalid("body", t("checkoutSurvey.errors.body"));

  const settings = await getCheckoutSurveySettings(context.shop);
  if (!settings.enabled) return { status: 403, body: { error: t("checkoutSurvey.errors.disabled") } };
  const parsed = surveyAnswerSchema(settings, t).safeParse(input);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    return invalid(issue.field, issue.message);
  }
  const answer = parsed.data;
  const refused = await limited(context, answer.orderId);
  if (refused) return refused;
  if (await findSurveyAnswer(context.shop, answer.orderId)) return { status: 409, body: { error: t("checkoutSurvey.errors.alreadyAnswered") } };
  let graphql: AdminGraphql;
  let order: SurveyOrderOwner | null;
  try {
    graphql = await admin();
    order = await surveyOrder(graphql, answer.orderId);
  } catch (error) {
    if (error instanceof Response && (error.status === 401 || error.status === 403)) throw error;
    return { status: 503, body: { error: t("checkoutSurvey.errors.unavailable"), retryable: true } };
  }
  if (!order) return { status: 404, body: { error: t("checkoutSurvey.errors.orderNotFound") } };
  // Identity from the token's `sub`, or the order's confirmation number for a guest; never the body's say-so.
  const verdict = surveyOwnerVerdict(order, { customerId: context.customerId, confirmationNumber: answer.confirmationNumber });
  if (verdict === "another_customer") return { status: 403, body: { error: t("checkoutSurvey.errors.notYourOrder") } };
  if (verdict === "unconfirmed") return { status: 403, body: { error: t("checkoutSurvey.errors.unconfirmed") } };

  try {
    await recordSurveyAnswer(context.shop, answer, { customerId: context.customerId, now: context.now });
  } catch (error) {
    if (error instanceof AlreadyAnswered) return { status: 409, body: { error: t("checkoutSurvey.errors.alreadyAnswered") } };
    throw error;
  }

  // The answer is kept whatever Shopify says; a failed write is recorded on it and retried by the jobs.
  await writeStoredAnswer(context.shop, answer, graphql, context.now);
  return { status: 201, body: { answered: true } };
}
