/**
 * The email templates page: each editable email as the shop has it now, and the shop's facts the
 * preview fills in (name, contact line, survey question, anniversary discount).
 */
import { getShopEmailContext } from "../../email/shop-context.server";
import type { PreviewContext } from "../../email/template-preview";
import { DEFAULT_TEMPLATES, EMAIL_KINDS, PLACEHOLDERS, type EmailKind } from "../../email/templates";
import { getEmailTemplate } from "../../email/templates.server";
import { scaleValues, surveyQuestion } from "../surveys/survey";
import { getSurveySettings } from "../surveys/survey.server";
import { getLoyaltySettings } from "../loyalty/loyalty.server";
import { sampleDiscountLine } from "../loyalty/email";

export { resetEmailTemplate, saveEmailTemplate } from "../../email/templates.server";

export interface EditableTemplate {
  subject: string;
  body: string;
  /** The merchant changed it (reset brings the built-in wording back). */
  custom: boolean;
  defaults: { subject: string; body: string };
  placeholders: readonly string[];
}

export async function getEmailTemplatesPage(shop: string): Promise<Record<EmailKind, EditableTemplate>> {
  const entries = await Promise.all(
    EMAIL_KINDS.map(async (kind) => {
      const template = await getEmailTemplate(shop, kind);
      return [kind, { ...template, defaults: DEFAULT_TEMPLATES[kind], placeholders: PLACEHOLDERS[kind] }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<EmailKind, EditableTemplate>;
}

export async function getEmailPreviewContext(shop: string): Promise<PreviewContext> {
  const [context, survey, loyalty] = await Promise.all([getShopEmailContext(shop), getSurveySettings(shop), getLoyaltySettings(shop)]);
  const question = surveyQuestion(survey.kind, context.shopName);
  return {
    shopName: context.shopName,
    contactLine: context.contactLine,
    discountLine: sampleDiscountLine(loyalty.discountPercent, loyalty.discountDays, new Date()),
    survey: {
      question: question.question,
      caption: `${question.min} = ${question.lowLabel}, ${question.max} = ${question.highLabel}`,
      scale: scaleValues(survey.kind),
    },
  };
}
