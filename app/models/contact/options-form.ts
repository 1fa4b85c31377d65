/**
 * The contact options form as the admin page posts it: one field per channel and one per social
 * network, read into ContactOptions with each error named after its field. Pure: no I/O.
 */
import type { Translate } from "../../i18n/messages";
import { parseIn } from "../../i18n/zod-messages";
import { contactOptionsSchemaFor, SOCIAL_NETWORKS, type ContactOptions, type SocialNetwork } from "./options";

export const SOCIAL_LABELS: Record<SocialNetwork, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
  tiktok: "TikTok",
  x: "X",
  youtube: "YouTube",
  pinterest: "Pinterest",
  linkedin: "LinkedIn",
};

export const CHANNEL_FIELDS = ["email", "phone", "whatsapp", "chatUrl", "hours"] as const;

/** The form's fields: channel names, and `social.<network>` for each network. */
export type ContactFormValues = Record<string, string>;

export function contactFormValues(options: ContactOptions): ContactFormValues {
  const values: ContactFormValues = {};
  for (const field of CHANNEL_FIELDS) values[field] = options[field] ?? "";
  for (const network of SOCIAL_NETWORKS) values[`social.${network}`] = options.social.find((link) => link.network === network)?.url ?? "";
  return values;
}

/**
 * "facebook.com/aftercare" → "https://facebook.com/aftercare": a link typed without its scheme gets
 * https:// (the only scheme allowed). One with another scheme (http://, javascript:) is left as typed,
 * and refused.
 */
export function withHttps(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "" || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, "")}`;
}

export type ContactFormResult = { ok: true; options: ContactOptions } | { ok: false; errors: Record<string, string> };

/** Reads the posted form; error messages are in the admin language of `t` (English by default). */
export function readContactForm(values: ContactFormValues, t?: Translate): ContactFormResult {
  const networks = SOCIAL_NETWORKS.filter((network) => (values[`social.${network}`] ?? "").trim() !== "");
  const channels = Object.fromEntries(CHANNEL_FIELDS.map((field) => [field, values[field] ?? ""]));
  channels.chatUrl = withHttps(channels.chatUrl);
  const parsed = parseIn(
    contactOptionsSchemaFor(t),
    { ...channels, social: networks.map((network) => ({ network, url: withHttps(values[`social.${network}`] ?? "") })) },
    t,
  );
  if (parsed.success) return { ok: true, options: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [head, index] = issue.path;
    const key = head === "social" && typeof index === "number" ? `social.${networks[index]}` : String(head ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
