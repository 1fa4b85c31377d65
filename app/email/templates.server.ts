import prisma from "../db.server";
import type { Translate } from "../i18n/messages";
import type { EmailTemplateText } from "./render";
import { DEFAULT_TEMPLATES, templateProblems, type EmailKind, type TemplateProblem } from "./templates";

/** The shop's wording for an email, or the built-in one. */
export async function getEmailTemplate(shop: string, kind: EmailKind): Promise<EmailTemplateText & { custom: boolean }> {
  const row = await prisma.emailTemplate.findUnique({ where: { shop_kind: { shop, kind } } });
  return row ? { subject: row.subject, body: row.body, custom: true } : { ...DEFAULT_TEMPLATES[kind], custom: false };
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

/** The name shoppers know the shop by, for {shop_name}: the sender name, else the shop's handle. */
export async function getShopDisplayName(shop: string): Promise<string> {
  const settings = await prisma.emailSettings.findUnique({ where: { shop }, select: { fromName: true } });
  return settings?.fromName?.trim() || shop.replace(/\.myshopify\.com$/, "");
}
