import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  EXTENSION_ROOT,
  listAssets,
  listBlocks,
  listLocaleFiles,
  readBlockSchema,
  readBlockSchemaText,
  readBlockSource,
  readLocaleFile,
  type BlockSetting,
  type LocaleMessages,
} from "../support/storefront/extension-files";

/**
 * What theme-check does not check in app blocks: the JSON inside {% schema %}, setting
 * types and limits, and the size budgets Shopify sets for theme app extensions.
 */

const SCHEMA_KEYS = new Set([
  "name",
  "target",
  "javascript",
  "stylesheet",
  "class",
  "tag",
  "settings",
  "available_if",
  "enabled_on",
  "disabled_on",
]);
const TARGETS = new Set(["section", "head", "body", "compliance_head"]);
const TEMPLATES = new Set([
  "*", "404", "article", "blog", "cart", "collection", "list-collections", "customers/account",
  "customers/activate_account", "customers/addresses", "customers/login", "customers/order",
  "customers/register", "customers/reset_password", "gift_card", "index", "page", "password",
  "product", "search",
]);
/** Input and sidebar setting types an app block may use. */
const SETTING_TYPES = new Set([
  "checkbox", "number", "radio", "range", "select", "text", "textarea", "article", "blog",
  "collection", "collection_list", "color", "color_background", "font_picker", "image_picker",
  "inline_richtext", "link_list", "metaobject", "metaobject_list", "page", "product",
  "product_list", "richtext", "text_alignment", "url", "video", "video_url", "header", "paragraph",
]);
const SIDEBAR_TYPES = new Set(["header", "paragraph"]);
const BLOCK_NAME_LIMIT = 25;

const schemaLocales = listLocaleFiles().filter((file) => file.endsWith(".schema.json"));
const storefrontLocales = listLocaleFiles().filter((file) => !file.endsWith(".schema.json"));

function lookup(messages: LocaleMessages, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as LocaleMessages | undefined)?.[part], messages);
}

function keysOf(messages: LocaleMessages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

/** Every schema locale file must translate a `t:` label; a plain label is used as is. */
function translations(label: unknown): string[] {
  if (typeof label !== "string") return [];
  if (!label.startsWith("t:")) return [label];
  return schemaLocales.map((file) => {
    const text = lookup(readLocaleFile(file), label.slice(2));
    if (typeof text !== "string") throw new Error(`${file} has no ${label.slice(2)}`);
    return text;
  });
}

function settingProblems(setting: BlockSetting): string[] {
  const problems: string[] = [];
  const where = `setting ${setting.id ?? setting.type}`;
  if (!SETTING_TYPES.has(setting.type)) problems.push(`${where}: unknown type ${setting.type}`);
  if (SIDEBAR_TYPES.has(setting.type)) return problems;
  if (!setting.id || !/^[a-z][a-z0-9_]*$/.test(setting.id)) problems.push(`${where}: needs a snake_case id`);
  if (!setting.label?.startsWith("t:")) problems.push(`${where}: label must be a t: key`);
  translations(setting.label);
  if (setting.info !== undefined) translations(setting.info);

  const value = setting.default;
  switch (setting.type) {
    case "checkbox":
      if (typeof value !== "boolean") problems.push(`${where}: checkbox default must be true or false`);
      break;
    case "color":
      if (value !== undefined && !/^#[0-9a-f]{6}$/i.test(String(value))) problems.push(`${where}: color default ${value}`);
      break;
    case "number":
      if (value !== undefined && typeof value !== "number") problems.push(`${where}: number default must be a number`);
      break;
    case "range": {
      const { min, max, step } = setting as unknown as Record<string, number>;
      if ([min, max, step, value].some((n) => typeof n !== "number")) {
        problems.push(`${where}: range needs numeric min, max, step and default`);
        break;
      }
      const steps = (max - min) / step;
      if (!(min < max) || step <= 0) problems.push(`${where}: range needs min < max and a positive step`);
      if (!Number.isInteger(steps) || steps > 101) problems.push(`${where}: range must have at most 101 whole steps`);
      if ((value as number) < min || (value as number) > max || !Number.isInteger(((value as number) - min) / step)) {
        problems.push(`${where}: default ${value} is not a step between ${min} and ${max}`);
      }
      if (typeof setting.unit === "string" && setting.unit.length > 3) problems.push(`${where}: unit longer than 3`);
      break;
    }
    case "select":
    case "radio": {
      const options = (setting.options ?? []) as { value: string; label: string }[];
      if (options.length === 0) problems.push(`${where}: needs options`);
      if (value !== undefined && !options.some((option) => option.value === value)) {
        problems.push(`${where}: default is not an option`);
      }
      break;
    }
    default:
      break;
  }
  return problems;
}

describe.each(listBlocks())("blocks/%s.liquid", (block) => {
  it("has a schema that is strict JSON with only known keys", () => {
    expect(() => JSON.parse(readBlockSchemaText(block))).not.toThrow();
    expect(Object.keys(readBlockSchema(block)).filter((key) => !SCHEMA_KEYS.has(key))).toEqual([]);
  });

  it("names itself within Shopify's 25 characters in every language", () => {
    const names = translations(readBlockSchema(block).name);

    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(BLOCK_NAME_LIMIT);
  });

  it("targets a valid place and pages", () => {
    const schema = readBlockSchema(block);

    expect(TARGETS.has(schema.target)).toBe(true);
    const templates = (schema.enabled_on as { templates?: string[] } | undefined)?.templates ?? [];
    for (const template of templates) expect(TEMPLATES.has(template), template).toBe(true);
  });

  it("loads assets that exist, through the schema", () => {
    const schema = readBlockSchema(block);

    if (schema.javascript) expect(listAssets()).toContain(schema.javascript);
    if (schema.stylesheet) expect(listAssets()).toContain(schema.stylesheet);
    expect(schema.javascript ?? "x.js").toMatch(/\.js$/);
    expect(schema.stylesheet ?? "x.css").toMatch(/\.css$/);
  });

  it("declares settings with valid types, limits, defaults and translated labels", () => {
    const settings = readBlockSchema(block).settings ?? [];
    const ids = settings.flatMap((setting) => (setting.id ? [setting.id] : []));

    expect(new Set(ids).size).toBe(ids.length);
    expect(settings.flatMap(settingProblems)).toEqual([]);
  });

  it("reads only settings it declares, and uses each one", () => {
    const liquid = readBlockSource(block).replace(/\{%-?\s*schema[\s\S]*$/, "");
    const used = new Set([...liquid.matchAll(/block\.settings\.([a-z0-9_]+)/g)].map((match) => match[1]));
    const declared = new Set((readBlockSchema(block).settings ?? []).flatMap((setting) => setting.id ?? []));

    expect([...used].filter((id) => !declared.has(id))).toEqual([]);
    expect([...declared].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe("extension layout", () => {
  it("has one app embed for the whole site and app blocks for sections", () => {
    const targets = Object.fromEntries(listBlocks().map((block) => [block, readBlockSchema(block).target]));

    expect(targets).toEqual({
      "contact-options": "section",
      "delivery-estimate": "section",
      "order-status": "section",
      "return-check": "section",
      "return-help": "section",
      "return-policy": "section",
      "review-badge": "section",
      "review-display": "section",
      "review-prompt": "section",
      "shipping-banner": "body",
      survey: "section",
    });
  });

  it("is a theme extension", () => {
    const toml = readFileSync(path.join(EXTENSION_ROOT, "shopify.extension.toml"), "utf8");

    expect(toml).toMatch(/^type\s*=\s*"theme"$/m);
    expect(toml).toMatch(/^name\s*=\s*"[^"]+"$/m);
  });

  it("translates the same storefront keys in every language, and the same schema keys", () => {
    const english = keysOf(readLocaleFile("en.default.json")).sort();
    const englishSchema = keysOf(readLocaleFile("en.default.schema.json")).sort();

    expect(storefrontLocales).toEqual(expect.arrayContaining(["en.default.json", "id.json"]));
    for (const file of storefrontLocales) expect(keysOf(readLocaleFile(file)).sort(), file).toEqual(english);
    for (const file of schemaLocales) expect(keysOf(readLocaleFile(file)).sort(), file).toEqual(englishSchema);
  });

  it("stays inside Shopify's size limits: locale files under 15 KB, all Liquid under 100 KB", () => {
    const size = (dir: string, file: string) => statSync(path.join(EXTENSION_ROOT, dir, file)).size;
    const liquidBytes = ["blocks", "snippets"]
      .flatMap((dir) => readdirSync(path.join(EXTENSION_ROOT, dir)).map((file) => size(dir, file)))
      .reduce((total, bytes) => total + bytes, 0);

    for (const file of listLocaleFiles()) expect(size("locales", file), file).toBeLessThan(15 * 1024);
    expect(liquidBytes).toBeLessThan(100 * 1024);
  });

  it("keeps every script far under Shopify's 10 KB compressed guideline", () => {
    for (const asset of listAssets().filter((name) => name.endsWith(".js"))) {
      const gzipped = gzipSync(readFileSync(path.join(EXTENSION_ROOT, "assets", asset)), { level: 9 }).length;
      // The house aim: a fifth of Shopify's guideline per script (the help page loads several; the
      // storefront bench holds the whole page to 8 KB).
      expect(gzipped, asset).toBeLessThan(2 * 1024);
    }
  });
});
