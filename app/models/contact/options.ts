/*
 * The contact folder: the help channels a shop offers shoppers beside every review ask.
 * Pure core: options.ts (validation, links) and options-form.ts (the admin form's reading).
 * Server side: options.server.ts (stored settings, published to the storefront as an app metafield).
 */
/**
 * The help channels a shop offers shoppers (email, phone, WhatsApp, a chat link, social profiles),
 * validated once here and shown the same way by every storefront block and email that offers help.
 * Pure: no I/O.
 */
import { z } from "zod";
import { EMAIL_STRINGS } from "../../email/email-strings";
import type { EmailLanguage } from "../../email/language";
import { createTranslator, type Translate } from "../../i18n/messages";

export const SOCIAL_NETWORKS = ["instagram", "facebook", "tiktok", "x", "youtube", "pinterest", "linkedin"] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

const ENGLISH = createTranslator({ language: "en", tag: "en" });

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), schema.nullable().default(null));

const digitCount = (value: string) => value.replace(/[^0-9]/g, "").length;

/** The contact options, with messages in the admin language of `t` (English by default). */
export function contactOptionsSchemaFor(t: Translate = ENGLISH) {
  const httpsUrl = z
    .string()
    .trim()
    .url(t("contact.errors.url"))
    .refine((value) => value.startsWith("https://"), t("contact.errors.https"));

  /** International format, digits only after an optional +: "+62 812-3456-789" is kept as written. */
  const phone = z
    .string()
    .trim()
    .max(32)
    .refine((value) => /^\+?[0-9][0-9 ().-]{5,}$/.test(value), t("contact.errors.phone"));

  /** WhatsApp links (wa.me) need the full international number: +, country code, 8 to 15 digits. */
  const whatsappNumber = z
    .string()
    .trim()
    .max(32)
    .refine((value) => /^\+[1-9][0-9 ().-]+$/.test(value) && digitCount(value) >= 8 && digitCount(value) <= 15, t("contact.errors.whatsapp"));

  return z.object({
    email: optional(z.string().trim().email(t("contact.errors.email")).max(254)),
    phone: optional(phone),
    /** The WhatsApp number, international format. */
    whatsapp: optional(whatsappNumber),
    chatUrl: optional(httpsUrl),
    /** When the shop answers, in its own words ("Mon–Fri, 9:00–17:00 WIB"). */
    hours: optional(z.string().trim().max(120)),
    social: z
      .array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: httpsUrl }))
      .max(SOCIAL_NETWORKS.length)
      .default([])
      .refine((links) => new Set(links.map((link) => link.network)).size === links.length, t("contact.errors.onePerNetwork")),
  });
}

export const contactOptionsSchema = contactOptionsSchemaFor();

export type ContactOptions = z.output<typeof contactOptionsSchema>;
export type ContactOptionsInput = z.input<typeof contactOptionsSchema>;

export const NO_CONTACT_OPTIONS: ContactOptions = { email: null, phone: null, whatsapp: null, chatUrl: null, hours: null, social: [] };

export type ContactChannel =
  | { kind: "email"; label: string; href: string }
  | { kind: "phone"; label: string; href: string }
  | { kind: "whatsapp"; label: string; href: string }
  | { kind: "chat"; label: string; href: string }
  | { kind: "social"; network: SocialNetwork; label: string; href: string };

const digits = (value: string) => value.replace(/[^0-9+]/g, "");

/** The channels in the order every block shows them, each with its link. */
export function contactChannels(options: ContactOptions): ContactChannel[] {
  const channels: ContactChannel[] = [];
  if (options.email) channels.push({ kind: "email", label: options.email, href: `mailto:${options.email}` });
  if (options.phone) channels.push({ kind: "phone", label: options.phone, href: `tel:${digits(options.phone)}` });
  if (options.whatsapp) channels.push({ kind: "whatsapp", label: options.whatsapp, href: `https://wa.me/${digits(options.whatsapp).replace(/^\+/, "")}` });
  if (options.chatUrl) channels.push({ kind: "chat", label: options.chatUrl, href: options.chatUrl });
  for (const link of options.social) channels.push({ kind: "social", network: link.network, label: link.url, href: link.url });
  return channels;
}

/** One line for emails: "Questions? help@kopi.test · +62 812 3456 789 · WhatsApp +62 ...". Empty with no channels. */
export function contactLine(options: ContactOptions, language: EmailLanguage = "en"): string {
  const parts: string[] = [];
  if (options.email) parts.push(options.email);
  if (options.phone) parts.push(options.phone);
  if (options.whatsapp) parts.push(`WhatsApp ${options.whatsapp}`);
  if (options.chatUrl) parts.push(options.chatUrl);
  if (parts.length === 0) return "";
  return EMAIL_STRINGS[language].contactLine(parts.join(" · "), options.hours);
}

/** What the storefront's contact snippet reads (the `aftercare.contact` app metafield, JSON). */
export function contactMetafieldValue(options: ContactOptions) {
  return {
    email: options.email,
    phone: options.phone,
    phone_href: options.phone ? `tel:${digits(options.phone)}` : null,
    whatsapp: options.whatsapp,
    whatsapp_href: options.whatsapp ? `https://wa.me/${digits(options.whatsapp).replace(/^\+/, "")}` : null,
    chat_url: options.chatUrl,
    hours: options.hours,
    social: options.social,
  };
}
