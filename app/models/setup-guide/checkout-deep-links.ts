/**
 * Links into Shopify's checkout and accounts editor, opened on the page where an Aftercare UI extension
 * goes, with the Apps panel showing Aftercare's blocks: the Thank-you page (checkout UI extension) and
 * the order status page (customer account UI extension). Adding and saving the block is the merchant's.
 */
import type { DeepLinkContext } from "./theme-deep-links";

export type CheckoutEditorPage = "thank-you" | "order-status";

const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function checkoutEditorUrl({ shop }: Pick<DeepLinkContext, "shop">, page: CheckoutEditorPage): string {
  if (!MYSHOPIFY_DOMAIN.test(shop)) throw new Error(`Checkout editor links need the shop's myshopify.com domain, got "${shop}"`);
  return `https://${shop}/admin/settings/checkout/editor?page=${page}&context=apps`;
}
