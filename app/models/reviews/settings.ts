/**
 * What the merchant chooses for review requests, as the admin form posts it. Pure: no I/O.
 * Messages are in the admin language of the translator given (English by default).
 */
import { z } from "zod";
import { createTranslator, type Translate } from "../../i18n/messages";

const ENGLISH = createTranslator({ language: "en", tag: "en" });

export const reviewSettingsSchemaFor = (t: Translate = ENGLISH) => {
  const days = (max: number) =>
    z.coerce
      .number({ invalid_type_error: t("reviews.errors.days") })
      .int(t("reviews.errors.wholeDays"))
      .min(0, t("reviews.errors.daysRange", { max }))
      .max(max, t("reviews.errors.daysRange", { max }));
  return z.object({
    enabled: z.boolean(),
    homeCountry: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .refine((value) => value === "" || /^[A-Z]{2}$/.test(value), t("reviews.errors.countryCode"))
      .transform((value) => value || null),
    domesticDeliveredDays: days(60),
    domesticFulfilledDays: days(60),
    internationalDeliveredDays: days(60),
    internationalFulfilledDays: days(90),
    reminderDays: days(30),
    // Shopify Flow's "Review rated low": a rating at or below this. Not posted: the saved one stays.
    lowRatingThreshold: z.preprocess(
      (value) => (value === null || value === undefined || value === "" ? undefined : value),
      z.coerce
        .number({ invalid_type_error: t("validation.wholeNumberRange", { min: 1, max: 5 }) })
        .int(t("validation.wholeNumberRange", { min: 1, max: 5 }))
        .min(1, t("validation.wholeNumberRange", { min: 1, max: 5 }))
        .max(5, t("validation.wholeNumberRange", { min: 1, max: 5 }))
        .optional(),
    ),
  });
};

export const reviewSettingsSchema = reviewSettingsSchemaFor();
export type ReviewSettingsForm = z.infer<typeof reviewSettingsSchema>;
