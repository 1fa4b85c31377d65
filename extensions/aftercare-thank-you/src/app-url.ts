/** The app's backend, as `application_url` in shopify.app.toml (set both when the app moves). */
export const APP_URL = "https://aftercare.example.com";
