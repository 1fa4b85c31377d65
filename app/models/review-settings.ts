/**
 * What the merchant chooses for review requests, as the admin form posts it. Pure: no I/O.
 */
import { z } from "zod";

const days = (max: number) =>
  z.coerce
    .number({ invalid_type_error: "Enter a number of days" })
    .int("Use whole days")
    .min(0, `Use 0 to ${max} days`)
    .max(max, `Use 0 to ${max} days`);

export const reviewSettingsSchema = z.object({
  enabled: z.boolean(),
  homeCountry: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .refine((value) => value === "" || /^[A-Z]{2}$/.test(value), "Use a two-letter country code, such as ID or US")
    .transform((value) => value || null),
  domesticDeliveredDays: days(60),
  domesticFulfilledDays: days(60),
  internationalDeliveredDays: days(60),
  internationalFulfilledDays: days(90),
  reminderDays: days(30),
});
export type ReviewSettingsForm = z.infer<typeof reviewSettingsSchema>;
