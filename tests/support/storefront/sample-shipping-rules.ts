import { parseShippingRules, type ShippingRules, type ShippingRulesInput } from "~/models/shipping/rules";

/**
 * A Jakarta shop that ships across Indonesia, to the EU and to the rest of the world: the
 * rules the storefront fixtures are built from (through the real engine, never by hand).
 */
export const sampleShippingRulesInput: ShippingRulesInput = {
  timeZone: "Asia/Jakarta",
  cutoffTime: "14:00",
  processingDays: 1,
  workingDays: [1, 2, 3, 4, 5, 6],
  holidays: ["01-01", "12-25"],
  blockedDates: [],
  zones: [
    {
      id: "java",
      name: "Java",
      regions: ["ID-JK", "ID-JB", "ID-JT", "ID-JI", "ID-BT", "ID-YO"],
      transitDays: { min: 1, max: 2 },
      deliveryDays: [1, 2, 3, 4, 5, 6],
    },
    {
      id: "indonesia",
      name: "Indonesia",
      regions: ["ID"],
      transitDays: { min: 2, max: 4 },
      deliveryDays: [1, 2, 3, 4, 5, 6],
    },
    {
      id: "eu",
      name: "European Union",
      regions: ["DE", "FR", "NL", "AT", "BE"],
      transitDays: { min: 6, max: 9 },
      deliveryDays: [1, 2, 3, 4, 5],
      holidays: ["12-25", "12-26", "01-01"],
    },
    { id: "world", name: "Rest of the world", regions: ["*"], transitDays: { min: 10, max: 20 } },
  ],
  overrides: [
    { id: "made-to-order", name: "Made to order", tags: ["Made-to-order"], processingDays: 5 },
    { id: "bulky", name: "Bulky", tags: ["bulky"], productIds: ["7004"], extraTransitDays: 2 },
  ],
  freeShipping: [
    { currency: "IDR", minimumCents: 50_000_000 },
    { currency: "EUR", minimumCents: 7_500 },
  ],
  bannerMessages: {
    en: "Gift wrapping is free this month.",
    id: "Bungkus kado gratis bulan ini.",
  },
};

export function sampleShippingRules(changes: Partial<ShippingRulesInput> = {}): ShippingRules {
  return parseShippingRules({ ...sampleShippingRulesInput, ...changes });
}
