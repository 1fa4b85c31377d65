import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { startDemo, type RunningDemo } from "../../scripts/demo/server";

const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "tests/.tmp/screenshots");

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("The app is not built: run `npm run build` (npm test does it first).");
  }
  demo = await startDemo({ appPort: 0, shopifyPort: 0, fresh: true });
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe("the demo's embedded admin (--fresh)", () => {
  it("installs the seeded shop by token exchange and shows its home page inside the admin frame", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Shopify's CDN is out of reach offline: anything outside this machine must not be requested.
    const outside: string[] = [];
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });

    await page.goto(demo.adminUrl);
    const app = page.frameLocator('iframe[title="Aftercare"]');
    await expect.poll(() => app.getByRole("heading", { name: demo.fakeAdmin.shop.name }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => app.getByText(demo.shopDomain).first().isVisible()).toBe(true);

    await page.screenshot({ path: path.join(screenshots, "demo-admin.png") });
    const prisma = (await import("../../app/db.server")).default;
    expect(await prisma.session.findUnique({ where: { id: `offline_${demo.shopDomain}` } })).not.toBeNull();
    expect(demo.fakeAdmin.requests.some((request) => request.kind === "token-exchange")).toBe(true);
    expect(outside).toEqual([]);
  });
});
