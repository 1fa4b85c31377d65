import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en.json";
import id from "~/i18n/locales/id.json";
import { createTranslator } from "~/i18n/messages";
import { parseIn } from "~/i18n/zod-messages";
import { returnRulesSchemaFor } from "~/models/returns/rules";
import { foreignMessages } from "../../support/locale-patterns";

/** The return rules' own checks answer in the admin's language, naming the limit; never in zod's English. */

const indonesian = createTranslator({ language: "id", tag: "id" });

function issues(input: Record<string, unknown>, t = indonesian) {
  const result = parseIn(returnRulesSchemaFor(t), input, t);
  expect(result.success).toBe(false);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const BAD: Record<string, unknown>[] = [
  { windowDays: 0 },
  { windowDays: 400 },
  { windowDays: 14.5 },
  { windowDays: "30" },
  { windowStartsAt: "payday" },
  { transitAllowanceDays: -1 },
  { transitAllowanceDays: 61 },
  { transitAllowanceDays: 1.5 },
  { finalSale: { tags: ["", "x".repeat(256)], collectionIds: ["summer"] } },
  { finalSale: { tags: Array(51).fill("sale"), collectionIds: Array(51).fill("1") } },
  { conditions: ["smells_nice"] },
  { resolutions: [] },
  { resolutions: ["cash"] },
  { restockingFeePercent: 101 },
  { restockingFeePercent: -1 },
  { restockingFeePercent: 2.555 },
  { restockingFeePercent: "5" },
  { holidayExtensions: [{}] },
  { holidayExtensions: [{ orderedFrom: "soon", orderedThrough: "later", windowDays: "long" }] },
  { holidayExtensions: [{ orderedFrom: "2026-12-20", orderedThrough: "2026-12-01", windowDays: 10 }] },
  { holidayExtensions: Array(11).fill({ orderedFrom: "2026-12-01", orderedThrough: "2026-12-31", windowDays: 60 }) },
];

describe("return rules messages", () => {
  it("names the limits in Indonesian", () => {
    expect(issues({ windowDays: 400 })).toEqual({ windowDays: "Batas waktu retur paling lama 365 hari." });
    expect(issues({ transitAllowanceDays: 61 })).toEqual({ transitAllowanceDays: "Lama pengiriman biasa paling lama 60 hari." });
    expect(issues({ restockingFeePercent: 101 })).toEqual({ restockingFeePercent: "Biaya restocking tidak boleh lebih dari 100%." });
    expect(issues({ finalSale: { tags: ["x".repeat(256)] } })).toEqual({ "finalSale.tags.0": "Tag produk paling banyak 255 karakter." });
  });

  it("says a holiday window must beat the usual one, with the usual window's length", () => {
    const input = { windowDays: 30, holidayExtensions: [{ orderedFrom: "2026-11-15", orderedThrough: "2026-12-24", windowDays: 20 }] };
    expect(issues(input)).toEqual({ "holidayExtensions.0.windowDays": "Batas waktu retur liburan harus lebih lama dari 30 hari yang biasa." });
  });

  it("keeps the English wording for an English admin", () => {
    expect(issues({ resolutions: [] }, createTranslator({ language: "en", tag: "en" }))).toEqual({
      resolutions: "Offer at least one way to settle a return: refund, exchange or store credit.",
    });
  });

  it.each([
    ["en", en],
    ["id", id],
  ] as const)("answers every bad field from the %s table", (language, table) => {
    const t = createTranslator({ language, tag: language });
    const messages = BAD.flatMap((input) => {
      const result = parseIn(returnRulesSchemaFor(t), input, t);
      expect(result.success).toBe(false);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    });
    expect(messages.length).toBeGreaterThanOrEqual(BAD.length);
    expect(foreignMessages(messages, table)).toEqual([]);
  });
});
