/*
 * The demo's stand-in for the `shopify` global a UI extension target gets (checkout's Thank-you page,
 * the customer account's order status page), built from the JSON the demo server put in the frame:
 * the target's read-only values as signal-like objects, i18n over the extension's own locale file,
 * localization, and a session token minted by the demo server (signed with the app secret, as Shopify
 * signs it). The extension calls the app at the `application_url` of shopify.app.toml; this frame
 * sends those calls to the demo's app instead. Not Shopify's runtime: no worker, no remote DOM.
 */
(() => {
  const config = JSON.parse(document.getElementById("aftercare-extension-config").textContent);

  const signal = (value) => ({
    value,
    subscribe(listener) {
      listener(value);
      return () => undefined;
    },
  });

  const lookUp = (key) =>
    key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), config.messages);
  const plural = new Intl.PluralRules(config.language);

  /** Shopify's translate: `{{name}}` placeholders, and `count` choosing the plural form. */
  function translate(key, options = {}) {
    let entry = lookUp(key);
    if (entry && typeof entry === "object" && typeof options.count === "number") entry = entry[plural.select(options.count)] ?? entry.other;
    if (typeof entry !== "string") {
      console.warn(`[demo host] no ${config.language} translation for ${key}`);
      return key;
    }
    return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name) => (name in options ? String(options[name]) : match));
  }

  let cachedToken = null;
  async function sessionToken() {
    // Shopify hands out a token until shortly before it expires; so does the demo.
    if (cachedToken && cachedToken.until > Date.now()) return cachedToken.token;
    const response = await fetch(config.tokenUrl, { cache: "no-store" });
    if (!response.ok) throw new Error(`The demo could not mint a session token (${response.status})`);
    cachedToken = { token: await response.text(), until: Date.now() + 60_000 };
    return cachedToken.token;
  }

  const appFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (typeof url === "string" && url.startsWith(config.declaredAppUrl)) {
      return appFetch(config.appUrl + url.slice(config.declaredAppUrl.length), init);
    }
    return appFetch(input, init);
  };

  const values = Object.fromEntries(Object.entries(config.values).map(([name, value]) => [name, signal(value)]));
  globalThis.shopify = {
    extension: { target: config.target, apiVersion: "2026-07" },
    ...values,
    localization: {
      language: signal({ isoCode: config.language }),
      extensionLanguage: signal({ isoCode: config.language }),
      country: signal({ isoCode: config.country }),
    },
    i18n: {
      translate,
      formatDate: (date, options) => new Intl.DateTimeFormat(config.language, options).format(date),
      formatNumber: (number, options) => new Intl.NumberFormat(config.language, options).format(number),
      formatCurrency: (number, options) => new Intl.NumberFormat(config.language, { style: "currency", currency: config.currency, ...options }).format(number),
    },
    sessionToken: { get: sessionToken },
    requireLogin: async () => window.top.location.assign(config.loginUrl),
    close: () => undefined,
    extend(target, render) {
      // The bundle registers every target it has; this page hosts one.
      if (target === config.target) Promise.resolve(render()).catch((error) => console.error(error));
    },
  };

  // The frame grows with what the extension renders, as Shopify's block does.
  const fit = () => {
    if (window.frameElement) window.frameElement.style.height = `${document.documentElement.scrollHeight}px`;
  };
  new ResizeObserver(fit).observe(document.documentElement);
})();
