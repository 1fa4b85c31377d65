import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en.json";
import id from "~/i18n/locales/id.json";
import { createTranslator, isPluralMessage, type MessageKey } from "~/i18n/messages";
import { LANGUAGES } from "~/i18n/locale";

type Tree = { [key: string]: string | Tree };

/** Every message of a locale file by dotted key; plural forms count as one message. */
function flatten(tree: Tree, prefix = ""): Map<string, string | Tree> {
  const entries = new Map<string, string | Tree>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === "string" || isPluralMessage(value)) entries.set(path, value);
    else for (const [inner, message] of flatten(value, `${path}.`)) entries.set(inner, message);
  }
  return entries;
}

const placeholders = (message: string | Tree) =>
  [...new Set(Object.values(typeof message === "string" ? { other: message } : message).flatMap((text) => String(text).match(/\{\w+\}/g) ?? []))].sort();

const FILES = { en: flatten(en as Tree), id: flatten(id as Tree) };

describe("our admin strings", () => {
  it("has every English message in Indonesian, and nothing Indonesian that English lacks", () => {
    const missingInId = [...FILES.en.keys()].filter((key) => !FILES.id.has(key));
    const extraInId = [...FILES.id.keys()].filter((key) => !FILES.en.has(key));
    expect(missingInId).toEqual([]);
    expect(extraInId).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...FILES.en].filter(([key, message]) => FILES.id.has(key) && placeholders(message).join() !== placeholders(FILES.id.get(key)!).join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("gives each plural message every form its language needs", () => {
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const incomplete = [...FILES[language]]
        .filter(([, message]) => isPluralMessage(message))
        .filter(([, message]) => categories.some((category) => !(category in (message as Tree))));
      expect(incomplete.map(([key]) => `${language}:${key}`)).toEqual([]);
    }
  });

  it("has no message left untranslated in Indonesian (besides names and codes that read the same)", () => {
    const SAME_IN_BOTH = new Set(["common.none", "charts.countries.median", "charts.countries.p90", "surveys.score.nps", "surveys.band.passive", "nav.surveys"]);
    const identical = [...FILES.en].filter(([key, message]) => typeof message === "string" && message.length > 3 && FILES.id.get(key) === message && !SAME_IN_BOTH.has(key));
    expect(identical.map(([key]) => key)).toEqual([]);
  });
});

describe("t()", () => {
  const english = createTranslator({ language: "en", tag: "en" });
  const indonesian = createTranslator({ language: "id", tag: "id-ID" });

  it("fills placeholders, formatting numbers for the locale", () => {
    expect(english("sync.progress", { synced: 1200, total: 3400 })).toBe("1,200 of 3,400");
    expect(indonesian("sync.progress", { synced: 1200, total: 3400 })).toBe("1.200 dari 3.400");
    expect(indonesian("home.title", { shop: "Toko Batik" })).toBe("Kinerja pengiriman · Toko Batik");
  });

  it("chooses the plural form from count with the language's plural rules", () => {
    expect(english("sync.progressUnknownTotal", { count: 1 })).toBe("1 order");
    expect(english("sync.progressUnknownTotal", { count: 2 })).toBe("2 orders");
    expect(english("sync.progressUnknownTotal", { count: 0 })).toBe("0 orders");
    expect(indonesian("sync.progressUnknownTotal", { count: 1 })).toBe("1 pesanan");
    expect(indonesian("sync.progressUnknownTotal", { count: 5 })).toBe("5 pesanan");
  });

  it("leaves an unfilled placeholder visible rather than inventing a value", () => {
    expect(english("sync.progress", { synced: 3 })).toBe("3 of {total}");
  });

  it("falls back to English for a message a language lacks, then to the key", () => {
    const messages = { en: { greeting: "Hello {name}" }, id: {} };
    const t = createTranslator({ language: "id", tag: "id" }, messages);
    expect(t("greeting" as MessageKey, { name: "Sari" })).toBe("Hello Sari");
    expect(t("nothing.here" as MessageKey)).toBe("nothing.here");
  });
});
