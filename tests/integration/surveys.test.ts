import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueSurveys } from "../../app/jobs/surveys.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { getSurveyReport, recordSurveyAnswer, saveSurveySettings } from "../../app/models/surveys/survey.server";
import { action, loader } from "../../app/routes/proxy.survey";
import { appProxyRequest } from "../support/app-requests";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_SHOP } from "../support/test-env";
import { days, seedOrder, type SeedOrder } from "../support/keep-in-touch-fixtures";

const shop = TEST_SHOP;
const t0 = new Date("2026-06-01T08:00:00Z");
const at = (dayOffset: number) => new Date(t0.getTime() + days(dayOffset));
let smtp: TestSmtpServer;

const delivered = (n: number, deliveredDay: number, email: string | null = `shopper${n}@example.test`): SeedOrder => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: at(deliveredDay - 3),
  customerId: `gid://shopify/Customer/${n}`,
  email,
  firstName: "Dewi",
  parcels: [{ id: `gid://shopify/Fulfillment/${n}`, inTransitAt: at(deliveredDay - 2), deliveredAt: at(deliveredDay) }],
});

async function tick(now: Date) {
  const report = await enqueueSurveys(shop, now);
  await sendDueEmails({ now });
  return report;
}

/** The answer link for `score` in a received survey email, as the app proxy forwards it to the app. */
function proxiedLink(text: string, score: number): string {
  const link = text.split("\n").find((line) => line.startsWith(`${score}: `));
  if (!link) throw new Error(`No link for ${score} in:\n${text}`);
  const url = new URL(link.slice(`${score}: `.length));
  expect(url.origin + url.pathname).toBe(`https://${shop}/apps/aftercare/survey`);
  return `/proxy/survey${url.search}`;
}

const submit = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  action({ request: appProxyRequest("/proxy/survey", { method: "POST", body: new URLSearchParams(fields), headers }), params: {}, context: {} });

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  await seedOrder(shop, delivered(1, -10)); // delivered before the survey was switched on
  await saveSurveySettings(shop, { enabled: true, kind: "nps", delayDays: 2 }, t0);
  await seedOrder(shop, delivered(2, 1));
  await seedOrder(shop, { ...delivered(3, 1), parcels: [{ id: "gid://shopify/Fulfillment/3", inTransitAt: at(0) }] }); // still on its way
});

// The routes read the system clock: pin it to the story's day 5.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at(5));
});
afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("post-delivery survey", () => {
  it("emails one survey per delivered order, after the chosen delay", async () => {
    expect(await tick(at(2))).toMatchObject({ due: 0 });
    expect(await tick(at(3))).toMatchObject({ due: 1, enqueued: 1 });
    for (const day of [3.5, 4, 6, 9]) await tick(at(day));
    await smtp.waitForMessages(1);
    expect(smtp.messages.map((mail) => mail.to[0])).toEqual(["shopper2@example.test"]);
    const [mail] = smtp.messages;
    expect(mail.subject).toBe("A quick question about your order #2");
    expect(mail.text).toContain("How likely are you to recommend aftercare-test to a friend?");
    expect(mail.text).toContain("0 = Not at all likely, 10 = Extremely likely");
    expect(mail.html.match(/<a href="https:\/\/aftercare-test\.myshopify\.com\/apps\/aftercare\/survey\?token=/g)).toHaveLength(11);
  });

  it("opens the answer link as a page with that answer ticked, recording nothing yet", async () => {
    const response = await loader({ request: appProxyRequest(proxiedLink(smtp.messages[0].text, 9)), params: {}, context: {} });
    expect(response.headers.get("content-type")).toContain("application/liquid");
    const page = await response.text();
    expect(page).toContain('<input type="radio" name="score" value="9" required checked>');
    expect(page).toMatch(/action="\/apps\/aftercare\/survey\/?"/);
    expect((await getSurveyReport(shop, { kind: "nps", now: at(4) })).responses).toBe(0);
  });

  it("records the answer and an escaped comment, and surfaces a detractor as a follow-up", async () => {
    const token = new URL(`https://x${proxiedLink(smtp.messages[0].text, 3)}`).searchParams.get("token")!;
    const response = await submit({ token, score: "3", comment: "Box was crushed {{ shop.name }} <b>really</b>" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("We&#39;re sorry it was not better");

    const report = await getSurveyReport(shop, { kind: "nps", now: at(5) });
    expect(report).toMatchObject({ responses: 1, surveysSent: 1, responseRate: 100 });
    expect(report.summary).toMatchObject({ score: -100, detractors: 1 });
    expect(report.followUps).toEqual([expect.objectContaining({ orderName: "#2", value: 3, band: "detractor" })]);
    expect(report.comments[0].comment).toBe("Box was crushed {{ shop.name }} <b>really</b>");

    // Answering again replaces the answer instead of adding one.
    await submit({ token, score: "10" });
    expect((await getSurveyReport(shop, { kind: "nps", now: at(5) })).summary).toMatchObject({ responses: 1, score: 100 });
  });

  it("refuses a forged link, a score off the scale, and an unsigned request", async () => {
    const forged = await submit({ token: "eyJvcmRlcklkIjoiMSJ9.AAAA", score: "9" });
    expect(forged.status).toBe(404);
    const token = new URL(`https://x${proxiedLink(smtp.messages[0].text, 9)}`).searchParams.get("token")!;
    const offScale = await submit({ token, score: "11" });
    expect(offScale.status).toBe(422);
    expect(await offScale.text()).toContain("Choose an answer from 0 to 10.");

    const unsigned = appProxyRequest("/proxy/survey", { method: "POST", body: new URLSearchParams({ token, score: "0" }), signature: "0".repeat(64) });
    await expect(action({ request: unsigned, params: {}, context: {} })).rejects.toMatchObject({ status: 400 });
  });

  it("asks a logged-in shopper in the storefront block and takes the answer as JSON", async () => {
    await seedOrder(shop, delivered(4, 4));
    const question = await loader({ request: appProxyRequest("/proxy/survey", { loggedInCustomerId: "4", headers: { Accept: "application/json" } }), params: {}, context: {} });
    expect(await question.json()).toEqual({
      survey: expect.objectContaining({ orderName: "#4", kind: "nps", min: 0, max: 10 }),
    });
    const answer = await action({
      request: appProxyRequest("/proxy/survey", {
        method: "POST",
        loggedInCustomerId: "4",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ score: 8, comment: "Fine" }),
      }),
      params: {},
      context: {},
    });
    expect(await answer.json()).toEqual({ recorded: true, followUp: false });
    const stranger = await loader({ request: appProxyRequest("/proxy/survey", { loggedInCustomerId: "999", headers: { Accept: "application/json" } }), params: {}, context: {} });
    expect(await stranger.json()).toEqual({ survey: null });
  });

  it("scores CSAT and CES answers on their own scales", async () => {
    await saveSurveySettings(shop, { enabled: true, kind: "csat", delayDays: 2 }, at(6));
    for (const [n, value] of [[11, 5], [12, 4], [13, 2], [14, 3]] as const) {
      await recordSurveyAnswer(shop, { orderId: `gid://shopify/Order/${n}`, kind: "csat", value, comment: null, source: "email" }, at(6));
    }
    for (const [n, value] of [[21, 7], [22, 6], [23, 2]] as const) {
      await recordSurveyAnswer(shop, { orderId: `gid://shopify/Order/${n}`, kind: "ces", value, comment: null, source: "email" }, at(6));
    }
    const csat = await getSurveyReport(shop, { kind: "csat", now: at(7) });
    expect(csat.summary).toMatchObject({ responses: 4, score: 50 });
    expect(csat.followUps.map((followUp) => followUp.value)).toEqual([2]);
    const ces = await getSurveyReport(shop, { kind: "ces", now: at(7) });
    expect(ces.summary).toMatchObject({ responses: 3, score: 5 });
    expect(ces.followUps.map((followUp) => followUp.band)).toEqual(["hard"]);
  });
});
