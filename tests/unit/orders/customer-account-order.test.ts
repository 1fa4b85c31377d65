import { describe, expect, it } from "vitest";
import { tokenIdentity } from "../../../app/models/orders/customer-account-answers";
import { customerOrderAnswer } from "../../../app/models/orders/customer-account-order";
import type { OrderStatusView } from "../../../app/models/orders/status";
import { customerReviewSchema, isFixableByShopper, reviewFieldCodes } from "../../../app/models/reviews/customer-account-review";

const view = (current: OrderStatusView["current"], cancelled = false): OrderStatusView => ({
  name: "#1",
  cancelled,
  alert: null,
  timeline: [],
  current,
  carrier: null,
  trackingNumber: null,
  trackingUrl: null,
  estimate: null,
  deliveredOn: null,
});
const LINES = [{ lineItemId: "gid://shopify/LineItem/1", productTitle: "Mug", reviewed: false }];

describe("who a customer account session token names", () => {
  it("reads the shop from dest, with or without https://, and the customer from sub", () => {
    expect(tokenIdentity({ dest: "Shop-1.myshopify.com", sub: "gid://shopify/Customer/42" })).toEqual({ shop: "shop-1.myshopify.com", customerId: "gid://shopify/Customer/42" });
    expect(tokenIdentity({ dest: "https://shop-1.myshopify.com" }).shop).toBe("shop-1.myshopify.com");
  });

  it("names no customer for a missing or non-customer sub, and no shop for a foreign dest", () => {
    expect(tokenIdentity({ dest: "shop.myshopify.com" }).customerId).toBeNull();
    expect(tokenIdentity({ dest: "shop.myshopify.com", sub: "gid://shopify/StaffMember/1" }).customerId).toBeNull();
    expect(tokenIdentity({ dest: "evil.example.com", sub: "gid://shopify/Customer/1" }).shop).toBeNull();
  });
});

describe("which lines are offered for review", () => {
  it("offers the lines of a delivered order only", () => {
    expect(customerOrderAnswer(view("delivered"), LINES, []).lines).toEqual(LINES);
    expect(customerOrderAnswer(view("out_for_delivery"), LINES, []).lines).toEqual([]);
    expect(customerOrderAnswer(view("delivered", true), LINES, []).lines).toEqual([]);
  });
});

describe("a review posted from the customer account", () => {
  const valid = { orderId: "gid://shopify/Order/1", lineItemId: "gid://shopify/LineItem/2", rating: 5, title: " Nice ", body: " Good mug " };

  it("accepts stars and words for a line, trimmed", () => {
    expect(customerReviewSchema.parse(valid)).toEqual({ ...valid, title: "Nice", body: "Good mug" });
  });

  it("names each field the shopper can fix, and treats bad ids or extra fields as a bad request", () => {
    const codes = (input: unknown) => {
      const parsed = customerReviewSchema.safeParse(input);
      return parsed.success ? null : reviewFieldCodes(parsed.error);
    };
    expect(codes({ ...valid, rating: 0 })).toEqual({ rating: "rating" });
    expect(codes({ ...valid, rating: "5" })).toEqual({ rating: "rating" });
    expect(codes({ ...valid, body: "" })).toEqual({ body: "body_required" });
    expect(codes({ ...valid, body: "x".repeat(5001) })).toEqual({ body: "body_too_long" });
    expect(codes({ ...valid, title: "x".repeat(121) })).toEqual({ title: "title_too_long" });
    expect(isFixableByShopper(codes({ ...valid, lineItemId: "2" })!)).toBe(false);
    expect(isFixableByShopper(codes({ ...valid, customerId: "gid://shopify/Customer/9" })!)).toBe(false);
  });
});
