import { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import { weekOf } from "../orders/record";
import { firstWriteClaim } from "./answer-metafield-writes.server";
import {
  DEFAULT_CHECKOUT_SURVEY_SETTINGS,
  attributionBreakdown,
  checkoutSurveySettingsSchema,
  type AttributionBreakdown,
  type CheckoutSurveySettings,
  type SurveyAnswer,
} from "./attribution";

/** Storage of the Thank-you page survey: the merchant's settings and one answer per order. */

export async function getCheckoutSurveySettings(shop: string): Promise<CheckoutSurveySettings> {
  const row = await prisma.checkoutSurveySettings.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_CHECKOUT_SURVEY_SETTINGS, options: [...DEFAULT_CHECKOUT_SURVEY_SETTINGS.options] };
  let options: unknown;
  try {
    options = JSON.parse(row.optionsJson);
  } catch {
    options = null;
  }
  const parsed = checkoutSurveySettingsSchema().safeParse({ enabled: row.enabled, askCsat: row.askCsat, options });
  // A row that no longer passes keeps its switches and falls back to the default options.
  return parsed.success ? parsed.data : { enabled: row.enabled, askCsat: row.askCsat, options: [...DEFAULT_CHECKOUT_SURVEY_SETTINGS.options] };
}

export async function saveCheckoutSurveySettings(shop: string, settings: CheckoutSurveySettings): Promise<void> {
  const data = { enabled: settings.enabled, askCsat: settings.askCsat, optionsJson: JSON.stringify(settings.options) };
  await prisma.checkoutSurveySettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

export interface StoredAnswer {
  option: string;
  otherText: string | null;
  csat: number | null;
  answeredAt: Date;
}

export async function findSurveyAnswer(shop: string, orderId: string): Promise<StoredAnswer | null> {
  return prisma.checkoutSurveyAnswer.findUnique({
    where: { shop_orderId: { shop, orderId } },
    select: { option: true, otherText: true, csat: true, answeredAt: true },
  });
}

export class AlreadyAnswered extends Error {
  constructor(public readonly orderId: string) {
    super(`Order ${orderId} already has a Thank-you page answer`);
    this.name = "AlreadyAnswered";
  }
}

/** Stores the order's answer; throws AlreadyAnswered when it has one (also when two arrive at once). */
export async function recordSurveyAnswer(
  shop: string,
  answer: SurveyAnswer,
  options: { customerId?: string | null; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  try {
    await prisma.checkoutSurveyAnswer.create({
      data: {
        shop,
        orderId: answer.orderId,
        option: answer.option,
        otherText: answer.otherText,
        csat: answer.csat,
        customerId: options.customerId ?? null,
        answeredAt: now,
        answeredWeek: weekOf(now),
        // The request writes the metafields next; if it never settles, the retry job takes over.
        ...firstWriteClaim(now),
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AlreadyAnswered(answer.orderId);
    throw error;
  }
}

/** Answers of the last `weeks` weeks, counted per week and option in SQL. */
export async function getAttributionBreakdown(shop: string, options: { now?: Date; weeks?: number } = {}): Promise<AttributionBreakdown> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.weeks ?? 12) * 7 * 86_400_000);
  const where = { shop, answeredAt: { gte: since } };
  const [groups, csat] = await Promise.all([
    prisma.checkoutSurveyAnswer.groupBy({ by: ["answeredWeek", "option"], where, _count: { _all: true } }),
    prisma.checkoutSurveyAnswer.aggregate({ where: { ...where, csat: { not: null } }, _sum: { csat: true }, _count: { csat: true } }),
  ]);
  return attributionBreakdown(
    groups.map((group) => ({ week: group.answeredWeek, option: group.option, count: group._count._all })),
    { sum: csat._sum.csat ?? 0, count: csat._count.csat },
  );
}
