/**
 * What each editable email looks like with sample data: the settings pages render it as the merchant
 * types. The parts a merchant cannot edit (survey answer links, the footer) are added here exactly as
 * the jobs add them, so the preview shows the whole email. Pure: no I/O, safe in the browser.
 */
import { SURVEY_SCALES } from "../models/surveys/satisfaction";
import { renderEmail, type EmailActionRow, type EmailTemplateText, type PlaceholderValue, type RenderedEmail } from "./render";
import type { EmailKind } from "./templates";

/** The placeholders whose meaning the editor explains (`templates.placeholderHelp.<name>` in the admin strings). */
export const DOCUMENTED_PLACEHOLDERS = [
  "first_name",
  "order_name",
  "shop_name",
  "promised_range",
  "tracking_url",
  "order_status_url",
  "contact_line",
  "question",
  "first_order_date",
  "discount_line",
] as const;
export type DocumentedPlaceholder = (typeof DOCUMENTED_PLACEHOLDERS)[number];

export const isDocumentedPlaceholder = (name: string): name is DocumentedPlaceholder => (DOCUMENTED_PLACEHOLDERS as readonly string[]).includes(name);

export interface PreviewContext {
  shopName: string;
  contactLine: string;
  /** For the anniversary: the discount sentence as the loyalty settings would make it ("" for none). */
  discountLine?: string;
  /** For the survey: the shop's question and answer scale (a CSAT question when not given). */
  survey?: { question: string; caption: string; scale: number[] };
}

function surveyOf(context: PreviewContext): NonNullable<PreviewContext["survey"]> {
  if (context.survey) return context.survey;
  const { min, max } = SURVEY_SCALES.csat;
  return {
    question: `How satisfied are you with your order from ${context.shopName}?`,
    caption: `${min} = Very unsatisfied, ${max} = Very satisfied`,
    scale: Array.from({ length: max - min + 1 }, (_, index) => min + index),
  };
}

function sampleValues(kind: EmailKind, context: PreviewContext): Record<string, PlaceholderValue> {
  const common = { first_name: "Ana", shop_name: context.shopName, contact_line: context.contactLine };
  switch (kind) {
    case "delay_notice":
      return {
        ...common,
        order_name: "#1001",
        promised_range: "12–15 March",
        tracking_url: { url: "https://track.example.com/AB123456789" },
        order_status_url: { url: "https://your-shop.example/apps/aftercare/order-status" },
      };
    case "survey":
      return { ...common, order_name: "#1001", question: surveyOf(context).question };
    case "anniversary":
      return { ...common, first_order_date: "12 March 2025", discount_line: context.discountLine ?? "" };
  }
}

function fixedParts(kind: EmailKind, context: PreviewContext): { actions: EmailActionRow[]; footer: string } {
  switch (kind) {
    case "delay_notice":
      return { actions: [], footer: `You receive this email because you ordered #1001 from ${context.shopName}.` };
    case "survey": {
      const survey = surveyOf(context);
      const links = survey.scale.map((score) => ({ label: String(score), url: `https://your-shop.example/apps/aftercare/survey?score=${score}` }));
      return {
        actions: [{ caption: survey.caption, links }],
        footer: `You receive this email because you ordered #1001 from ${context.shopName}. We ask once per order.`,
      };
    }
    case "anniversary":
      return { actions: [], footer: `You receive this email because you are a customer of ${context.shopName}. We send it once.` };
  }
}

export function previewEmail(kind: EmailKind, template: EmailTemplateText, context: PreviewContext): RenderedEmail {
  return renderEmail({ template, values: sampleValues(kind, context), ...fixedParts(kind, context) });
}
