import { describe, expect, it } from "vitest";
import { emailLanguage, supportedEmailLanguage } from "../../app/email/language";
import { renderReviewEmail } from "../../app/models/reviews/request";

describe("the language of a shopper's email", () => {
  it("follows the order's customer locale, whatever its region or spelling", () => {
    expect(emailLanguage("id")).toBe("id");
    expect(emailLanguage("id-ID")).toBe("id");
    expect(emailLanguage("ID_id")).toBe("id");
    expect(emailLanguage("in")).toBe("id");
    expect(emailLanguage("en-US", "id")).toBe("en");
    expect(emailLanguage(" en ")).toBe("en");
  });

  it("falls back to the shop's primary language, then English", () => {
    expect(emailLanguage(null, "id")).toBe("id");
    expect(emailLanguage("fr-FR", "id-ID")).toBe("id");
    expect(emailLanguage("", "en")).toBe("en");
    expect(emailLanguage("fr", "de")).toBe("en");
    expect(emailLanguage(undefined, null)).toBe("en");
    expect(supportedEmailLanguage("ja")).toBeNull();
  });

  it("writes the review request, its stars and footer in that language", () => {
    const base = {
      kind: "review_request" as const,
      firstName: null,
      orderName: "#1001",
      productTitle: "Kopi Gayo",
      shopName: "Kopi Kita",
      contactLines: { en: "Questions? Reach us at a@b.test.", id: "Ada pertanyaan? Hubungi kami di a@b.test." },
      proxyBaseUrl: "https://kopi.myshopify.com/apps/aftercare",
      token: "abc.def",
    };
    const id = renderReviewEmail({ ...base, locale: "fr-FR", shopLocale: "id" });
    expect(id.subject).toBe("Bagaimana pendapat Anda tentang Kopi Gayo?");
    expect(id.text).toContain("Halo Kak,");
    expect(id.text).toContain("Ada pertanyaan? Hubungi kami di a@b.test.");
    expect(id.text).toContain("★☆☆☆☆ 1 bintang");
    expect(id.text).toContain("Anda menerima email ini karena memesan Kopi Gayo dari Kopi Kita.");
    expect(id.text).not.toContain("Questions?");
    const en = renderReviewEmail({ ...base, locale: "fr-FR", shopLocale: null });
    expect(en.subject).toBe("How do you like Kopi Gayo?");
    expect(en.text).toContain("Hi there,");
    expect(en.text).toContain("Thank you,\nKopi Kita");
  });
});
