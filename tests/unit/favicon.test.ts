import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Browsers ask for /favicon.ico on every load of the app. It is a real icon in public/ (copied beside the
 * client assets and served as a static file), linked from the document, so the request never becomes an
 * unmatched route logged as an error.
 */
describe("favicon", () => {
  it("is a readable ICO image with one 16×16 32-bit entry", () => {
    const icon = readFileSync(new URL("../../public/favicon.ico", import.meta.url));
    expect([icon.readUInt16LE(0), icon.readUInt16LE(2), icon.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([icon[6], icon[7], icon.readUInt16LE(12)]).toEqual([16, 16, 32]);
    const size = icon.readUInt32LE(14);
    const offset = icon.readUInt32LE(18);
    expect(offset + size).toBe(icon.length);
  });

  it("is linked from the app's document", () => {
    const root = readFileSync(new URL("../../app/root.tsx", import.meta.url), "utf8");
    expect(root).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
  });
});
