/**
 * The language a shopper's email is written in: the order's customer locale ("id", "id-ID", "en-US")
 * when Aftercare has emails in that language, else the shop's primary language, else English.
 * Pure: no I/O.
 */
export const EMAIL_LANGUAGES = ["en", "id"] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** Old ISO 639 code still sent by some systems for Indonesian. */
const ALIASES: Record<string, EmailLanguage> = { in: "id" };

/** "id-ID" -> "id", "EN_us" -> "en", "in" -> "id"; null for a locale we have no emails in. */
export function supportedEmailLanguage(locale: string | null | undefined): EmailLanguage | null {
  const base = locale?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (!base) return null;
  if ((EMAIL_LANGUAGES as readonly string[]).includes(base)) return base as EmailLanguage;
  return ALIASES[base] ?? null;
}

export function emailLanguage(customerLocale: string | null | undefined, shopPrimaryLocale?: string | null): EmailLanguage {
  return supportedEmailLanguage(customerLocale) ?? supportedEmailLanguage(shopPrimaryLocale) ?? "en";
}
