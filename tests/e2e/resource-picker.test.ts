import { describe, expect, it } from "vitest";
import { useDemoInBrowser } from "../support/demo-in-browser";

/**
 * Returns → Final sale: collections are chosen with App Bridge's resource picker (the demo's stand-in
 * in scripts/demo/app-bridge-stub.js lists the demo shop's collections), listed by title, and still
 * listed after saving and reloading.
 */

const session = useDemoInBrowser({ fresh: true });

describe("choosing final-sale collections with the resource picker", () => {
  it("lists the picked collection by title, saves it and shows it again after a reload", async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    const src = new URL(session.demo.embeddedAppUrl);
    src.pathname = "/app/returns/rules";
    await page.goto(src.toString());
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => "__remixRouter" in window);
    expect(await page.getByText("No collections chosen.").count()).toBe(1);
    // The title's back arrow leads to the Returns queue.
    expect(await page.getByRole("link", { name: "Returns" }).first().getAttribute("href")).toMatch(/\/app\/returns(\?|$)/);

    await page.getByRole("button", { name: "Choose collections" }).click();
    const picker = page.getByRole("dialog", { name: "Select collections" });
    await picker.getByRole("checkbox", { name: "Sample sale" }).check();
    await picker.getByRole("button", { name: "Select" }).click();
    await picker.waitFor({ state: "detached" });

    const chosen = page.getByRole("list", { name: "Collections" });
    expect(await chosen.getByRole("listitem").allInnerTexts()).toEqual([expect.stringContaining("Sample sale")]);
    const saveBar = page.getByRole("region", { name: "Contextual save bar" });
    await saveBar.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved" }).waitFor();

    await page.reload();
    await page.getByRole("list", { name: "Collections" }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole("list", { name: "Collections" }).getByRole("listitem").allInnerTexts()).toEqual([
      expect.stringContaining("Sample sale"),
    ]);
    // Opening the picker again shows the saved collection ticked.
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.getByRole("button", { name: "Choose collections" }).click();
    expect(await page.getByRole("dialog", { name: "Select collections" }).getByRole("checkbox", { name: "Sample sale" }).isChecked()).toBe(true);
    await page.close();
  });
});
