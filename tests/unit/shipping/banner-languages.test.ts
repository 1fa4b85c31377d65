import { describe, expect, it } from "vitest";
import { bannerLanguages } from "~/components/shipping/banner-languages";

const notPublished = (name: string) => `${name} (not published)`;

describe("banner languages offered on the Shipping page", () => {
  it("offers the shop's published languages, primary first, named in the admin language", () => {
    const languages = bannerLanguages({ published: ["en", "pt-BR", "id"], saved: ["en"], adminLocale: "en", notPublished });
    expect(languages).toEqual({
      source: "shop",
      options: [
        { value: "en", label: "English (en)" },
        { value: "pt-BR", label: "Brazilian Portuguese (pt-BR)" },
        { value: "id", label: "Indonesian (id)" },
      ],
    });
    expect(bannerLanguages({ published: ["en"], saved: [], adminLocale: "id", notPublished }).options).toEqual([
      { value: "en", label: "Inggris (en)" },
    ]);
  });

  it("keeps a saved message's language on offer when the shop no longer publishes it", () => {
    const languages = bannerLanguages({ published: ["en"], saved: ["en", "de"], adminLocale: "en", notPublished });
    expect(languages.options).toEqual([
      { value: "en", label: "English (en)" },
      { value: "de", label: "German (de) (not published)" },
    ]);
  });

  it("falls back to the app's languages when the shop's cannot be read", () => {
    const languages = bannerLanguages({ published: null, saved: ["en"], adminLocale: "en", notPublished });
    expect(languages).toEqual({
      source: "app",
      options: [
        { value: "en", label: "English (en)" },
        { value: "id", label: "Indonesian (id)" },
      ],
    });
  });
});
