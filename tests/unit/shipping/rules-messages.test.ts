import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en.json";
import id from "~/i18n/locales/id.json";
import { createTranslator } from "~/i18n/messages";
import { parseIn } from "~/i18n/zod-messages";
import { shippingRulesSchemaFor, type ShippingRulesInput } from "~/models/shipping/rules";
import { foreignMessages } from "../../support/locale-patterns";

/** The shipping rules' own checks answer in the admin's language, naming the limit; never in zod's English. */

const valid: ShippingRulesInput = {
  timeZone: "Asia/Jakarta",
  cutoffTime: "14:00",
  processingDays: 1,
  workingDays: [1, 2, 3, 4, 5],
  zones: [{ id: "jawa", name: "Jawa", regions: ["ID-JK"], transitDays: { min: 1, max: 3 } }],
};

const indonesian = createTranslator({ language: "id", tag: "id" });

function issues(changes: Record<string, unknown>, t = indonesian) {
  const result = parseIn(shippingRulesSchemaFor(t), { ...valid, ...changes }, t);
  expect(result.success).toBe(false);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const BAD: Record<string, unknown>[] = [
  { timeZone: "Mars/Olympus" },
  { cutoffTime: "25:00" },
  { processingDays: 61 },
  { workingDays: [] },
  { workingDays: [7] },
  { holidays: ["02-30"] },
  { blockedDates: [{ from: "2026-12-05", to: "2026-12-01" }] },
  { zones: [] },
  { zones: [{ id: "Not A Slug", name: "x".repeat(61), regions: ["germany"], transitDays: { min: 5, max: 2 } }] },
  {
    zones: [
      { id: "a", name: "A", regions: ["DE"], transitDays: { min: 1, max: 2 } },
      { id: "a", name: "B", regions: ["DE"], transitDays: { min: 1, max: 2 } },
    ],
  },
  { overrides: [{ id: "g", name: "G" }, { id: "g", name: "G", productIds: ["abc"] }] },
  { freeShipping: [{ currency: "rupiah", minimumCents: 1 }, { currency: "IDR", minimumCents: 1 }, { currency: "IDR", minimumCents: 2 }] },
  { bannerMessages: { id: "x".repeat(201) } },
];

describe("shipping rules messages", () => {
  it("speaks Indonesian for the rules' own checks", () => {
    expect(issues({ timeZone: "Mars/Olympus" })).toEqual({ timeZone: "Zona waktu tidak dikenal" });
    expect(issues({ cutoffTime: "25:00" })).toEqual({ cutoffTime: "Gunakan jam seperti 14:00" });
    expect(issues({ workingDays: [] })).toEqual({ workingDays: "Pilih paling sedikit satu hari" });
    expect(issues({ zones: [{ id: "jawa", name: "Jawa", regions: ["ID-JK"], transitDays: { min: 5, max: 2 } }] })).toEqual({
      "zones.0.transitDays.max": "Minimum tidak boleh melebihi maksimum",
    });
  });

  it("names the zone a country already belongs to, in the admin's language", () => {
    const zones = [
      { id: "eropa", name: "Eropa", regions: ["DE"], transitDays: { min: 1, max: 2 } },
      { id: "jerman", name: "Jerman", regions: ["DE"], transitDays: { min: 1, max: 2 } },
    ];
    expect(issues({ zones })["zones.1.regions"]).toBe("DE sudah ada di zona eropa");
    expect(issues({ zones }, createTranslator({ language: "en", tag: "en" }))["zones.1.regions"]).toBe("DE is already in zone eropa");
  });

  it("refuses an over-long name or id with the limit named, never cutting it", () => {
    const result = issues({ zones: [{ id: "z".repeat(33), name: "x".repeat(61), regions: ["DE"], transitDays: { min: 1, max: 2 } }] });
    expect(result["zones.0.name"]).toBe("Gunakan paling banyak 60 karakter");
    expect(result["zones.0.id"]).toBe("Gunakan huruf kecil, angka, dan tanda hubung, paling banyak 32 karakter");
  });

  it.each([
    ["en", en],
    ["id", id],
  ] as const)("answers every bad field from the %s table", (language, table) => {
    const t = createTranslator({ language, tag: language });
    const messages = BAD.flatMap((changes) => {
      const result = parseIn(shippingRulesSchemaFor(t), { ...valid, ...changes }, t);
      expect(result.success).toBe(false);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    });
    expect(messages.length).toBeGreaterThan(BAD.length);
    expect(foreignMessages(messages, table)).toEqual([]);
  });
});
