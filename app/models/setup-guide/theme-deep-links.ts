/**
 * Links into the Shopify theme editor that take a merchant straight to the step they need: switching the
 * app embed on, or adding one of the app blocks to a template. Shopify identifies a block by the app's
 * client id (API key) and the block's file name in `extensions/<extension>/blocks/`.
 */

/** Where an added app block goes in the template's sections. */
export type AppBlockTarget = "mainSection" | "newAppsSection" | `sectionId:${string}` | `sectionGroup:${"header" | "footer" | "aside"}`;

export interface DeepLinkContext {
  /** The shop's `*.myshopify.com` domain (a custom storefront domain does not serve the admin). */
  shop: string;
  /** The app's client id (SHOPIFY_API_KEY). */
  apiKey: string;
}

const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const BLOCK_HANDLE = /^[a-z0-9][a-z0-9_-]*$/;
const TEMPLATE = /^[a-z0-9_-]+(\/[a-z0-9_-]+)?(\.[a-z0-9_-]+)?$/;

const API_KEY = /^[A-Za-z0-9_-]+$/;
const TARGET = /^(mainSection|newAppsSection|sectionId:[A-Za-z0-9_-]+|sectionGroup:(header|footer|aside))$/;

/**
 * The editor URL with its parameters in the documented form. Every value is checked against a strict
 * pattern first, so none needs escaping and the `<api key>/<handle>` pair keeps its literal slash.
 */
function editorUrl({ shop, apiKey }: DeepLinkContext, handle: string, params: Array<[string, string]>): string {
  if (!MYSHOPIFY_DOMAIN.test(shop)) throw new Error(`Theme editor links need the shop's myshopify.com domain, got "${shop}"`);
  if (!API_KEY.test(apiKey)) throw new Error("Theme editor links need the app's API key");
  if (!BLOCK_HANDLE.test(handle)) throw new Error(`"${handle}" is not a block handle (the block's file name without .liquid)`);
  const query = params.map(([key, value]) => `${key}=${value}`).join("&");
  return `https://${shop}/admin/themes/current/editor?${query}`;
}

/** Opens the live theme's App embeds panel with the given app embed switched on (saving is the merchant's). */
export function activateAppEmbedUrl(context: DeepLinkContext, embedHandle: string, template = "index"): string {
  return editorUrl(context, embedHandle, [
    ["context", "apps"],
    ["template", checkedTemplate(template)],
    ["activateAppId", `${context.apiKey}/${embedHandle}`],
  ]);
}

/** Opens the live theme's `template` with the app block added at `target`, ready to save. */
export function addAppBlockUrl(
  context: DeepLinkContext,
  blockHandle: string,
  template: string,
  target: AppBlockTarget = "mainSection",
): string {
  if (!TARGET.test(target)) throw new Error(`"${target}" is not a theme editor block target`);
  return editorUrl(context, blockHandle, [
    ["template", checkedTemplate(template)],
    ["addAppBlockId", `${context.apiKey}/${blockHandle}`],
    ["target", target],
  ]);
}

function checkedTemplate(template: string): string {
  if (!TEMPLATE.test(template)) throw new Error(`"${template}" is not a theme template name`);
  return template;
}
