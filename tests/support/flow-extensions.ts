/**
 * Reads the Shopify Flow extensions (extensions/flow-…/shopify.extension.toml) the way the tests and the
 * fake Admin API need them. The parser takes exactly what a Flow extension toml holds (comments, the
 * `[[extensions]]`, `[settings]` and `[[settings.fields]]` tables, `key = "string"` and booleans) and
 * throws, naming the line, on anything else, so a file it accepts has the shape Shopify reads.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface FlowExtensionField {
  type: string;
  key?: string;
  name?: string;
  description?: string;
  required?: boolean;
}

export interface FlowExtension {
  dir: string;
  name: string;
  handle: string;
  type: "flow_trigger" | "flow_action";
  description?: string;
  runtime_url?: string;
  fields: FlowExtensionField[];
}

type Value = string | boolean;

export function parseFlowToml(text: string, file = "shopify.extension.toml"): Omit<FlowExtension, "dir"> {
  const extensions: Array<Record<string, Value>> = [];
  const fields: Array<Record<string, Value>> = [];
  let table: Record<string, Value> | null = null;
  let sawSettings = false;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    const where = `${file}:${index + 1}`;
    if (line === "" || line.startsWith("#")) return;
    if (line === "[[extensions]]") {
      table = {};
      extensions.push(table);
      return;
    }
    if (line === "[settings]") {
      sawSettings = true;
      table = null;
      return;
    }
    if (line === "[[settings.fields]]") {
      if (!sawSettings) throw new Error(`${where}: [[settings.fields]] before [settings]`);
      table = {};
      fields.push(table);
      return;
    }
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(true|false))\s*(?:#.*)?$/.exec(line);
    if (!match) throw new Error(`${where}: not understood: ${line}`);
    if (!table) throw new Error(`${where}: ${match[1]} outside a table`);
    if (match[1] in table) throw new Error(`${where}: ${match[1]} given twice`);
    table[match[1]] = match[2] !== undefined ? JSON.parse(`"${match[2]}"`) : match[3] === "true";
  });
  if (extensions.length !== 1) throw new Error(`${file}: expected one [[extensions]] table, found ${extensions.length}`);
  const [extension] = extensions;
  for (const required of ["name", "handle", "type"]) {
    if (typeof extension[required] !== "string") throw new Error(`${file}: [[extensions]] needs ${required}`);
  }
  if (extension.type !== "flow_trigger" && extension.type !== "flow_action") throw new Error(`${file}: type ${String(extension.type)} is not a Flow extension`);
  return { ...(extension as unknown as Omit<FlowExtension, "dir" | "fields">), fields: fields as unknown as FlowExtensionField[] };
}

/** Every extensions/flow-* folder's toml, parsed. */
export function readFlowExtensions(): FlowExtension[] {
  const dir = path.join(root, "extensions");
  return readdirSync(dir)
    .filter((name) => name.startsWith("flow-"))
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "shopify.extension.toml");
      return { dir: name, ...parseFlowToml(readFileSync(file, "utf8"), path.relative(root, file)) };
    });
}

/** Shopify's fixed payload key for a reference field; a custom field's own key. */
export const REFERENCE_FIELD_KEYS: Record<string, string> = {
  customer_reference: "customer_id",
  order_reference: "order_id",
  product_reference: "product_id",
};

export function payloadKeyOf(field: FlowExtensionField): string {
  const key = REFERENCE_FIELD_KEYS[field.type] ?? field.key;
  if (!key) throw new Error(`A ${field.type} field needs a key`);
  return key;
}

export function flowTrigger(handle: string): FlowExtension {
  const found = readFlowExtensions().find((extension) => extension.type === "flow_trigger" && extension.handle === handle);
  if (!found) throw new Error(`No flow_trigger extension with handle ${handle}`);
  return found;
}
