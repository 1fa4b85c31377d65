import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { atRiskOrders, lateOrders, ordersInState } from "../support/fake-admin/seed-truth";
import { startDemo, type RunningDemo } from "../../scripts/demo/server";
import { resultFromBody, type AdminTransport } from "../../app/shopify/admin-transport";
import { createPacedAdmin } from "../../app/shopify/paced-admin";

const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "tests/.tmp/screenshots");
const now = new Date();
const APP_BRIDGE_CDN = "https://cdn.shopify.com/shopifycloud/app-bridge.js";
const DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

let demo: RunningDemo;
let browser: Browser;

/**
 * Copies the demo shop's orders the way the app's sync does, against a twin of the demo's fake shop
 * (same seed) on a virtual clock, so the test does not wait a minute of API refill at the plan's rate.
 */
async function syncDemoShop(shopDomain: string): Promise<void> {
  let virtual = now.getTime();
  const clock = { now: () => virtual, sleep: async (ms: number) => void (virtual += ms) };
  const twin = createFakeAdmin({ shop: createSeedShop({ now, domain: shopDomain }), clock: clock.now });
  const transport: AdminTransport = async <T>(query: string, variables?: Record<string, unknown>) =>
    resultFromBody<T>((await twin.query(query, variables)) as Parameters<typeof resultFromBody<T>>[0]);
  const { runOrderSync } = await import("../../app/shopify/order-sync.server");
  await runOrderSync({ shop: shopDomain, admin: createPacedAdmin(transport, clock), grantedScopes: ["read_orders", "read_all_orders"], clock });
}

beforeAll(async () => {
  if (!existsSync(path.resolve(root, process.env.AFTERCARE_BUILD_DIR || "build", "server/index.js"))) {
    throw new Error("The app is not built: run `npm run build` (npm test does it first).");
  }
  demo = await startDemo({ appPort: 0, shopifyPort: 0, now });
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe("the delivery dashboard in the demo", () => {
  it("shows the seeded shop's delivery figures, charts and late orders", { timeout: 90_000 }, async () => {
    await syncDemoShop(demo.shopDomain);
    const seed = demo.fakeAdmin.seed;
    const needingAttention = new Set([...lateOrders(seed), ...atRiskOrders(seed), ...ordersInState(seed, "failed")].map((order) => order.id));

    // shopify-app-remix answers 410 to user agents that call themselves headless (bots).
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 }, userAgent: DESKTOP_CHROME });
    const outside: string[] = [];
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    // App Bridge comes from Shopify's CDN (routes added last win) (preloaded by a response header): serve the demo's stand-in.
    await page.route(APP_BRIDGE_CDN, (route) => route.fulfill({ path: path.join(root, "scripts/demo/app-bridge-stub.js"), contentType: "text/javascript" }));
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(demo.adminUrl);
    const app = page.frameLocator('iframe[title="Aftercare"]');
    await expect.poll(() => app.getByRole("heading", { name: "Delivery performance" }).isVisible(), { timeout: 20_000 }).toBe(true);
    await app.getByText(`Late and at-risk orders (${needingAttention.size})`).waitFor();
    await app.getByText(String(seed.orders.length), { exact: true }).first().waitFor();
    const firstLate = lateOrders(seed)[0];
    await app.getByRole("link", { name: firstLate.name, exact: true }).waitFor();
    // Charts are drawn in the browser after hydration.
    const chartIn = (title: string) => app.getByRole("figure", { name: title }).locator("svg").first();
    for (const title of ["Orders by delivery state", "Time to deliver by country", "Time to fulfil and to deliver"]) {
      await expect.poll(() => chartIn(title).isVisible(), { timeout: 15_000 }).toBe(true);
    }

    // Legends: every name in full (nothing cut to "…" or clipped), a colour of its own, and the counts.
    const legendOf = (title: string) =>
      app.getByRole("figure", { name: title }).evaluate((figure) =>
        [...figure.querySelectorAll("[data-legend-entry]")].map((entry) => ({
          text: (entry as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
          colour: getComputedStyle(entry.querySelector("[data-swatch]")!).backgroundColor,
          clipped: [...entry.querySelectorAll("span")].some((span) => span.scrollWidth > span.clientWidth + 1),
          right: entry.getBoundingClientRect().right,
          frameWidth: document.documentElement.clientWidth,
        })),
      );
    const stateNames: Record<string, string> = {
      late: "Late", failed: "Delivery failed", "at-risk": "At risk", unfulfilled: "Unfulfilled", "in-transit": "In transit",
      "delivered-on-time": "Delivered on time", "delivered-late": "Delivered late", cancelled: "Cancelled",
    };
    const expectedStates = Object.entries(stateNames)
      .map(([state, name]) => ({ name, count: ordersInState(seed, state as Parameters<typeof ordersInState>[1]).length }))
      .filter((row) => row.count > 0);
    const checkLegends = async () => {
      const states = await legendOf("Orders by delivery state");
      expect(states.map((entry) => entry.text.replace(/ \d[\d,]* · [\d.]+%$/, ""))).toEqual(expectedStates.map((row) => row.name));
      for (const [index, row] of expectedStates.entries()) expect(states[index].text).toMatch(new RegExp(` ${row.count.toLocaleString("en-US")} · [\\d.]+%$`));
      for (const title of ["Time to deliver by country", "Time to fulfil and to deliver"]) {
        const entries = await legendOf(title);
        expect(entries.length, title).toBeGreaterThan(1);
        for (const entry of [...states, ...entries]) expect(entry).toMatchObject({ clipped: false });
        expect(new Set(entries.map((entry) => entry.colour)).size, title).toBe(entries.length);
      }
      expect(new Set(states.map((entry) => entry.colour)).size).toBe(states.length);
      for (const entry of states) expect(entry.right).toBeLessThanOrEqual(entry.frameWidth);
      expect(await app.locator("[role=figure]").evaluateAll((figures) => figures.some((figure) => figure.textContent!.includes("…")))).toBe(false);
    };
    await checkLegends();
    await app.locator("[role=figure]").first().locator("xpath=ancestor::div[contains(@class,'Polaris-InlineGrid')][1]").screenshot({ path: path.join(screenshots, "dashboard-charts.png") });
    // The figures beside the chart: "Show figures" shows the table of counts.
    const statesFigure = app.getByRole("figure", { name: "Orders by delivery state" });
    await app.getByRole("button", { name: "Show figures" }).first().click();
    await statesFigure.getByRole("cell", { name: String(expectedStates[0].count), exact: true }).first().waitFor();

    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(screenshots, "dashboard.png"), fullPage: true });

    // Mark handled: the row leaves the list, a toast says so, and "Show handled" brings it back with an undo.
    const lateRow = app.getByRole("row").filter({ has: app.getByRole("link", { name: firstLate.name, exact: true }) });
    await lateRow.getByRole("button", { name: "Mark handled" }).click();
    await app.getByRole("status").filter({ hasText: `${firstLate.name} marked handled` }).waitFor();
    await app.getByText(`Late and at-risk orders (${needingAttention.size - 1})`).waitFor();
    await app.getByRole("button", { name: "Show handled (1)" }).click();
    await lateRow.getByRole("button", { name: "Undo: back to the list" }).waitFor();

    // On a phone the legends wrap rather than cut names short.
    await page.setViewportSize({ width: 390, height: 1800 });
    await page.waitForTimeout(500);
    await checkLegends();
    await app.getByRole("figure", { name: "Orders by delivery state" }).screenshot({ path: path.join(screenshots, "dashboard-390.png") });

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
