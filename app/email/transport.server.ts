/**
 * Sends one email through SMTP (nodemailer), with the shop's settings or the deployment's defaults.
 * The outbox is the only caller in the app; tests and other callers may hand in any `MailTransport`.
 */
import nodemailer, { type Transporter } from "nodemailer";
import prisma from "../db.server";
import { resolveSenderConfig, type SenderConfig } from "./sender-config";

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

function transporterFor(smtpUrl: string): Transporter {
  let transporter = transporters.get(smtpUrl);
  if (!transporter) {
    transporter = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transporters.set(smtpUrl, transporter);
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

export function smtpTransport(config: SenderConfig): MailTransport {
  return {
    async send(email) {
      try {
        const info = await transporterFor(config.smtpUrl).sendMail({
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
      }
    },
  };
}

export async function getSenderConfig(shop: string): Promise<SenderConfig> {
  const settings = await prisma.emailSettings.findUnique({ where: { shop } });
  return resolveSenderConfig(shop, settings, { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM });
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
