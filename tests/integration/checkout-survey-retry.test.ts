import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { JOBS } from "../../app/jobs/run-jobs.server";
import { retryAnswerMetafieldWrites } from "../../app/jobs/survey-metafields.server";
import { MAX_SEND_ATTEMPTS } from "../../app/models/email/outbox-policy";
import { getAttributionBreakdown } from "../../app/models/surveys/attribution.server";
import { action } from "../../app/routes/api.checkout.survey";
import { unauthenticated } from "../../app/shopify.server";
import { appUrl, routeAnswer } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import type { FaultKind } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { extensionRequest, mintExtensionToken } from "../support/signing";
import { asThankYouPagePosts } from "../support/thank-you-answers";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * A Thank-you page answer whose order metafields Shopify does not take at once (THROTTLED, a 500) is
 * kept, and the keep-in-touch job writes it later, with backoff, exactly once.
 */

const ACCESS_TOKEN = "shpat_installed";
const WRITE = "CheckoutSurveyAnswerMetafieldsSet";
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let fake: FakeAdmin;
let orderGid: string;
/** Faults for the next metafield writes only (the order check before them is answered normally). */
let writeFaults: FaultKind[] = [];

const adminFor = async (shop: string) => (await unauthenticated.admin(shop)).admin.graphql;
const post = (body: unknown) =>
  routeAnswer(() =>
    action({ request: extensionRequest(appUrl("/api/checkout/survey"), mintExtensionToken({ shop: TEST_SHOP, apiKey: TEST_API_KEY, secret: TEST_API_SECRET }), { body: asThankYouPagePosts(fake, body) }), params: {}, context: {} }),
  );
const stored = () => prisma.checkoutSurveyAnswer.findUniqueOrThrow({ where: { shop_orderId: { shop: TEST_SHOP, orderId: orderGid } } });
const orderAttribution = () => fake.state.metafields.get(orderGid, "$app:aftercare", "attribution")?.value ?? null;
const writesAccepted = () => fake.requests.filter((request) => request.operationName === WRITE && request.status === 200 && request.errorCodes.length === 0).length;
const writesTried = () => fake.requests.filter((request) => request.operationName === WRITE).length;

beforeAll(async () => {
  await storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: "read_orders,write_orders" });
});

beforeEach(async () => {
  await prisma.checkoutSurveyAnswer.deleteMany();
  await prisma.rateLimitHit.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: ACCESS_TOKEN, apiSecret: TEST_API_SECRET });
  writeFaults = [];
  routeShop(TEST_SHOP, async (request) => {
    const fault = writeFaults.length > 0 && (await request.clone().text()).includes(`mutation ${WRITE}`) ? writeFaults.shift() : undefined;
    if (fault) fake.failNext(1, fault);
    return fake.handle(request);
  });
  orderGid = fake.state.seed.orders[0]!.id;
});

describe("a Thank-you answer Shopify did not take at once", () => {
  it("is kept, tried again after the backoff, and written once", async () => {
    writeFaults = ["throttled", "500"];
    const answeredAt = Date.now();
    const response = await post({ orderId: orderGid, option: "Podcast", csat: 4 });

    // The shopper is done: the answer is stored and counted, though the order has no metafield yet.
    expect(response.status).toBe(201);
    expect(await stored()).toMatchObject({ option: "Podcast", metafieldWrittenAt: null, metafieldAttempts: 1, metafieldError: expect.stringMatching(/throttled/i) });
    expect(orderAttribution()).toBeNull();
    expect((await getAttributionBreakdown(TEST_SHOP)).channels).toEqual([expect.objectContaining({ option: "Podcast", count: 1 })]);

    // Not before the first backoff (a minute).
    expect(await retryAnswerMetafieldWrites({ now: new Date(answeredAt + 30 * SECOND), adminFor })).toEqual({ due: 0, written: 0, retrying: 0, failed: 0 });
    expect(writesTried()).toBe(1);

    // Then Shopify answers 500: kept for the next try, five minutes on.
    const second = new Date(answeredAt + 2 * MINUTE);
    expect(await retryAnswerMetafieldWrites({ now: second, adminFor })).toEqual({ due: 1, written: 0, retrying: 1, failed: 0 });
    expect(await stored()).toMatchObject({ metafieldAttempts: 2, metafieldWrittenAt: null, metafieldRetryAt: new Date(second.getTime() + 5 * MINUTE) });
    expect(orderAttribution()).toBeNull();

    const third = new Date(second.getTime() + 6 * MINUTE);
    expect(await retryAnswerMetafieldWrites({ now: third, adminFor })).toEqual({ due: 1, written: 1, retrying: 0, failed: 0 });
    expect(orderAttribution()).toBe("Podcast");
    expect(fake.state.metafields.get(orderGid, "$app:aftercare", "csat")?.value).toBe("4");
    expect(await stored()).toMatchObject({ metafieldWrittenAt: third, metafieldError: null, metafieldRetryAt: null, metafieldAttempts: 3 });

    // Written once: later runs find nothing to do.
    expect(await retryAnswerMetafieldWrites({ now: new Date(third.getTime() + 86_400_000), adminFor })).toMatchObject({ due: 0 });
    expect(writesTried()).toBe(3);
    expect(writesAccepted()).toBe(1);
  });

  it("is written by one of two workers running at once, not by both", async () => {
    writeFaults = ["throttled"];
    const answeredAt = Date.now();
    expect((await post({ orderId: orderGid, option: "Instagram" })).status).toBe(201);

    const now = new Date(answeredAt + 2 * MINUTE);
    const reports = await Promise.all([retryAnswerMetafieldWrites({ now, adminFor }), retryAnswerMetafieldWrites({ now, adminFor })]);
    expect(reports.reduce((sum, report) => sum + report.written, 0)).toBe(1);
    expect(writesAccepted()).toBe(1);
    expect(orderAttribution()).toBe("Instagram");
  });

  it("is kept with Shopify's reason once the last attempt fails, and no longer tried", async () => {
    writeFaults = Array.from({ length: MAX_SEND_ATTEMPTS }, () => "500" as const);
    let now = Date.now();
    expect((await post({ orderId: orderGid, option: "TikTok" })).status).toBe(201);

    const reports = [];
    for (let attempt = 2; attempt <= MAX_SEND_ATTEMPTS; attempt += 1) {
      now += 13 * 3_600_000;
      reports.push(await retryAnswerMetafieldWrites({ now: new Date(now), adminFor }));
    }
    expect(reports.at(-1)).toEqual({ due: 1, written: 0, retrying: 0, failed: 1 });
    expect(await stored()).toMatchObject({ option: "TikTok", metafieldWrittenAt: null, metafieldRetryAt: null, metafieldAttempts: MAX_SEND_ATTEMPTS, metafieldError: expect.any(String) });
    expect(await retryAnswerMetafieldWrites({ now: new Date(now + 86_400_000), adminFor })).toMatchObject({ due: 0 });
    expect(writesTried()).toBe(MAX_SEND_ATTEMPTS);
    expect(orderAttribution()).toBeNull();
  });

  it("is retried by the jobs' keep-in-touch tick", async () => {
    writeFaults = ["throttled"];
    const answeredAt = Date.now();
    expect((await post({ orderId: orderGid, option: "A friend" })).status).toBe(201);

    const result = await JOBS["keep-in-touch"]({ now: new Date(answeredAt + 2 * MINUTE), adminFor });
    expect(result).toMatchObject({ surveyMetafields: { due: 1, written: 1 } });
    expect(orderAttribution()).toBe("A friend");
  });

  it("is taken over by the job when the request that stored it never finished its write", async () => {
    // A crash between storing and writing: the request's claim lapses after its lease.
    const { recordSurveyAnswer } = await import("../../app/models/surveys/attribution.server");
    const answeredAt = new Date();
    await recordSurveyAnswer(TEST_SHOP, { orderId: orderGid, option: "Facebook", otherText: null, csat: null }, { now: answeredAt });

    expect(await retryAnswerMetafieldWrites({ now: new Date(answeredAt.getTime() + MINUTE), adminFor })).toMatchObject({ due: 0 });
    expect(await retryAnswerMetafieldWrites({ now: new Date(answeredAt.getTime() + 6 * MINUTE), adminFor })).toMatchObject({ due: 1, written: 1 });
    expect(orderAttribution()).toBe("Facebook");
  });
});
