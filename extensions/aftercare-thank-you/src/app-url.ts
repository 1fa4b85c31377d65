/**
 * The app's backend, as `application_url` in shopify.app.toml (`shopify app config link` rewrites the
 * toml: change this with it). tests/extension/ui-extensions-app-url.test.ts fails when the two differ.
 */
export const APP_URL = "https://aftercare.example.com";
