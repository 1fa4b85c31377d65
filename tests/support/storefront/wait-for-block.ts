/**
 * Waits, with a bound, for a block's script to show what it fetched through the app proxy. When it does
 * not, the error says what the block showed instead (its status line) and what the proxy answered.
 *   await waitForBlockContent(tab, ".aftercare-review", { status: ".aftercare-reviews [role=status]", storefront });
 */
import type { Page } from "playwright-core";
import type { StorefrontStandIn } from "./proxy-stand-in";

export async function waitForBlockContent(
  tab: Page,
  selector: string,
  options: { status: string; storefront: Pick<StorefrontStandIn, "answers">; timeoutMs?: number },
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    await tab.locator(selector).first().waitFor({ timeout: timeoutMs });
  } catch {
    const shown = await tab
      .locator(options.status)
      .first()
      .innerText({ timeout: 1_000 })
      .catch(() => "(no status line)");
    const answers = options.storefront.answers.map((answer) => `${answer.method} ${answer.path} -> ${answer.status} ${answer.body}`);
    throw new Error(
      `${selector} did not appear within ${timeoutMs} ms. The block showed: "${shown}". ` +
        `The app proxy answered: ${answers.length ? answers.join("; ") : "nothing (no request reached it)"}`,
    );
  }
}
