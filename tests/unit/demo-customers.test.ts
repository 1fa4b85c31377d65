import { describe, expect, it } from "vitest";
import { customerCookie, liquidCustomer, loggedInCustomerId, offeredCustomers } from "../../scripts/demo/demo-customers";
import { createSeedShop } from "../support/fake-admin/seed";

const seed = createSeedShop({ now: new Date("2026-10-01T08:00:00Z") });
const numeric = (gid: string) => gid.split("/").pop()!;

describe("browsing the demo storefront as a customer", () => {
  it("reads the logged-in customer from the cookie it sets, and only a customer of the shop", () => {
    const id = numeric(seed.customers[0]!.id);
    const cookie = customerCookie(id).split(";")[0]!;
    expect(loggedInCustomerId(`theme=dawn; ${cookie}`, seed)).toBe(id);
    expect(loggedInCustomerId("aftercare_demo_customer=999999", seed)).toBeNull();
    expect(loggedInCustomerId("aftercare_demo_customer=1%20OR%201", seed)).toBeNull();
    expect(loggedInCustomerId(null, seed)).toBeNull();
    expect(customerCookie(null)).toContain("Max-Age=0");
  });

  it("offers customers who received an order, and gives Liquid their orders with the sent lines' fulfilments", () => {
    const offered = offeredCustomers(seed);
    expect(offered.length).toBeGreaterThan(0);
    for (const customer of offered) {
      const liquid = liquidCustomer(seed, numeric(customer.id)) as { email: string; orders: Array<Record<string, any>> };
      expect(liquid.email).toBe(customer.email);
      const theirs = seed.orders.filter((order) => order.customerId === customer.id);
      expect(liquid.orders.map((order) => order.name).sort()).toEqual(theirs.map((order) => order.name).sort());
      const fulfilled = liquid.orders.filter((order) => order.fulfillment_status === "fulfilled" && !order.cancelled);
      expect(fulfilled.length).toBeGreaterThan(0);
      for (const order of fulfilled) {
        for (const line of order.line_items) expect(line.fulfillment).not.toBeNull();
      }
    }
    expect(liquidCustomer(seed, "999999")).toBeNull();
  });
});
