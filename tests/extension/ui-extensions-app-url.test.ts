import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_URL as ORDER_STATUS_APP_URL } from "../../extensions/aftercare-order-status/src/app-url";
import { APP_URL as THANK_YOU_APP_URL } from "../../extensions/aftercare-thank-you/src/app-url";
import { tomlApplicationUrl } from "../../scripts/demo/extension-pages";

/**
 * The UI extensions call the app at a fixed address (their src/app-url.ts): it must be the
 * `application_url` of shopify.app.toml, which `shopify app config link` rewrites, or every survey
 * answer, order look-up and review from the Thank-you and order status pages goes nowhere.
 */

const root = path.resolve(import.meta.dirname, "../..");
const applicationUrl = tomlApplicationUrl();

describe.each([
  ["aftercare-thank-you", THANK_YOU_APP_URL],
  ["aftercare-order-status", ORDER_STATUS_APP_URL],
])("%s", (handle, appUrl) => {
  it("calls the app where shopify.app.toml says it answers", () => {
    expect(appUrl).toBe(applicationUrl);
    expect(applicationUrl).toMatch(/^https:\/\/[^/]+$/);
  });

  it("was built with that address, when built", () => {
    const bundle = path.join(root, "extensions", handle, "dist", `${handle}.js`);
    if (!existsSync(bundle)) return;
    // A bundle built before the address changed still calls the old one: `npm run app:build` again.
    expect(readFileSync(bundle, "utf8")).toContain(`"${applicationUrl}"`);
  });
});

it("reads application_url from the toml, and refuses one without it", () => {
  expect(tomlApplicationUrl('client_id = "x"\napplication_url = "https://shop-helper.example"\n')).toBe("https://shop-helper.example");
  expect(() => tomlApplicationUrl('client_id = "x"\n')).toThrow(/application_url/);
});
