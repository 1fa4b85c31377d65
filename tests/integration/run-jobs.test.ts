import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeAdmin, createSeedShop } from "../support/fake-admin";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_SHOP } from "../support/test-env";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";

const prisma = (await import("../../app/db.server")).default;
const { closeMailTransports } = await import("../../app/email/transport.server");
const { JOBS, runDueJobs } = await import("../../app/jobs/run-jobs.server");
const { JOB_NAMES } = await import("../../app/jobs/schedule");
const { recordInstall } = await import("../../app/models/shop/shop.server");
const { saveSurveySettings } = await import("../../app/models/surveys/survey.server");
const { getShippingSettings, needsRepublish, saveShippingRules } = await import("../../app/models/shipping/settings.server");
const { sampleShippingRules } = await import("../support/storefront/sample-shipping-rules");

const ACCESS_TOKEN = "shpat_run_jobs";
const SCOPES = "read_orders,read_products,write_discounts";
const t0 = new Date("2026-11-16T02:00:00Z");
const at = (n: number) => new Date(t0.getTime() + days(n));
const NOW = at(5);
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 0 }), accessToken: ACCESS_TOKEN });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: SCOPES });
  await recordInstall(TEST_SHOP, SCOPES);
  await saveShippingRules(TEST_SHOP, sampleShippingRules(), t0);
  await saveSurveySettings(TEST_SHOP, { enabled: true, kind: "csat", delayDays: 2 }, t0);
  await seedOrder(TEST_SHOP, {
    id: "gid://shopify/Order/7001",
    name: "#7001",
    createdAt: at(-2),
    customerId: "gid://shopify/Customer/7001",
    email: "sari@example.test",
    firstName: "Sari",
    parcels: [{ id: "gid://shopify/Fulfillment/7001", inTransitAt: at(-1), deliveredAt: at(1) }],
  });
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("npm run jobs --once", () => {
  const lines: Array<{ level: string; line: string }> = [];
  const log = (level: string, line: string) => lines.push({ level, line });

  it("runs every job against the shop, and one failing job stops none of the others", async () => {
    const failing = { ...JOBS, "resume-order-syncs": async () => Promise.reject(new Error("database is locked")) };

    const { outcomes, lastRuns } = await runDueJobs({ now: NOW, log, jobs: failing });

    expect(outcomes.map((outcome) => [outcome.name, outcome.ok])).toEqual(JOB_NAMES.map((name) => [name, name !== "resume-order-syncs"]));
    expect(lines.find((entry) => entry.level === "error")?.line).toContain("resume-order-syncs failed: Error: database is locked");
    expect(Object.keys(lastRuns).sort()).toEqual([...JOB_NAMES].sort());

    // keep-in-touch: the survey for the order delivered three days ago was queued and sent.
    await smtp.waitForMessages(1);
    expect(smtp.messages.map((mail) => [mail.to[0], mail.subject])).toEqual([["sari@example.test", "A quick question about your order #7001"]]);
    const outbox = await prisma.outboxMessage.findMany({ where: { shop: TEST_SHOP } });
    expect(outbox.map((email) => [email.kind, email.status])).toEqual([["survey", "sent"]]);

    // republish-shipping: the calendar went to the shop through its offline Admin client.
    expect(outcomes.find((outcome) => outcome.name === "republish-shipping")?.result).toMatchObject({ published: [TEST_SHOP], failed: [] });
    expect(needsRepublish((await getShippingSettings(TEST_SHOP))!, NOW)).toBe(false);
  });

  it("five minutes later runs only the keep-in-touch tick, which sends nothing twice", async () => {
    const first = await runDueJobs({ now: NOW, log: () => {} });
    const { outcomes } = await runDueJobs({ now: new Date(NOW.getTime() + 5 * 60_000), lastRuns: first.lastRuns, log: () => {} });

    expect(outcomes.map((outcome) => outcome.name)).toEqual(["keep-in-touch"]);
    expect(outcomes[0].result).toMatchObject({ delays: 0, surveys: 0 });
    expect(smtp.messages).toHaveLength(1);
  });
});
