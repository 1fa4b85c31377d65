import { describe, expect, it } from "vitest";
import { surveyOwnerVerdict } from "../../../app/models/surveys/answer-owner";

const order = { confirmationNumber: "XPAV284CT", customerId: "gid://shopify/Customer/1" };

describe("who may answer the Thank-you survey for an order", () => {
  it("a logged-in buyer: only for an order placed as that customer, whatever number is sent", () => {
    expect(surveyOwnerVerdict(order, { customerId: "gid://shopify/Customer/1", confirmationNumber: null })).toBe("owner");
    expect(surveyOwnerVerdict(order, { customerId: "gid://shopify/Customer/2", confirmationNumber: "XPAV284CT" })).toBe("another_customer");
    expect(surveyOwnerVerdict({ ...order, customerId: null }, { customerId: "gid://shopify/Customer/1", confirmationNumber: "XPAV284CT" })).toBe("another_customer");
  });

  it("a guest: by the order's confirmation number, ignoring case and spaces", () => {
    expect(surveyOwnerVerdict(order, { customerId: null, confirmationNumber: " xpav284ct" })).toBe("owner");
    expect(surveyOwnerVerdict(order, { customerId: null, confirmationNumber: "XPAV284CX" })).toBe("unconfirmed");
    expect(surveyOwnerVerdict(order, { customerId: null, confirmationNumber: null })).toBe("unconfirmed");
  });

  it("a guest cannot answer for an order that has no confirmation number to match", () => {
    expect(surveyOwnerVerdict({ ...order, confirmationNumber: null }, { customerId: null, confirmationNumber: "XPAV284CT" })).toBe("unconfirmed");
  });
});
