/**
 * Which SMTP server and sender address a shop's email goes through: the shop's own settings when it
 * saved some (a server from the settings page, or an older smtp:// URL), otherwise the deployment's
 * SMTP_URL / MAIL_FROM. Pure: callers hand in both sources, passwords already decrypted.
 */

/** none: plain SMTP; starttls: upgrade the connection and refuse to go on without it; tls: TLS from the start. */
export const SMTP_SECURITY = ["none", "starttls", "tls"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** An SMTP server as the settings page saves it, with the password already decrypted. */
export interface SmtpServer {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  password: string | null;
}

/** How to reach the SMTP server: a single smtp(s):// URL (environment, older rows) or a saved server. */
export type SmtpConnection = ({ kind: "url"; url: string }) | ({ kind: "server" } & SmtpServer);

export interface SenderSettings {
  /** The older one-URL form (smtp://user:pass@host:587). */
  smtpUrl: string | null;
  /** The server saved by the settings page; wins over `smtpUrl`. */
  server?: SmtpServer | null;
  fromAddress: string | null;
  fromName: string | null;
  replyTo: string | null;
}

export interface SenderConfig {
  smtp: SmtpConnection;
  from: { address: string; name?: string };
  replyTo?: string;
  /** Where the SMTP URL came from, for the settings page. */
  source: "shop" | "environment";
}

/** Email cannot be sent: no SMTP server or no sender address is configured. */
export class EmailNotConfiguredError extends Error {
  constructor(
    readonly shop: string,
    readonly missing: Array<"smtpUrl" | "fromAddress">,
  ) {
    const what = missing
      .map((field) =>
        field === "smtpUrl"
          ? "an SMTP server (Settings > Email, or the SMTP_URL environment variable, e.g. smtp://user:pass@smtp.example.com:587)"
          : "a sender address (Settings > Email, or the MAIL_FROM environment variable)",
      )
      .join(" and ");
    super(`Email is not configured for ${shop}: add ${what}`);
    this.name = "EmailNotConfiguredError";
  }
}

const SMTP_PROTOCOLS = new Set(["smtp:", "smtps:"]);

export function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return SMTP_PROTOCOLS.has(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

/** The SMTP URL with its password hidden, for display and logs. */
export function redactSmtpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "****";
    return url.toString();
  } catch {
    return "(invalid URL)";
  }
}

export function resolveSenderConfig(
  shop: string,
  settings: SenderSettings | null,
  environment: { SMTP_URL?: string; MAIL_FROM?: string },
): SenderConfig {
  const server = settings?.server?.host.trim() ? settings.server : null;
  const shopUrl = settings?.smtpUrl?.trim() || null;
  const smtpUrl = shopUrl ?? (environment.SMTP_URL?.trim() || null);
  const fromAddress = settings?.fromAddress?.trim() || environment.MAIL_FROM?.trim() || null;
  const missing: Array<"smtpUrl" | "fromAddress"> = [];
  if (!server && !smtpUrl) missing.push("smtpUrl");
  if (!fromAddress) missing.push("fromAddress");
  if ((!server && !smtpUrl) || !fromAddress) throw new EmailNotConfiguredError(shop, missing);
  let smtp: SmtpConnection;
  if (server) smtp = { kind: "server", ...server };
  else {
    if (!smtpUrl || !isSmtpUrl(smtpUrl)) throw new Error(`The SMTP URL for ${shop} is not an smtp:// or smtps:// URL: ${redactSmtpUrl(smtpUrl ?? "")}`);
    smtp = { kind: "url", url: smtpUrl };
  }

  return {
    smtp,
    from: settings?.fromName?.trim() ? { address: fromAddress, name: settings.fromName.trim() } : { address: fromAddress },
    ...(settings?.replyTo?.trim() ? { replyTo: settings.replyTo.trim() } : {}),
    source: server || shopUrl ? "shop" : "environment",
  };
}
