/**
 * The email settings form: which SMTP server a shop's emails go through and who they come from.
 * Validation and the view the page shows (never the password: only whether one is saved). Pure: no I/O.
 */
import { z } from "zod";
import { SMTP_SECURITY, type SmtpSecurity } from "../email/sender-config";

/** The usual port for each kind of security, offered when the merchant picks one. */
export const DEFAULT_PORTS: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const singleLine = (label: string) => (value: string) => !/[\r\n]/.test(value) || `${label} must fit on one line`;

const emailAddress = (message: string) => z.string().trim().max(254).email(message);

export const emailSettingsSchema = z
  .object({
    host: z
      .string({ required_error: "Enter your SMTP server, such as smtp.example.com" })
      .trim()
      .min(1, "Enter your SMTP server, such as smtp.example.com")
      .max(253)
      .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, "Use a server name such as smtp.example.com, without smtp:// or a port"),
    port: z.coerce
      .number({ invalid_type_error: "Use a port number such as 587" })
      .int("Use a port number such as 587")
      .min(1, "Use a port from 1 to 65535")
      .max(65535, "Use a port from 1 to 65535"),
    security: z.enum(SMTP_SECURITY, { errorMap: () => ({ message: "Choose how the connection is secured" }) }),
    username: z.preprocess(blankToNull, z.string().trim().max(254).nullable().default(null)),
    /** Blank keeps the saved password. */
    password: z.preprocess(blankToNull, z.string().max(512).nullable().default(null)),
    fromName: z.preprocess(
      blankToNull,
      z.string().trim().max(100, "Keep the sender name under 100 characters").nullable().default(null),
    ),
    fromAddress: emailAddress("Use an email address such as orders@your-shop.com"),
    replyTo: z.preprocess(blankToNull, emailAddress("Use an email address such as help@your-shop.com").nullable().default(null)),
  })
  .superRefine((value, context) => {
    if (value.fromName) {
      const problem = singleLine("The sender name")(value.fromName);
      if (problem !== true) context.addIssue({ code: "custom", path: ["fromName"], message: problem });
    }
    if (value.password && !value.username) {
      context.addIssue({ code: "custom", path: ["username"], message: "Enter the username that goes with the password" });
    }
  });

export type EmailSettingsInput = z.output<typeof emailSettingsSchema>;
export type EmailSettingsForm = z.input<typeof emailSettingsSchema>;

/** What the settings page shows. The password itself never leaves the server. */
export interface EmailSettingsView {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  passwordSaved: boolean;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  /** The last test email the server accepted (ISO), and where it went. */
  testSentAt: string | null;
  testSentTo: string | null;
  /** Whether the shop saved its own server, or emails go through the deployment's SMTP_URL, or nowhere yet. */
  source: "shop" | "environment" | "none";
}

/** host, port, security and username of an older smtp:// or smtps:// URL. */
export function serverFromSmtpUrl(smtpUrl: string): { host: string; port: number; security: SmtpSecurity; username: string | null; password: string | null } | null {
  try {
    const url = new URL(smtpUrl);
    if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return null;
    const security: SmtpSecurity = url.protocol === "smtps:" ? "tls" : "starttls";
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : DEFAULT_PORTS[security],
      security,
      username: url.username ? decodeURIComponent(url.username) : null,
      password: url.password ? decodeURIComponent(url.password) : null,
    };
  } catch {
    return null;
  }
}

/** Field path → message, the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
