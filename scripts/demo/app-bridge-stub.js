// Demo stand-in for Shopify's App Bridge script (cdn.shopify.com is out of reach offline).
// Like the real one it gives the app `window.shopify`, adds a fresh session token to the app's own
// fetches, answers the session-token bounce page, and shows the app's navigation. Tokens are minted
// by the demo launcher with the app secret, exactly as Shopify's admin mints them.
(function () {
  "use strict";
  var script = document.currentScript;
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("demo-shop") || "";
  var host = params.get("host") || sessionStorage.getItem("demo-host") || "";
  if (shop) sessionStorage.setItem("demo-shop", shop);
  if (host) sessionStorage.setItem("demo-host", host);
  var realFetch = window.fetch.bind(window);

  function idToken() {
    return realFetch("/__demo/session-token?shop=" + encodeURIComponent(shop)).then(function (r) {
      if (!r.ok) throw new Error("The demo could not mint a session token");
      return r.text();
    });
  }

  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/__demo/") === 0) return realFetch(input, init);
    return idToken().then(function (token) {
      var request = new Request(input, init);
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return realFetch(new Request(request, { headers: headers })).then(function (response) {
        // Like App Bridge: a 401 naming a reauthorize URL (billing approval, OAuth) leaves the iframe.
        var leaveTo = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
        if (response.status === 401 && leaveTo) window.open(leaveTo, "_top");
        return response;
      });
    });
  };

  function toast(message) {
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText =
      "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;" +
      "padding:10px 16px;border-radius:8px;font:14px system-ui;z-index:1000";
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 3000);
  }

  window.shopify = {
    config: { apiKey: script && script.getAttribute("data-api-key"), shop: shop, host: host, locale: params.get("locale") || "en" },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    environment: { embedded: true, mobile: false, pos: false },
  };

  if (location.pathname === "/auth/session-token") {
    var reload = params.get("shopify-reload");
    idToken().then(function (token) {
      var target = new URL(reload || "/app", location.origin);
      if (target.origin !== location.origin) throw new Error("Refusing to reload outside the app");
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }

  // The admin shows the app's navigation in its sidebar; the stand-in shows it as a bar on top.
  var navStyle = document.createElement("style");
  navStyle.textContent =
    "ui-nav-menu{display:flex;gap:16px;padding:10px 20px;background:#1a1a1a;font:14px system-ui;position:sticky;top:0;z-index:500}" +
    "ui-nav-menu a{color:#e3e3e3;text-decoration:none}ui-nav-menu a:hover{color:#fff;text-decoration:underline}" +
    "ui-nav-menu a[rel=home]{font-weight:600;color:#fff}";
  document.head.appendChild(navStyle);
  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        connectedCallback() {
          this.setAttribute("role", "navigation");
        }
      },
    );
  }
})();
