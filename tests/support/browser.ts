import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

/**
 * Launches Debian's Chromium for browser tests. Never downloads a browser; never skips.
 * One clock: every page starts at the test process's "now" (pinned, or shifted by `npm run test:clock`)
 * and runs on from there, so what a page computes from the date agrees with what the test expects.
 */

export const BROWSER_INSTALL_COMMAND = "apt-get install -y chromium";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Headless Chromium names itself "HeadlessChrome", which Shopify's embedded-app code treats as a bot (410).
  "--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
];

/** How long a page action or wait may take before it fails (the tests' own timeout is 30 s or more). */
export const BROWSER_WAIT_MS = 15_000;

export function findBrowser(): string | null {
  return CANDIDATES.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}

/** A fresh headless Chromium (playwright-core gives each launch a new temporary profile). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new Error(
      `No Chromium found (looked for ${CANDIDATES.filter(Boolean).join(", ")}). Install it with: ${BROWSER_INSTALL_COMMAND}`,
    );
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS, env: browserEnv() });
  return withTestClock(browser);
}

/** Chromium keeps the machine's zone but not libfaketime: its pages get the test's instant from Playwright. */
function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === "LD_PRELOAD" || key.startsWith("FAKETIME")) continue;
    env[key] = value;
  }
  return env;
}

function withTestClock(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await newContext(options);
    await context.clock.install({ time: Date.now() });
    // A wait that cannot succeed fails with Playwright's account of it, well before the test's own timeout.
    context.setDefaultTimeout(BROWSER_WAIT_MS);
    return context;
  };
  // A page of its own context, closed with it, as Browser.newPage does.
  browser.newPage = async (options?: BrowserContextOptions): Promise<Page> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once("close", () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

/**
 * Sums, in the page, every layout shift not caused by the shopper's input (CLS as Lighthouse counts it),
 * from the first paint on. Call before navigating; read the sum with `layoutShiftOf(page)`.
 */
export async function recordLayoutShifts(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const record = window as unknown as { aftercareLayoutShift: number };
    record.aftercareLayoutShift = 0;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) record.aftercareLayoutShift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

export function layoutShiftOf(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { aftercareLayoutShift: number }).aftercareLayoutShift);
}
