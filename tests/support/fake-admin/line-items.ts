import type { Gid, MoneyBag, SeedLineItem, SeedProduct, SeedVariant } from "./types";

export function moneyBagOf(amount: number, currencyCode: string): MoneyBag {
  const value = { amount: amount.toFixed(2), currencyCode };
  return { shopMoney: value, presentmentMoney: { ...value } };
}

/** A line item for `quantity` of a variant at its price: an order's line, or the new line of an exchange. */
export function variantLineItem(id: Gid, product: SeedProduct, variant: SeedVariant, quantity: number, currencyCode: string): SeedLineItem {
  const price = Number(variant.price);
  const variantTitle = variant.title && variant.title !== "Default Title" ? variant.title : null;
  return {
    __typename: "LineItem",
    id,
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    name: variantTitle ? `${product.title} - ${variantTitle}` : product.title,
    variantTitle,
    vendor: product.vendor,
    sku: variant.sku,
    quantity,
    currentQuantity: quantity,
    unfulfilledQuantity: quantity,
    requiresShipping: true,
    isGiftCard: false,
    taxable: variant.taxable,
    originalUnitPriceSet: moneyBagOf(price, currencyCode),
    discountedUnitPriceSet: moneyBagOf(price, currencyCode),
    originalTotalSet: moneyBagOf(price * quantity, currencyCode),
  };
}
