/**
 * Reads a theme's JSON files to tell whether Aftercare is live on the storefront: is the app embed
 * switched on in `config/settings_data.json`, and which app blocks sit on a JSON template such as
 * `templates/product.json`. Pure: the Admin API read lives in theme-status.server.ts.
 *
 * A theme refers to an app block by `shopify://apps/<app handle>/blocks/<block handle>/<extension uid>`.
 */

/** The app embed (`"target": "body"`) in extensions/aftercare-storefront/blocks/. */
export const APP_EMBED_HANDLE = "shipping-banner";

export const SETTINGS_DATA = "config/settings_data.json";
export const PRODUCT_TEMPLATE = "templates/product.json";

export type EmbedState = "enabled" | "disabled" | "missing";

/** What the live theme tells about the storefront, or why it could not be read (never a guess). */
export type ThemeLiveStatus =
  | {
      checked: true;
      themeName: string;
      embed: EmbedState;
      /** Handles of the app blocks the product template renders. */
      productBlocks: string[];
    }
  | {
      checked: false;
      /** In English, for logs and support. */
      reason: string;
      /** What went wrong, for the admin to say in the merchant's language. */
      problem?: ThemeCheckProblem;
      /** The theme file concerned, when there is one. */
      file?: string;
    };

export type ThemeCheckProblem = "no_permission" | "unreadable" | "no_theme" | "file_unreadable" | "invalid_file";

export class ThemeFileError extends Error {
  constructor(
    public readonly filename: string,
    message: string,
  ) {
    super(`${filename}: ${message}`);
    this.name = "ThemeFileError";
  }
}

/**
 * Removes `/* ... *\/` comments (Shopify writes one at the top of generated theme JSON files) while
 * leaving string contents alone, so a URL or a "/*" inside a setting survives.
 */
export function stripBlockComments(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) return out;
      out += " ";
      i = end + 1;
    } else {
      out += char;
    }
  }
  return out;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses a theme JSON file (comments allowed); throws a ThemeFileError naming the file otherwise. */
export function parseThemeJson(filename: string, text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(stripBlockComments(text));
  } catch (error) {
    throw new ThemeFileError(filename, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) throw new ThemeFileError(filename, "expected a JSON object");
  return value;
}

/** The block handle an app block type names, when it belongs to `appHandle`; otherwise null. */
export function appBlockHandle(type: unknown, appHandle: string): string | null {
  if (typeof type !== "string") return null;
  const match = /^shopify:\/\/apps\/([^/]+)\/blocks\/([^/]+)\/[^/]+$/.exec(type);
  return match && match[1] === appHandle ? match[2] : null;
}

/**
 * Whether the app embed is on in `config/settings_data.json`. `current` is either the settings object
 * or the name of a preset holding them (older themes).
 */
export function appEmbedState(settingsData: JsonObject, appHandle: string, embedHandle = APP_EMBED_HANDLE): EmbedState {
  const current = typeof settingsData.current === "string" && isObject(settingsData.presets)
    ? settingsData.presets[settingsData.current]
    : settingsData.current;
  if (!isObject(current)) throw new ThemeFileError(SETTINGS_DATA, "has no current settings");
  const blocks = isObject(current.blocks) ? Object.values(current.blocks) : [];
  const embeds = blocks.filter((block) => isObject(block) && appBlockHandle(block.type, appHandle) === embedHandle) as JsonObject[];
  if (embeds.length === 0) return "missing";
  return embeds.some((block) => block.disabled !== true) ? "enabled" : "disabled";
}

/**
 * Handles of the app's blocks a JSON template renders: in any section (a product's main section or a
 * wrapping "Apps" section), nested theme blocks included, skipping disabled sections and blocks.
 */
export function placedAppBlocks(template: JsonObject, appHandle: string, filename = PRODUCT_TEMPLATE): string[] {
  if (!isObject(template.sections)) throw new ThemeFileError(filename, "has no sections");
  const found = new Set<string>();
  const visit = (blocks: unknown) => {
    if (!isObject(blocks)) return;
    for (const block of Object.values(blocks)) {
      if (!isObject(block) || block.disabled === true) continue;
      const handle = appBlockHandle(block.type, appHandle);
      if (handle) found.add(handle);
      visit(block.blocks);
    }
  };
  for (const section of Object.values(template.sections)) {
    if (isObject(section) && section.disabled !== true) visit(section.blocks);
  }
  return [...found].sort();
}
