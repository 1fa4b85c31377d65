/**
 * The access scopes the demo's shop grants: what shopify.app.toml asks for (`[access_scopes] scopes`) and
 * its optional scopes, as a merchant who approved everything at install would have granted them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function section(toml: string, name: string): string {
  const start = toml.indexOf(`[${name}]`);
  if (start < 0) return "";
  const rest = toml.slice(start + name.length + 2);
  const next = rest.search(/^\s*\[/m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** `scopes = "a,b"` and `optional_scopes = ["c"]` of `[access_scopes]`, requested ones first, no duplicates. */
export function scopesFromAppToml(toml: string): string[] {
  const block = section(toml, "access_scopes").replace(/#.*$/gm, "");
  const requested = /^\s*scopes\s*=\s*"([^"]*)"/m.exec(block)?.[1] ?? "";
  const optional = /^\s*optional_scopes\s*=\s*\[([^\]]*)\]/m.exec(block)?.[1] ?? "";
  const names = [...requested.split(","), ...[...optional.matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? "")];
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))];
}

export function demoAppScopes(tomlPath = path.join(root, "shopify.app.toml")): string[] {
  const scopes = scopesFromAppToml(readFileSync(tomlPath, "utf8"));
  if (scopes.length === 0) throw new Error(`${tomlPath} names no access scopes under [access_scopes]`);
  return scopes;
}
