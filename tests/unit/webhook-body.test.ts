import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWebhookBody } from "../../app/shopify/webhook-body";

const fixture = (file: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/webhooks", file), "utf8");

describe("parseWebhookBody", () => {
  it("keeps integers beyond Number.MAX_SAFE_INTEGER as strings with their exact digits", () => {
    expect(parseWebhookBody('{"id": 820982911946154508, "neg": -9007199254740993, "edge": 9007199254740992}')).toEqual({
      id: "820982911946154508",
      neg: "-9007199254740993",
      edge: "9007199254740992",
    });
  });

  it("reads every other number as JSON.parse does", () => {
    const text = '{"safe": 9007199254740991, "small": 632910392, "zero": 0, "price": 199.0, "ratio": 0.1, "exp": 1e21, "list": [1, -2, 3.5]}';
    expect(parseWebhookBody(text)).toEqual(JSON.parse(text));
    expect(parseWebhookBody("[true, null, \"s\"]")).toEqual([true, null, "s"]);
  });

  it("keeps the last of repeated keys, and a __proto__ key as a plain property, like JSON.parse", () => {
    expect(parseWebhookBody('{"a": 1, "a": 2}')).toEqual({ a: 2 });
    const parsed = parseWebhookBody('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
  });

  it("throws a SyntaxError on a body that is not JSON", () => {
    expect(() => parseWebhookBody("order=7001&not=json")).toThrow(SyntaxError);
    expect(() => parseWebhookBody("")).toThrow(SyntaxError);
  });

  it("reads Shopify's 2017 test notification with its 18-digit ids intact and its small ids as numbers", () => {
    const order = parseWebhookBody(fixture("orders-create.laravel-shopify-2017-shopify-test-notification.json")) as {
      id: unknown;
      number: unknown;
      customer: { id: unknown };
      line_items: Array<{ id: unknown; product_id: unknown }>;
    };
    expect(order.id).toBe("820982911946154508");
    expect(order.number).toBe(234);
    expect(order.customer.id).toBe("115310627314723954");
    expect(order.line_items.map((item) => [item.id, item.product_id])).toEqual([
      ["866550311766439020", 11033547284],
      ["141249953214522974", 11033574804],
    ]);
  });
});
