import { describe, expect, it } from "vitest";
import { demoAppScopes, scopesFromAppToml } from "../../scripts/demo/app-scopes";

describe("the demo shop's granted scopes", () => {
  it("are the scopes and optional scopes shopify.app.toml asks for, ignoring comments and other sections", () => {
    const toml = `name = "x"
scopes = "not_this"
[access_scopes]
# scopes = "commented_out"
scopes = "read_orders, write_products,read_themes"
optional_scopes = ["read_all_orders", "read_orders"]

[auth]
scopes = "nor_this"
`;
    expect(scopesFromAppToml(toml)).toEqual(["read_orders", "write_products", "read_themes", "read_all_orders"]);
    expect(scopesFromAppToml("[auth]\nredirect_urls = []\n")).toEqual([]);
  });

  it("include what the setup guide's theme check and the loyalty discount need", () => {
    const scopes = demoAppScopes();
    expect(scopes).toEqual(expect.arrayContaining(["read_themes", "write_discounts", "read_orders", "read_all_orders", "write_products"]));
  });
});
