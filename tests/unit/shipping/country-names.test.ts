import { afterEach, describe, expect, it, vi } from "vitest";
import { COUNTRY_CODES } from "~/components/shipping/country-codes";
import { countryNamesFor, countryOptionsFor, shippingPageCountries } from "~/components/shipping/country-names.server";

afterEach(() => vi.unstubAllGlobals());

describe("country names for the shipping page (named on the server only)", () => {
  for (const locale of ["en", "id-ID"]) {
    it(`names every country once in ${locale}: no two codes share a name (Curaçao is listed once)`, () => {
      const options = countryOptionsFor(locale);
      expect(options.map((option) => option.code).sort()).toEqual([...COUNTRY_CODES].sort());
      const byName = new Map<string, string[]>();
      for (const { code, name } of options) byName.set(name, [...(byName.get(name) ?? []), code]);
      expect([...byName].filter(([, codes]) => codes.length > 1)).toEqual([]);
      expect(options.filter((option) => option.name === "Curaçao").map((option) => option.code)).toEqual(["CW"]);
    });
  }

  it("names the Netherlands Antilles (AN) itself instead of ICU's alias to Curaçao", () => {
    expect(countryNamesFor("en").AN).toBe("Netherlands Antilles");
    expect(countryNamesFor("id").AN).toBe("Antillen Belanda");
    expect(countryNamesFor("sv").AN).toBe("Netherlands Antilles");
  });

  it("gives names for each saved banner language and sorts the admin list in the admin language", () => {
    const { countries, countryNames } = shippingPageCountries("id-ID", ["en", "de", " ", "not a tag!"]);
    expect(Object.keys(countryNames)).toEqual(["en", "de"]);
    expect(countryNames.de.DE).toBe("Deutschland");
    const names = countries.map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id-ID")));
    expect(countries.find((option) => option.code === "DE")?.name).toBe("Jerman");
  });
});
