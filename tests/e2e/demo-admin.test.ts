import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { useDemoInBrowser } from "../support/demo-in-browser";

const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "tests/.tmp/screenshots");

const DEMO_SHOP = "aftercare-demo.myshopify.com";

// What an earlier demo run left in the database (registered first: runs before the demo starts).
beforeAll(async () => {
  await prisma.shop.create({ data: { domain: DEMO_SHOP, scopes: "read_orders" } });
  await prisma.reviewSettings.create({ data: { shop: DEMO_SHOP, enabled: true, enabledAt: new Date("2026-01-01T00:00:00Z") } });
  await prisma.contactOptions.create({ data: { shop: DEMO_SHOP, optionsJson: JSON.stringify({ email: "old-run@example.test" }) } });
});

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

  it("starts with none of an earlier run's rows", async () => {
    expect(session.demo.shopDomain).toBe(DEMO_SHOP);
    expect(await prisma.reviewSettings.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect(await prisma.contactOptions.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    // Installed anew by token exchange, with what shopify.app.toml asks for.
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: DEMO_SHOP } });
    expect(shop.scopes.split(",")).toEqual(expect.arrayContaining(["read_themes", "write_discounts"]));
  });

  it("checks the live theme in the setup guide instead of saying it could not", async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(session.demo.adminUrl);
    const app = page.frameLocator('iframe[title="Aftercare"]');
    await app.getByText('In your live theme "Dawn"').waitFor({ timeout: 15_000 });
    expect(await app.getByText("Could not check").count()).toBe(0);
    await page.close();
  });

  it("serves the favicon browsers ask for as an icon, without logging an error", async () => {
    const errorsBefore = vi.mocked(console.error).mock.calls.length;

    const response = await fetch(new URL("/favicon.ico", session.demo.appUrl));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const icon = Buffer.from(await response.arrayBuffer());
    // An ICO file: reserved 0, type 1 (icon), at least one image.
    expect(icon.readUInt16LE(0)).toBe(0);
    expect(icon.readUInt16LE(2)).toBe(1);
    expect(icon.readUInt16LE(4)).toBeGreaterThan(0);
    expect(vi.mocked(console.error).mock.calls.slice(errorsBefore)).toEqual([]);
  });

  // Last: it syncs the demo shop's orders.
  it("counts synced orders up while the sync runs, without reloading the dashboard until it ends", async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    const dashboardLoads: string[] = [];
    const statusPolls: string[] = [];
    page.on("request", (request) => {
      const data = new URL(request.url()).searchParams.get("_data");
      if (request.method() === "GET" && data === "routes/app._index") dashboardLoads.push(request.url());
      if (data === "routes/app.sync-status") statusPolls.push(request.url());
    });
    await page.goto(session.demo.adminUrl);
    const app = page.frameLocator('iframe[title="Aftercare"]');

    const syncing = app.getByRole("heading", { name: "Syncing orders" });
    const syncButton = app.getByRole("button", { name: /^Sync orders/ }).first();
    await syncButton.waitFor({ timeout: 15_000 });
    // Installing started the first sync: a page loaded once it runs shows it; one loaded before offers to start it.
    if (!(await syncing.isVisible())) await syncButton.click();
    await syncing.waitFor({ timeout: 15_000 });
    const count = app.getByText(/^[\d,]+ orders?$/);
    const shown = async () => Number((await count.innerText()).replace(/\D/g, ""));
    const first = await shown();
    const loadsWhileRunning = dashboardLoads.length;

    await expect.poll(shown, { timeout: 20_000 }).toBeGreaterThan(first);
    expect(statusPolls.length).toBeGreaterThan(0);
    expect(dashboardLoads.length).toBe(loadsWhileRunning);

    await syncing.waitFor({ state: "hidden", timeout: 120_000 });
    await expect.poll(() => dashboardLoads.length).toBe(loadsWhileRunning + 1);
    const synced = await prisma.order.count({ where: { shop: DEMO_SHOP } });
    expect(synced).toBeGreaterThan(first);
    const ordersStat = app.getByRole("heading", { name: "Orders", exact: true }).locator("xpath=..");
    await expect.poll(() => ordersStat.innerText()).toContain(synced.toLocaleString("en-US"));
    // Polling stopped with the sync.
    const pollsAtEnd = statusPolls.length;
    await page.waitForTimeout(4_500);
    expect(statusPolls.length).toBe(pollsAtEnd);
    await page.close();
  }, 180_000);
});
