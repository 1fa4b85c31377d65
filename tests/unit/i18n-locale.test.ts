import { describe, expect, it } from "vitest";
import { adminHref } from "~/i18n/admin-links";
import { localeFromRequest, parseAcceptLanguage, parseLocaleTag, resolveLocale } from "~/i18n/locale";

describe("admin locale", () => {
  it("takes Shopify's locale parameter in any of the shapes it comes in", () => {
    expect(parseLocaleTag("id")).toEqual({ language: "id", tag: "id" });
    expect(parseLocaleTag("id-ID")).toEqual({ language: "id", tag: "id-ID" });
    expect(parseLocaleTag("id_id")).toEqual({ language: "id", tag: "id-ID" });
    expect(parseLocaleTag("in-ID")).toEqual({ language: "id", tag: "id-ID" });
    expect(parseLocaleTag("en-GB")).toEqual({ language: "en", tag: "en-GB" });
    expect(parseLocaleTag("fr")).toBeNull();
    expect(parseLocaleTag("not a locale!")).toBeNull();
    expect(parseLocaleTag("")).toBeNull();
  });

  it("picks the best supported language from Accept-Language by weight", () => {
    expect(parseAcceptLanguage("fr-FR,fr;q=0.9,id;q=0.8,en;q=0.7")).toEqual({ language: "id", tag: "id" });
    expect(parseAcceptLanguage("en;q=0.2, id-ID;q=0.9")).toEqual({ language: "id", tag: "id-ID" });
    expect(parseAcceptLanguage("de, *;q=0.5")).toBeNull();
    expect(parseAcceptLanguage("id;q=0")).toBeNull();
  });

  it("prefers the query parameter, then the session, then the browser, then English", () => {
    expect(resolveLocale({ query: "id", sessionLocale: "en", acceptLanguage: "en" }).language).toBe("id");
    expect(resolveLocale({ query: "ja", sessionLocale: "id-ID", acceptLanguage: "en" }).language).toBe("id");
    expect(resolveLocale({ query: null, sessionLocale: null, acceptLanguage: "id-ID,id;q=0.9" }).language).toBe("id");
    expect(resolveLocale({ query: "ja", acceptLanguage: "ko" })).toEqual({ language: "en", tag: "en" });
  });

  it("reads a request: the URL's locale, the online session's user, the Accept-Language header", () => {
    const request = (url: string, acceptLanguage?: string) =>
      new Request(url, { headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {} });

    expect(localeFromRequest(request("https://app.test/app?shop=a.myshopify.com&locale=id-ID")).tag).toBe("id-ID");
    const onlineSession = { onlineAccessInfo: { associated_user: { locale: "id" } } };
    expect(localeFromRequest(request("https://app.test/app"), onlineSession).language).toBe("id");
    expect(localeFromRequest(request("https://app.test/app", "id,en;q=0.5"), {}).language).toBe("id");
    expect(localeFromRequest(request("https://app.test/app")).language).toBe("en");
  });
});

describe("links between admin pages", () => {
  const current = "?embedded=1&hmac=abc&host=YWRtaW4&id_token=jwt&locale=id&shop=demo.myshopify.com";

  it("carry the locale, host and shop, and nothing Shopify signed for one request only", () => {
    const href = adminHref("/app/shipping", current);
    const params = new URL(href, "https://app.test").searchParams;

    expect(href.startsWith("/app/shipping?")).toBe(true);
    expect(params.get("locale")).toBe("id");
    expect(params.get("host")).toBe("YWRtaW4");
    expect(params.get("shop")).toBe("demo.myshopify.com");
    expect(params.has("id_token")).toBe(false);
    expect(params.has("hmac")).toBe(false);
  });

  it("keep the target's own query and hash, which win over the current page's", () => {
    expect(adminHref("/app/reviews?status=pending&locale=en#list", current)).toBe(
      "/app/reviews?status=pending&locale=en&host=YWRtaW4&shop=demo.myshopify.com#list",
    );
    expect(adminHref("/app", "")).toBe("/app");
  });
});
