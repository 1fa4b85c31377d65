/** Environment every test sees: dummy app credentials (Shopify itself is never reached). */
export const TEST_API_KEY = "aftercare-test-key";
export const TEST_API_SECRET = "aftercare-test-secret";
export const TEST_APP_URL = "https://aftercare.example.test";
export const TEST_SHOP = "aftercare-test.myshopify.com";

export function applyTestEnv(): void {
  process.env.SHOPIFY_API_KEY = TEST_API_KEY;
  process.env.SHOPIFY_API_SECRET = TEST_API_SECRET;
  process.env.SHOPIFY_APP_URL = TEST_APP_URL;
  process.env.SCOPES ??= "read_orders";
  process.env.NODE_ENV = "test";
  // The library's per-request INFO lines would bury the test output; warnings and errors still show.
  process.env.SHOPIFY_LOG_LEVEL ??= "warning";
}
