/// <reference types="@shopify/ui-extensions/customer-account.order.action.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../src/app-url";
import { choose, click, pageText, type } from "./support/dom";
import { delivered, inTransit, json } from "./support/orders";
import { i18nFor } from "./support/translations";

const menuItem = getExtension("customer-account.order.action.menu-item.render");
const modal = getExtension("customer-account.order.action.render");
const ORDER = "gid://shopify/Order/7001";

const shows = (text: string) => vi.waitFor(() => expect(pageText()).toContain(text));

describe("Write a review, from the order list and the order page", () => {
  beforeEach(() => menuItem.setUp());
  afterEach(() => menuItem.tearDown());

  it("offers 'Write a review' in the shopper's language", async () => {
    Object.assign(menuItem.shopify.i18n, i18nFor("id"));
    await menuItem.render();

    expect(document.body.querySelector("s-button")?.textContent).toBe("Tulis ulasan");
  });
});

describe("the review modal", () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    modal.setUp();
    Object.assign(modal.shopify.i18n, i18nFor("en"));
    modal.shopify.orderId = ORDER;
    fetchMock = vi.fn();
    modal.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => modal.tearDown());

  it("lists the order's delivered lines, posts a review for one and thanks the customer", async () => {
    fetchMock.mockResolvedValueOnce(json(delivered())).mockResolvedValueOnce(json({ recorded: true, verified: true }));
    await modal.render();
    await shows("Enamel mug");

    expect(fetchMock.mock.calls[0][0]).toBe(`${APP_URL}/api/customer-account/order?orderId=${encodeURIComponent(ORDER)}`);
    expect(document.body.querySelector("s-customer-account-action")?.getAttribute("heading")).toBe("Write a review");
    await choose("Your rating", "2");
    await type("Your review", "The lid does not fit.");
    await click("Post review");

    await shows("Thank you! Your review is published.");
    expect(JSON.parse(String((fetchMock.mock.calls[1] as [string, RequestInit])[1].body))).toMatchObject({ orderId: ORDER, lineItemId: "gid://shopify/LineItem/11", rating: 2 });
  });

  it("says an order not delivered yet can be reviewed once it arrives", async () => {
    fetchMock.mockResolvedValueOnce(json(inTransit()));
    await modal.render();

    await shows("You can review this order once it has been delivered.");
    expect(document.body.querySelector("s-choice-list")).toBeNull();
  });

  it("shows a line the app no longer accepts as not found, in the shopper's language", async () => {
    fetchMock.mockResolvedValueOnce(json(delivered())).mockResolvedValueOnce(json({ error: "line_not_found", message: "We could not find this item in your delivered orders." }, 404));
    Object.assign(modal.shopify.i18n, i18nFor("id"));
    await modal.render();
    await shows("Enamel mug");
    await choose("Penilaian Anda", "5");
    await type("Ulasan Anda", "Mantap");
    await click("Kirim ulasan");

    await shows("Kami tidak menemukan barang ini di pesanan Anda yang sudah diterima.");
    expect(pageText()).not.toContain("Terima kasih! Ulasan Anda sudah ditampilkan.");
  });

  it("retries after a network failure and closes on Close", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValueOnce(json(delivered()));
    const close = vi.fn();
    modal.shopify.close = close;
    await modal.render();
    await shows("We could not reach the shop.");
    await click("Try again");
    await shows("Enamel mug");
    await click("Close");

    expect(close).toHaveBeenCalledOnce();
  });
});
