import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildShippingCalendar } from "~/models/shipping/calendar";
import { launchBrowser, layoutShiftOf, recordLayoutShifts } from "../support/browser";
import { renderStorefrontPreview, serveExtensionAsset } from "../support/storefront/preview";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import { shippingMetafields, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

// Monday 6 January 2025, 13:55 in Jakarta: five minutes before the shop's 14:00 cutoff.
const FIVE_MINUTES_BEFORE_CUTOFF = new Date("2025-01-06T06:55:00Z");
const THREE_SECONDS_BEFORE_CUTOFF = new Date("2025-01-06T06:59:57Z");

let server: Server;
let baseUrl: string;
let browser: Browser;

/** The storefront preview: /products/<handle> and / with ?country=&locale=&now=, assets under /assets/. */
function startPreviewServer(): Promise<void> {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://preview.test");
    void (async () => {
      if (url.pathname.startsWith("/assets/")) {
        const asset = serveExtensionAsset(url.pathname.slice("/assets/".length));
        if (!asset) return response.writeHead(404).end();
        return response.writeHead(200, { "content-type": asset.contentType }).end(asset.body);
      }
      const now = new Date(url.searchParams.get("now") ?? Date.now());
      const calendar = buildShippingCalendar(sampleShippingRules(), { now });
      const html = await renderStorefrontPreview({
        country: url.searchParams.get("country") ?? "ID",
        locale: (url.searchParams.get("locale") ?? "en") as StorefrontLocale,
        page: url.pathname.startsWith("/products/") ? "product" : "home",
        appMetafields: shippingMetafields(calendar),
        now,
        assetBaseUrl: `${baseUrl}/assets`,
      });
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    })().catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

beforeAll(async () => {
  await startPreviewServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Shopper {
  country: string;
  locale: StorefrontLocale;
  timezoneId: string;
}

/** Opens the product page with the browser's clock set to `now`; records layout shifts. */
/**
 * The product page as the shopper sees it at `now`. With `paused`, the page's clock stands still at
 * `now` until the test moves it (`clock.runFor`): a page that takes seconds to load on a busy machine
 * still opens before the cutoff.
 */
async function openProductPage(shopper: Shopper, now: Date, options: { paused?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: shopper.locale, timezoneId: shopper.timezoneId });
  if (options.paused) {
    await context.clock.install({ time: new Date(now.getTime() - 60_000) });
    await context.clock.pauseAt(now);
  } else {
    await context.clock.install({ time: now });
  }
  await recordLayoutShifts(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  const query = new URLSearchParams({ country: shopper.country, locale: shopper.locale, now: now.toISOString() });
  await page.goto(`${baseUrl}/products/batik-tote-bag?${query}`, { waitUntil: "load" });
  await page.waitForFunction(() => customElements.get("aftercare-countdown") !== undefined);
  expect(errors).toEqual([]);
  return page;
}

const estimate = (page: Page) => page.locator(".aftercare-estimate [data-variant]:visible");
const banner = (page: Page) => page.locator(".aftercare-banner");

const INDONESIA: Shopper = { country: "ID", locale: "id", timezoneId: "Asia/Jakarta" };
const GERMANY: Shopper = { country: "DE", locale: "en", timezoneId: "Europe/Berlin" };

describe("storefront preview: shipping estimates in Chromium", () => {
  it("shows an Indonesian shopper and a German shopper their own estimates", async () => {
    const indonesia = await openProductPage(INDONESIA, FIVE_MINUTES_BEFORE_CUTOFF);
    const germany = await openProductPage(GERMANY, FIVE_MINUTES_BEFORE_CUTOFF);

    await expect.poll(() => estimate(indonesia).innerText()).toMatch(/^Tiba Kam, 9 Jan – Sab, 11 Jan\s+Pesan dalam 4 mnt 5\d dtk$/);
    await expect.poll(() => estimate(germany).innerText()).toMatch(/^Get it Wed 15 Jan – Mon 20 Jan\s+Order within 4 min 5\d s$/);
    expect(await banner(indonesia).innerText()).toContain("Gratis ongkir ke Indonesia untuk pesanan di atas Rp 500.000");
    expect(await banner(germany).innerText()).toContain("Free shipping to Germany on orders over €75,00");
    expect(await banner(germany).innerText()).toContain("Delivery to Germany: Wed 15 Jan – Mon 20 Jan if you order within");

    await indonesia.context().close();
    await germany.context().close();
  });

  it("ticks the countdown while the shopper reads, without moving anything", async () => {
    const page = await openProductPage(GERMANY, FIVE_MINUTES_BEFORE_CUTOFF);
    const countdown = page.locator(".aftercare-estimate aftercare-countdown");
    const first = await countdown.innerText();

    await page.waitForFunction(
      (initial) => document.querySelector(".aftercare-estimate aftercare-countdown")?.textContent !== initial,
      first,
      { timeout: 5_000 },
    );

    expect(await countdown.innerText()).not.toBe(first);
    expect(await countdown.innerText()).toMatch(/^4 min \d{1,2} s$/);
    expect(await layoutShiftOf(page)).toBe(0);
    await page.context().close();
  });

  it("switches to the next day's dates at the cutoff, with no layout shift", async () => {
    const page = await openProductPage(GERMANY, THREE_SECONDS_BEFORE_CUTOFF, { paused: true });
    expect(await estimate(page).innerText()).toMatch(/^Get it Wed 15 Jan – Mon 20 Jan\s+Order within 0 min 3 s$/);

    await page.clock.runFor(4_000);

    await expect.poll(() => estimate(page).innerText()).toBe("Get it Thu 16 Jan – Tue 21 Jan");
    expect(await banner(page).innerText()).toContain("Delivery to Germany: Thu 16 Jan – Tue 21 Jan");
    expect(await layoutShiftOf(page)).toBe(0);
    await page.context().close();
  });
});
