/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { createCartLine } from "@shopify/ui-extensions-tester/checkout";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { estimateDelivery } from "~/models/shipping/delivery-estimate";
import { buildShippingCalendar, serializeShippingCalendar } from "~/models/shipping/calendar";
import { sampleShippingRules } from "../../../tests/support/storefront/sample-shipping-rules";
import en from "../locales/en.default.json";

const extension = getExtension("purchase.thank-you.block.render");
const ORDER_ID = "gid://shopify/OrderIdentity/5301";
const CONFIRMATION = "XPAV284CT";

/** The extension's real English strings, {{placeholders}} filled: what a shopper reads. */
function translate(key: string, vars: Record<string, unknown> = {}): string {
  const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof message !== "string") throw new Error(`Missing translation ${key}`);
  return message.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]));
}

const signal = <T,>(value: T) => ({ value, subscribe: () => () => undefined });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
/** The mock has no shippingAddress (it needs protected customer data); define it as Shopify would. */
const shipTo = (address: { countryCode: string; provinceCode?: string }) =>
  Object.defineProperty(extension.shopify, "shippingAddress", { value: signal({ provinceCode: undefined, ...address }), configurable: true, enumerable: true });
/** What the shopper reads: the text, and banner headings (an attribute of s-banner). */
const text = () =>
  [document.body.textContent ?? "", ...[...document.body.querySelectorAll("[heading]")].map((element) => element.getAttribute("heading"))].join(" ");
const OPTIONS = ["Instagram", "Radio", "A friend"];

function choose(value: string) {
  const list = document.body.querySelector("s-choice-list") as HTMLElement & { values?: string[] };
  list.values = [value];
  list.dispatchEvent(new Event("change", { bubbles: true }));
}
const button = (label: string) =>
  [...document.body.querySelectorAll("s-button")].find((element) => element.textContent?.trim() === label) as HTMLElement;

beforeEach(() => {
  extension.setUp();
  extension.shopify.i18n.translate = translate as typeof extension.shopify.i18n.translate;
  extension.shopify.orderConfirmation.value = { ...extension.shopify.orderConfirmation.value, order: { id: ORDER_ID }, number: CONFIRMATION };
});
afterEach(() => extension.tearDown());

describe("Thank-you page survey", () => {
  it("asks the merchant's question with their options in random order, Other last, and sends the answer", async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) =>
      init?.method === "POST" ? json(201, { answered: true }) : json(200, { enabled: true, answered: false, askCsat: true, options: OPTIONS }),
    );
    extension.fetch = fetch as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(document.body.querySelector("s-choice-list")).not.toBeNull());

    const [stateUrl, stateInit] = fetch.mock.calls[0];
    expect(String(stateUrl)).toContain(`/api/checkout/survey?order=${encodeURIComponent(ORDER_ID)}`);
    expect((stateInit?.headers as Record<string, string>).Authorization).toBe("Bearer mock-session-token");
    const choices = [...document.body.querySelectorAll("s-choice")].map((choice) => choice.getAttribute("value") ?? (choice as HTMLElement & { value?: string }).value);
    expect(choices.slice(0, -1).sort()).toEqual([...OPTIONS].sort());
    expect(choices.at(-1)).toBe("Other");
    expect(document.body.querySelector("s-choice-list")!.getAttribute("label") ?? "").toBe("How did you hear about us?");

    choose("Other");
    await vi.waitFor(() => expect(document.body.querySelector("s-text-field")).not.toBeNull());
    const field = document.body.querySelector("s-text-field") as HTMLElement & { value?: string };
    field.value = "  A billboard ";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    const four = [...document.body.querySelectorAll("s-press-button")].find((element) => element.textContent === "4") as unknown as HTMLElement;
    four.click();
    await vi.waitFor(() => expect(four.getAttribute("pressed") ?? String((four as HTMLElement & { pressed?: boolean }).pressed)).toMatch(/true|^$/));
    button("Send").click();

    await vi.waitFor(() => expect(text()).toContain("Thanks for telling us!"));
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ orderId: ORDER_ID, confirmationNumber: CONFIRMATION, option: "Other", otherText: "A billboard", csat: 4 });
    expect(document.body.querySelector("s-choice-list")).toBeNull();
  });

  it("shows Thanks and no question for an order already answered (a reload)", async () => {
    extension.fetch = vi.fn(async () => json(200, { enabled: true, answered: true, askCsat: true, options: OPTIONS })) as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(text()).toContain("Thanks for telling us!"));
    expect(document.body.querySelector("s-choice-list")).toBeNull();
  });

  it("treats a 409 (answered in another tab) as done", async () => {
    extension.fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) =>
      init?.method === "POST" ? json(409, { error: "already" }) : json(200, { enabled: true, answered: false, askCsat: false, options: OPTIONS }),
    ) as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(document.body.querySelector("s-choice-list")).not.toBeNull());
    expect(document.body.querySelector("s-press-button")).toBeNull();
    choose("Radio");
    await Promise.resolve();
    button("Send").click();
    await vi.waitFor(() => expect(text()).toContain("Thanks for telling us!"));
  });

  it("shows a retryable error when the network fails, and the question once it is back", async () => {
    let online = false;
    extension.fetch = vi.fn(async () => {
      if (!online) throw new TypeError("Failed to fetch");
      return json(200, { enabled: true, answered: false, askCsat: false, options: OPTIONS });
    }) as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(text()).toContain("The survey could not be loaded."));
    expect(document.body.querySelector("s-choice-list")).toBeNull();

    online = true;
    button("Try again").click();
    await vi.waitFor(() => expect(document.body.querySelector("s-choice-list")).not.toBeNull());
  });

  it("keeps the answer and offers a retry when sending fails, and shows the server's message for a refused field", async () => {
    let postReply: () => Response | Promise<Response> = () => Promise.reject(new TypeError("Failed to fetch"));
    extension.fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) =>
      init?.method === "POST" ? postReply() : json(200, { enabled: true, answered: false, askCsat: false, options: OPTIONS }),
    ) as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(document.body.querySelector("s-choice-list")).not.toBeNull());
    choose("Instagram");
    await Promise.resolve();
    button("Send").click();
    await vi.waitFor(() => expect(text()).toContain("Your answer could not be sent."));

    postReply = () => json(400, { error: "Choose one of the answers", field: "option" });
    button("Try again").click();
    await vi.waitFor(() => expect(text()).toContain("Choose one of the answers"));

    postReply = () => json(201, { answered: true });
    button("Send").click();
    await vi.waitFor(() => expect(text()).toContain("Thanks for telling us!"));
  });

  it("shows the app's reason when it cannot tie the order to the shopper (403), with no retry", async () => {
    extension.fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) =>
      init?.method === "POST"
        ? json(403, { error: "We could not confirm this order. Reload the page and try again." })
        : json(200, { enabled: true, answered: false, askCsat: false, options: OPTIONS }),
    ) as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(document.body.querySelector("s-choice-list")).not.toBeNull());
    choose("Radio");
    await Promise.resolve();
    button("Send").click();
    await vi.waitFor(() => expect(text()).toContain("We could not confirm this order."));
    expect(button("Try again")).toBeUndefined();
    expect(text()).not.toContain("Thanks for telling us!");
  });

  it("shows nothing of the survey when the merchant turned it off", async () => {
    extension.fetch = vi.fn(async () => json(200, { enabled: false, answered: false, askCsat: false, options: OPTIONS })) as typeof extension.fetch;
    await extension.render();
    await vi.waitFor(() => expect(document.body.querySelector("s-spinner")).toBeNull());
    expect(document.body.querySelector("s-choice-list")).toBeNull();
    expect(document.body.querySelector("s-banner")).toBeNull();
  });
});

describe("Thank-you page delivery promise", () => {
  const rules = sampleShippingRules();
  const now = new Date();
  const calendarEntry = () => ({
    target: { type: "shop" as const, id: "gid://shopify/Shop/1" },
    metafield: { namespace: "$app:aftercare", key: "shipping", type: "json", value: serializeShippingCalendar(buildShippingCalendar(rules, { now })), valueType: "json_string" },
  });

  beforeEach(() => {
    extension.fetch = vi.fn(async () => json(200, { enabled: false, answered: false, askCsat: false, options: [] })) as typeof extension.fetch;
    extension.shopify.lines.value = [createCartLine()];
  });

  it("says when the order arrives: the range orders/create records for the same order", async () => {
    shipTo({ countryCode: "ID", provinceCode: "PA" });
    extension.shopify.appMetafields = signal([calendarEntry()]) as unknown as typeof extension.shopify.appMetafields;
    const productId = (extension.shopify.lines.value[0].merchandise as { product: { id: string } }).product.id;
    await extension.render();

    const recorded = estimateDelivery(rules, { now: new Date(), destination: { countryCode: "ID", provinceCode: "PA" }, product: { id: productId } })!;
    const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toISOString();
    await vi.waitFor(() => expect(text()).toContain(`Arrives between ${day(recorded.earliest)} and ${day(recorded.latest)}`));
  });

  it("hides the promise when no calendar is published", async () => {
    shipTo({ countryCode: "ID", provinceCode: "PA" });
    extension.shopify.appMetafields = signal([]) as unknown as typeof extension.shopify.appMetafields;
    await extension.render();
    expect(text()).not.toContain("Arrives between");
  });

  it("hides the promise for a destination no zone ships to, and for a calendar that is not one", async () => {
    const noZone = { ...rules, zones: rules.zones.filter((zone) => !zone.regions.includes("*") && !zone.regions.some((region) => region.startsWith("ID"))) };
    shipTo({ countryCode: "ID" });
    const entry = calendarEntry();
    entry.metafield.value = serializeShippingCalendar(buildShippingCalendar(noZone, { now }));
    extension.shopify.appMetafields = signal([entry, { ...calendarEntry(), target: { type: "product" as const, id: "gid://shopify/Product/1" } }]) as unknown as typeof extension.shopify.appMetafields;
    await extension.render();
    expect(text()).not.toContain("Arrives between");
  });
});
