/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OrderReturn } from "../src/backend";
import { pageText } from "./support/dom";
import { delivered, json, ORDER_ID } from "./support/orders";
import { i18nFor } from "./support/translations";

const extension = getExtension("customer-account.order-status.block.render");

const approved: OrderReturn = {
  name: "#5001-R1",
  state: "approved",
  requestedOn: "2026-11-25",
  labelUrl: "https://labels.example/r1.pdf",
  trackingUrl: "https://track.example/JNE0001",
  declineReason: null,
  declineNote: null,
  refund: null,
};

async function renderWith(returns: OrderReturn[] | undefined, language: "en" | "id" = "en") {
  extension.fetch = vi.fn().mockResolvedValueOnce(json({ ...delivered(), ...(returns ? { returns } : {}) })) as unknown as typeof fetch;
  Object.assign(extension.shopify.i18n, i18nFor(language));
  extension.shopify.localization.language.value = { isoCode: language };
  extension.shopify.order.value = { id: ORDER_ID, name: "#5001" };
  extension.shopify.sessionToken.get = async () => "customer-session-token";
  await extension.render();
  await vi.waitFor(() => expect(pageText()).toContain("Enamel mug"));
}

beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

describe("the order status block's returns", () => {
  it("shows an approved return with its label and tracking links", async () => {
    await renderWith([approved]);
    expect(pageText()).toContain("Return #5001-R1 approved.");
    const links = [...document.body.querySelectorAll("s-link")].map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toContainEqual(["Print your return label", "https://labels.example/r1.pdf"]);
    expect(links).toContainEqual(["Track the return parcel", "https://track.example/JNE0001"]);
  });

  it("says why a return was declined, and what was refunded, in the shopper's language", async () => {
    await renderWith(
      [
        { ...approved, name: "#5001-R1", state: "declined", labelUrl: null, trackingUrl: null, declineReason: "RETURN_PERIOD_ENDED", declineNote: "Sudah lewat 30 hari." },
        { ...approved, name: "#5001-R2", state: "refunded", labelUrl: null, trackingUrl: null, refund: { amount: "150000.00", currency: "IDR" } },
        { ...approved, name: "#5001-R3", state: "requested", labelUrl: null, trackingUrl: null },
      ],
      "id",
    );
    const texts = [...document.body.querySelectorAll("s-text")].map((node) => node.textContent?.replace(/\s+/g, " ").trim());
    expect(texts).toEqual(expect.arrayContaining(["Pengembalian #5001-R1 ditolak.", "Masa pengembalian sudah berakhir.", "Sudah lewat 30 hari."]));
    expect(texts).toContain(`Dana pengembalian #5001-R2 sudah dikembalikan: ${new Intl.NumberFormat("id", { style: "currency", currency: "IDR" }).format(150000).replace(/\s+/g, " ")}.`);
    expect(texts).toContain("Pengembalian #5001-R3 diajukan pada 25 November: toko akan segera meninjaunya.");
    expect(document.body.querySelector("s-link[href^='https://labels']")).toBeNull();
  });

  it("shows no returns section for an order without returns", async () => {
    await renderWith(undefined);
    expect(pageText()).not.toContain("Returns");
  });
});
