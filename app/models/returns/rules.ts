/*
 * The returns folder: the merchant's return rules and what a shopper may return, until when.
 * Pure core: rules.ts (validation), window.ts (eligibility and deadline), storefront.ts, policy-comparison.ts.
 * Server side: settings.server.ts (saved, published, compared with the shop's refund policy),
 * check.server.ts (the storefront's return check).
 */
import { z } from "zod";
import { createTranslator, type Translate } from "../../i18n/messages";
import { isIsoDate } from "../shop/time";

/**
 * The return rules a merchant edits in the admin, validated with messages written for the merchant
 * (they show on the matching Polaris field through the issue `path`), in the admin's language when the
 * schema is built with `returnRulesSchemaFor(t)` (keys under `validation.returnRules`). Parsing `{}` gives a typical
 * policy: 30 days from delivery, unused items in their original packaging, refund, exchange or store
 * credit, no restocking fee.
 *
 * Pure module: no I/O. `returns/window.ts` applies these rules to orders.
 */

/** Where the return window starts counting. */
export const WINDOW_STARTS = ["order", "fulfillment", "delivery"] as const;
export type WindowStart = (typeof WINDOW_STARTS)[number];

/** How a return can be settled. Codes, so the storefront and emails translate them. */
export const RESOLUTIONS = ["refund", "exchange", "store_credit"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** What the shopper must respect for a return to be accepted. */
export const RETURN_CONDITIONS = ["unused", "original_packaging", "tags_attached", "proof_of_purchase"] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const MAX_WINDOW_DAYS = 365;
export const MAX_TRANSIT_ALLOWANCE_DAYS = 60;
export const MAX_TAG_LENGTH = 255;
export const MAX_FINAL_SALE_ENTRIES = 50;
export const MAX_HOLIDAY_PERIODS = 10;

const ENGLISH = createTranslator({ language: "en", tag: "en" });

/** The return rules schema with every message in the language of `t` (English by default). */
export function returnRulesSchemaFor(t: Translate = ENGLISH) {
  const calendarDate = (required: string, format: string) => z.string({ required_error: required }).refine(isIsoDate, format);

  const windowDays = (messages: { required: string; number: string; whole: string }) =>
    z
      .number({ required_error: messages.required, invalid_type_error: messages.number })
      .int(messages.whole)
      .min(1, t("validation.returnRules.windowMin"))
      .max(MAX_WINDOW_DAYS, t("validation.returnRules.windowMax", { max: MAX_WINDOW_DAYS }));

  /** Shopify product tags are compared without regard to case or surrounding spaces. */
  const productTag = z
    .string()
    .trim()
    .min(1, t("validation.returnRules.emptyTag"))
    .max(MAX_TAG_LENGTH, t("validation.returnRules.tagMax", { max: MAX_TAG_LENGTH }));

  const collectionId = z.string().regex(/^(gid:\/\/shopify\/Collection\/)?\d+$/, t("validation.returnRules.collection"));

  const holidayExtensionSchema = z
    .object({
      orderedFrom: calendarDate(t("validation.returnRules.holidayFromRequired"), t("validation.returnRules.holidayFromDate")),
      orderedThrough: calendarDate(t("validation.returnRules.holidayThroughRequired"), t("validation.returnRules.holidayThroughDate")),
      windowDays: windowDays({
        required: t("validation.returnRules.holidayWindowRequired"),
        number: t("validation.returnRules.holidayWindowNumber"),
        whole: t("validation.returnRules.holidayWindowWhole"),
      }),
    })
    .refine((period) => period.orderedFrom <= period.orderedThrough, {
      message: t("validation.returnRules.holidayOrder"),
      path: ["orderedThrough"],
    });

  return z
    .object({
      /** Days the shopper has to start a return; the last day is included. */
      windowDays: windowDays({
        required: t("validation.returnRules.windowRequired"),
        number: t("validation.returnRules.windowNumber"),
        whole: t("validation.returnRules.windowWhole"),
      }).default(30),
      windowStartsAt: z
        .enum(WINDOW_STARTS, { errorMap: () => ({ message: t("validation.returnRules.windowStart") }) })
        .default("delivery"),
      /**
       * Used only when the window starts at delivery and the carrier never reported it: the window
       * then starts this many days after fulfilment.
       */
      transitAllowanceDays: z
        .number({ invalid_type_error: t("validation.returnRules.transitNumber") })
        .int(t("validation.returnRules.transitWhole"))
        .min(0, t("validation.returnRules.transitNegative"))
        .max(MAX_TRANSIT_ALLOWANCE_DAYS, t("validation.returnRules.transitMax", { max: MAX_TRANSIT_ALLOWANCE_DAYS }))
        .default(7),
      finalSale: z
        .object({
          tags: z.array(productTag).max(MAX_FINAL_SALE_ENTRIES, t("validation.returnRules.finalSaleTagsMax", { max: MAX_FINAL_SALE_ENTRIES })).default([]),
          collectionIds: z
            .array(collectionId)
            .max(MAX_FINAL_SALE_ENTRIES, t("validation.returnRules.finalSaleCollectionsMax", { max: MAX_FINAL_SALE_ENTRIES }))
            .default([]),
        })
        .default({}),
      conditions: z
        .array(z.enum(RETURN_CONDITIONS, { errorMap: () => ({ message: t("validation.returnRules.condition") }) }))
        .default(["unused", "original_packaging"])
        .transform(unique),
      resolutions: z
        .array(z.enum(RESOLUTIONS, { errorMap: () => ({ message: t("validation.returnRules.resolution") }) }))
        .min(1, t("validation.returnRules.resolutionsMin"))
        .default(["refund", "exchange", "store_credit"])
        .transform(unique),
      restockingFeePercent: z
        .number({ invalid_type_error: t("validation.returnRules.feeNumber") })
        .min(0, t("validation.returnRules.feeNegative"))
        .max(100, t("validation.returnRules.feeMax", { max: 100 }))
        .multipleOf(0.01, t("validation.returnRules.feeDecimals"))
        .default(0),
      holidayExtensions: z
        .array(holidayExtensionSchema)
        .max(MAX_HOLIDAY_PERIODS, t("validation.returnRules.holidaysMax", { max: MAX_HOLIDAY_PERIODS }))
        .default([]),
    })
    .superRefine((rules, ctx) => {
      rules.holidayExtensions.forEach((period, index) => {
        if (period.windowDays <= rules.windowDays) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: t("validation.returnRules.holidayLonger", { days: rules.windowDays }),
            path: ["holidayExtensions", index, "windowDays"],
          });
        }
      });
    });
}

/** The rules schema with English messages (storefront, jobs, tests); the admin builds its own with `t`. */
export const returnRulesSchema = returnRulesSchemaFor();

/** One holiday period, as the rules hold it. */
export type HolidayExtension = z.output<typeof returnRulesSchema>["holidayExtensions"][number];

/** Rules after parsing: every default filled in. */
export type ReturnRules = z.output<typeof returnRulesSchema>;
/** What a settings form may send: any field with a default can be left out. */
export type ReturnRulesInput = z.input<typeof returnRulesSchema>;

/** The typical 30-day policy, identical to `returnRulesSchema.parse({})`. */
export const DEFAULT_RETURN_RULES: ReturnRules = returnRulesSchema.parse({});

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
