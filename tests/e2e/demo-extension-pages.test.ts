import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { demoOrderFor } from "../../scripts/demo/extension-pages";
import { legacyIdOf } from "../support/fake-admin/ids";
import { openAppFrame, useDemoInBrowser } from "../support/demo-in-browser";

/**
 * The demo's Thank-you and order status pages (scripts/demo/extension-pages.ts): the bundles `shopify app
 * build` wrote, mounted with a session token the demo signs, talking to the app's real routes. A survey
 * answer given there reaches the admin's Surveys page and the order's metafield in the fake Admin API.
 */

const session = useDemoInBrowser();
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

async function open(url: string): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(url);
  return page;
}

const extension = (page: Page, handle: string): FrameLocator => page.frameLocator(`iframe[data-extension="${handle}"]`);

const ORDER_ANSWER = `#graphql
  query DemoOrderSurveyAnswer($id: ID!) {
    order(id: $id) {
      attribution: metafield(namespace: "$app:aftercare", key: "attribution") {
        value
      }
      csat: metafield(namespace: "$app:aftercare", key: "csat") {
        value
        type
      }
    }
  }
`;

describe("the demo's Thank-you page", () => {
  it("takes a survey answer that then shows on the Surveys page and on the order as app metafields", async () => {
    const order = demoOrderFor(session.demo.fakeAdmin, "thank-you", null)!;
    const page = await open(session.demo.thankYouUrl);
    const block = extension(page, "aftercare-thank-you");

    // The delivery promise, from the shipping calendar the app published on the shop (its app metafield).
    await block.getByText(/^Arrives between \w{3}, \w+ \d{1,2} and \w{3}, \w+ \d{1,2}$/).waitFor();
    await block.getByRole("radio", { name: "Podcast" }).waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-thank-you.png"), fullPage: true });
    await block.getByRole("radio", { name: "Podcast" }).click();
    await block.getByRole("button", { name: "4 out of 5" }).click();
    expect(await block.getByRole("button", { name: "4 out of 5" }).getAttribute("aria-pressed")).toBe("true");
    await block.getByRole("button", { name: "Send" }).click();
    await block.getByText("Thanks for telling us!").waitFor();
    expect(await block.getByRole("radio").count()).toBe(0);

    // A reload: the order is answered, the block says so and asks nothing.
    await page.reload();
    await extension(page, "aftercare-thank-you").getByText("Thanks for telling us!").waitFor();
    await page.close();

    const answer = await session.demo.fakeAdmin.query(ORDER_ANSWER, { id: order.id });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ order: { attribution: { value: "Podcast" }, csat: { value: "4", type: "number_integer" } } });

    const admin = await open(session.demo.adminUrl);
    const src = new URL(session.demo.embeddedAppUrl);
    src.pathname = "/app/surveys";
    src.searchParams.set("locale", "en");
    const app = await openAppFrame(admin, src.toString());
    const channels = app.getByRole("table", { name: "How shoppers heard about you" });
    await channels.waitFor();
    const podcast = channels.getByRole("row").filter({ hasText: "Podcast" });
    expect((await podcast.innerText()).replace(/\s+/g, " ")).toMatch(/Podcast 1 100\s?%/);
    await admin.close();
  }, 90_000);

  it("asks in Indonesian with ?locale=id, for any seeded order named in ?order=", async () => {
    const newest = demoOrderFor(session.demo.fakeAdmin, "thank-you", null)!;
    const other = session.demo.fakeAdmin.seed.orders.find((order) => order.id !== newest.id && order.cancelledAt === null)!;
    const page = await open(`${session.demo.thankYouUrl}?order=${legacyIdOf(other.id)}&locale=id`);
    const block = extension(page, "aftercare-thank-you");
    await block.getByRole("radiogroup").waitFor();
    expect(await block.getByRole("button", { name: "Kirim" }).count()).toBe(1);
    expect(await page.getByText(`Confirmation ${other.name}`).count()).toBe(1);
    await page.close();
  }, 60_000);
});

describe("the demo's order status page", () => {
  it("shows a delivered seeded order's timeline and delivery date, and takes a 'no' as a help request the admin lists", async () => {
    const order = demoOrderFor(session.demo.fakeAdmin, "order-status", null)!;
    const page = await open(session.demo.orderStatusUrl);
    const block = extension(page, "aftercare-order-status");

    const steps = block.getByRole("list").first().getByRole("listitem");
    await steps.first().waitFor();
    const texts = await steps.allInnerTexts();
    expect(texts.map((text) => text.split(" · ")[0])).toEqual(["Ordered", "Packed and handed to the carrier", "In transit", "Out for delivery", "Delivered"]);
    // The last parcel's delivery, on the shop's calendar, as the extension writes a date ("September 5").
    const deliveredAt = new Date(order.fulfillments.map((fulfillment) => fulfillment.deliveredAt!).sort().at(-1)!);
    const shopDay = new Intl.DateTimeFormat("en-CA", { timeZone: session.demo.fakeAdmin.shop.ianaTimezone }).format(deliveredAt);
    const day = new Intl.DateTimeFormat("en", { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${shopDay}T12:00:00Z`));
    expect(texts.at(-1)).toBe(`Delivered · ${day}`);
    await block.getByText(`Delivered on ${day}`).waitFor();
    await block.getByText("Did everything arrive as expected?").waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-order-status.png"), fullPage: true });

    // "No": the shopper asks for help from the page; the merchant finds it with the other help requests.
    await block.getByRole("button", { name: "No", exact: true }).click();
    await block.getByLabel("What went wrong? (optional)").fill("One bag arrived torn.");
    await block.getByRole("button", { name: "Ask for help" }).click();
    await block.getByText("We have your request and will get back to you soon.").waitFor();
    await page.close();

    const admin = await open(session.demo.adminUrl);
    const src = new URL(session.demo.embeddedAppUrl);
    src.pathname = "/app/reviews";
    src.searchParams.set("locale", "en");
    const app = await openAppFrame(admin, src.toString());
    await app.getByText(`${order.name} · Open`).waitFor();
    await app.getByText("One bag arrived torn.").waitFor();
    await admin.close();
  }, 90_000);
});
