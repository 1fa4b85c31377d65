import { beforeEach, describe, expect, it } from "vitest";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { adminDocumentRequest, adminFetchRequest, sessionToken } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const home = await import("../../app/routes/app._index");
const { forgetShopSessions } = await import("../../app/shopify/cached-session-storage.server");

const args = (request: Request) => ({ request, params: {}, context: {} });

async function outcome(request: Request): Promise<Response> {
  try {
    return (await home.loader(args(request))) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let fake: FakeAdmin;

beforeEach(async () => {
  // Emptied behind the app's back, so the sessions this instance has cached go too (as on a fresh instance).
  await prisma.session.deleteMany();
  forgetShopSessions(TEST_SHOP);
  await prisma.shop.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
});

describe("embedded admin authentication", () => {
  it("serves the home page to a merchant whose session token is valid", async () => {
    await storeOfflineSession({ accessToken: "shpat_installed" });
    const response = await outcome(adminFetchRequest("/app"));
    expect(response.status).toBe(200);
    const { overview } = await response.json();
    expect(overview).toMatchObject({ name: fake.shop.name, myshopifyDomain: TEST_SHOP });
  });

  it("installs a new shop by token exchange on the first embedded load, and records it", async () => {
    expect(await prisma.session.count()).toBe(0);
    const response = await outcome(adminDocumentRequest("/app"));
    expect(response.status).toBe(200);
    expect(fake.requests.map((r) => r.kind)).toContain("token-exchange");
    const session = await prisma.session.findUnique({ where: { id: `offline_${TEST_SHOP}` } });
    expect(session?.accessToken).toBeTruthy();
    expect(await prisma.shop.findUnique({ where: { domain: TEST_SHOP } })).not.toBeNull();
  });

  it("refuses an expired session token and asks App Bridge to retry with a fresh one", async () => {
    await storeOfflineSession({ accessToken: "shpat_installed" });
    const expired = sessionToken({ issuedAt: Math.floor(Date.now() / 1000) - 600 });
    const response = await outcome(adminFetchRequest("/app", { token: expired }));
    expect(response.status).toBe(401);
    expect(response.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
  });

  it("refuses a session token signed with another secret", async () => {
    await storeOfflineSession({ accessToken: "shpat_installed" });
    const forged = sessionToken({ secret: "not-the-app-secret" });
    const response = await outcome(adminFetchRequest("/app", { token: forged }));
    expect(response.status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });
});
