import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { openAppFrame, useDemoInBrowser } from "../support/demo-in-browser";

const root = path.resolve(import.meta.dirname, "../..");
const SCREENSHOT = path.join(root, "test-results/admin-id.png");

const session = useDemoInBrowser({ fresh: true });

/** The demo admin with the app frame opened as Shopify opens it for a merchant whose admin is in `locale`. */
async function openAdminIn(locale: string): Promise<{ page: Page; app: Frame }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(session.demo.adminUrl);
  return { page, app: await openAppFrame(page, `${session.demo.embeddedAppUrl}&locale=${locale}`) };
}

describe("the demo admin in Indonesian (locale=id)", () => {
  it("shows our strings and Polaris's in Indonesian, with the page marked as Indonesian", async () => {
    const { page, app } = await openAdminIn("id");

    await app.getByRole("heading", { name: `Kinerja pengiriman · ${session.demo.fakeAdmin.shop.name}` }).waitFor();
    expect(await app.getByRole("heading", { name: "Panduan penyiapan" }).isVisible()).toBe(true);
    expect(await app.getByText(/\d+ dari \d+ tugas selesai/).isVisible()).toBe(true);
    expect(await app.getByRole("button", { name: "Tutup", exact: true }).isVisible()).toBe(true);
    expect(await app.locator("html").getAttribute("lang")).toBe("id");
    // Polaris's own words: the page header announces itself to screen readers from our Polaris translation.
    expect(await app.locator("body").textContent()).toContain(`Kinerja pengiriman · ${session.demo.fakeAdmin.shop.name}. Halaman ini sudah siap`);
    expect(await app.locator("body").innerText()).not.toMatch(/Setup guide|Delivery performance|tasks complete/);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.info(`Indonesian admin screenshot: ${SCREENSHOT}`);
    await page.close();
  }, 60_000);

  it("keeps Indonesian on the next page: the setup guide's and the navigation's links carry the locale", async () => {
    const { page, app } = await openAdminIn("id-ID");
    await app.getByRole("heading", { name: "Panduan penyiapan" }).waitFor();
    // Open the shipping-zones step: its button links to the shipping page inside the app.
    await app.getByRole("button", { name: "Tentukan zona pengiriman" }).click();
    await app.getByRole("link", { name: "Atur zona pengiriman" }).waitFor();
    const hrefs = await app.locator('a[href^="/app/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(new URL(href, "http://app.test").searchParams.get("locale")).toBe("id-ID");

    // The app's navigation leads to the shipping page, still in Indonesian.
    await app.getByRole("navigation").getByRole("link", { name: "Pengiriman" }).click();
    await app.getByRole("heading", { level: 1, name: "Pengiriman" }).waitFor();
    expect(new URL(app.url()).searchParams.get("locale")).toBe("id-ID");
    await app.getByRole("heading", { name: "Zona pengiriman" }).waitFor();
    await page.close();
  }, 60_000);
});
