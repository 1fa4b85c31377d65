import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Reads the theme app extension's files the way Shopify sees them. */

export const EXTENSION_ROOT = path.resolve(import.meta.dirname, "../../../extensions/aftercare-storefront");

export type LocaleMessages = { [key: string]: string | LocaleMessages };

export interface BlockSetting {
  type: string;
  id?: string;
  label?: string;
  default?: unknown;
  [key: string]: unknown;
}

export interface BlockSchema {
  name: string;
  target: "section" | "head" | "body" | "compliance_head";
  javascript?: string;
  stylesheet?: string;
  settings?: BlockSetting[];
  [key: string]: unknown;
}

const SCHEMA_TAG = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/;

/** Block names, as file names without `.liquid`. */
export function listBlocks(): string[] {
  return readdirSync(path.join(EXTENSION_ROOT, "blocks"))
    .filter((file) => file.endsWith(".liquid"))
    .map((file) => file.slice(0, -".liquid".length))
    .sort();
}

export function readBlockSource(block: string): string {
  return readFileSync(path.join(EXTENSION_ROOT, "blocks", `${block}.liquid`), "utf8");
}

/** The raw JSON text inside a block's `{% schema %}` tag (throws when there is none). */
export function readBlockSchemaText(block: string): string {
  const match = SCHEMA_TAG.exec(readBlockSource(block));
  if (!match) throw new Error(`blocks/${block}.liquid has no {% schema %} tag`);
  return match[1];
}

export function readBlockSchema(block: string): BlockSchema {
  return JSON.parse(readBlockSchemaText(block)) as BlockSchema;
}

/** The settings a merchant gets before changing anything: each setting's default. */
export function defaultBlockSettings(block: string): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const setting of readBlockSchema(block).settings ?? []) {
    if (setting.id) settings[setting.id] = setting.default ?? null;
  }
  return settings;
}

export function listLocaleFiles(): string[] {
  return readdirSync(path.join(EXTENSION_ROOT, "locales")).sort();
}

export function readLocaleFile(file: string): LocaleMessages {
  return JSON.parse(readFileSync(path.join(EXTENSION_ROOT, "locales", file), "utf8")) as LocaleMessages;
}

/** Storefront messages for a language ("en" reads en.default.json); null when there is no file. */
export function readStorefrontLocale(locale: string): LocaleMessages | null {
  const file = listLocaleFiles().find(
    (name) => !name.includes(".schema.") && (name === `${locale}.json` || name === `${locale}.default.json`),
  );
  return file ? readLocaleFile(file) : null;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** An asset from assets/, for the storefront preview's HTTP server; null for anything else. */
export function serveExtensionAsset(name: string): { body: Buffer; contentType: string } | null {
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return null;
  const file = path.join(EXTENSION_ROOT, "assets", name);
  const contentType = CONTENT_TYPES[path.extname(name)];
  if (!contentType || !existsSync(file)) return null;
  return { body: readFileSync(file), contentType };
}

export function listAssets(): string[] {
  return readdirSync(path.join(EXTENSION_ROOT, "assets")).sort();
}
