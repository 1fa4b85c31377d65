import path from "node:path";
import { Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { weekdayOf, zonedDateTime } from "~/models/shop/time";
import {
  EXTENSION_ROOT,
  defaultBlockSettings,
  readStorefrontLocale,
  type LocaleMessages,
} from "./extension-files";

/**
 * Renders the extension's blocks with liquidjs the way Shopify does: the Shopify-only tags
 * and filters are registered, unknown filters fail (`strictFilters`), `date` works in the
 * shop's time zone, `divided_by` divides integers like Shopify, and `t` reads the
 * extension's locale files (falling back to English) and fails on a missing key.
 */

export interface StorefrontRenderOptions {
  /** The shop's IANA time zone (Shopify's `date` filter uses it). */
  timeZone: string;
  /** Storefront language: `request.locale.iso_code`. */
  locale: string;
  /** Money format per currency, Shopify style: "Rp {{amount_no_decimals_with_comma_separator}}". */
  moneyFormat: string;
  /** What `'now'` means; defaults to the real clock. */
  now?: Date;
  /** Where assets/ is served: `asset_url` returns `${assetBaseUrl}/${name}`. */
  assetBaseUrl: string;
}

export interface BlockRenderInput {
  /** Merchant settings; the schema's defaults fill the rest. */
  settings?: Record<string, unknown>;
  /** Shopify objects the block reads: app, localization, product, shop, request, customer. */
  objects: Record<string, unknown>;
  /** Instance id, as Shopify gives `block.id`. */
  id?: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** A tag whose body Shopify reads itself (schema, stylesheet, javascript, doc): it renders nothing. */
function swallowedTag(name: string) {
  return {
    parse(this: unknown, _token: TagToken, remainTokens: TopLevelToken[]) {
      while (remainTokens.length > 0) {
        const token = remainTokens.shift() as TopLevelToken & { name?: string };
        if (token.name === `end${name}`) return;
      }
      throw new Error(`{% ${name} %} is not closed`);
    },
    render() {
      return "";
    },
  };
}

function lookup(messages: LocaleMessages | null, key: string): string | LocaleMessages | undefined {
  let node: string | LocaleMessages | undefined = messages ?? undefined;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

function toInstant(input: unknown, now: Date): Date {
  if (input === "now" || input === "today") return now;
  if (typeof input === "number" || (typeof input === "string" && /^\d+$/.test(input))) {
    return new Date(Number(input) * 1000);
  }
  if (input instanceof Date) return input;
  if (typeof input === "string") {
    const parsed = new Date(input);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  throw new Error(`date: cannot read ${JSON.stringify(input)} as a date`);
}

/** Shopify's strftime subset, in the shop's time zone. */
export function formatShopDate(instant: Date, format: string, timeZone: string): string {
  const local = zonedDateTime(instant, timeZone);
  const [year, month, day] = local.date.split("-");
  const weekday = weekdayOf(local.date);
  const pad = (value: number) => String(value).padStart(2, "0");
  const directives: Record<string, () => string> = {
    Y: () => year,
    m: () => month,
    "-m": () => String(Number(month)),
    d: () => day,
    "-d": () => String(Number(day)),
    e: () => String(Number(day)).padStart(2, " "),
    H: () => pad(local.hour),
    M: () => pad(local.minute),
    S: () => pad(local.second),
    s: () => String(Math.floor(instant.getTime() / 1000)),
    w: () => String(weekday),
    a: () => WEEKDAYS[weekday].slice(0, 3),
    A: () => WEEKDAYS[weekday],
    b: () => MONTHS[Number(month) - 1].slice(0, 3),
    B: () => MONTHS[Number(month) - 1],
    "%": () => "%",
  };
  return format.replace(/%(-?[a-zA-Z%])/g, (_match, directive: string) => {
    const render = directives[directive];
    if (!render) throw new Error(`date: %${directive} is not supported by the storefront test environment`);
    return render();
  });
}

function groupThousands(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const MONEY_PLACEHOLDERS = new Set([
  "amount",
  "amount_no_decimals",
  "amount_with_comma_separator",
  "amount_no_decimals_with_comma_separator",
]);

/** Shopify's money formats: amount, amount_no_decimals and their comma-separator variants. */
export function formatMoney(cents: number, moneyFormat: string): string {
  return moneyFormat.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    if (!MONEY_PLACEHOLDERS.has(name)) {
      throw new Error(`money: {{${name}}} is not supported by the storefront test environment`);
    }
    const comma = name.includes("comma_separator");
    const [whole, fraction] = (cents / 100).toFixed(name.includes("no_decimals") ? 0 : 2).split(".");
    const grouped = groupThousands(whole, comma ? "." : ",");
    return fraction === undefined ? grouped : `${grouped}${comma ? "," : "."}${fraction}`;
  });
}

export function createStorefrontLiquid(options: StorefrontRenderOptions): Liquid {
  const liquid = new Liquid({
    root: [path.join(EXTENSION_ROOT, "blocks")],
    partials: [path.join(EXTENSION_ROOT, "snippets")],
    extname: ".liquid",
    strictFilters: true,
    relativeReference: false,
    cache: true,
  });
  const now = () => options.now ?? new Date();
  const messages = readStorefrontLocale(options.locale);
  const english = readStorefrontLocale("en");

  for (const tag of ["schema", "stylesheet", "javascript", "doc"]) liquid.registerTag(tag, swallowedTag(tag));

  liquid.registerFilter("t", (key: unknown, ...args: unknown[]) => {
    const name = String(key);
    const found = lookup(messages, name) ?? lookup(english, name);
    const values = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    let message = found;
    if (message !== undefined && typeof message !== "string" && "count" in values) {
      const count = Number(values.count);
      message = (count === 0 && message.zero) || (count === 1 && message.one) || message.other;
    }
    if (typeof message !== "string") {
      throw new Error(`Translation missing: ${options.locale}.${name}`);
    }
    const html = name.endsWith("_html");
    const text = message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, variable: string) => {
      const value = values[variable];
      if (value === undefined) throw new Error(`t: ${name} needs a value for ${variable}`);
      return String(value ?? "");
    });
    return html ? text : escapeHtml(text);
  });

  liquid.registerFilter("date", (input: unknown, format: unknown) =>
    formatShopDate(toInstant(input, now()), String(format), options.timeZone),
  );

  liquid.registerFilter("divided_by", (dividend: unknown, divisor: unknown) => {
    const [a, b] = [Number(dividend), Number(divisor)];
    if (b === 0) throw new Error("Liquid error: divided by 0");
    return Number.isInteger(a) && Number.isInteger(b) ? Math.floor(a / b) : a / b;
  });

  liquid.registerFilter("money", (cents: unknown) => formatMoney(Number(cents), options.moneyFormat));
  // Shopify's image filters, reduced to what product cards need: a sized URL and a lazy <img>.
  liquid.registerFilter("image_url", (image: unknown, ...args: unknown[]) => {
    const named = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    const src = typeof image === "string" ? image : String((image as { src?: string } | null)?.src ?? "");
    return named.width ? `${src}${src.includes("?") ? "&" : "?"}width=${String(named.width)}` : src;
  });
  liquid.registerFilter("image_tag", (url: unknown, ...args: unknown[]) => {
    const named = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    const attributes = Object.entries(named)
      .filter(([key]) => ["loading", "sizes", "class", "alt"].includes(key))
      .map(([key, value]) => ` ${key}="${escapeHtml(String(value))}"`)
      .join("");
    return `<img src="${escapeHtml(String(url))}"${named.alt === undefined ? ' alt=""' : ""}${attributes}>`;
  });
  liquid.registerFilter("asset_url", (name: unknown) => `${options.assetBaseUrl}/${String(name)}`);
  liquid.registerFilter("stylesheet_tag", (url: unknown) => `<link href="${escapeHtml(String(url))}" rel="stylesheet" type="text/css" media="all" />`);
  liquid.registerFilter("script_tag", (url: unknown) => `<script src="${escapeHtml(String(url))}" type="text/javascript"></script>`);

  return liquid;
}

/** Renders one block file with its defaults, merchant settings and the Shopify objects. */
export async function renderBlock(
  liquid: Liquid,
  block: string,
  input: BlockRenderInput,
): Promise<string> {
  const id = input.id ?? `aftercare_${block.replace(/\W/g, "_")}`;
  return liquid.renderFile(block, {
    ...input.objects,
    block: {
      id,
      type: `shopify://apps/aftercare/blocks/${block}`,
      settings: { ...defaultBlockSettings(block), ...input.settings },
      shopify_attributes: "",
    },
  });
}
