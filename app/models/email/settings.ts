/**
 * The email settings form: which SMTP server a shop's emails go through and who they come from.
 * Validation and the view the page shows (never the password: only whether one is saved). Pure: no I/O.
 * Validation messages are in the admin language of the translator given (English by default).
 */
import { z } from "zod";
import { SMTP_SECURITY, type SmtpSecurity } from "../../email/sender-config";
import { createTranslator, type Translate } from "../../i18n/messages";

/** The usual port for each kind of security, offered when the merchant picks one. */
export const DEFAULT_PORTS: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const ENGLISH = createTranslator({ language: "en", tag: "en" });

const emailAddress = (message: string) => z.string().trim().max(254).email(message);

/** The settings form, its messages in the language of `t`. */
export function emailSettingsSchemaFor(t: Translate = ENGLISH) {
  return z
    .object({
      host: z
        .string({ required_error: t("emailSettings.errors.hostRequired") })
        .trim()
        .min(1, t("emailSettings.errors.hostRequired"))
        .max(253)
        .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, t("emailSettings.errors.hostFormat")),
      port: z.coerce
        .number({ invalid_type_error: t("emailSettings.errors.port") })
        .int(t("emailSettings.errors.port"))
        .min(1, t("emailSettings.errors.portRange"))
        .max(65535, t("emailSettings.errors.portRange")),
      security: z.enum(SMTP_SECURITY, { errorMap: () => ({ message: t("emailSettings.errors.security") }) }),
      username: z.preprocess(blankToNull, z.string().trim().max(254).nullable().default(null)),
      /** Blank keeps the saved password. */
      password: z.preprocess(blankToNull, z.string().max(512).nullable().default(null)),
      fromName: z.preprocess(blankToNull, z.string().trim().max(100, t("emailSettings.errors.fromNameLength")).nullable().default(null)),
      fromAddress: emailAddress(t("emailSettings.errors.fromAddress")),
      replyTo: z.preprocess(blankToNull, emailAddress(t("emailSettings.errors.replyTo")).nullable().default(null)),
    })
    .superRefine((value, context) => {
      if (value.fromName && /[\r\n]/.test(value.fromName)) {
        context.addIssue({ code: "custom", path: ["fromName"], message: t("emailSettings.errors.fromNameLine") });
      }
      if (value.password && !value.username) {
        context.addIssue({ code: "custom", path: ["username"], message: t("emailSettings.errors.usernameForPassword") });
      }
    });
}

export const emailSettingsSchema = emailSettingsSchemaFor();

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
