import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DRAFT } from "~/components/shipping/shipping-form";
import { buildShippingCalendar } from "~/models/shipping/calendar";
import { returnRulesSchema } from "~/models/returns/rules";
import { returnsMetafield } from "~/models/returns/storefront";
import { launchBrowser, layoutShiftOf, recordLayoutShifts } from "../support/browser";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import { storefrontObjects, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

/**
 * A help page on a phone (390x844) in real Chromium, in a Dawn-like theme (root font 10px, body text
 * 15px, markers hidden on <summary>): the shipping banner with the default message of a fresh install,
 * the return policy, return check, order status, review prompt and survey blocks.
 */

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 } };
const HELP_BLOCKS = ["return-policy", "return-check", "order-status", "review-prompt", "survey"];

/** Dawn's root font size (10px) and body text (15px); `?theme=plain` keeps the browser's 16px root, as the demo's theme does. */
const themeCss = (plain: boolean) => `
html{font-size:${plain ? "100%" : "62.5%"}}
body{margin:0;font-family:Georgia,serif;font-size:${plain ? "1rem" : "1.5rem"};color:rgb(40,30,90);background:#fff;line-height:1.6}
summary{list-style:none}summary::-webkit-details-marker{display:none}
.page-width{padding:2rem}`;

let storefront: StorefrontStandIn;
let baseUrl: string;
let browser: Browser;

const line = (id: number, title: string) => ({ id, title, product: { title }, image: null, fulfillment: { created_at: "2026-05-02" } });

async function helpPage(locale: StorefrontLocale, plain: boolean): Promise<string> {
  const now = new Date();
  const calendar = buildShippingCalendar(
    sampleShippingRules({ bannerMessages: { en: DEFAULT_DRAFT.bannerMessages[0].template } }),
    { now },
  );
  const returns = returnsMetafield(returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery" }), "Asia/Jakarta");
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "€{{amount_with_comma_separator}}", now, assetBaseUrl: `${baseUrl}/assets` });
  const objects = storefrontObjects({ country: "DE", locale, appMetafields: {}, product: null, pageType: "page" });
  objects.app = {
    metafields: {
      aftercare: {
        shipping: { type: "json", value: JSON.parse(JSON.stringify(calendar)) },
        [returns.key]: { type: returns.type, value: JSON.parse(returns.value) },
      },
    },
  };
  objects.customer = {
    id: 5150,
    email: "sari@example.com",
    orders: [{ id: 102, name: "#102", cancelled: false, fulfillment_status: "fulfilled", line_items: [line(21, "Pour-over kettle")] }],
  };
  const blocks = await Promise.all(
    HELP_BLOCKS.map(async (block) => `<div class="shopify-app-block">${await renderBlock(liquid, block, { objects })}</div>`),
  );
  const banner = await renderBlock(liquid, "shipping-banner", { objects });
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Help</title>
<style>${themeCss(plain)}</style>
${["aftercare-returns.css", "aftercare-order-status.css", "aftercare-reviews.css", "aftercare-survey.css", "aftercare-shipping-banner.css"]
  .map((name) => `<link rel="stylesheet" href="${baseUrl}/assets/${name}">`)
  .join("\n")}
<script src="${baseUrl}/assets/aftercare-countdown.js" defer></script></head>
<body><main class="page-width">${blocks.join("\n")}<p style="height:1200px">Page text</p></main>
<footer>Footer</footer><div class="shopify-app-block">${banner}</div></body></html>`;
}

beforeAll(async () => {
  storefront = await startStorefrontStandIn({
    page: (url) => helpPage((url.searchParams.get("locale") ?? "en") as StorefrontLocale, url.searchParams.get("theme") === "plain"),
    proxy: {},
  });
  baseUrl = storefront.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

/** Opens the help page, recording layout shifts not caused by the shopper's input. */
async function open(page: Page, locale: StorefrontLocale = "en", theme = "dawn"): Promise<void> {
  await recordLayoutShifts(page);
  await page.goto(`${baseUrl}/pages/help?locale=${locale}&theme=${theme}`, { waitUntil: "load" });
}

const bannerHeight = async (page: Page) => (await page.locator(".aftercare-banner").boundingBox())?.height ?? 0;

describe("the shipping banner on a phone", () => {
  for (const theme of ["dawn", "plain"]) {
    it(`is one line, at most 48px tall, in a ${theme} theme`, async () => {
      const page = await (await browser.newContext(PHONE)).newPage();
      await open(page, "en", theme);

      expect(await bannerHeight(page)).toBeGreaterThan(0);
      expect(await bannerHeight(page)).toBeLessThanOrEqual(48);
      await page.context().close();
    }, 30_000);
  }

  it("reads the default message of a fresh install with dates filled in, no placeholder", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await open(page);
    const banner = page.locator(".aftercare-banner");

    expect(await banner.innerText()).toMatch(/^Order now and get it between \w{3} \d{1,2} \w{3} and \w{3} \d{1,2} \w{3}\./);
    expect(await banner.innerText()).not.toMatch(/[{}]/);
    await page.context().close();
  }, 30_000);

  it("can be closed with a labelled button, stays closed for the session, and nothing moves", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await open(page);
    const close = page.getByRole("button", { name: "Close shipping information" });
    await close.waitFor();
    const footer = await page.locator("footer").boundingBox();

    await close.click();

    expect(await page.locator(".aftercare-banner").isVisible()).toBe(false);
    expect((await page.locator("footer").boundingBox())?.y).toBe(footer?.y);
    expect(await layoutShiftOf(page)).toBe(0);
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".aftercare-banner")?.hidden === true);
    expect(await page.locator(".aftercare-banner").isVisible()).toBe(false);
    expect(await layoutShiftOf(page)).toBe(0);
    await context.close();

    const nextSession = await (await browser.newContext(PHONE)).newPage();
    await open(nextSession);
    expect(await nextSession.locator(".aftercare-banner").isVisible()).toBe(true);
    await nextSession.context().close();
  }, 30_000);

  it("names its close button in Indonesian for an Indonesian shopper", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await open(page, "id");

    await page.getByRole("button", { name: "Tutup informasi pengiriman" }).waitFor();
    await page.context().close();
  }, 30_000);

  it("is simply shown without JavaScript, with no dead close button", async () => {
    const page = await (await browser.newContext({ ...PHONE, javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/pages/help?locale=en&theme=plain`, { waitUntil: "load" });

    expect(await page.locator(".aftercare-banner").isVisible()).toBe(true);
    expect(await bannerHeight(page)).toBeLessThanOrEqual(48);
    expect(await page.getByRole("button", { name: "Close shipping information" }).count()).toBe(0);
    await page.context().close();
  }, 30_000);
});

describe("the help page's forms on a phone", () => {
  it("give every field 16px text or more, the theme's font and colour, and a label", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await open(page);
    // The survey's fields come from its template (its script puts them in the form); the review form is folded.
    await page.evaluate(() => {
      const survey = document.querySelector("aftercare-survey");
      const template = survey?.querySelector<HTMLTemplateElement>("template[data-kind='csat']");
      if (template) survey?.querySelector("form")?.append(template.content.cloneNode(true));
      for (const details of document.querySelectorAll("details")) details.open = true;
    });

    const fields = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return [...document.querySelectorAll<HTMLInputElement>(".shopify-app-block input, .shopify-app-block select, .shopify-app-block textarea")]
        .filter((field) => field.type !== "hidden")
        .map((field) => {
          const style = getComputedStyle(field);
          const label = [...(field.labels ?? [])].map((element) => element.textContent?.trim()).join(" ") || field.getAttribute("aria-label") || "";
          return {
            field: `${field.closest(".shopify-app-block > *")?.className.split(" ")[0]} ${field.name}`,
            fontSize: Number.parseFloat(style.fontSize),
            sameFont: style.fontFamily === body.fontFamily,
            sameColour: style.color === body.color,
            labelled: label !== "",
          };
        });
    });

    expect(fields.map((field) => field.field)).toEqual(
      expect.arrayContaining(["aftercare-check orderNumber", "aftercare-status orderNumber", "aftercare-review-prompt body", "aftercare-survey comment", "aftercare-survey score"]),
    );
    for (const field of fields) expect(field, field.field).toMatchObject({ sameFont: true, sameColour: true, labelled: true });
    for (const field of fields) expect(field.fontSize, field.field).toBeGreaterThanOrEqual(16);
    await page.context().close();
  }, 30_000);
});

describe("the return policy on a phone", () => {
  it("shows a chevron that turns when the policy opens, on a summary that shows keyboard focus", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await open(page);
    const summary = page.locator(".aftercare-returns__summary").first();
    const chevron = summary.locator(".aftercare-returns__chevron");

    const box = await chevron.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(12);
    expect(await chevron.isVisible()).toBe(true);
    const closed = await chevron.evaluate((element) => getComputedStyle(element).transform);
    expect(closed).toBe("none");

    await summary.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("details.aftercare-returns")?.hasAttribute("open"));
    await page.waitForTimeout(300);

    expect(await chevron.evaluate((element) => getComputedStyle(element).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
    expect(await summary.evaluate((element) => element.matches(":focus-visible") && getComputedStyle(element).outlineStyle !== "none")).toBe(true);
    expect((await summary.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await page.context().close();
  }, 30_000);
});
