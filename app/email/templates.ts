/**
 * The emails Aftercare sends, their built-in wording and the placeholders each may use. A merchant may
 * replace the subject and body of any of them (EmailTemplate rows); the placeholders stay the same.
 * Pure: no I/O.
 */
import { createTranslator, type Translate } from "../i18n/messages";
import type { EmailLanguage } from "./language";
import { unknownPlaceholders, type EmailTemplateText } from "./render";

export const EMAIL_KINDS = ["delay_notice", "survey", "anniversary"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const PLACEHOLDERS: Record<EmailKind, readonly string[]> = {
  delay_notice: ["first_name", "order_name", "shop_name", "promised_range", "tracking_url", "order_status_url", "contact_line"],
  survey: ["first_name", "order_name", "shop_name", "question", "contact_line"],
  anniversary: ["first_name", "shop_name", "first_order_date", "discount_line", "contact_line"],
};

const ENGLISH_TEMPLATES: Record<EmailKind, EmailTemplateText> = {
  delay_notice: {
    subject: "An update on your order {order_name}",
    body: [
      "Hi {first_name},",
      "We're sorry: your order {order_name} is taking longer than the {promised_range} we promised. We're on it and will get it to you as soon as we can.",
      "Follow your parcel: {tracking_url}",
      "{contact_line}",
      "Thank you for your patience,\n{shop_name}",
    ].join("\n\n"),
  },
  survey: {
    subject: "A quick question about your order {order_name}",
    body: ["Hi {first_name},", "Your order {order_name} has arrived. One click tells us how we did:", "{question}"].join("\n\n"),
  },
  anniversary: {
    subject: "A year ago today: thank you from {shop_name}",
    body: [
      "Hi {first_name},",
      "One year ago, on {first_order_date}, you placed your first order with us. Thank you for being with us since.",
      "{discount_line}",
      "{shop_name}",
    ].join("\n\n"),
  },
};

const INDONESIAN_TEMPLATES: Record<EmailKind, EmailTemplateText> = {
  delay_notice: {
    subject: "Kabar terbaru tentang pesanan {order_name}",
    body: [
      "Halo {first_name},",
      "Mohon maaf: pesanan {order_name} Anda memerlukan waktu lebih lama dari {promised_range} yang kami janjikan. Kami sedang menanganinya dan akan mengirimkannya kepada Anda secepat mungkin.",
      "Lacak paket Anda: {tracking_url}",
      "{contact_line}",
      "Terima kasih atas kesabaran Anda,\n{shop_name}",
    ].join("\n\n"),
  },
  survey: {
    subject: "Satu pertanyaan singkat tentang pesanan {order_name}",
    body: ["Halo {first_name},", "Pesanan {order_name} Anda sudah tiba. Cukup satu klik untuk memberi tahu kami bagaimana layanan kami:", "{question}"].join("\n\n"),
  },
  anniversary: {
    subject: "Setahun yang lalu hari ini: terima kasih dari {shop_name}",
    body: [
      "Halo {first_name},",
      "Setahun yang lalu, pada {first_order_date}, Anda melakukan pesanan pertama Anda di toko kami. Terima kasih telah bersama kami sejak saat itu.",
      "{discount_line}",
      "{shop_name}",
    ].join("\n\n"),
  },
};

/** The built-in wording of every email, per shopper language. */
export const DEFAULT_TEMPLATES_BY_LANGUAGE: Record<EmailLanguage, Record<EmailKind, EmailTemplateText>> = { en: ENGLISH_TEMPLATES, id: INDONESIAN_TEMPLATES };

/** The English built-in wording (what the Email templates page shows and resets to). */
export const DEFAULT_TEMPLATES = ENGLISH_TEMPLATES;

export type TemplateProblem = { field: "subject" | "body"; message: string };

const ENGLISH = createTranslator({ language: "en", tag: "en" });
const SUBJECT_MAX_LENGTH = 200;
const BODY_MAX_LENGTH = 5000;
const braced = (names: readonly string[]) => names.map((name) => `{${name}}`).join(", ");

/**
 * Problems that keep a merchant's template from being saved (empty text, unknown placeholders), worded
 * in the admin language of `t` (English by default).
 */
export function templateProblems(kind: EmailKind, template: EmailTemplateText, t: Translate = ENGLISH): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!template.subject.trim()) problems.push({ field: "subject", message: t("templates.errors.writeSubject") });
  if (template.subject.length > SUBJECT_MAX_LENGTH) problems.push({ field: "subject", message: t("templates.errors.subjectLength", { max: SUBJECT_MAX_LENGTH }) });
  if (!template.body.trim()) problems.push({ field: "body", message: t("templates.errors.writeMessage") });
  if (template.body.length > BODY_MAX_LENGTH) problems.push({ field: "body", message: t("templates.errors.messageLength", { max: BODY_MAX_LENGTH }) });
  const unknown = unknownPlaceholders(template, PLACEHOLDERS[kind]);
  if (unknown.length > 0) {
    problems.push({
      field: "body",
      message: t("templates.errors.unknownPlaceholders", { count: unknown.length, names: braced(unknown), available: braced(PLACEHOLDERS[kind]) }),
    });
  }
  return problems;
}

/** "12–15 March 2026" for a range of shop-local dates (YYYY-MM-DD), in the shopper's language. */
export function formatDateRange(earliest: string, latest: string, locale = "en"): string {
  const format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const from = new Date(`${earliest}T12:00:00Z`);
  const to = new Date(`${latest}T12:00:00Z`);
  return earliest === latest ? format.format(from) : format.formatRange(from, to);
}

export function formatDate(date: string, locale = "en"): string {
  return formatDateRange(date, date, locale);
}
