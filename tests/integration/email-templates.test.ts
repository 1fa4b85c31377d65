import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { DEFAULT_TEMPLATES } from "../../app/email/templates";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueDelayNotices } from "../../app/jobs/delay-notices.server";
import { recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { action, loader } from "../../app/routes/app.settings.templates";
import { adminFetchRequest } from "../support/app-requests";
import { days, seedOrder, type SeedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_SHOP } from "../support/test-env";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (fields: Record<string, string>) => adminFetchRequest("/app/settings/templates", { method: "POST", body: new URLSearchParams(fields) });
const page = async () => (await (await loader(args(adminFetchRequest("/app/settings/templates")))).json());

const t0 = new Date("2026-05-01T08:00:00Z");
const lateOrder = (n: number): SeedOrder => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: t0,
  email: `shopper${n}@example.test`,
  firstName: "Ana <Marie>",
  parcels: [{ id: `gid://shopify/Fulfillment/${n}`, inTransitAt: new Date(t0.getTime() + days(1)) }],
});

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  await storeOfflineSession({ accessToken: "shpat_installed" });
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("email templates page", () => {
  it("shows each editable email with its placeholders and a preview context", async () => {
    const { templates, previewContext } = await page();
    expect(Object.keys(templates)).toEqual(["delay_notice", "survey", "anniversary"]);
    expect(templates.delay_notice).toMatchObject({ ...DEFAULT_TEMPLATES.delay_notice, custom: false });
    expect(templates.delay_notice.placeholders).toContain("promised_range");
    expect(previewContext.survey?.scale).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses an unknown placeholder and an empty subject, and keeps the old wording", async () => {
    const response = await action(args(post({ intent: "save", kind: "delay_notice", subject: "", body: "Hi {frist_name}" })));
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors.subject).toBe("Write a subject");
    expect(errors.body).toContain("Unknown placeholder: {frist_name}");
    expect(errors.body).toContain("{first_name}");
    expect(await prisma.emailTemplate.count()).toBe(0);
  });

  it("sends the next delay notice with the merchant's wording, escaped, and resets to the default", async () => {
    const saved = await action(
      args(post({ intent: "save", kind: "delay_notice", subject: "Sorry {first_name}, {order_name} is late", body: "Dear {first_name},\n\n<b>We goofed</b> on {order_name}.\n\n{shop_name}" })),
    );
    expect(saved.status).toBe(200);
    expect((await page()).templates.delay_notice.custom).toBe(true);

    const order = lateOrder(501);
    await seedOrder(TEST_SHOP, order);
    await recordDeliveryPromise(TEST_SHOP, order.id, { earliest: "2026-05-04", latest: "2026-05-06" }, "UTC", t0);
    const later = new Date(t0.getTime() + days(8));
    expect((await enqueueDelayNotices(TEST_SHOP, later)).enqueued).toBe(1);
    await sendDueEmails({ now: later });

    const [mail] = await smtp.waitForMessages(1);
    expect(mail.to).toEqual(["shopper501@example.test"]);
    expect(mail.subject).toBe("Sorry Ana <Marie>, #501 is late");
    expect(mail.text).toContain("<b>We goofed</b> on #501.");
    expect(mail.html).toContain("&lt;b&gt;We goofed&lt;/b&gt; on #501.");
    expect(mail.html).toContain("Dear Ana &lt;Marie&gt;,");
    expect(mail.html).not.toContain("<b>");

    expect((await action(args(post({ intent: "reset", kind: "delay_notice" })))).status).toBe(200);
    expect((await page()).templates.delay_notice).toMatchObject({ ...DEFAULT_TEMPLATES.delay_notice, custom: false });
  });

  it("edits the survey email too, while the answer links stay in the layout", async () => {
    const response = await action(args(post({ intent: "save", kind: "survey", subject: "Quick question", body: "{question}" })));
    expect(response.status).toBe(200);
    expect((await page()).templates.survey).toMatchObject({ subject: "Quick question", body: "{question}", custom: true });
  });
});
