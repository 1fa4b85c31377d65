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
      "position:fixed;bottom:72px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;" +
      "padding:10px 16px;border-radius:8px;font:14px system-ui;z-index:1000";
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 3000);
  }

  // The contextual save bar. Shopify's admin draws it over its own top bar, outside the app's frame, with
  // the labels of the <ui-save-bar>'s two buttons, and "clicks" those buttons when the merchant does;
  // while one shows, the admin asks before leaving the page. The stand-in draws the same bar along the
  // bottom of the app's page (its top holds the navigation) and asks with a small dialog. No discard confirmation, no shake animation.
  var saveBars = {};
  var saveBarStyle = document.createElement("style");
  saveBarStyle.textContent =
    "ui-save-bar{display:none}" +
    ".demo-save-bar{position:fixed;bottom:0;left:0;right:0;z-index:900;display:flex;align-items:center;gap:8px;" +
    "padding:10px 20px;background:#1a1a1a;color:#fff;font:600 14px system-ui}" +
    ".demo-save-bar span{margin-right:auto}.demo-save-bar button,.demo-leave button{font:14px system-ui;padding:6px 12px;border-radius:8px;border:0;cursor:pointer}" +
    ".demo-save-bar button[data-primary]{background:#fff;color:#1a1a1a}.demo-leave{border:0;border-radius:12px;padding:20px;font:14px system-ui;max-width:380px}";
  document.head.appendChild(saveBarStyle);

  function showingSaveBar() {
    for (var id in saveBars) if (saveBars[id].showing) return saveBars[id];
    return null;
  }

  function drawSaveBar(element) {
    var bar = element._demoBar;
    if (!element.showing) {
      if (bar) bar.remove();
      element._demoBar = null;
      return;
    }
    if (!bar) {
      bar = element._demoBar = document.createElement("div");
      bar.className = "demo-save-bar";
      bar.setAttribute("role", "region");
      bar.setAttribute("aria-label", "Contextual save bar");
      document.body.appendChild(bar);
    }
    bar.textContent = "";
    var title = document.createElement("span");
    title.textContent = document.documentElement.lang === "id" ? "Perubahan belum disimpan" : "Unsaved changes";
    bar.appendChild(title);
    var buttons = Array.prototype.slice.call(element.querySelectorAll("button"));
    // Discard (no variant) first, then Save (variant="primary"), as the admin lays them out.
    buttons.sort(function (a, b) { return (a.getAttribute("variant") === "primary") - (b.getAttribute("variant") === "primary"); });
    buttons.forEach(function (source) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = source.textContent;
      button.disabled = source.disabled || source.hasAttribute("loading");
      if (source.getAttribute("variant") === "primary") button.setAttribute("data-primary", "");
      button.addEventListener("click", function () { source.click(); });
      bar.appendChild(button);
    });
  }

  function setShowing(element, showing) {
    if (element.showing === showing) return Promise.resolve();
    element._showing = showing;
    drawSaveBar(element);
    element.dispatchEvent(new CustomEvent(showing ? "show" : "hide"));
    return Promise.resolve();
  }

  if (!customElements.get("ui-save-bar")) {
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        get showing() { return Boolean(this._showing); }
        show() { return setShowing(this, true); }
        hide() { return setShowing(this, false); }
        toggle() { return setShowing(this, !this.showing); }
        connectedCallback() {
          if (this.id) saveBars[this.id] = this;
          var element = this;
          // The app relabels or disables its buttons (saving…): the drawn bar follows.
          this._observer = new MutationObserver(function () { if (element.showing) drawSaveBar(element); });
          this._observer.observe(this, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
          setShowing(this, false);
          if (saveBars[this.id] === this) delete saveBars[this.id];
        }
      },
    );
  }

  /** The admin's "Leave page with unsaved changes?" dialog: resolves true for Leave, false for Stay. */
  function askToLeave() {
    var dialog = document.createElement("dialog");
    dialog.className = "demo-leave";
    var id = document.documentElement.lang === "id";
    dialog.innerHTML = "<h2 style='margin:0 0 8px;font-size:16px'></h2><p></p><div style='display:flex;gap:8px;justify-content:flex-end'><button value='stay'></button><button value='leave' style='background:#c70a24;color:#fff'></button></div>";
    dialog.querySelector("h2").textContent = id ? "Tinggalkan halaman dengan perubahan yang belum disimpan?" : "Leave page with unsaved changes?";
    dialog.querySelector("p").textContent = id ? "Meninggalkan halaman ini akan menghapus semua perubahan yang belum disimpan." : "Leaving this page will delete all unsaved changes.";
    dialog.querySelector("[value=stay]").textContent = id ? "Tetap di sini" : "Stay";
    dialog.querySelector("[value=leave]").textContent = id ? "Tinggalkan halaman" : "Leave page";
    dialog.querySelector("h2").id = "demo-leave-title";
    dialog.setAttribute("aria-labelledby", "demo-leave-title");
    document.body.appendChild(dialog);
    return new Promise(function (resolve) {
      dialog.addEventListener("click", function (event) {
        var value = event.target && event.target.value;
        if (value !== "stay" && value !== "leave") return;
        dialog.close();
        dialog.remove();
        if (value === "leave") for (var key in saveBars) setShowing(saveBars[key], false);
        resolve(value === "leave");
      });
      dialog.showModal();
    });
  }

  // The admin's navigation (drawn here as the app's <ui-nav-menu>) asks before leaving a page with a save bar.
  var letThrough = null;
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target && event.target.closest && event.target.closest("ui-nav-menu a");
      if (!link || link === letThrough || !showingSaveBar()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      askToLeave().then(function (leave) {
        if (!leave) return;
        letThrough = link;
        link.click();
        letThrough = null;
      });
    },
    true,
  );
  // Reloading or closing the tab: the browser's own prompt, as in the admin.
  window.addEventListener("beforeunload", function (event) {
    if (showingSaveBar()) event.preventDefault();
  });

  var saveBarApi = {
    show: function (id) { return saveBars[id] ? saveBars[id].show() : Promise.resolve(); },
    hide: function (id) { return saveBars[id] ? saveBars[id].hide() : Promise.resolve(); },
    toggle: function (id) { return saveBars[id] ? saveBars[id].toggle() : Promise.resolve(); },
    // Resolves when the merchant chooses to leave, or at once when no save bar shows; "Stay" never resolves.
    leaveConfirmation: function () {
      if (!showingSaveBar()) return Promise.resolve();
      return askToLeave().then(function (leave) { return leave ? undefined : new Promise(function () {}); });
    },
  };

  // App Bridge's resource picker, drawn as a small dialog listing the demo shop's products or
  // collections (from /__demo/resources). Resolves to the selected resources (id, title, handle) in the
  // list's order, or undefined when cancelled, as `shopify.resourcePicker` does.
  var pickerStyle = document.createElement("style");
  pickerStyle.textContent =
    ".demo-picker{border:0;border-radius:12px;padding:0;width:min(420px,90vw);font:14px system-ui}" +
    ".demo-picker h2{margin:0;padding:16px 20px;font-size:16px;border-bottom:1px solid #e3e3e3}" +
    ".demo-picker ul{list-style:none;margin:0;padding:8px 20px;max-height:50vh;overflow:auto}" +
    ".demo-picker li label{display:flex;gap:8px;align-items:center;padding:6px 0}" +
    ".demo-picker footer{display:flex;gap:8px;justify-content:flex-end;padding:12px 20px;border-top:1px solid #e3e3e3}" +
    ".demo-picker button{font:14px system-ui;padding:6px 12px;border-radius:8px;border:1px solid #ccc;background:#fff;cursor:pointer}" +
    ".demo-picker button[value=select]{background:#303030;color:#fff;border-color:#303030}";
  document.head.appendChild(pickerStyle);

  function resourcePicker(options) {
    var type = (options && options.type) || "product";
    var multiple = !options || options.multiple !== false;
    var chosen = {};
    ((options && options.selectionIds) || []).forEach(function (item) { chosen[item.id] = true; });
    var id = document.documentElement.lang === "id";
    var names = {
      product: id ? ["Pilih produk", "produk"] : ["Select products", "products"],
      collection: id ? ["Pilih koleksi", "koleksi"] : ["Select collections", "collections"],
    }[type] || [type, type];
    return realFetch("/__demo/resources?type=" + encodeURIComponent(type)).then(function (r) {
      if (!r.ok) throw new Error("The demo cannot list " + type + " resources");
      return r.json();
    }).then(function (resources) {
      var dialog = document.createElement("dialog");
      dialog.className = "demo-picker";
      dialog.setAttribute("aria-labelledby", "demo-picker-title");
      var title = document.createElement("h2");
      title.id = "demo-picker-title";
      title.textContent = names[0];
      var list = document.createElement("ul");
      list.setAttribute("aria-label", names[1]);
      resources.forEach(function (resource) {
        var item = document.createElement("li");
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = multiple ? "checkbox" : "radio";
        input.name = "demo-picker-choice";
        input.value = resource.id;
        input.checked = Boolean(chosen[resource.id]);
        label.appendChild(input);
        label.appendChild(document.createTextNode(resource.title));
        item.appendChild(label);
        list.appendChild(item);
      });
      var footer = document.createElement("footer");
      [["cancel", id ? "Batal" : "Cancel"], ["select", id ? "Pilih" : "Select"]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.value = pair[0];
        button.textContent = pair[1];
        footer.appendChild(button);
      });
      dialog.appendChild(title);
      dialog.appendChild(list);
      dialog.appendChild(footer);
      document.body.appendChild(dialog);
      return new Promise(function (resolve) {
        function close(result) {
          dialog.close();
          dialog.remove();
          resolve(result);
        }
        dialog.addEventListener("cancel", function (event) { event.preventDefault(); close(undefined); });
        footer.addEventListener("click", function (event) {
          var value = event.target && event.target.value;
          if (value === "cancel") close(undefined);
          if (value !== "select") return;
          var ticked = {};
          Array.prototype.forEach.call(list.querySelectorAll("input:checked"), function (input) { ticked[input.value] = true; });
          var selection = resources.filter(function (resource) { return ticked[resource.id]; });
          selection.selection = selection;
          close(selection);
        });
        dialog.showModal();
      });
    });
  }

  window.shopify = {
    config: { apiKey: script && script.getAttribute("data-api-key"), shop: shop, host: host, locale: params.get("locale") || "en" },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    saveBar: saveBarApi,
    resourcePicker: resourcePicker,
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
