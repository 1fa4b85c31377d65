import { beforeAll, describe, expect, it } from "vitest";
import { recordSurveyAnswer } from "../../app/models/surveys/survey.server";
import { action, loader } from "../../app/routes/app.surveys";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (fields: Record<string, string>) => adminFetchRequest("/app/surveys", { method: "POST", body: new URLSearchParams(fields) });

beforeAll(async () => {
  await storeOfflineSession({ accessToken: "shpat_installed" });
});

describe("surveys admin page", () => {
  it("saves the merchant's survey choice and refuses a delay out of range", async () => {
    const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET });
    routeShop(TEST_SHOP, (request) => fake.handle(request));

    const bad = await action(args(post({ enabled: "on", kind: "nps", delayDays: "45" })));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ ok: false, errors: { delayDays: "Enter a whole number from 0 to 30" } });

    expect((await action(args(post({ enabled: "on", kind: "nps", delayDays: "5" })))).status).toBe(200);
    const page = await (await loader(args(adminFetchRequest("/app/surveys")))).json();
    expect(page.settings).toEqual({ enabled: true, kind: "nps", delayDays: 5 });
  });

  it("shows the score, comments and follow-ups, and closes a follow-up once handled", async () => {
    const now = new Date();
    await recordSurveyAnswer(TEST_SHOP, { orderId: "gid://shopify/Order/1", kind: "nps", value: 10, comment: "Lovely", source: "email" }, now);
    await recordSurveyAnswer(TEST_SHOP, { orderId: "gid://shopify/Order/2", kind: "nps", value: 2, comment: "Broken mug", source: "email" }, now);
    const before = await (await loader(args(adminFetchRequest("/app/surveys")))).json();
    expect(before.report).toMatchObject({ score: 0, responses: 2 });
    expect(before.report.followUps).toEqual([expect.objectContaining({ orderId: "gid://shopify/Order/2", band: "detractor", comment: "Broken mug" })]);
    expect(before.report.comments.map((comment: { comment: string }) => comment.comment).sort()).toEqual(["Broken mug", "Lovely"]);

    expect((await action(args(post({ intent: "close-follow-up", orderId: "gid://shopify/Order/2" })))).status).toBe(200);
    const after = await (await loader(args(adminFetchRequest("/app/surveys")))).json();
    expect(after.report.followUps).toEqual([]);
  });
});
