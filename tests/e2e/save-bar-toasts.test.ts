import { describe, expect, it } from "vitest";
import type { Frame, Locator, Page } from "playwright-core";
import prisma from "../../app/db.server";
import { openAppFrame, useDemoInBrowser } from "../support/demo-in-browser";

/**
 * Feedback and unsaved work in the demo admin (App Bridge stand-in: scripts/demo/app-bridge-stub.js):
 * a settings form with unsaved changes shows the contextual save bar (Save / Discard) and the admin asks
 * before leaving; saving shows a toast in the admin language; a saved review reply closes its editor.
 */

const session = useDemoInBrowser({ fresh: true });

/** The demo admin with the app frame on `pathname`, as Shopify opens it for an admin in `locale`. */
async function openAdminAt(pathname: string, locale = "en"): Promise<{ page: Page; app: Frame }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(session.demo.adminUrl);
  const src = new URL(session.demo.embeddedAppUrl);
  src.pathname = pathname;
  src.searchParams.set("locale", locale);
  const app = await openAppFrame(page, src.toString());
  // Edits typed before the page hydrates would not reach React: wait for Remix's router.
  await app.waitForFunction(() => "__remixRouter" in window);
  return { page, app };
}

const saveBar = (app: Frame) => app.getByRole("region", { name: "Contextual save bar" });
const toast = (app: Frame, text: string) => app.getByRole("status").filter({ hasText: text });

describe("the contextual save bar and toasts on settings pages", () => {
  it("contact options: Discard restores, the admin asks before leaving, Save toasts and persists (English)", async () => {
    const { page, app } = await openAdminAt("/app/settings/contact");
    const hours = app.getByRole("textbox", { name: "When you answer" });
    await hours.waitFor();
    const before = await hours.inputValue();
    expect(await saveBar(app).count()).toBe(0);

    await hours.fill("Mon–Fri 09:00–17:00");
    await saveBar(app).waitFor();
    expect(await saveBar(app).innerText()).toContain("Unsaved changes");
    await saveBar(app).getByRole("button", { name: "Discard" }).click();
    await saveBar(app).waitFor({ state: "detached" });
    expect(await hours.inputValue()).toBe(before);

    // Leaving with unsaved changes: the admin asks; "Stay" keeps the edit, "Leave page" leaves.
    await hours.fill("Mon–Fri 09:00–17:00");
    await saveBar(app).waitFor();
    await app.getByRole("navigation").getByRole("link", { name: "Shipping" }).click();
    const leave = app.getByRole("dialog", { name: "Leave page with unsaved changes?" });
    await leave.waitFor();
    await leave.getByRole("button", { name: "Stay" }).click();
    await leave.waitFor({ state: "detached" });
    expect(await hours.inputValue()).toBe("Mon–Fri 09:00–17:00");
    expect(new URL(app.url()).pathname).toBe("/app/settings/contact");
    // The page's own back link (the app's routing) asks too, through shopify.saveBar.leaveConfirmation().
    await app.getByRole("link", { name: "Home" }).first().click();
    await leave.waitFor();
    await leave.getByRole("button", { name: "Stay" }).click();
    expect(new URL(app.url()).pathname).toBe("/app/settings/contact");

    await saveBar(app).getByRole("button", { name: "Save" }).click();
    await toast(app, "Settings saved").waitFor();
    await saveBar(app).waitFor({ state: "detached" });

    await app.goto(app.url());
    await app.getByRole("textbox", { name: "When you answer" }).waitFor();
    expect(await app.getByRole("textbox", { name: "When you answer" }).inputValue()).toBe("Mon–Fri 09:00–17:00");
    expect(await saveBar(app).count()).toBe(0);

    // Edit again and leave through the admin's navigation: the edit is dropped, the next page opens.
    await app.getByRole("textbox", { name: "When you answer" }).fill("Never");
    await saveBar(app).waitFor();
    await app.getByRole("navigation").getByRole("link", { name: "Shipping" }).click();
    await leave.getByRole("button", { name: "Leave page" }).click();
    await app.getByRole("heading", { level: 1, name: "Shipping" }).waitFor();
    expect(await saveBar(app).count()).toBe(0);
    await page.close();
  }, 90_000);

  it("contact options: a save the app stores trimmed closes the bar and shows what was stored", async () => {
    const { page, app } = await openAdminAt("/app/settings/contact");
    const hours = app.getByRole("textbox", { name: "When you answer" });
    await hours.waitFor();
    const stored = await hours.inputValue();
    // The same hours with spaces around them: stored as they were, so the page's data does not change.
    await hours.fill(`   ${stored}   `);
    await saveBar(app).waitFor();
    await saveBar(app).getByRole("button", { name: "Save" }).click();
    await toast(app, "Settings saved").waitFor();
    await saveBar(app).waitFor({ state: "detached" });
    expect(await hours.inputValue()).toBe(stored);
    await page.close();
  }, 90_000);

  it("contact options in Indonesian: the bar and the toast speak Indonesian", async () => {
    const { page, app } = await openAdminAt("/app/settings/contact", "id");
    const hours = app.getByRole("textbox", { name: "Jam layanan" });
    await hours.fill("Senin–Jumat 09.00–17.00");
    await saveBar(app).waitFor();
    await saveBar(app).getByRole("button", { name: "Simpan" }).click();
    await toast(app, "Pengaturan disimpan").waitFor();
    await saveBar(app).waitFor({ state: "detached" });
    await page.close();
  }, 60_000);

  it("shipping: no bar until an edit; Discard restores the saved value", async () => {
    const { page, app } = await openAdminAt("/app/shipping");
    await app.getByRole("heading", { name: "Shipping zones" }).waitFor();
    const field = app.getByRole("textbox").first();
    await field.waitFor();
    // Nothing changed yet: no save bar (the page's own defaults do not count as an edit).
    await page.waitForTimeout(500);
    expect(await saveBar(app).count()).toBe(0);
    const before = await field.inputValue();
    await field.fill(`${before}x`);
    await saveBar(app).waitFor();
    await saveBar(app).getByRole("button", { name: "Discard" }).click();
    await saveBar(app).waitFor({ state: "detached" });
    expect(await field.inputValue()).toBe(before);
    await page.close();
  }, 60_000);
});

describe("toasts on the reviews page", () => {
  it("a saved reply shows a toast and closes the editor; a rejection shows a toast", async () => {
    await prisma.review.create({
      data: {
        id: "save-bar-review",
        shop: session.demo.shopDomain,
        orderId: "gid://shopify/Order/7701",
        lineItemId: "gid://shopify/LineItem/7701",
        productId: "gid://shopify/Product/7701",
        productTitle: "Batik Tote Bag",
        rating: 4,
        title: "Lovely bag",
        body: "Arrived quickly.",
        authorName: "Sari",
        verified: true,
        status: "published",
        source: "email",
        createdAt: new Date(),
      },
    });
    const { page, app } = await openAdminAt("/app/reviews");
    await app.getByRole("button", { name: "Reply publicly" }).first().click();
    const editor = app.getByRole("textbox", { name: "Public reply" });
    await editor.fill("Thank you, Sari!");
    await app.getByRole("button", { name: "Save reply" }).click();
    await toast(app, "Reply saved").waitFor();
    await editor.waitFor({ state: "detached" });
    expect(await app.getByText("Thank you, Sari!").isVisible()).toBe(true);
    expect(await app.getByText("Your public reply").isVisible()).toBe(true);

    await app.getByRole("button", { name: "Reject" }).first().click();
    await toast(app, "Review rejected").waitFor();
    await page.close();
  }, 60_000);
});

/** A field of a settings form: how the merchant changes it and how its value reads. */
interface Field {
  locator: Locator;
  edit: () => Promise<void>;
  read: () => Promise<string | boolean>;
}

const textField = (locator: Locator, value: string): Field => ({ locator, edit: () => locator.fill(value), read: () => locator.inputValue() });
const checkbox = (locator: Locator): Field => ({ locator, edit: () => locator.click({ force: true }), read: () => locator.isChecked() });

/**
 * On one loaded page: no Save button on the page and no bar before an edit; an edit shows the bar;
 * Discard restores the saved value; the edit again (with `beforeSave`'s), saved from the bar, shows
 * `toastText`, closes the bar and stays in the field. Returns the edited value.
 */
async function editDiscardSave(app: Frame, field: Field, toastText: string, beforeSave?: () => Promise<void>): Promise<string | boolean> {
  await field.locator.waitFor();
  expect(await app.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
  expect(await saveBar(app).count()).toBe(0);
  const before = await field.read();

  await field.edit();
  await saveBar(app).waitFor();
  const edited = await field.read();
  expect(edited).not.toBe(before);
  await saveBar(app).getByRole("button", { name: "Discard" }).click();
  await saveBar(app).waitFor({ state: "detached" });
  expect(await field.read()).toBe(before);

  await field.edit();
  await beforeSave?.();
  await saveBar(app).getByRole("button", { name: "Save" }).click();
  await toast(app, toastText).waitFor();
  await saveBar(app).waitFor({ state: "detached" });
  expect(await field.read()).toBe(edited);
  return edited;
}

describe("the save bar on the other settings forms", () => {
  const shop = () => session.demo.shopDomain;

  it("returns: saved from the bar, with a toast", async () => {
    const { page, app } = await openAdminAt("/app/returns/rules");
    await editDiscardSave(app, textField(app.getByRole("spinbutton", { name: "Days to start a return" }), "45"), "Settings saved");
    const saved = await prisma.returnSettings.findUniqueOrThrow({ where: { shop: shop() } });
    expect(JSON.parse(saved.rulesJson).windowDays).toBe(45);
    await page.close();
  }, 60_000);

  it("survey settings: saved from the bar, with a toast", async () => {
    const { page, app } = await openAdminAt("/app/surveys");
    await editDiscardSave(app, textField(app.getByRole("spinbutton", { name: "Days after delivery" }), "9"), "Settings saved");
    expect((await prisma.surveySettings.findUniqueOrThrow({ where: { shop: shop() } })).delayDays).toBe(9);
    await page.close();
  }, 60_000);

  it("email settings: saved from the bar, with a toast", async () => {
    const { page, app } = await openAdminAt("/app/settings/email");
    const host = textField(app.getByRole("textbox", { name: "SMTP server" }), "smtp.kopi.test");
    await editDiscardSave(app, host, "Email settings saved", () => app.getByRole("textbox", { name: "Sender address" }).fill("orders@kopi.test"));
    const saved = await prisma.emailSettings.findUniqueOrThrow({ where: { shop: shop() } });
    expect([saved.smtpHost, saved.fromAddress]).toEqual(["smtp.kopi.test", "orders@kopi.test"]);
    await page.close();
  }, 60_000);

  it("loyalty: saved from the bar, with a toast", async () => {
    const { page, app } = await openAdminAt("/app/loyalty");
    await editDiscardSave(app, checkbox(app.getByRole("checkbox", { name: "Send a first-purchase anniversary thank-you" })), "Loyalty settings saved");
    expect((await prisma.loyaltySettings.findUniqueOrThrow({ where: { shop: shop() } })).enabled).toBe(true);
    await page.close();
  }, 60_000);

  it("email templates: another email's tab asks first; saved from the bar, with a toast", async () => {
    const { page, app } = await openAdminAt("/app/settings/templates");
    const subject = app.getByRole("textbox", { name: "Subject" });
    await subject.waitFor();
    const before = await subject.inputValue();
    await subject.fill("Your order {order_name} is on its way, a little late");
    await saveBar(app).waitFor();
    await app.getByRole("tab", { name: "Survey" }).click();
    const leave = app.getByRole("dialog", { name: "Leave page with unsaved changes?" });
    await leave.getByRole("button", { name: "Stay" }).click();
    await leave.waitFor({ state: "detached" });
    expect(await subject.inputValue()).toBe("Your order {order_name} is on its way, a little late");
    await saveBar(app).getByRole("button", { name: "Discard" }).click();
    await saveBar(app).waitFor({ state: "detached" });
    expect(await subject.inputValue()).toBe(before);

    await editDiscardSave(app, textField(subject, "Your order {order_name} is running late"), "Template saved");
    const saved = await prisma.emailTemplate.findUniqueOrThrow({ where: { shop_kind: { shop: shop(), kind: "delay_notice" } } });
    expect(saved.subject).toBe("Your order {order_name} is running late");
    await page.close();
  }, 60_000);

  it("review request settings: saved from the bar, with a toast", async () => {
    const { page, app } = await openAdminAt("/app/reviews");
    await editDiscardSave(app, textField(app.getByRole("spinbutton", { name: "One reminder after (days, 0 = none)" }), "3"), "Settings saved");
    expect((await prisma.reviewSettings.findUniqueOrThrow({ where: { shop: shop() } })).reminderDays).toBe(3);
    await page.close();
  }, 60_000);
});
