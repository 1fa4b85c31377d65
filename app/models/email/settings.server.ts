/**
 * A shop's email settings: saved with the SMTP password encrypted, shown without it, and checked by
 * sending a test email through them to the merchant.
 */
import prisma from "../../db.server";
import { renderEmail } from "../../email/render";
import { deploymentEncryptionKey, encryptSecret, readStoredSecret } from "../../email/secret-box.server";
import type { SmtpSecurity } from "../../email/sender-config";
import { getSenderConfig, smtpTransport } from "../../email/transport.server";
import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import { DEFAULT_PORTS, serverFromSmtpUrl, type EmailSettingsInput, type EmailSettingsView } from "./settings";
import { createTranslator, type Translate } from "../../i18n/messages";

const SECURITIES: readonly string[] = ["none", "starttls", "tls"];

export async function getEmailSettingsView(shop: string): Promise<EmailSettingsView> {
  const row = await prisma.emailSettings.findUnique({ where: { shop } });
  const legacy = !row?.smtpHost && row?.smtpUrl ? serverFromSmtpUrl(row.smtpUrl) : null;
  const security = (SECURITIES.includes(row?.smtpSecurity ?? "") ? row?.smtpSecurity : legacy?.security ?? "starttls") as SmtpSecurity;
  const ownServer = Boolean(row?.smtpHost || legacy);
  return {
    host: row?.smtpHost ?? legacy?.host ?? "",
    port: row?.smtpPort ?? legacy?.port ?? DEFAULT_PORTS[security],
    security,
    username: row?.smtpUsername ?? legacy?.username ?? "",
    passwordSaved: Boolean(row?.smtpHost ? row.smtpPassword : legacy?.password),
    fromName: row?.fromName ?? "",
    fromAddress: row?.fromAddress ?? "",
    replyTo: row?.replyTo ?? "",
    testSentAt: row?.testSentAt?.toISOString() ?? null,
    testSentTo: row?.testSentTo ?? null,
    source: ownServer ? "shop" : process.env.SMTP_URL?.trim() ? "environment" : "none",
  };
}

/** The password saved now, decrypted: from the encrypted column, or from an older plain smtp:// URL. */
async function savedPassword(shop: string): Promise<string | null> {
  const row = await prisma.emailSettings.findUnique({ where: { shop }, select: { smtpHost: true, smtpPassword: true, smtpUrl: true } });
  if (!row) return null;
  if (row.smtpHost) return row.smtpPassword ? readStoredSecret(row.smtpPassword, deploymentEncryptionKey(), shop) : null;
  return row.smtpUrl ? serverFromSmtpUrl(row.smtpUrl)?.password ?? null : null;
}

const ENGLISH = createTranslator({ language: "en", tag: "en" });

export type SaveEmailSettingsResult = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Saves the settings. A blank password keeps the saved one (re-encrypted, so an older plain-text row
 * is encrypted on its first save); no username means no password is kept at all.
 */
export async function saveEmailSettings(shop: string, input: EmailSettingsInput, t: Translate = ENGLISH): Promise<SaveEmailSettingsResult> {
  const password = input.username ? input.password ?? (await savedPassword(shop)) : null;
  if (input.username && !password) return { ok: false, errors: { password: t("emailSettings.errors.passwordForUsername") } };
  const data = {
    smtpUrl: null,
    smtpHost: input.host,
    smtpPort: input.port,
    smtpSecurity: input.security,
    smtpUsername: input.username,
    smtpPassword: password ? encryptSecret(password, deploymentEncryptionKey(), shop) : null,
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    replyTo: input.replyTo,
  };
  await prisma.emailSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { ok: true };
}

export const SHOP_EMAIL_QUERY = `#graphql
  query ShopEmail {
    shop {
      email
    }
  }
`;

/** The email address the merchant gave Shopify for the store (where test emails go). */
export async function getShopEmail(graphql: AdminGraphql): Promise<string> {
  const data = await queryAdmin(graphql, SHOP_EMAIL_QUERY);
  return data.shop.email;
}

export type TestEmailResult = { ok: true; to: string } | { ok: false; to: string; error: string };

/** Sends a test email through the saved settings on a fresh connection, and records a success. */
export async function sendTestEmail(shop: string, to: string, now = new Date()): Promise<TestEmailResult> {
  try {
    const config = await getSenderConfig(shop);
    const email = renderEmail({
      template: {
        subject: "Aftercare test email",
        body: "This is a test email from Aftercare.\n\nYour delay notices, surveys and thank-you emails will be sent the same way, from {from}.",
      },
      values: { from: config.from.name ? `${config.from.name} <${config.from.address}>` : config.from.address },
    });
    await smtpTransport(config, { pooled: false }).send({ to, ...email });
    await prisma.emailSettings.upsert({
      where: { shop },
      create: { shop, testSentAt: now, testSentTo: to },
      update: { testSentAt: now, testSentTo: to },
    });
    return { ok: true, to };
  } catch (error) {
    return { ok: false, to, error: error instanceof Error ? error.message : String(error) };
  }
}
