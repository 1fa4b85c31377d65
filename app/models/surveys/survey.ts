/*
 * The surveys folder: asking shoppers how it went, after delivery and on the Thank-you page.
 * Pure core: survey.ts (settings, questions, signed links), satisfaction.ts (CSAT/NPS/CES), page.ts,
 * attribution.ts and attribution-options.ts (the Thank-you attribution question).
 * Server side: survey.server.ts, attribution.server.ts, answer-request.server.ts, answer-metafields.server.ts.
 */
/**
 * The post-delivery survey: the merchant's settings, the one question per kind, the answer a shopper
 * sends, and the signed links that carry it. Pure: no I/O (the score math is in satisfaction.ts).
 */
import type { EmailLanguage } from "../../email/language";
import { z } from "zod";
import { SURVEY_KINDS, SURVEY_SCALES, type SurveyKind } from "./satisfaction";
import { signToken, verifyToken, type TokenCheck } from "../signed-token";

export { SURVEY_KINDS };

export const surveySettingsSchema = z.object({
  enabled: z.boolean(),
  kind: z.enum(SURVEY_KINDS),
  delayDays: z.coerce
    .number({ invalid_type_error: "Enter a number of days" })
    .int("Use whole days")
    .min(0, "Use 0 to 30 days")
    .max(30, "Use 0 to 30 days"),
});
export type SurveySettingsInput = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettingsInput = { enabled: false, kind: "csat", delayDays: 3 };

export interface SurveyQuestion {
  question: string;
  /** What the ends of the scale mean. */
  lowLabel: string;
  highLabel: string;
  min: number;
  max: number;
}

/** The question in the shopper's email language (English by default: the survey page is English). */
export function surveyQuestion(kind: SurveyKind, shopName: string, language: EmailLanguage = "en"): SurveyQuestion {
  const { min, max } = SURVEY_SCALES[kind];
  if (language === "id") {
    switch (kind) {
      case "csat":
        return { question: `Seberapa puas Anda dengan pesanan Anda dari ${shopName}?`, lowLabel: "Sangat tidak puas", highLabel: "Sangat puas", min, max };
      case "nps":
        return { question: `Seberapa besar kemungkinan Anda merekomendasikan ${shopName} kepada teman?`, lowLabel: "Sangat tidak mungkin", highLabel: "Sangat mungkin", min, max };
      case "ces":
        return { question: `${shopName} memudahkan saya mendapatkan apa yang saya pesan.`, lowLabel: "Sangat tidak setuju", highLabel: "Sangat setuju", min, max };
    }
  }
  switch (kind) {
    case "csat":
      return { question: `How satisfied are you with your order from ${shopName}?`, lowLabel: "Very unsatisfied", highLabel: "Very satisfied", min, max };
    case "nps":
      return { question: `How likely are you to recommend ${shopName} to a friend?`, lowLabel: "Not at all likely", highLabel: "Extremely likely", min, max };
    case "ces":
      return { question: `${shopName} made it easy to get what I ordered.`, lowLabel: "Strongly disagree", highLabel: "Strongly agree", min, max };
  }
}

export function scaleValues(kind: SurveyKind): number[] {
  const { min, max } = SURVEY_SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

/** A signed survey link stays valid this long after the email is sent. */
export const SURVEY_LINK_DAYS = 30;
export const SURVEY_TOKEN_PURPOSE = "survey";

export interface SurveyTokenPayload {
  [key: string]: string;
  shop: string;
  orderId: string;
  kind: SurveyKind;
}

export function signSurveyToken(payload: SurveyTokenPayload, secret: string, now: Date): string {
  return signToken(payload, { secret, purpose: SURVEY_TOKEN_PURPOSE, expiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * 86_400_000) });
}

export function verifySurveyToken(token: string, secret: string, now: Date): TokenCheck<SurveyTokenPayload> {
  const check = verifyToken<SurveyTokenPayload>(token, { secret, purpose: SURVEY_TOKEN_PURPOSE, now });
  if (!check.ok) return check;
  const { shop, orderId, kind } = check.payload;
  const wellFormed = typeof shop === "string" && typeof orderId === "string" && (SURVEY_KINDS as readonly string[]).includes(kind);
  return wellFormed ? check : { ok: false, reason: "malformed" };
}

/** The link one answer in the email points to; the page it opens confirms the answer (see proxy.survey). */
export function surveyAnswerUrl(proxyBaseUrl: string, token: string, score: number): string {
  const url = new URL(`${proxyBaseUrl}/survey`);
  url.searchParams.set("token", token);
  url.searchParams.set("score", String(score));
  return url.toString();
}

export const COMMENT_MAX_LENGTH = 1000;

/** What the survey form posts. The score is checked against the survey's own scale afterwards. */
export const surveyAnswerSchema = z.object({
  token: z.string().min(1).max(2000).optional(),
  score: z.coerce.number().int(),
  comment: z
    .string()
    .max(COMMENT_MAX_LENGTH, `Keep the comment under ${COMMENT_MAX_LENGTH} characters`)
    .optional()
    .transform((value) => {
      // Control characters (but line breaks) have no place in a comment.
      const cleaned = value?.replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, "").trim();
      return cleaned ? cleaned : null;
    }),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerSchema>;
