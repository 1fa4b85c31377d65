import { describe, expect, it } from "vitest";
import { createFormat } from "~/i18n/format";

const english = createFormat({ language: "en", tag: "en" });
const british = createFormat({ language: "en", tag: "en-GB" });
const indonesian = createFormat({ language: "id", tag: "id-ID" });
// Intl separates some parts with a narrow no-break space: compare what a reader sees.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("admin formatting", () => {
  it("writes dates the way each locale reads them", () => {
    expect(english.date("2026-11-23T10:00:00Z")).toBe("Nov 23, 2026");
    expect(british.date("2026-11-23T10:00:00Z")).toBe("23 Nov 2026");
    expect(indonesian.date("2026-11-23T10:00:00Z")).toBe("23 Nov 2026");
    expect(indonesian.date(new Date("2026-08-17T10:00:00Z"))).toBe("17 Agu 2026");
    expect(indonesian.dayMonth("2026-05-04T00:00:00Z")).toBe("4 Mei");
  });

  it("uses the shop's time zone when given, so a late-evening order keeps its own day", () => {
    const eveningInJakarta = "2026-11-23T20:30:00Z"; // 03:30 on 24 Nov in Jakarta
    expect(indonesian.date(eveningInJakarta)).toBe("23 Nov 2026");
    expect(indonesian.date(eveningInJakarta, { timeZone: "Asia/Jakarta" })).toBe("24 Nov 2026");
    expect(plain(indonesian.dateTime(eveningInJakarta, { timeZone: "Asia/Jakarta" }))).toBe("24 Nov 2026, 3.30");
  });

  it("groups digits and writes decimals per locale", () => {
    expect(english.number(1234567.5)).toBe("1,234,567.5");
    expect(indonesian.number(1234567.5)).toBe("1.234.567,5");
    expect(english.percent(87.5)).toBe("87.5%");
    expect(indonesian.percent(87.5)).toBe("87,5%");
  });

  it("writes rupiah without cents the way Indonesian shoppers see prices", () => {
    expect(plain(indonesian.money(150000, "IDR"))).toBe("Rp 150.000");
    expect(plain(indonesian.money("99000.00", "IDR"))).toBe("Rp 99.000");
    expect(plain(english.money(150000, "IDR"))).toBe("IDR 150,000");
    expect(english.money(12, "USD")).toBe("$12");
    expect(english.money(12.5, "USD")).toBe("$12.50");
    expect(plain(indonesian.money("12.50", "EUR"))).toBe("€12,50");
  });
});
