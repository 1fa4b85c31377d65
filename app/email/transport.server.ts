/**
 * Sends one email through SMTP (nodemailer), with the shop's settings or the deployment's defaults.
 * The outbox is the only caller in the app; tests and other callers may hand in any `MailTransport`.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import prisma from "../db.server";
import { deploymentEncryptionKey, readStoredSecret } from "./secret-box.server";
import { resolveSenderConfig, type SenderConfig, type SenderSettings, type SmtpConnection, type SmtpSecurity } from "./sender-config";

export { EmailNotConfiguredError } from "./sender-config";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Local part of a stable Message-ID, so a receiving server can recognise a resend of the same message. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/** A message the SMTP server refused for good (a bad address): retrying will not help. */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentSendError";
  }
}

const transporters = new Map<string, Transporter>();

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** nodemailer's options for a connection: `tls` from the start, or STARTTLS required, or neither. */
export function transportOptions(smtp: SmtpConnection): SMTPTransport.Options {
  if (smtp.kind === "url") return { url: smtp.url, ...TIMEOUTS };
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === "tls",
    requireTLS: smtp.security === "starttls",
    ignoreTLS: smtp.security === "none",
    ...(smtp.username ? { auth: { user: smtp.username, pass: smtp.password ?? "" } } : {}),
    ...TIMEOUTS,
  };
}

function transporterFor(smtp: SmtpConnection): Transporter {
  const key = JSON.stringify(smtp);
  let transporter = transporters.get(key);
  if (!transporter) {
    // Pooled: a batch of review requests reuses a few open connections instead of a handshake per message.
    transporter = nodemailer.createTransport({ ...transportOptions(smtp), pool: true, maxConnections: 3 });
    transporters.set(key, transporter);
  }
  return transporter;
}

function smtpResponseCode(error: unknown): number | null {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : null;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1) || "localhost";
}

/** Sends through the shop's server; `pooled: false` opens a fresh connection and closes it after (test emails). */
export function smtpTransport(config: SenderConfig, options: { pooled?: boolean } = {}): MailTransport {
  return {
    async send(email) {
      const transporter = options.pooled === false ? nodemailer.createTransport(transportOptions(config.smtp)) : transporterFor(config.smtp);
      try {
        const info = await transporter.sendMail({
          from: config.from,
          replyTo: config.replyTo,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId ? `<${email.messageId}@${domainOf(config.from.address)}>` : undefined,
          headers: email.headers,
        });
        return { messageId: String(info.messageId) };
      } catch (error) {
        const code = smtpResponseCode(error);
        // 5xx on a recipient is permanent (no such mailbox); 4xx and network errors are worth a retry.
        if (code !== null && code >= 550 && code < 560) {
          throw new PermanentSendError(`SMTP server refused the message (${code}): ${(error as Error).message}`);
        }
        throw error;
      } finally {
        if (options.pooled === false) transporter.close();
      }
    },
  };
}

const SECURITIES: readonly string[] = ["none", "starttls", "tls"];

/** The shop's saved settings with the SMTP password decrypted (plain text from older rows is read as is). */
export async function getSenderSettings(shop: string): Promise<SenderSettings | null> {
  const row = await prisma.emailSettings.findUnique({ where: { shop } });
  if (!row) return null;
  const server =
    row.smtpHost && row.smtpPort
      ? {
          host: row.smtpHost,
          port: row.smtpPort,
          security: (SECURITIES.includes(row.smtpSecurity ?? "") ? row.smtpSecurity : "starttls") as SmtpSecurity,
          username: row.smtpUsername,
          password: row.smtpPassword ? readStoredSecret(row.smtpPassword, deploymentEncryptionKey(), shop) : null,
        }
      : null;
  return { smtpUrl: row.smtpUrl, server, fromAddress: row.fromAddress, fromName: row.fromName, replyTo: row.replyTo };
}

export async function getSenderConfig(shop: string): Promise<SenderConfig> {
  return resolveSenderConfig(shop, await getSenderSettings(shop), { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM });
}

/** The transport for a shop; throws EmailNotConfiguredError naming what is missing. */
export async function getMailTransport(shop: string): Promise<MailTransport> {
  return smtpTransport(await getSenderConfig(shop));
}

/** Closes open SMTP connections (tests, graceful shutdown). */
export function closeMailTransports(): void {
  for (const transporter of transporters.values()) transporter.close();
  transporters.clear();
}
