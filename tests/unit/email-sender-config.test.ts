import { describe, expect, it } from "vitest";
import { EmailNotConfiguredError, redactSmtpUrl, resolveSenderConfig } from "../../app/email/sender-config";

const shop = "kopi.myshopify.com";
const none = { smtpUrl: null, fromAddress: null, fromName: null, replyTo: null };

describe("resolveSenderConfig", () => {
  it("prefers the shop's own SMTP settings", () => {
    const config = resolveSenderConfig(
      shop,
      { smtpUrl: "smtps://u:p@mail.kopi.test", fromAddress: "care@kopi.test", fromName: "Kopi", replyTo: "help@kopi.test" },
      { SMTP_URL: "smtp://fallback.test", MAIL_FROM: "noreply@aftercare.test" },
    );
    expect(config).toEqual({
      smtp: { kind: "url", url: "smtps://u:p@mail.kopi.test" },
      from: { address: "care@kopi.test", name: "Kopi" },
      replyTo: "help@kopi.test",
      source: "shop",
    });
  });

  it("falls back to SMTP_URL and MAIL_FROM", () => {
    const config = resolveSenderConfig(shop, null, { SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "noreply@aftercare.test" });
    expect(config).toMatchObject({ smtp: { kind: "url", url: "smtp://127.0.0.1:2525" }, from: { address: "noreply@aftercare.test" }, source: "environment" });
  });

  it("uses the server saved on the settings page over an older URL and the environment", () => {
    const server = { host: "mail.kopi.test", port: 587, security: "starttls" as const, username: "care", password: "s3cret" };
    const config = resolveSenderConfig(
      shop,
      { smtpUrl: "smtp://old.kopi.test", server, fromAddress: "care@kopi.test", fromName: null, replyTo: null },
      { SMTP_URL: "smtp://fallback.test", MAIL_FROM: "noreply@aftercare.test" },
    );
    expect(config).toEqual({ smtp: { kind: "server", ...server }, from: { address: "care@kopi.test" }, source: "shop" });
  });

  it("says exactly what is missing when nothing is configured", () => {
    expect(() => resolveSenderConfig(shop, none, {})).toThrow(EmailNotConfiguredError);
    expect(() => resolveSenderConfig(shop, none, {})).toThrow(/SMTP_URL.*MAIL_FROM/s);
    expect(() => resolveSenderConfig(shop, none, { SMTP_URL: "smtp://x.test" })).toThrow(/sender address/);
  });

  it("refuses a URL that is not SMTP, without printing the password", () => {
    expect(() => resolveSenderConfig(shop, null, { SMTP_URL: "https://user:secret@x.test", MAIL_FROM: "a@b.test" })).toThrow(/not an smtp/);
    expect(() => resolveSenderConfig(shop, null, { SMTP_URL: "https://user:secret@x.test", MAIL_FROM: "a@b.test" })).not.toThrow(/secret/);
    expect(redactSmtpUrl("smtp://user:secret@mail.test:587")).toBe("smtp://user:****@mail.test:587");
  });
});
