/// <reference types="node" />
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { APP_URL } from "../src/app-url";

it("calls the app where shopify.app.toml says it answers", () => {
  const toml = readFileSync(path.resolve(process.cwd(), "shopify.app.toml"), "utf8");
  expect(APP_URL).toBe(/^application_url\s*=\s*"([^"]+)"/m.exec(toml)?.[1]);
});
