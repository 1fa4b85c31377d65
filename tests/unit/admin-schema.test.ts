import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isEnumType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import {
  ADMIN_API_VERSION,
  ADMIN_SCHEMA_PATH,
  ADMIN_SCHEMA_SHA256,
  assertSchemaChecksum,
  loadAdminSchema,
  loadProtectedFields,
} from "../support/admin-schema";

describe("offline Admin schema", () => {
  it("is the file Shopify publishes for the app's API version", () => {
    expect(ADMIN_API_VERSION).toBe("2026-07");
    expect(ADMIN_SCHEMA_PATH).toMatch(/admin_2026-07\.json\.gz$/);
    expect(createHash("sha256").update(readFileSync(ADMIN_SCHEMA_PATH)).digest("hex")).toBe(ADMIN_SCHEMA_SHA256);
  });

  it("refuses a schema file that was changed", () => {
    const tampered = Buffer.from(readFileSync(ADMIN_SCHEMA_PATH));
    tampered[tampered.length - 1] ^= 0xff;
    expect(() => assertSchemaChecksum(tampered)).toThrow(/checksum mismatch.*expected sha256 5bcde995/);
  });

  it("builds once per process and knows the types the app reads", () => {
    const schema = loadAdminSchema();
    expect(loadAdminSchema()).toBe(schema);

    const order = schema.getType("Order");
    expect(isObjectType(order) && Object.keys(order.getFields())).toEqual(
      expect.arrayContaining(["fulfillments", "shippingAddress", "displayFulfillmentStatus"]),
    );
    const displayStatus = schema.getType("FulfillmentDisplayStatus");
    expect(isEnumType(displayStatus) && displayStatus.getValues().map((value) => value.name)).toEqual(
      expect.arrayContaining(["DELIVERED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELAYED", "FAILURE"]),
    );
    const shop = schema.getType("Shop");
    expect(isObjectType(shop) && "refundPolicy" in shop.getFields()).toBe(false);
  });

  it("keeps Shopify's protected-customer-data marks", () => {
    const fields = loadProtectedFields();
    expect(fields.get("Order.email")).toEqual({ subject: "customer", content: "email" });
    expect(fields.get("MailingAddress.address1")?.content).toBe("address");
    expect(fields.has("Order.id")).toBe(false);
  });
});
