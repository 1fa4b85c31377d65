import { z } from "zod";
import { isIsoDate } from "./shop-time";

/**
 * The return rules a merchant edits in the admin, validated with messages written for the merchant
 * (they show on the matching Polaris field through the issue `path`). Parsing `{}` gives a typical
 * policy: 30 days from delivery, unused items in their original packaging, refund, exchange or store
 * credit, no restocking fee.
 *
 * Pure module: no I/O. `return-window.ts` applies these rules to orders.
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

const calendarDate = (field: string) =>
  z
    .string({ required_error: `Choose the ${field}.` })
    .refine(isIsoDate, `Enter the ${field} as a date, for example 2025-11-15.`);

const windowDays = (what: string) =>
  z
    .number({ required_error: `Enter ${what}.`, invalid_type_error: `Enter ${what} as a number.` })
    .int(`Enter ${what} as a whole number of days.`)
    .min(1, "The return window must be at least 1 day.")
    .max(MAX_WINDOW_DAYS, `The return window can be at most ${MAX_WINDOW_DAYS} days.`);

/** Shopify product tags are compared without regard to case or surrounding spaces. */
const productTag = z
  .string()
  .trim()
  .min(1, "Remove the empty tag.")
  .max(255, "A product tag has at most 255 characters.");

const collectionId = z
  .string()
  .regex(/^(gid:\/\/shopify\/Collection\/)?\d+$/, "Pick the collection from your store's collections.");

export const holidayExtensionSchema = z
  .object({
    orderedFrom: calendarDate("first order date of the holiday period"),
    orderedThrough: calendarDate("last order date of the holiday period"),
    windowDays: windowDays("the holiday return window"),
  })
  .refine((period) => period.orderedFrom <= period.orderedThrough, {
    message: "The holiday period must end on or after the day it starts.",
    path: ["orderedThrough"],
  });
export type HolidayExtension = z.infer<typeof holidayExtensionSchema>;

export const returnRulesSchema = z
  .object({
    /** Days the shopper has to start a return; the last day is included. */
    windowDays: windowDays("how many days customers have to start a return").default(30),
    windowStartsAt: z
      .enum(WINDOW_STARTS, {
        errorMap: () => ({ message: "Choose when the return window starts: order, fulfillment or delivery." }),
      })
      .default("delivery"),
    /**
     * Used only when the window starts at delivery and the carrier never reported it: the window
     * then starts this many days after fulfilment.
     */
    transitAllowanceDays: z
      .number({ invalid_type_error: "Enter the usual delivery time as a number of days." })
      .int("Enter the usual delivery time as a whole number of days.")
      .min(0, "The usual delivery time cannot be negative.")
      .max(MAX_TRANSIT_ALLOWANCE_DAYS, `The usual delivery time can be at most ${MAX_TRANSIT_ALLOWANCE_DAYS} days.`)
      .default(7),
    finalSale: z
      .object({
        tags: z.array(productTag).max(50, "Use at most 50 final-sale tags.").default([]),
        collectionIds: z.array(collectionId).max(50, "Use at most 50 final-sale collections.").default([]),
      })
      .default({}),
    conditions: z
      .array(
        z.enum(RETURN_CONDITIONS, {
          errorMap: () => ({ message: "Choose conditions from the list." }),
        }),
      )
      .default(["unused", "original_packaging"])
      .transform(unique),
    resolutions: z
      .array(
        z.enum(RESOLUTIONS, {
          errorMap: () => ({ message: "Choose refund, exchange or store credit." }),
        }),
      )
      .min(1, "Offer at least one way to settle a return: refund, exchange or store credit.")
      .default(["refund", "exchange", "store_credit"])
      .transform(unique),
    restockingFeePercent: z
      .number({ invalid_type_error: "Enter the restocking fee as a percentage." })
      .min(0, "The restocking fee cannot be negative.")
      .max(100, "The restocking fee cannot be more than 100%.")
      .multipleOf(0.01, "Use at most two decimals for the restocking fee.")
      .default(0),
    holidayExtensions: z.array(holidayExtensionSchema).max(10, "Use at most 10 holiday periods.").default([]),
  })
  .superRefine((rules, ctx) => {
    rules.holidayExtensions.forEach((period, index) => {
      if (period.windowDays <= rules.windowDays) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `A holiday window must be longer than the usual ${rules.windowDays} days.`,
          path: ["holidayExtensions", index, "windowDays"],
        });
      }
    });
  });

/** Rules after parsing: every default filled in. */
export type ReturnRules = z.output<typeof returnRulesSchema>;
/** What a settings form may send: any field with a default can be left out. */
export type ReturnRulesInput = z.input<typeof returnRulesSchema>;

/** The typical 30-day policy, identical to `returnRulesSchema.parse({})`. */
export const DEFAULT_RETURN_RULES: ReturnRules = returnRulesSchema.parse({});

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
