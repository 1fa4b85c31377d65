import { describe, expect, it } from "vitest";
import en from "@shopify/polaris/locales/en.json";
import id from "~/i18n/polaris/id.json";
import { polarisTranslations } from "~/i18n/polaris";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") result.set(`${prefix}${key}`, value);
    else for (const [inner, text] of leaves(value, `${prefix}${key}.`)) result.set(inner, text);
  }
  return result;
}

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();

describe("Polaris in Indonesian", () => {
  const english = leaves(en as Tree);
  const indonesian = leaves(id as Tree);

  it("translates every string Polaris has, so nothing falls back to English", () => {
    expect([...english.keys()].filter((key) => !indonesian.has(key))).toEqual([]);
    expect([...indonesian.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...indonesian.values()].filter((text) => text.trim() === "")).toEqual([]);
  });

  it("keeps each string's placeholders, which Polaris fills in", () => {
    const mismatched = [...english].filter(([key, text]) => placeholders(text) !== placeholders(indonesian.get(key) ?? ""));
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("is what the admin hands Polaris for Indonesian, and Polaris's own English otherwise", () => {
    expect(polarisTranslations("id").Polaris.Common.cancel).toBe("Batal");
    expect(polarisTranslations("en")).toBe(en);
  });
});
