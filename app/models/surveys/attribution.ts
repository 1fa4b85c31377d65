import { z } from "zod";
import { createTranslator, type Translate } from "../../i18n/messages";
import {
  CSAT_SCORES,
  DEFAULT_ATTRIBUTION_OPTIONS,
  MAX_OPTIONS,
  OPTION_MAX_LENGTH,
  OTHER_OPTION,
  OTHER_TEXT_MAX,
  adminOrderGid,
} from "./attribution-options";

/**
 * The Thank-you page survey: the merchant's settings, what an answer may contain and the admin's
 * breakdown of answers by week and channel. Pure; storage is in attribution.server.ts.
 */

const ENGLISH = createTranslator({ language: "en", tag: "en" });

export interface CheckoutSurveySettings {
  /** Show the attribution question on the Thank-you page. */
  enabled: boolean;
  /** Also ask for a 1–5 rating of the buying experience. */
  askCsat: boolean;
  /** The merchant's options, in their order; "Other" is not part of the list and always offered. */
  options: string[];
}

export const DEFAULT_CHECKOUT_SURVEY_SETTINGS: CheckoutSurveySettings = {
  enabled: true,
  askCsat: true,
  options: [...DEFAULT_ATTRIBUTION_OPTIONS],
};

/** The options a merchant typed, one a line: trimmed, blank lines and "Other" dropped. */
export function optionsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line.toLowerCase() !== OTHER_OPTION.toLowerCase());
}

export function checkoutSurveySettingsSchema(t: Translate = ENGLISH) {
  return z.object({
    enabled: z.boolean(),
    askCsat: z.boolean(),
    options: z
      .array(z.string().max(OPTION_MAX_LENGTH, { message: t("checkoutSurvey.errors.optionTooLong", { max: OPTION_MAX_LENGTH }) }))
      .min(1, { message: t("checkoutSurvey.errors.noOptions") })
      .max(MAX_OPTIONS, { message: t("checkoutSurvey.errors.tooManyOptions", { max: MAX_OPTIONS }) })
      .refine((options) => new Set(options.map((option) => option.toLowerCase())).size === options.length, {
        message: t("checkoutSurvey.errors.duplicateOption"),
      }),
  });
}

export interface SurveyAnswer {
  orderId: string;
  option: string;
  otherText: string | null;
  csat: number | null;
}

/**
 * What the extension may post for a shop with these settings: an order gid (OrderIdentity or Order,
 * stored as the Admin API's Order gid), one of the merchant's options or "Other" (with at most 200
 * characters of text, only then), a 1–5 rating when the merchant asks for one, and the order's
 * confirmation number (orderConfirmation.number), which is how a guest shows the order is theirs.
 */
export function surveyAnswerSchema(settings: CheckoutSurveySettings, t: Translate = ENGLISH) {
  const allowed = new Set([...settings.options, OTHER_OPTION]);
  return z
    .object({
      orderId: z
        .string({ required_error: t("checkoutSurvey.errors.orderId"), invalid_type_error: t("checkoutSurvey.errors.orderId") })
        .max(100, { message: t("checkoutSurvey.errors.orderId") })
        .transform((id, context) => {
          const gid = adminOrderGid(id);
          if (!gid) context.addIssue({ code: z.ZodIssueCode.custom, message: t("checkoutSurvey.errors.orderId") });
          return gid ?? "";
        }),
      option: z
        .string({ required_error: t("checkoutSurvey.errors.option"), invalid_type_error: t("checkoutSurvey.errors.option") })
        .refine((option) => allowed.has(option), { message: t("checkoutSurvey.errors.option") }),
      otherText: z
        .string({ invalid_type_error: t("checkoutSurvey.errors.otherTextLong", { max: OTHER_TEXT_MAX }) })
        .max(OTHER_TEXT_MAX, { message: t("checkoutSurvey.errors.otherTextLong", { max: OTHER_TEXT_MAX }) })
        .nullish()
        .transform((text) => text?.trim() || null),
      confirmationNumber: z
        .string({ invalid_type_error: t("checkoutSurvey.errors.confirmationNumber") })
        .max(64, { message: t("checkoutSurvey.errors.confirmationNumber") })
        .nullish()
        .transform((number) => number?.trim() || null),
      csat: z
        .number({ invalid_type_error: t("checkoutSurvey.errors.csat") })
        .int({ message: t("checkoutSurvey.errors.csat") })
        .refine((score) => (CSAT_SCORES as readonly number[]).includes(score), { message: t("checkoutSurvey.errors.csat") })
        .nullish()
        .transform((score) => score ?? null),
    })
    .strict()
    .superRefine((answer, context) => {
      if (answer.otherText && answer.option !== OTHER_OPTION) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ["otherText"], message: t("checkoutSurvey.errors.otherTextWithoutOther") });
      }
      if (answer.csat !== null && !settings.askCsat) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ["csat"], message: t("checkoutSurvey.errors.csatOff") });
      }
    });
}

/** The first problem of a failed parse, as `{ field, message }` for a 400 answer. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: String(issue?.path[0] ?? "body"), message: issue?.message ?? "" };
}

export interface AttributionRow {
  week: string;
  option: string;
  count: number;
}

export interface AttributionBreakdown {
  total: number;
  /** Options by answers, most first; share is 0–100. */
  channels: Array<{ option: string; count: number; share: number }>;
  /** Oldest week first; every channel present in every week (0 when none). */
  weeks: Array<{ week: string; counts: Record<string, number> }>;
  /** Average 1–5 rating, or null without ratings. */
  csatAverage: number | null;
  csatCount: number;
}

/** Shapes grouped counts (week × option, from SQL) into the card's figures. */
export function attributionBreakdown(rows: readonly AttributionRow[], csat: { sum: number; count: number }): AttributionBreakdown {
  const byOption = new Map<string, number>();
  const byWeek = new Map<string, Record<string, number>>();
  for (const row of rows) {
    byOption.set(row.option, (byOption.get(row.option) ?? 0) + row.count);
    const counts = byWeek.get(row.week) ?? {};
    counts[row.option] = (counts[row.option] ?? 0) + row.count;
    byWeek.set(row.week, counts);
  }
  const total = [...byOption.values()].reduce((sum, count) => sum + count, 0);
  const channels = [...byOption.entries()]
    .map(([option, count]) => ({ option, count, share: total === 0 ? 0 : (count / total) * 100 }))
    .sort((a, b) => b.count - a.count || a.option.localeCompare(b.option));
  const weeks = [...byWeek.keys()].sort().map((week) => ({
    week,
    counts: Object.fromEntries(channels.map(({ option }) => [option, byWeek.get(week)![option] ?? 0])),
  }));
  return {
    total,
    channels,
    weeks,
    csatAverage: csat.count === 0 ? null : csat.sum / csat.count,
    csatCount: csat.count,
  };
}
