import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { EmailTemplateEditor } from "~/components/settings/email-template-editor";
import { LoyaltySettingsForm } from "~/components/settings/loyalty-settings-form";
import { SmtpSettingsForm } from "~/components/settings/smtp-settings-form";
import { TestEmailCard } from "~/components/settings/test-email-card";
import { DEFAULT_TEMPLATES, PLACEHOLDERS } from "~/email/templates";
import type { EmailSettingsView } from "~/models/email/settings";

/** Server-renders a settings piece inside a data router, as the admin page does (the forms post with Remix). */
async function render(element: ReactElement): Promise<string> {
  const routes = [{ path: "/app/settings", element: <AppProvider i18n={en}>{element}</AppProvider> }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("https://aftercare.example.test/app/settings"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

const saved: EmailSettingsView = {
  host: "mail.kopi.test",
  port: 587,
  security: "starttls",
  username: "orders@kopi.test",
  passwordSaved: true,
  fromName: "Kopi",
  fromAddress: "orders@kopi.test",
  replyTo: "",
  testSentAt: null,
  testSentTo: null,
  source: "shop",
};

describe("email settings form", () => {
  it("says a password is saved without showing it, and shows each field's error", async () => {
    const html = await render(<SmtpSettingsForm settings={saved} errors={{ port: "Use a port from 1 to 65535" }} savedResult={null} saving={false} />);
    expect(html).toContain('placeholder="Saved: leave blank to keep"');
    expect(html).toMatch(/name="password"[^>]*value=""/);
    expect(text(html)).toContain("Use a port from 1 to 65535");
    expect(text(html)).toContain("1 field needs attention");
  });

  it("shows the SMTP server's answer when the test email fails", async () => {
    const html = await render(<TestEmailCard canSend lastSentAt={null} lastSentTo={null} result={{ ok: false, to: "me@kopi.test", error: "Invalid login: 535 Authentication failed" }} sending={false} />);
    expect(text(html)).toContain("The test email could not be sent");
    expect(text(html)).toContain("Invalid login: 535 Authentication failed");
  });
});

describe("email template editor", () => {
  const context = { shopName: "Kopi", contactLine: "" };

  it("refuses an unknown placeholder as it is typed, and previews the email with sample data", async () => {
    const template = { subject: "Late: {order_nmae}", body: DEFAULT_TEMPLATES.delay_notice.body, custom: true, defaults: DEFAULT_TEMPLATES.delay_notice, placeholders: PLACEHOLDERS.delay_notice };
    const page = text(await render(<EmailTemplateEditor kind="delay_notice" template={template} previewContext={context} result={null} busy={null} />));
    expect(page).toContain("Unknown placeholder: {order_nmae}");
    expect(page).toContain("Preview with sample data");
    expect(page).toContain("Subject: Late: {order_nmae}");
  });
});

describe("loyalty form", () => {
  it("previews the thank-you with the discount sentence when a discount is on", async () => {
    const html = await render(
      <LoyaltySettingsForm
        settings={{ enabled: true, discountPercent: 15, discountDays: 30 }}
        template={DEFAULT_TEMPLATES.anniversary}
        previewContext={{ shopName: "Kopi", contactLine: "" }}
        canCreateDiscounts={false}
        now="2026-11-23T00:00:00Z"
        result={null}
        saving={false}
      />,
    );
    expect(html).toContain("15% off your next order with the code THANKYOU-1A2B3C4D, valid until December 23, 2026");
    expect(text(html)).toContain("Aftercare cannot create discount codes yet");
  });
});
