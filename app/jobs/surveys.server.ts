/**
 * Sends the one-question survey after delivery: every order delivered at least `delayDays` ago (and
 * after the survey was switched on) gets one email, keyed `survey:<orderId>` in the outbox.
 */
import { renderEmail } from "../email/render";
import { getShopEmailContext, listInstalledShops } from "../email/shop-context.server";
import { EMAIL_STRINGS } from "../email/email-strings";
import { emailLanguage } from "../email/language";
import { getEmailTemplates } from "../email/templates.server";
import prisma from "../db.server";
import { openMonthlyAllowance } from "../models/billing/usage.server";
import { getContactDetails } from "../models/orders/contact-details.server";
import { enqueueEmail } from "../models/email/outbox.server";
import { scaleValues, signSurveyToken, surveyAnswerUrl, surveyQuestion } from "../models/surveys/survey";
import { getSurveySettings, SURVEY_HOLD_GRACE_DAYS, SURVEY_MAX_AGE_DAYS } from "../models/surveys/survey.server";


export interface SurveyRunReport {
  due: number;
  enqueued: number;
  withoutEmail: number;
}

function signingSecret(): string {
  const secret = process.env.SHOPIFY_API_SECRET;
  if (!secret) throw new Error("SHOPIFY_API_SECRET is missing: it signs the survey links");
  return secret;
}

export async function enqueueSurveys(shop: string, now = new Date()): Promise<SurveyRunReport> {
  const report: SurveyRunReport = { due: 0, enqueued: 0, withoutEmail: 0 };
  const settings = await getSurveySettings(shop);
  if (!settings.enabled || !settings.enabledAt) return report;

  // A survey over the plan's monthly allowance is not enqueued: it stays due for the next run. While some
  // are held back, the age window stretches by a month so that none fades out while it waits.
  const allowance = await openMonthlyAllowance(shop, "survey", { now });
  const maxAgeDays = SURVEY_MAX_AGE_DAYS + (allowance.plan.held.survey > 0 ? SURVEY_HOLD_GRACE_DAYS : 0);
  const deliveredBefore = new Date(now.getTime() - settings.delayDays * 86_400_000);
  const deliveredAfter = new Date(Math.max(settings.enabledAt.getTime(), now.getTime() - maxAgeDays * 86_400_000));
  const orders = await prisma.order.findMany({
    where: { shop, shipmentStatus: "delivered", deliveredAt: { lte: deliveredBefore, gte: deliveredAfter } },
    select: { id: true, name: true },
    // Oldest first: when the plan's monthly allowance runs out, the newest wait.
    orderBy: { deliveredAt: "asc" },
  });
  if (orders.length === 0) return report;
  const already = new Set(
    (
      await prisma.outboxMessage.findMany({
        where: { shop, dedupeKey: { in: orders.map((order) => `survey:${order.id}`) } },
        select: { reference: true },
      })
    ).map((row) => row.reference),
  );
  const due = orders.filter((order) => !already.has(order.id));
  report.due = due.length;
  if (due.length === 0) return report;

  const [context, templates, contacts] = await Promise.all([
    getShopEmailContext(shop),
    getEmailTemplates(shop, "survey"),
    getContactDetails(shop, due.map((order) => order.id)),
  ]);
  const secret = signingSecret();
  for (const order of due) {
    const contact = contacts.get(order.id);
    if (!contact) {
      report.withoutEmail += 1;
      continue;
    }
    if (!allowance.take()) continue;
    const token = signSurveyToken({ shop, orderId: order.id, kind: settings.kind }, secret, now);
    const language = emailLanguage(contact.locale, context.primaryLocale);
    const words = EMAIL_STRINGS[language];
    const question = surveyQuestion(settings.kind, context.shopName, language);
    const email = renderEmail({
      template: templates[language],
      locale: language,
      values: {
        first_name: contact.firstName ?? words.firstNameFallback,
        order_name: order.name,
        shop_name: context.shopName,
        question: question.question,
        contact_line: context.contactLines[language],
      },
      actions: [
        {
          caption: `${question.min} = ${question.lowLabel}, ${question.max} = ${question.highLabel}`,
          links: scaleValues(settings.kind).map((score) => ({ label: String(score), url: surveyAnswerUrl(context.proxyBaseUrl, token, score) })),
        },
      ],
      footer: words.surveyFooter(order.name, context.shopName),
    });
    const result = await enqueueEmail({ shop, dedupeKey: `survey:${order.id}`, kind: "survey", reference: order.id, to: contact.email, email }, now);
    if (result.created) report.enqueued += 1;
  }
  await allowance.close();
  return report;
}

export async function enqueueSurveysForAllShops(now = new Date()): Promise<Record<string, SurveyRunReport>> {
  const reports: Record<string, SurveyRunReport> = {};
  for (const shop of await listInstalledShops()) reports[shop] = await enqueueSurveys(shop, now);
  return reports;
}
