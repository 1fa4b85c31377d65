import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopesFromAppToml } from "../../scripts/demo/app-scopes";

const root = path.resolve(import.meta.dirname, "../..");

/** The scopes named in the first column of README's "Access scopes" table. */
function documentedScopes(readme: string): string[] {
  const start = readme.indexOf("## Access scopes");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]!));
}

describe("README's Access scopes table", () => {
  it("says why the app asks for each scope shopify.app.toml requests, and names none it does not", () => {
    const requested = scopesFromAppToml(readFileSync(path.join(root, "shopify.app.toml"), "utf8"));
    const documented = documentedScopes(readFileSync(path.join(root, "README.md"), "utf8"));
    expect(requested).toContain("read_customers");
    expect([...documented].sort()).toEqual([...requested].sort());
  });
});
