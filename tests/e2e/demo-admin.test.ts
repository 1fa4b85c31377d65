import path from "node:path";
import { describe, expect, it } from "vitest";
import { useDemoInBrowser } from "../support/demo-in-browser";

const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "tests/.tmp/screenshots");

const session = useDemoInBrowser({ fresh: true });

describe("the demo's embedded admin (--fresh)", () => {
  it("installs the seeded shop by token exchange and shows its home page inside the admin frame", async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Shopify's CDN is out of reach offline: anything outside this machine must not be requested.
    const outside: string[] = [];
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });

    await page.goto(session.demo.adminUrl);
    const app = page.frameLocator('iframe[title="Aftercare"]');
    await expect.poll(() => app.getByRole("heading", { name: session.demo.fakeAdmin.shop.name }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => app.getByText(session.demo.shopDomain).first().isVisible()).toBe(true);

    await page.screenshot({ path: path.join(screenshots, "demo-admin.png") });
    const prisma = (await import("../../app/db.server")).default;
    expect(await prisma.session.findUnique({ where: { id: `offline_${session.demo.shopDomain}` } })).not.toBeNull();
    expect(session.demo.fakeAdmin.requests.some((request) => request.kind === "token-exchange")).toBe(true);
    expect(outside).toEqual([]);
  });
});
