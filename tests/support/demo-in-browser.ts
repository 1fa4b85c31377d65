/**
 * The built demo (seeded, or `--fresh`) and a Chromium for one e2e test file, started before its tests
 * and closed after them. The demo's shop answers again before each test (the test setup forgets shop
 * routes after every test). Read the two inside tests, once started:
 *   const session = useDemoInBrowser({ fresh: true });  ...  await page.goto(session.demo.adminUrl);
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { startDemo, type RunningDemo } from "../../scripts/demo/server";
import { launchBrowser } from "./browser";
import { routeShop } from "./shopify-network";

const root = path.resolve(import.meta.dirname, "../..");

export interface DemoInBrowser {
  demo: RunningDemo;
  browser: Browser;
}

export function useDemoInBrowser(options: { fresh?: boolean; startTimeoutMs?: number } = {}): DemoInBrowser {
  const session = {} as DemoInBrowser;
  beforeAll(async () => {
    if (!existsSync(path.resolve(root, process.env.AFTERCARE_BUILD_DIR || "build", "server/index.js"))) {
      throw new Error("The app is not built: run `npm run build` (npm test does it first).");
    }
    session.demo = await startDemo({ appPort: 0, shopifyPort: 0, ...(options.fresh ? { fresh: true } : {}) });
    session.browser = await launchBrowser();
  }, options.startTimeoutMs);
  beforeEach(() => {
    routeShop(session.demo.shopDomain, (request) => session.demo.fakeAdmin.handle(request));
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.demo?.close();
  });
  return session;
}

/**
 * Points the demo admin's app frame at `src` (the embedded app URL with a path and a `locale`) and
 * resolves with that frame once its page title shows. The admin page first loads the app's home in the
 * frame: waiting for "a heading in the frame" could find that page's instead of the one asked for.
 */
export async function openAppFrame(page: Page, src: string): Promise<Frame> {
  const target = new URL(src);
  const isTarget = (frame: Frame) => {
    if (frame === page.mainFrame() || !frame.url().startsWith("http")) return false;
    const url = new URL(frame.url());
    return url.origin === target.origin && url.pathname === target.pathname && url.searchParams.get("locale") === target.searchParams.get("locale");
  };
  // The home page first bounces through /auth/session-token (App Bridge fetches a token, then the frame
  // reloads with it). Pointing the frame elsewhere before that reload happens loses the race to it: the
  // frame ends on the home page. So the home page's heading comes first, then the frame moves.
  await page.frameLocator('iframe[title="Aftercare"]').getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  await page.locator('iframe[title="Aftercare"]').evaluate((frame, url) => frame.setAttribute("src", url), src);
  let frame: Frame | undefined;
  try {
    await expect.poll(() => (frame = page.frames().find(isTarget)) !== undefined, { timeout: 20_000 }).toBe(true);
  } catch {
    throw new Error(`The app frame did not open ${target.pathname}; the page's frames were at: ${page.frames().map((candidate) => candidate.url()).join(", ")}`);
  }
  await frame!.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  return frame!;
}
