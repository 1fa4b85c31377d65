import { describe, expect, it } from "vitest";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { storefrontObjects, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

/** What the survey block renders: a question template per survey kind for a logged-in customer, a note for guests. */

async function render(locale: StorefrontLocale, customer: { id: number; email: string } | null) {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product: null, pageType: "page", shopName: "Kopi Kita" });
  objects.routes = { account_login_url: "/account/login" };
  if (customer) objects.customer = customer;
  const html = await renderBlock(liquid, "survey", { objects, id: "s1" });
  const templates = Object.fromEntries(
    [...html.matchAll(/<template data-kind="(\w+)">([\s\S]*?)<\/template>/g)].map(([, kind, body]) => [kind, body]),
  );
  const scale = (kind: string) => [...(templates[kind] ?? "").matchAll(/<input type="radio" name="score" value="(\d+)"/g)].map((match) => Number(match[1]));
  return { html, templates, scale };
}

const sari = { id: 5150, email: "sari@example.com" };

describe("the survey block", () => {
  it("holds each kind's question with its own scale, for a logged-in customer", async () => {
    const { html, templates, scale } = await render("en", sari);

    expect(Object.keys(templates)).toEqual(["csat", "nps", "ces"]);
    expect(scale("csat")).toEqual([1, 2, 3, 4, 5]);
    expect(scale("nps")).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scale("ces")).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(visibleText(templates.nps)).toBe(
      "About order [name] How likely are you to recommend Kopi Kita to a friend? 0 means not at all likely, 10 extremely likely. 0 1 2 3 4 5 6 7 8 9 10 Anything you would like to add? (optional) Send answer",
    );
    expect(html).toContain('action="/apps/aftercare/survey"');
    expect(html).toContain('data-thanks="Thank you for your answer. It helps us do better."');
    expect(html).toContain('data-status_404="This survey is no longer open."');
  });

  it("groups the answers as one labelled question, each number a label", async () => {
    const { templates } = await render("en", sari);

    const csat = templates.csat;
    expect(csat).toMatch(/<fieldset[^>]*aria-describedby="AftercareSurvey-s1-scale">\s*<legend>How satisfied are you with your order from Kopi Kita\?<\/legend>/);
    expect(csat).toContain('<p class="aftercare-survey__scale" id="AftercareSurvey-s1-scale">1 means very unsatisfied, 5 very satisfied.</p>');
    expect(csat.match(/<label class="aftercare-survey__option">\s*<input type="radio"/g)).toHaveLength(5);
    expect(csat).toMatch(/<label for="AftercareSurvey-s1-comment">[^<]+<\/label>\s*<textarea id="AftercareSurvey-s1-comment" name="comment"[^>]*maxlength="1000"/);
  });

  it("asks a guest to log in instead of showing a question", async () => {
    const { html, templates } = await render("en", null);

    expect(templates).toEqual({});
    expect(visibleText(html)).toBe("Log in to tell us how your last order went.");
    expect(html).toContain('href="/account/login"');
  });

  it("speaks Indonesian", async () => {
    const { html, templates } = await render("id", sari);

    expect(visibleText(html.replace(/<template[\s\S]*<\/template>/, ""))).toMatch(/^Bagaimana pesanan Anda\?/);
    expect(visibleText(templates.ces)).toBe(
      "Tentang pesanan [name] Kopi Kita memudahkan saya mendapatkan barang yang saya pesan. 1 berarti sangat tidak setuju, 7 sangat setuju. 1 2 3 4 5 6 7 Ada yang ingin Anda tambahkan? (opsional) Kirim jawaban",
    );
    expect(html).toContain('data-status_429="Terlalu banyak jawaban. Tunggu beberapa menit."');
    expect(visibleText((await render("id", null)).html)).toBe("Masuk untuk memberi tahu kami tentang pesanan terakhir Anda.");
  });
});
