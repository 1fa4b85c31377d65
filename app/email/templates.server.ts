import type { Prisma } from "@prisma/client";
import prisma from "../db.server";
import type { Translate } from "../i18n/messages";
import type { EmailTemplateText } from "./render";
import { EMAIL_LANGUAGES, type EmailLanguage } from "./language";
import { DEFAULT_TEMPLATES_BY_LANGUAGE, templateProblems, type EmailKind, type TemplateProblem } from "./templates";

/**
 * The shop's wording for an email, or the built-in one in `language`. A merchant's wording is one text
 * for every shopper (sent as written, whatever the shopper's language).
 */
export async function getEmailTemplate(shop: string, kind: EmailKind, language: EmailLanguage = "en"): Promise<EmailTemplateText & { custom: boolean }> {
  const row = await prisma.emailTemplate.findUnique({ where: { shop_kind: { shop, kind } } });
  return row ? { subject: row.subject, body: row.body, custom: true } : { ...DEFAULT_TEMPLATES_BY_LANGUAGE[language][kind], custom: false };
}

/** The wording of an email in every email language (the merchant's, when saved, is the same in all). */
export async function getEmailTemplates(shop: string, kind: EmailKind): Promise<Record<EmailLanguage, EmailTemplateText & { custom: boolean }>> {
  const row = await prisma.emailTemplate.findUnique({ where: { shop_kind: { shop, kind } } });
  return Object.fromEntries(
    EMAIL_LANGUAGES.map((language) => [
      language,
      row ? { subject: row.subject, body: row.body, custom: true } : { ...DEFAULT_TEMPLATES_BY_LANGUAGE[language][kind], custom: false },
    ]),
  ) as Record<EmailLanguage, EmailTemplateText & { custom: boolean }>;
}

/** Saves the merchant's wording, or returns why it cannot be saved (in the admin language of `t`, English by default). */
export async function saveEmailTemplate(shop: string, kind: EmailKind, template: EmailTemplateText, t?: Translate): Promise<TemplateProblem[]> {
  const problems = templateProblems(kind, template, t);
  if (problems.length > 0) return problems;
  await prisma.emailTemplate.upsert({
    where: { shop_kind: { shop, kind } },
    create: { shop, kind, subject: template.subject, body: template.body },
    update: { subject: template.subject, body: template.body },
  });
  return [];
}

export async function resetEmailTemplate(shop: string, kind: EmailKind): Promise<void> {
  await prisma.emailTemplate.deleteMany({ where: { shop, kind } });
}

/**
 * The name shoppers know the shop by, for {shop_name}: the shop's name as Shopify gives it (`shopName`,
 * see shop-profile.server.ts), else the sender name, else the shop's handle.
 */
export async function getShopDisplayName(shop: string, shopName?: string | null, db: Prisma.TransactionClient = prisma): Promise<string> {
  if (shopName?.trim()) return shopName.trim();
  const settings = await db.emailSettings.findUnique({ where: { shop }, select: { fromName: true } });
  return settings?.fromName?.trim() || shop.replace(/\.myshopify\.com$/, "");
}
