/// <reference types="@shopify/ui-extensions/customer-account.order.action.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../../aftercare-order-status/src/app-url";
import { i18nFor } from "./support/translations";

const menuItem = getExtension("customer-account.order.action.menu-item.render");
const modal = getExtension("customer-account.order.action.render");
const ORDER = "gid://shopify/Order/7001";
const MUG = "gid://shopify/LineItem/11";
const KETTLE = "gid://shopify/LineItem/12";
const SIZE = "gid://shopify/ReturnReasonDefinition/5";

const pageText = () => document.body.textContent?.replace(/\s+/g, " ").trim() ?? "";
const shows = (text: string) => vi.waitFor(() => expect(pageText()).toContain(text));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

async function click(label: string) {
  const found = [...document.body.querySelectorAll<HTMLElement>("s-button")].find((node) => node.textContent?.trim() === label);
  if (!found) throw new Error(`No button "${label}" in: ${pageText()}`);
  found.dispatchEvent(new Event("click", { bubbles: true }));
  await settle();
}

/** Chooses `file` in the photo drop zone, as the host reports a pick: `files` set, then `change`. */
async function choosePhoto(file: File) {
  const zone = document.body.querySelector<HTMLElement & { files?: File[] }>("s-drop-zone");
  if (!zone) throw new Error(`No photo drop zone in: ${pageText()}`);
  Object.defineProperty(zone, "files", { value: [file], configurable: true });
  zone.dispatchEvent(new Event("change", { bubbles: true }));
  await settle();
}

/** Picks `value` in the n-th select labelled `label`. */
async function select(label: string, value: string, index = 0) {
  const field = [...document.body.querySelectorAll<HTMLElement & { value?: string }>(`s-select[label="${label}"]`)][index];
  if (!field) throw new Error(`No select "${label}"`);
  field.value = value;
  field.dispatchEvent(new Event("change", { bubbles: true }));
  await settle();
}

const options = () => ({
  orderName: "#1042",
  items: [
    { lineItemId: MUG, title: "Enamel mug", maxQuantity: 2, refusal: null },
    { lineItemId: KETTLE, title: "Pour-over kettle", maxQuantity: 0, refusal: '"Pour-over kettle" was a final sale and cannot be returned.' },
  ],
  reasons: [
    { id: SIZE, name: "Size was too small" },
    { id: "gid://shopify/ReturnReasonDefinition/2", name: "Damaged or defective" },
  ],
});

describe("Request a return, from the order list and the order page", () => {
  beforeEach(() => menuItem.setUp());
  afterEach(() => menuItem.tearDown());

  it("offers 'Request a return' in the shopper's language", async () => {
    Object.assign(menuItem.shopify.i18n, i18nFor("id"));
    await menuItem.render();
    expect(document.body.querySelector("s-button")?.textContent).toBe("Ajukan pengembalian");
  });
});

describe("the return modal", () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    modal.setUp();
    Object.assign(modal.shopify.i18n, i18nFor("en"));
    modal.shopify.orderId = ORDER;
    fetchMock = vi.fn();
    modal.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => modal.tearDown());

  it("lists the returnable items with quantities and reasons, sends the request and confirms it", async () => {
    fetchMock.mockResolvedValueOnce(json(options())).mockResolvedValueOnce(json({ requested: true, message: "Your return request #1042-R1 was sent. We'll email you once it has been reviewed.", return: { name: "#1042-R1", status: "requested" } }));
    await modal.render();
    await shows("Enamel mug");

    expect(String(fetchMock.mock.calls[0][0])).toMatch(`${APP_URL}/api/customer-account/return?orderId=${encodeURIComponent(ORDER)}&locale=`);
    expect(pageText()).toContain('"Pour-over kettle" was a final sale and cannot be returned.');
    expect([...document.body.querySelectorAll('s-select[label="How many to return"] s-option')].map((node) => node.textContent)).toEqual(["0", "1", "2"]);
    expect(document.body.querySelectorAll('s-select[label="How many to return"]')).toHaveLength(1);
    expect([...document.body.querySelectorAll('s-select[label="Reason"] s-option')].map((node) => node.textContent)).toEqual(["Size was too small", "Damaged or defective"]);

    await select("How many to return", "1");
    await select("Reason", SIZE);
    await click("Send return request");

    await shows("Your return request #1042-R1 was sent.");
    const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(url).toBe(`${APP_URL}/api/customer-account/return`);
    expect(JSON.parse(String(init.body))).toMatchObject({ orderId: ORDER, items: [{ lineItemId: MUG, quantity: 1, reasonDefinitionId: SIZE }], note: "" });
    expect(pageText()).not.toContain("Send return request");
  });

  it("asks for a quantity before sending anything", async () => {
    fetchMock.mockResolvedValueOnce(json(options()));
    await modal.render();
    await shows("Enamel mug");
    await click("Send return request");
    await shows("Choose how many of at least one item to return.");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("shows the app's refusal and keeps the form to fix it", async () => {
    fetchMock
      .mockResolvedValueOnce(json(options()))
      .mockResolvedValueOnce(json({ error: "return_refused", message: "x", problems: [{ lineItemId: MUG, message: 'The return window for "Enamel mug" closed on December 23, 2026.' }] }, 422));
    await modal.render();
    await shows("Enamel mug");
    await select("How many to return", "2");
    await select("Reason", SIZE);
    await click("Send return request");

    await shows('The return window for "Enamel mug" closed on December 23, 2026.');
    expect(pageText()).toContain("Send return request");
  });

  it("says so in the shopper's language when the shop cannot be reached, and retries", async () => {
    Object.assign(modal.shopify.i18n, i18nFor("id"));
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValueOnce(json(options()));
    const close = vi.fn();
    modal.shopify.close = close;
    await modal.render();
    await shows("Kami tidak dapat terhubung ke toko.");
    await click("Coba lagi");
    await shows("Enamel mug");
    await click("Tutup");
    expect(close).toHaveBeenCalledOnce();
  });

  it("does not offer a retry for an order that is not the customer's", async () => {
    fetchMock.mockResolvedValueOnce(json({ error: "order_not_found", message: "We could not find this order in your account." }, 404));
    await modal.render();
    await shows("We could not find this order in your account.");
    expect(pageText()).not.toContain("Try again");
  });

  it("sends an optional photo with the request, as a form the app reads", async () => {
    fetchMock.mockResolvedValueOnce(json(options())).mockResolvedValueOnce(json({ requested: true, message: "Your return request #1042-R1 was sent.", return: { name: "#1042-R1", status: "requested" } }));
    await modal.render();
    await shows("Enamel mug");
    const zone = document.body.querySelector("s-drop-zone");
    expect(zone?.getAttribute("label") ?? (zone as unknown as { label?: string })?.label).toBe("Add a photo (optional)");
    await select("How many to return", "1");
    await select("Reason", SIZE);
    await choosePhoto(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "crack.png", { type: "image/png" }));
    await click("Send return request");

    await shows("Your return request #1042-R1 was sent.");
    const [, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(init.body).toBeInstanceOf(FormData);
    const form = init.body as FormData;
    expect(JSON.parse(String(form.get("json")))).toMatchObject({ orderId: ORDER, items: [{ lineItemId: MUG, quantity: 1, reasonDefinitionId: SIZE }] });
    expect((form.get("photo") as File).name).toBe("crack.png");
    // The browser sets the multipart boundary: no JSON content type on a form.
    expect(new Headers(init.headers).get("Content-Type")).toBeNull();
  });

  it("refuses a photo over 5 MB before sending, and shows the app's refusal of a file that is not a photo", async () => {
    Object.assign(modal.shopify.i18n, i18nFor("id"));
    fetchMock.mockResolvedValueOnce(json(options())).mockResolvedValueOnce(json({ error: "photo_refused", message: "x" }, 415));
    await modal.render();
    await shows("Enamel mug");
    await select("Jumlah yang dikembalikan", "1");
    await select("Alasan", SIZE);
    await choosePhoto(new File([new Uint8Array(5 * 1024 * 1024 + 1)], "besar.jpg", { type: "image/jpeg" }));
    await click("Kirim permintaan pengembalian");
    await shows("Foto lebih besar dari 5 MB. Pilih yang lebih kecil.");
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await choosePhoto(new File([new Uint8Array([0x3c, 0x68])], "foto.png", { type: "image/png" }));
    await click("Kirim permintaan pengembalian");
    await shows("Berkas ini tidak dapat digunakan. Pilih foto JPEG, PNG, atau WebP.");
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
