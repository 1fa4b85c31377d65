import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { blocking, runAxe } from "../support/axe";
import { useDemoInBrowser } from "../support/demo-in-browser";

/**
 * Every admin page of the seeded demo, loaded in Chromium in both admin languages, hydrates with no
 * console error, no hydration warning and no uncaught exception. Server and browser run different ICU
 * builds, so anything a page computes with Intl on both sides (country names, collation) shows up here.
 * The English pass also runs axe-core on each page once it has hydrated: no serious or critical WCAG
 * violation (the storefront's and the shopper forms' checks are in accessibility.test.ts).
 */


const ADMIN_PAGES = [
  "/app",
  "/app/shipping",
  "/app/returns",
  "/app/returns/rules",
  "/app/reviews",
  "/app/surveys",
  "/app/settings/email",
  "/app/settings/templates",
  "/app/settings/contact",
  "/app/loyalty",
  "/app/plans",
];

/** Each page once per language: a Node/Chromium ICU difference shows on every load. */
const LOADS_PER_PAGE = 1;

const session = useDemoInBrowser({ startTimeoutMs: 180_000 });

/**
 * The test's own clock (Playwright's clock.install, tests/support/session.browser.ts) is an init script for every
 * frame; Chromium refuses to run it in the email previews' sandboxed srcdoc frames and says so. The emails
 * themselves have no script, so that one message is the test's, not the page's.
 */
const TEST_CLOCK_IN_SANDBOX = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

const HYDRATION = /hydrat|did not match|server rendered|Minified React error #(418|419|422|423|425)/i;

/** One browser context per language, as one merchant's browser: its cache keeps Polaris between pages. */
async function merchantBrowser(): Promise<BrowserContext> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Shopify's CDN is out of reach offline; aborted requests are not the page's fault.
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  return context;
}

async function problemsOn(context: BrowserContext, appPath: string, locale: string, axe: boolean): Promise<string[]> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text().split("\n")[0];
    if (TEST_CLOCK_IN_SANDBOX.test(text)) return;
    if (message.type() === "error" || HYDRATION.test(text)) problems.push(`${appPath} [${locale}] console.${message.type()}: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`${appPath} [${locale}] uncaught: ${error.message}`));
  try {
    const admin = new URL(session.demo.adminUrl);
    admin.searchParams.set("app", appPath);
    admin.searchParams.set("locale", locale);
    await page.goto(admin.toString());
    const app = page.frameLocator('iframe[title="Aftercare"]');
    await app.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${session.demo.appUrl}${appPath}`));
    if (!frame) throw new Error(`The app frame did not open ${appPath}`);
    // Hydration is done once Remix has handed the document to React and the browser is idle.
    await frame.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await frame.waitForLoadState("networkidle");
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
    if (axe) problems.push(...blocking(await runAxe(frame)).map((line) => `${appPath} [${locale}] axe: ${line}`));
  } finally {
    await page.close();
  }
  return problems;
}

describe("every admin page of the demo in Chromium", () => {
  for (const locale of ["en", "id"]) {
    it(`loads and hydrates without console errors or hydration warnings${locale === "en" ? ", and passes axe-core" : ""} (${locale})`, async () => {
      const problems: string[] = [];
      const context = await merchantBrowser();
      try {
        for (const appPath of ADMIN_PAGES) {
          for (let load = 0; load < LOADS_PER_PAGE; load += 1) problems.push(...(await problemsOn(context, appPath, locale, locale === "en")));
        }
      } finally {
        await context.close();
      }
      expect([...new Set(problems)]).toEqual([]);
    }, 240_000);
  }
});
