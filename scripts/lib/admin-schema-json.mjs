// The Admin API schema codegen reads: the pinned introspection file (tests/support/shopify-admin-schema,
// gzipped as Shopify publishes it) unpacked once into node_modules/.cache, since codegen reads plain JSON
// only. Nothing is ever downloaded.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const ADMIN_API_VERSION = "2026-07";
export const PINNED_ADMIN_SCHEMA = path.join(root, "tests", "support", "shopify-admin-schema", `admin_${ADMIN_API_VERSION}.json.gz`);
export const ADMIN_SCHEMA_JSON = path.join(root, "node_modules", ".cache", "aftercare", `admin_${ADMIN_API_VERSION}.json`);

/** Unpacks the pinned schema unless an up-to-date copy is there already; returns the JSON file's path. */
export function ensureAdminSchemaJson(target = ADMIN_SCHEMA_JSON) {
  if (existsSync(target) && statSync(target).mtimeMs >= statSync(PINNED_ADMIN_SCHEMA).mtimeMs) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  // Written aside and renamed, so a second process never reads half a file.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, gunzipSync(readFileSync(PINNED_ADMIN_SCHEMA)));
  renameSync(partial, target);
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(path.relative(process.cwd(), ensureAdminSchemaJson()));
}
