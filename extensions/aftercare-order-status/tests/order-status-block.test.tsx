/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../src/app-url";
import { choose, click, pageText, type } from "./support/dom";
import { delivered, failed, inTransit, json, late, ORDER_ID } from "./support/orders";
import { i18nFor } from "./support/translations";

const extension = getExtension("customer-account.order-status.block.render");

let fetchMock: ReturnType<typeof vi.fn>;

function answerWith(...responses: Array<Response | Error>) {
  fetchMock = vi.fn();
  for (const response of responses) {
    if (response instanceof Error) fetchMock.mockRejectedValueOnce(response);
    else fetchMock.mockResolvedValueOnce(response);
  }
  extension.fetch = fetchMock as unknown as typeof fetch;
}

async function renderIn(language: "en" | "id" = "en") {
  Object.assign(extension.shopify.i18n, i18nFor(language));
  extension.shopify.localization.language.value = { isoCode: language };
  extension.shopify.order.value = { id: ORDER_ID, name: "#5001" };
  extension.shopify.sessionToken.get = async () => "customer-session-token";
  await extension.render();
}

const shows = (text: string) => vi.waitFor(() => expect(pageText()).toContain(text));

beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

describe("order status block", () => {
  it("asks the app for this order with the customer's session token", async () => {
    answerWith(json(inTransit()));
    await renderIn();
    await shows("In transit");

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`${APP_URL}/api/customer-account/order?orderId=${encodeURIComponent(ORDER_ID)}`);
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer customer-session-token");
  });

  it("shows an order in transit with its timeline, promise, carrier and tracking link, and no review ask yet", async () => {
    answerWith(json(inTransit()));
    await renderIn();
    await shows("Estimated delivery: September 4 – September 7");

    expect(pageText()).toContain("Ordered · September 1");
    expect(pageText()).toContain("Packed and handed to the carrier · September 2");
    expect(pageText()).toContain("Carrier: JNE");
    expect(document.body.querySelector("s-link[href='https://track.example/JNE123']")?.textContent).toBe("Track your parcel");
    expect(pageText()).not.toContain("Did everything arrive as expected?");
    expect(document.body.querySelector("s-choice-list")).toBeNull();
    expect(document.body.querySelector("s-link[href='mailto:help@shop.example']")?.textContent).toBe("Email: help@shop.example");
  });

  it("says a late order is later than we said, with the carrier's newer date", async () => {
    answerWith(json(late({ earliest: "2026-09-10", latest: "2026-09-10" })));
    await renderIn();
    await shows("This order is later than we said. We are sorry for the wait. Now expected: September 10");

    expect(document.body.querySelector("s-banner")?.getAttribute("tone")).toBe("warning");
    expect(pageText()).not.toContain("Estimated delivery");
  });

  it("says a late order is late without a date when the carrier has no newer one", async () => {
    answerWith(json(late(null)));
    await renderIn();
    await shows("This order is later than we said.");

    expect(pageText()).not.toContain("Now expected");
    expect(pageText()).not.toContain("7 September");
  });

  it("shows a failed delivery as failed, with the contact options", async () => {
    answerWith(json(failed()));
    await renderIn();
    await shows("The carrier could not deliver this order. Contact us and we will sort it out.");

    expect(document.body.querySelector("s-banner")?.getAttribute("tone")).toBe("critical");
    expect(document.body.querySelector("s-link[href='https://wa.me/628123456789']")).not.toBeNull();
  });

  it("asks whether everything arrived and for a review of each delivered line not yet reviewed", async () => {
    answerWith(json(delivered()));
    await renderIn();
    await shows("Did everything arrive as expected?");

    expect(pageText()).toContain("Delivered on September 5");
    expect(pageText()).toContain("Enamel mug");
    expect(document.body.querySelectorAll("s-choice-list")).toHaveLength(1);
    expect(pageText()).toContain("Pour-over kettleYou reviewed this. Thank you!");
  });

  it("offers help alongside on a 'no', and keeps the review form", async () => {
    answerWith(json(delivered()));
    await renderIn();
    await shows("Did everything arrive as expected?");
    await click("No");

    await shows("Sorry about that. Get in touch below and we will sort it out.");
    expect(document.body.querySelector("s-banner s-link[href='mailto:help@shop.example']")).not.toBeNull();
    expect(document.body.querySelector("s-choice-list")).not.toBeNull();
  });

  it("sends a 'no' to the shop as a help request about the chosen item, with what went wrong", async () => {
    answerWith(json(delivered()), json({ helpRequested: true }, 201));
    await renderIn();
    await shows("Did everything arrive as expected?");
    await click("No");
    await choose("Which item is it about?", "gid://shopify/LineItem/12");
    await type("What went wrong? (optional)", "  The kettle arrived dented. ");
    await click("Ask for help");

    await shows("We have your request and will get back to you soon.");
    const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(url).toBe(`${APP_URL}/api/customer-account/help`);
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer customer-session-token");
    expect(JSON.parse(String(init.body))).toEqual({ orderId: ORDER_ID, lineItemId: "gid://shopify/LineItem/12", message: "The kettle arrived dented." });
    // Help alongside, never instead: the contact options and the review form stay.
    expect(document.body.querySelector("s-banner s-link[href='mailto:help@shop.example']")).not.toBeNull();
    expect(document.body.querySelector("s-choice-list[label='Your rating']")).not.toBeNull();
  });

  it("keeps the help request on the page with the reason when it cannot be sent, in Indonesian", async () => {
    answerWith(json(delivered()), json({ error: "invalid_help", fields: { message: "message_too_long" } }, 422), new TypeError("Failed to fetch"));
    await renderIn("id");
    await shows("Apakah semuanya tiba sesuai harapan?");
    await click("Tidak");
    await type("Apa yang salah? (opsional)", "x".repeat(2001));
    await click("Minta bantuan");
    await vi.waitFor(() => expect(document.body.querySelector("s-text-area")?.getAttribute("error")).toBe("Mohon persingkat pesan Anda."));

    await click("Minta bantuan");
    await shows("Kami tidak bisa menghubungi toko.");
    expect(pageText()).not.toContain("Permintaan Anda sudah kami terima");
    const body = JSON.parse(String((fetchMock.mock.calls[1] as [string, RequestInit])[1].body));
    expect(body).toEqual({ orderId: ORDER_ID, lineItemId: "gid://shopify/LineItem/11", message: "x".repeat(2001) });
  });

  it("posts a review with stars and words, then thanks the customer", async () => {
    answerWith(json(delivered()), json({ recorded: true, verified: true }));
    await renderIn();
    await shows("Enamel mug");
    await choose("Your rating", "4");
    await type("Title (optional)", "Lovely");
    await type("Your review", "Keeps the coffee hot.");
    await click("Post review");

    await shows("Thank you! Your review is published.");
    const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(url).toBe(`${APP_URL}/api/customer-account/review`);
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ orderId: ORDER_ID, lineItemId: "gid://shopify/LineItem/11", rating: 4, title: "Lovely", body: "Keeps the coffee hot." });
    expect(document.body.querySelector("s-choice-list")).toBeNull();
  });

  it("asks for stars and words before sending anything", async () => {
    answerWith(json(delivered()));
    await renderIn();
    await shows("Enamel mug");
    await click("Post review");

    await vi.waitFor(() => expect(document.body.querySelector("s-choice-list")?.getAttribute("error")).toBe("Choose from 1 to 5 stars."));
    expect(document.body.querySelector("s-text-area")?.getAttribute("error")).toBe("Tell other shoppers what you think.");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("shows the app's refusal of a review in the shopper's language, keeping what they wrote", async () => {
    answerWith(json(delivered()), json({ error: "invalid_review", message: "Check the highlighted fields.", fields: { body: "body_too_long" } }, 422));
    await renderIn("id");
    await shows("Enamel mug");
    await choose("Penilaian Anda", "5");
    await type("Ulasan Anda", "Bagus sekali");
    await click("Kirim ulasan");

    await vi.waitFor(() => expect(document.body.querySelector("s-text-area")?.getAttribute("error")).toBe("Mohon persingkat ulasan Anda."));
    expect(document.body.querySelector("s-choice[value='5']")?.getAttribute("selected")).toBe("true");
    expect(JSON.parse(String((fetchMock.mock.calls[1] as [string, RequestInit])[1].body))).toMatchObject({ rating: 5, body: "Bagus sekali" });
  });

  it("shows a network failure as a retryable error, and loads on retry", async () => {
    answerWith(new TypeError("Failed to fetch"), json(inTransit()));
    await renderIn();
    await shows("We could not reach the shop. Check your connection and try again.");
    await click("Try again");

    await shows("In transit");
    expect(pageText()).not.toContain("We could not reach the shop");
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("shows another customer's order as not found, without a retry", async () => {
    answerWith(json({ error: "order_not_found", message: "We could not find this order in your account." }, 404));
    await renderIn();
    await shows("We could not find this order in your account.");

    expect(document.body.querySelector("s-button")).toBeNull();
  });

  it("asks a shopper who is not logged in to log in, and asks the app nothing", async () => {
    answerWith();
    extension.shopify.authenticationState.value = "pre_authenticated";
    const requireLogin = vi.fn(async () => {});
    extension.shopify.requireLogin = requireLogin;
    await renderIn();
    await shows("Log in to see where your order is and to review what you bought.");
    await click("Log in");

    expect(requireLogin).toHaveBeenCalledOnce();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the app's 'log in' answer when the token carries no customer", async () => {
    answerWith(json({ error: "not_logged_in", message: "Log in to your account to see this order." }, 401));
    await renderIn("id");

    await shows("Masuk ke akun Anda untuk melihat pesanan ini.");
  });

  it("speaks Indonesian to an Indonesian shopper, dates included", async () => {
    answerWith(json(late({ earliest: "2026-09-10", latest: "2026-09-10" })));
    await renderIn("id");

    await shows("Pesanan ini terlambat dari yang kami sampaikan. Mohon maaf atas penantiannya. Kini diperkirakan tiba: 10 September");
    expect(pageText()).toContain("Dipesan · 1 September");
  });
});
