/**
 * Survey settings, answers and the admin's report (score trend, response rate, comments, follow-ups).
 */
import prisma from "../../db.server";
import { flowSubjectOf, queueFlowEvents } from "../flow/events.server";
import { surveyDetractorEvent } from "../flow/triggers";
import {
  bucketAnswers,
  classifyAnswer,
  isValidAnswer,
  summarizeAnswers,
  SurveyAnswerError,
  type SurveyKind,
  type SurveySummary,
  type TrendBucket,
  type TrendPeriod,
} from "./satisfaction";
import { DEFAULT_SURVEY_SETTINGS, type SurveySettingsInput } from "./survey";

export interface SurveySettings extends SurveySettingsInput {
  /** When the survey was last switched on; orders delivered before it are never surveyed. */
  enabledAt: Date | null;
}

export async function getSurveySettings(shop: string): Promise<SurveySettings> {
  const row = await prisma.surveySettings.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_SURVEY_SETTINGS, enabledAt: null };
  return { enabled: row.enabled, kind: row.kind as SurveyKind, delayDays: row.delayDays, enabledAt: row.enabledAt };
}

export async function saveSurveySettings(shop: string, input: SurveySettingsInput, now = new Date()): Promise<SurveySettings> {
  const current = await getSurveySettings(shop);
  const enabledAt = input.enabled ? (current.enabled && current.enabledAt ? current.enabledAt : now) : current.enabledAt;
  await prisma.surveySettings.upsert({
    where: { shop },
    create: { shop, ...input, enabledAt },
    update: { ...input, enabledAt },
  });
  return { ...input, enabledAt };
}

export interface SurveyAnswer {
  orderId: string;
  kind: SurveyKind;
  value: number;
  comment: string | null;
  source: "email" | "storefront";
}

/** Records (or replaces) the answer for an order. Throws SurveyAnswerError for a score off the scale. */
export async function recordSurveyAnswer(shop: string, answer: SurveyAnswer, now = new Date()): Promise<{ followUp: boolean }> {
  if (!isValidAnswer(answer.kind, answer.value)) throw new SurveyAnswerError(answer.kind, answer.value);
  const { followUp } = classifyAnswer(answer.kind, answer.value);
  const data = { kind: answer.kind, value: answer.value, comment: answer.comment, followUp, followUpState: "open", answeredAt: now, source: answer.source };
  await prisma.surveyResponse.upsert({
    where: { shop_orderId: { shop, orderId: answer.orderId } },
    create: { shop, orderId: answer.orderId, ...data },
    update: data,
  });
  // Shopify Flow: "Survey detractor" for an answer the triage flags (NPS 0-6, CSAT 1-2, CES 1-3), once per order.
  await queueFlowEvents(shop, async () => [surveyDetractorEvent({ ...(await flowSubjectOf(shop, answer.orderId)), kind: answer.kind, value: answer.value, followUp })], now);
  return { followUp };
}

export async function getSurveyAnswer(shop: string, orderId: string) {
  return prisma.surveyResponse.findUnique({ where: { shop_orderId: { shop, orderId } } });
}

export async function closeFollowUp(shop: string, orderId: string): Promise<boolean> {
  const { count } = await prisma.surveyResponse.updateMany({ where: { shop, orderId, followUp: true }, data: { followUpState: "done" } });
  return count === 1;
}

export interface SurveyComment {
  orderId: string;
  orderName: string | null;
  value: number;
  comment: string;
  answeredAt: Date;
}

export interface SurveyFollowUp extends Omit<SurveyComment, "comment"> {
  comment: string | null;
  band: string;
}

export interface SurveyReport {
  kind: SurveyKind;
  summary: SurveySummary;
  trend: TrendBucket[];
  surveysSent: number;
  responses: number;
  /** Answers to emailed surveys / surveys sent, 0..100, or null before any survey was sent. */
  responseRate: number | null;
  comments: SurveyComment[];
  followUps: SurveyFollowUp[];
}

/** The admin's view of the survey of the kind currently chosen, over the last `days` days. */
export async function getSurveyReport(
  shop: string,
  options: { kind: SurveyKind; now?: Date; days?: number; period?: TrendPeriod; timeZone?: string },
): Promise<SurveyReport> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days ?? 180) * 86_400_000);
  const [answers, surveysSent] = await Promise.all([
    prisma.surveyResponse.findMany({ where: { shop, kind: options.kind, answeredAt: { gte: since } }, orderBy: { answeredAt: "desc" } }),
    prisma.outboxMessage.count({ where: { shop, kind: "survey", status: "sent", sentAt: { gte: since } } }),
  ]);
  const names = new Map(
    (await prisma.order.findMany({ where: { shop, id: { in: answers.map((answer) => answer.orderId) } }, select: { id: true, name: true } })).map((order) => [order.id, order.name]),
  );
  const emailed = answers.length === 0 ? 0 : await prisma.outboxMessage.count({
    where: { shop, kind: "survey", status: "sent", reference: { in: answers.map((answer) => answer.orderId) } },
  });

  return {
    kind: options.kind,
    summary: summarizeAnswers(options.kind, answers.map((answer) => answer.value)),
    trend: bucketAnswers(options.kind, answers.map((answer) => ({ value: answer.value, answeredAt: answer.answeredAt })), {
      period: options.period ?? "week",
      timeZone: options.timeZone ?? "UTC",
    }),
    surveysSent,
    responses: answers.length,
    responseRate: surveysSent === 0 ? null : Math.min(100, Math.round((emailed * 100) / surveysSent)),
    comments: answers
      .flatMap((answer) =>
        answer.comment
          ? [{ orderId: answer.orderId, orderName: names.get(answer.orderId) ?? null, value: answer.value, comment: answer.comment, answeredAt: answer.answeredAt }]
          : [],
      )
      .slice(0, 50),
    followUps: answers
      .filter((answer) => answer.followUp && answer.followUpState === "open")
      .map((answer) => ({
        orderId: answer.orderId,
        orderName: names.get(answer.orderId) ?? null,
        value: answer.value,
        comment: answer.comment,
        answeredAt: answer.answeredAt,
        band: classifyAnswer(options.kind, answer.value).band,
      })),
  };
}

/** Orders delivered longer ago than this are not surveyed any more (the memory has faded). */
export const SURVEY_MAX_AGE_DAYS = 30;
/** Extra days a survey held back by the plan's monthly limit may wait for the next month. */
export const SURVEY_HOLD_GRACE_DAYS = 31;

/**
 * The order a logged-in shopper is asked about in the storefront block: their most recent order
 * delivered within SURVEY_MAX_AGE_DAYS, if the survey is on and that order has no answer yet.
 */
export async function findOrderToSurveyForCustomer(
  shop: string,
  customerId: string,
  now = new Date(),
): Promise<{ orderId: string; orderName: string; kind: SurveyKind } | null> {
  const settings = await getSurveySettings(shop);
  if (!settings.enabled) return null;
  const order = await prisma.order.findFirst({
    where: {
      shop,
      customerId: `gid://shopify/Customer/${customerId}`,
      shipmentStatus: "delivered",
      deliveredAt: { gte: new Date(now.getTime() - SURVEY_MAX_AGE_DAYS * 86_400_000), lte: now },
    },
    orderBy: { deliveredAt: "desc" },
    select: { id: true, name: true },
  });
  if (!order || (await getSurveyAnswer(shop, order.id))) return null;
  return { orderId: order.id, orderName: order.name, kind: settings.kind };
}
