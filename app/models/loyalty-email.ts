/**
 * The words the anniversary thank-you adds when it carries a discount code, shared by the job that
 * sends it and the loyalty page's preview. Pure: no I/O, safe in the browser.
 */
export function anniversaryDiscountLine(percent: number, code: string, validUntil: string): string {
  return `As a thank-you, here is ${percent}% off your next order with the code ${code}, valid until ${validUntil}.`;
}

/** The sentence with a sample code, as the loyalty settings would make it ("" when there is no discount). */
export function sampleDiscountLine(discountPercent: number | null, discountDays: number, now: Date): string {
  if (!discountPercent) return "";
  const until = new Date(now.getTime() + discountDays * 86_400_000).toLocaleDateString("en", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return anniversaryDiscountLine(discountPercent, "THANKYOU-1A2B3C4D", until);
}
