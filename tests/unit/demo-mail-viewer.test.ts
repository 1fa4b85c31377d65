import { describe, expect, it } from "vitest";
import { mailListHtml, mailMessageHtml, toDemoStorefrontLinks } from "../../scripts/demo/mail-viewer";
import type { CapturedMail } from "../../scripts/demo/mailbox";

const context = { shopDomain: "aftercare-demo.myshopify.com", shopifyUrl: "http://localhost:3100" };

const mail = (overrides: Partial<CapturedMail> = {}): CapturedMail => ({
  id: 1,
  to: ["sari@example.test"],
  from: "shop@example.test",
  subject: "How is your Toraja coffee?",
  receivedAt: new Date("2026-10-01T08:00:00Z"),
  html: '<html><head><title>x</title></head><body><a href="https://aftercare-demo.myshopify.com/apps/aftercare/review?token=abc&amp;rating=5">5 stars</a><script>alert(1)</script></body></html>',
  text: "Rate it: https://aftercare-demo.myshopify.com/apps/aftercare/review?token=abc&rating=5",
  ...overrides,
});

describe("the demo's mail viewer", () => {
  it("points the shop's storefront links at the demo's storefront and leaves other addresses alone", () => {
    expect(toDemoStorefrontLinks('<a href="https://aftercare-demo.myshopify.com/apps/aftercare/survey?score=4">', context)).toBe(
      '<a href="http://localhost:3100/apps/aftercare/survey?score=4">',
    );
    expect(toDemoStorefrontLinks("see https://aftercare-demo.myshopify.com", context)).toBe("see http://localhost:3100");
    const elsewhere = 'href="https://aftercare-demo.myshopify.com.evil.example/x" href="https://example.com/aftercare-demo.myshopify.com"';
    expect(toDemoStorefrontLinks(elsewhere, context)).toBe(elsewhere);
  });

  it("shows a message's HTML in a sandboxed frame where no script runs and links open the whole window", () => {
    const html = mailMessageHtml(mail(), context);
    const frame = /<iframe[^>]*sandbox="([^"]*)"[^>]*srcdoc="([^"]*)"/.exec(html);
    expect(frame).not.toBeNull();
    expect(frame![1]).not.toContain("allow-scripts");
    expect(frame![1]).not.toContain("allow-same-origin");
    expect(frame![2]).toContain("&lt;base target=&quot;_top&quot;&gt;");
    expect(frame![2]).toContain("http://localhost:3100/apps/aftercare/review?token=abc");
    expect(frame![2]).not.toContain("myshopify.com");
    expect(html).toContain("Rate it: http://localhost:3100/apps/aftercare/review?token=abc&amp;rating=5");
  });

  it("lists messages newest first, each linking to its page, with the subject escaped", () => {
    const html = mailListHtml([mail(), mail({ id: 2, subject: "<b>Delay</b> notice" })]);
    expect(html.indexOf('href="/mail/2"')).toBeLessThan(html.indexOf('href="/mail/1"'));
    expect(html).toContain("&lt;b&gt;Delay&lt;/b&gt; notice");
    expect(html).toContain('action="/mail/send-due"');
    expect(mailListHtml([])).toContain("No message sent yet");
  });
});
