/**
 * The words the anniversary thank-you adds when it carries a discount code, shared by the job that
 * sends it and the loyalty page's preview. Pure: no I/O, safe in the browser.
 */
import { EMAIL_STRINGS } from "../../email/email-strings";
import type { EmailLanguage } from "../../email/language";

export function anniversaryDiscountLine(percent: number, code: string, validUntil: string, language: EmailLanguage = "en"): string {
  return EMAIL_STRINGS[language].anniversaryDiscountLine(percent, code, validUntil);
}

/** The sentence with a sample code, as the loyalty settings would make it ("" when there is no discount). */
export function sampleDiscountLine(discountPercent: number | null, discountDays: number, now: Date): string {
  if (!discountPercent) return "";
  const until = new Date(now.getTime() + discountDays * 86_400_000).toLocaleDateString("en", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return anniversaryDiscountLine(discountPercent, "THANKYOU-1A2B3C4D", until);
}
