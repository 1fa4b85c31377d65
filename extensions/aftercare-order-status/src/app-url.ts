/**
 * Where the app answers (shopify.app.toml's application_url): extensions/aftercare-order-status/tests
 * and tests/extension/ui-extensions-app-url.test.ts check the two stay the same. `shopify app config
 * link` rewrites the toml; change this with it.
 */
export const APP_URL = "https://aftercare.example.com";
