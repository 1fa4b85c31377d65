/*
 * The Polaris web components (`s-*`) the Aftercare extensions render, as plain HTML with simple
 * styling (elements.css) and the behaviour the extensions rely on: buttons that click from the
 * keyboard, a choice list with `values` and a `change` event, text fields with `value` and an `input`
 * event, banners and sections with their heading. A demo stand-in, not Shopify's components.
 */
(() => {
  const define = (name, element) => {
    if (!customElements.get(name)) customElements.define(name, element);
  };
  const SHADOW_STYLE = `
    :host { display: block; }
    .heading { font-weight: 600; margin: 0 0 8px; }
    h2.heading { font-size: 17px; }
    .error { color: #8e1f0b; font-size: 13px; margin: 4px 0 0; }
    .error:empty { display: none; }
    label { display: block; font-size: 13px; margin-bottom: 4px; }
    input, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 8px 10px; border: 1px solid #8a8a8a; border-radius: 6px; }
    fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
    legend { font-weight: 600; margin-bottom: 6px; padding: 0; }
    a { color: #1773b0; }
  `;

  /** An element drawn in its own shadow root around the extension's children (a `<slot>`). */
  class Shadowed extends HTMLElement {
    static observedAttributes = [];
    constructor() {
      super();
      this.attachShadow({ mode: "open" }).innerHTML = `<style>${SHADOW_STYLE}</style>${this.template()}`;
    }
    template() {
      return "<slot></slot>";
    }
    part(selector) {
      return this.shadowRoot.querySelector(selector);
    }
    connectedCallback() {
      this.update();
    }
    attributeChangedCallback() {
      this.update();
    }
    update() {}
  }

  /** Clickable from mouse and keyboard; `loading`/`disabled` swallow the click before the extension sees it. */
  class Pressable extends HTMLElement {
    static observedAttributes = ["loading", "disabled", "accessibilitylabel", "pressed"];
    constructor() {
      super();
      this.addEventListener("click", (event) => {
        if (this.inactive()) event.stopImmediatePropagation();
      }, { capture: true });
      this.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          this.click();
        }
      });
    }
    inactive() {
      return this.hasAttribute("loading") || this.hasAttribute("disabled");
    }
    connectedCallback() {
      this.setAttribute("role", "button");
      this.tabIndex = 0;
      this.attributeChangedCallback();
    }
    attributeChangedCallback() {
      this.toggleAttribute("aria-disabled", this.inactive());
      this.toggleAttribute("aria-busy", this.hasAttribute("loading"));
      const label = this.getAttribute("accessibilitylabel");
      if (label) this.setAttribute("aria-label", label);
      if (this.localName === "s-press-button") this.setAttribute("aria-pressed", String(this.hasAttribute("pressed")));
    }
  }
  define("s-button", class extends Pressable {});
  define("s-press-button", class extends Pressable {});

  define("s-link", class extends Shadowed {
    static observedAttributes = ["href", "target"];
    template() {
      return `<a><slot></slot></a>`;
    }
    update() {
      const link = this.part("a");
      link.href = this.getAttribute("href") ?? "";
      if (this.getAttribute("target") === "_blank") {
        link.target = "_blank";
        link.rel = "noopener";
      }
    }
  });

  define("s-heading", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "heading");
      this.setAttribute("aria-level", "3");
    }
  });

  define("s-section", class extends Shadowed {
    static observedAttributes = ["heading"];
    template() {
      return `<section><h2 class="heading"></h2><slot></slot></section>`;
    }
    update() {
      this.part("h2").textContent = this.getAttribute("heading") ?? "";
      this.part("h2").hidden = !this.getAttribute("heading");
    }
  });

  define("s-banner", class extends Shadowed {
    static observedAttributes = ["heading", "tone"];
    template() {
      return `<style>
        div { border-radius: 8px; padding: 12px 14px; background: #eaf4ff; border: 1px solid #b4d5f5; }
        :host([tone=success]) div { background: #e6f6ec; border-color: #a8dbb8; }
        :host([tone=warning]) div { background: #fff5d6; border-color: #f0d589; }
        :host([tone=critical]) div { background: #fde9e7; border-color: #f2b8b0; }
        .heading:empty { display: none; }
      </style><div role="status"><p class="heading"></p><slot></slot></div>`;
    }
    update() {
      this.part(".heading").textContent = this.getAttribute("heading") ?? "";
      this.part("div").setAttribute("role", this.getAttribute("tone") === "critical" ? "alert" : "status");
    }
  });

  define("s-spinner", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "status");
      this.setAttribute("aria-label", this.getAttribute("accessibilitylabel") ?? "Loading");
    }
  });

  define("s-skeleton-paragraph", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("aria-hidden", "true");
    }
  });

  define("s-ordered-list", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "list");
    }
  });
  define("s-unordered-list", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "list");
    }
  });
  define("s-list-item", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "listitem");
    }
  });

  /** One choice: a radio drawn in CSS; its list decides what is chosen. */
  define("s-choice", class extends Pressable {
    static observedAttributes = ["selected", "disabled"];
    constructor() {
      super();
      this.addEventListener("click", () => this.closest("s-choice-list")?.choose(this.getAttribute("value") ?? ""));
    }
    connectedCallback() {
      this.setAttribute("role", "radio");
      this.tabIndex = 0;
      this.closest("s-choice-list")?.sync();
    }
    attributeChangedCallback(name) {
      if (name === "selected") this.closest("s-choice-list")?.sync();
    }
  });

  /** `values` (the chosen values) as a property; a choice picked by the shopper fires `change`. */
  define("s-choice-list", class extends Shadowed {
    static observedAttributes = ["label", "error"];
    #values = null;
    template() {
      return `<fieldset role="radiogroup"><legend></legend><slot></slot><p class="error" role="alert"></p></fieldset>`;
    }
    get values() {
      if (this.#values) return [...this.#values];
      return [...this.querySelectorAll("s-choice[selected]")].map((choice) => choice.getAttribute("value") ?? "");
    }
    set values(next) {
      this.#values = Array.isArray(next) ? next.map(String) : [];
      this.sync();
    }
    choose(value) {
      this.#values = [value];
      this.sync();
      this.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync() {
      const chosen = new Set(this.values);
      for (const choice of this.querySelectorAll("s-choice")) choice.setAttribute("aria-checked", String(chosen.has(choice.getAttribute("value") ?? "")));
    }
    update() {
      this.part("legend").textContent = this.getAttribute("label") ?? "";
      this.part(".error").textContent = this.getAttribute("error") ?? "";
    }
  });

  let fieldCount = 0;
  /** A labelled input (or textarea) whose `value` the extension reads from the `input` event's element. */
  class Field extends Shadowed {
    static observedAttributes = ["label", "error", "maxlength", "rows", "name"];
    template() {
      fieldCount += 1;
      const control = this.localName === "s-text-area" ? `<textarea id="f"></textarea>` : `<input id="f" type="text">`;
      return `<label for="f"></label>${control}<p class="error" role="alert" id="e${fieldCount}"></p>`;
    }
    get control() {
      return this.part("#f");
    }
    get value() {
      return this.control.value;
    }
    set value(next) {
      if (this.control.value !== String(next ?? "")) this.control.value = String(next ?? "");
    }
    update() {
      this.part("label").textContent = this.getAttribute("label") ?? "";
      const error = this.getAttribute("error") ?? "";
      this.part(".error").textContent = error;
      this.control.toggleAttribute("aria-invalid", Boolean(error));
      const max = this.getAttribute("maxlength");
      if (max) this.control.maxLength = Number(max);
      if (this.getAttribute("rows")) this.control.rows = Number(this.getAttribute("rows"));
      if (this.getAttribute("name")) this.control.name = this.getAttribute("name");
    }
  }
  define("s-text-field", class extends Field {});
  define("s-text-area", class extends Field {});
})();
