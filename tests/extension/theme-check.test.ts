import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { themeCheckRun, type Offense } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { EXTENSION_ROOT } from "../support/storefront/extension-files";

/** Runs theme-check with the extension's .theme-check.yml (theme-app-extension rules), offline. */
async function offensesIn(root: string): Promise<string[]> {
  const log: string[] = [];
  const run = await themeCheckRun(root, undefined, (message) => log.push(message));
  return run.offenses.map(
    (offense: Offense) =>
      `${path.relative(root, new URL(offense.uri).pathname)}:${offense.start.line + 1} ${offense.check}: ${offense.message}`,
  );
}

describe("theme-check", () => {
  it("finds no offence in the extension", async () => {
    expect(await offensesIn(EXTENSION_ROOT)).toEqual([]);
  }, 60_000);

  it("does catch an unknown filter and a missing translation in a broken copy", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "aftercare-theme-check-"));
    try {
      cpSync(EXTENSION_ROOT, copy, { recursive: true });
      const block = path.join(copy, "blocks", "delivery-estimate.liquid");
      writeFileSync(
        block,
        readFileSync(block, "utf8")
          .replace("| strip", "| strip_everything")
          .replace("'aftercare.delivery_estimate.arrives_html'", "'aftercare.delivery_estimate.gone_html'"),
      );

      const offenses = await offensesIn(copy);

      expect(offenses.some((offense) => offense.includes("UnknownFilter"))).toBe(true);
      expect(offenses.some((offense) => offense.includes("TranslationKeyExists"))).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
