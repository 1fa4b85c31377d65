/*
 * The loyalty folder: one thank-you a year after a customer's first order.
 * Pure core: loyalty.ts (the anniversary and its discount code), email.ts (the message).
 * Server side: loyalty.server.ts (settings and the discount created through the Admin API).
 */
/**
 * The first-purchase anniversary: which day it falls on, and the discount code that may come with
 * the thank-you. Pure: no I/O.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { createTranslator, type Translate } from "../../i18n/messages";
import { addDays, isIsoDate, zonedDateTime, type IsoDate } from "../shop/time";

/** An anniversary noticed later than this (the app was off, the job did not run) is let go. */
export const ANNIVERSARY_GRACE_DAYS = 14;

const ENGLISH = createTranslator({ language: "en", tag: "en" });

/** The loyalty settings form, its messages in the admin language of `t` (English by default). */
export const loyaltySettingsSchemaFor = (t: Translate = ENGLISH) => {
  const percent = t("loyalty.errors.percent");
  const days = t("loyalty.errors.days");
  return z.object({
    enabled: z.boolean(),
    /** Percentage off the next order, or null for a thank-you without a code. */
    discountPercent: z.coerce.number({ invalid_type_error: percent }).int(percent).min(1, percent).max(90, percent).nullable(),
    /** How long the code stays valid. */
    discountDays: z.coerce.number({ invalid_type_error: days }).int(days).min(1, days).max(365, days),
  });
};

export const loyaltySettingsSchema = loyaltySettingsSchemaFor();
export type LoyaltySettingsInput = z.infer<typeof loyaltySettingsSchema>;

/** One year after `date`; 29 February becomes 28 February in a year without it. */
export function oneYearAfter(date: IsoDate): IsoDate {
  const [year, month, day] = date.split("-");
  const candidate = `${Number(year) + 1}-${month}-${day}`;
  return isIsoDate(candidate) ? candidate : addDays(`${Number(year) + 1}-${month}-01`, Number(day) - 2);
}

/** The anniversary date when it is due on `now` (today or within the grace period), else null. */
export function dueAnniversary(firstOrderAt: Date, now: Date, timeZone: string): IsoDate | null {
  const anniversary = oneYearAfter(zonedDateTime(firstOrderAt, timeZone).date);
  const today = zonedDateTime(now, timeZone).date;
  return anniversary <= today && today <= addDays(anniversary, ANNIVERSARY_GRACE_DAYS) ? anniversary : null;
}

/** A code that is the same for one customer and shop every time, so creating it twice cannot make two. */
export function anniversaryCode(shop: string, customerId: string): string {
  const hash = createHash("sha256").update(`${shop}\n${customerId}`).digest("hex").slice(0, 8).toUpperCase();
  return `THANKYOU-${hash}`;
}
