import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Launches Debian's Chromium for browser tests. Never downloads a browser; never skips. */

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
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}
