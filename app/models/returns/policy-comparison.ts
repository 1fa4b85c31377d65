import type { ReturnRules, WindowStart } from "./rules";

/**
 * Reads a shop's refund policy (the HTML body of `shop.shopPolicies` of type REFUND_POLICY, or plain
 * text) and lists where it contradicts the return rules configured in Aftercare. The merchant decides
 * which one to change; nothing is changed here. Pure: no I/O.
 *
 * Conservative by design: a statement is reported only when the text says it plainly, in English.
 * - Return windows: "30 days", "thirty (30) days", "14-day", "2 weeks", when the phrase is about
 *   starting a return. Business/working days, ranges ("5-7 days"), refund processing and shipping
 *   times, and the EU cooling-off period (a legal right, not the shop's window) are ignored.
 * - Restocking fees: a percentage next to "restocking", or "no restocking fee".
 * - Final-sale items: "final sale", "non-returnable", "cannot be returned" (gift cards alone do not
 *   count), compared with rules that name no final-sale tag or collection.
 * - Settlement: "store credit only", "exchanges only", "we do not offer refunds", "no exchanges".
 * - "All sales are final" when the rules accept returns.
 * Silence is never a disagreement: a policy that does not mention a fee does not contradict one.
 */

export type PolicyDisagreement =
  | { topic: "window_days"; policyDays: number; ruleDays: number; excerpt: string }
  | { topic: "window_start"; policyStartsAt: WindowStart; ruleStartsAt: WindowStart; excerpt: string }
  | { topic: "restocking_fee"; policyPercent: number; rulePercent: number; excerpt: string }
  /** The policy names items that cannot be returned; the rules mark no product as final sale. */
  | { topic: "final_sale"; excerpt: string }
  /** The policy offers only store credit or exchanges; the rules offer refunds. */
  | { topic: "refund_not_offered"; excerpt: string }
  /** The policy refuses exchanges; the rules offer them. */
  | { topic: "exchange_not_offered"; excerpt: string }
  /** The policy says all sales are final; the rules accept returns. */
  | { topic: "returns_not_accepted"; excerpt: string };

export type PolicyTopic = PolicyDisagreement["topic"];

/** Disagreements between `policyText` (HTML or plain text) and `rules`, each quoting its sentence. */
export function comparePolicyText(policyText: string, rules: ReturnRules): PolicyDisagreement[] {
  const found = new Map<string, PolicyDisagreement>();
  const report = (key: string, disagreement: PolicyDisagreement) => {
    if (!found.has(key)) found.set(key, disagreement);
  };
  const ruleWindows = new Set([rules.windowDays, ...rules.holidayExtensions.map((period) => period.windowDays)]);
  const hasFinalSaleRules = rules.finalSale.tags.length > 0 || rules.finalSale.collectionIds.length > 0;

  for (const sentence of sentencesOf(policyText)) {
    const excerpt = shorten(sentence);

    for (const window of returnWindowsIn(sentence)) {
      if (!ruleWindows.has(window.days)) {
        report(`window_days:${window.days}`, { topic: "window_days", policyDays: window.days, ruleDays: rules.windowDays, excerpt });
      }
      if (window.startsAt && window.startsAt !== rules.windowStartsAt) {
        report(`window_start:${window.startsAt}`, {
          topic: "window_start",
          policyStartsAt: window.startsAt,
          ruleStartsAt: rules.windowStartsAt,
          excerpt,
        });
      }
    }

    for (const percent of restockingFeesIn(sentence)) {
      if (percent !== rules.restockingFeePercent) {
        report(`restocking_fee:${percent}`, { topic: "restocking_fee", policyPercent: percent, rulePercent: rules.restockingFeePercent, excerpt });
      }
    }

    if (!hasFinalSaleRules && mentionsFinalSaleItems(sentence)) report("final_sale", { topic: "final_sale", excerpt });
    if (rules.resolutions.includes("refund") && refusesRefunds(sentence)) {
      report("refund_not_offered", { topic: "refund_not_offered", excerpt });
    }
    if (rules.resolutions.includes("exchange") && refusesExchanges(sentence)) {
      report("exchange_not_offered", { topic: "exchange_not_offered", excerpt });
    }
    if (ALL_SALES_FINAL.test(sentence)) report("returns_not_accepted", { topic: "returns_not_accepted", excerpt });
  }
  return [...found.values()];
}

// ---- Text preparation ----

const ENTITIES: Record<string, string> = {
  amp: "&",
  nbsp: " ",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: "-",
  mdash: "-",
  hellip: "...",
};

/**
 * Plain sentences of an HTML or text policy: tags dropped, entities decoded, dashes and quotes unified.
 * HTML headings are titles, not statements, and are left out.
 */
export function sentencesOf(policyText: string): string[] {
  const text = policyText
    .replace(/<h([1-6])\b[^>]*>[\s\S]*?<\/h\1\s*>/gi, "\n")
    .replace(/<\s*br\s*\/?>/gi, "\n")
    .replace(/<\/\s*(p|div|li|h[1-6]|tr|ul|ol|table|blockquote)\s*>/gi, "\n")
    .replace(/<\/\s*(td|th)\s*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code[0] === "#") {
        const point = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
      }
      return ENTITIES[code.toLowerCase()] ?? entity;
    })
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00a0\u2007\u202f]/g, " ");
  return text
    .split(/\n+/)
    .flatMap((block) => block.split(/(?<=[.!?])\s+(?=["'(]?[A-Z0-9])/))
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length > 0);
}

function shorten(sentence: string): string {
  return sentence.length <= 240 ? sentence : `${sentence.slice(0, 239).trimEnd()}…`;
}

// ---- Numbers written in words or digits ----

const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...UNITS.map((word, index): [string, number] => [word, index + 1]),
  ...TEENS.map((word, index): [string, number] => [word, index + 10]),
  ...TENS.flatMap((ten, tenIndex): Array<[string, number]> => [
    [ten, (tenIndex + 2) * 10],
    ...UNITS.map((unit, unitIndex): [string, number] => [`${ten}-${unit}`, (tenIndex + 2) * 10 + unitIndex + 1]),
  ]),
]);

const NUMBER_WORD_PATTERN = [...NUMBER_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace("-", "[- ]"))
  .join("|");

/**
 * A count of days or weeks: "30 days", "30-day", "thirty (30) days", "thirty days", "2 weeks".
 * Groups: word, digits in brackets, digits, qualifier (business/working/calendar), unit.
 */
const DURATION = new RegExp(
  `(?<![\\d-])(?:\\b(${NUMBER_WORD_PATTERN})\\b(?:\\s*\\((\\d{1,3})\\))?|(\\d{1,3})(?!\\s*[-–]\\s*\\d))` +
    `[\\s-]*(?:(business|working|calendar)[\\s-]+)?(days?|weeks?)\\b`,
  "gi",
);

interface Duration {
  days: number;
  qualifier?: string;
  index: number;
  end: number;
}

function durationsIn(sentence: string): Duration[] {
  const durations: Duration[] = [];
  for (const match of sentence.matchAll(DURATION)) {
    const [whole, word, bracketed, digits, qualifier, unit] = match;
    const written = bracketed ?? digits;
    const count = written !== undefined ? Number(written) : NUMBER_WORDS.get(word.toLowerCase().replace(" ", "-"));
    if (count === undefined) continue;
    durations.push({
      days: unit.toLowerCase().startsWith("week") ? count * 7 : count,
      qualifier: qualifier?.toLowerCase(),
      index: match.index,
      end: match.index + whole.length,
    });
  }
  return durations;
}

// ---- Return windows ----

const RETURN_WORDS = /\b(return|returns|returned|returning|exchange|exchanges|exchanged|refund|refunds|money[- ]back)\b/i;
/** A legal cooling-off period is not the shop's own window. */
const STATUTORY = /\b(cooling[- ]off|european union|\bEU\b|withdraw|withdrawal|right to cancel|consumer law|statutory)/i;
/** Words that make a duration a processing or transit time rather than a window to start a return. */
const NOT_A_WINDOW_BEFORE = /\b(process|processed|processing|issued?|credited|reimbursed|refunded|posted|takes?|allow|shipping|transit|arrive|inspect|inspected|approved|passed)\b/i;
/** "Exchanges ship within 3 days" is a delivery time; "must be shipped back within 30 days" is a window. */
const SHIPPING_OUT = /\b(ships?|shipped|dispatch|dispatched)\b(?!\s+(\w+\s+)?back\b)/i;
const NOT_A_WINDOW_AFTER = /^\s*(for (your|the|a) (refund|return|package|parcel|item|credit|money) to|to (process|arrive|appear|post|reach|be processed|be credited))/i;
/** "30-day return policy", "30 day returns", "14-day money-back guarantee". */
const WINDOW_NOUN_AFTER = /^\s*(free\s+)?(return|returns|exchange|exchanges|refund|money[- ]back|satisfaction)\b/i;
const WINDOW_LEAD_BEFORE = /\b(within|have|has|up to|for|you've got|you get|next)\s*$/i;

/** Checked in this order: "the date your order shipped" is fulfilment, "receiving your order" delivery. */
const STARTS: Array<[RegExp, WindowStart]> = [
  [/^(ship|dispatch|fulfil)/i, "fulfillment"],
  [/^(deliver|receipt|receiv|arriv)/i, "delivery"],
  [/^(purchas|order|plac|buy|bought|invoice|checkout)/i, "order"],
];
/** A rule for some products only ("sale items can be returned within 14 days") is not the general one. */
const SCOPED_ITEMS = /\b(sale|clearance|discounted|marked[- ]down|promotional)\s+(items?|products?|merchandise|goods|purchases)\b/i;

interface StatedWindow {
  days: number;
  startsAt?: WindowStart;
}

function returnWindowsIn(sentence: string): StatedWindow[] {
  if (!RETURN_WORDS.test(sentence) || STATUTORY.test(sentence) || SCOPED_ITEMS.test(sentence)) return [];
  return durationsIn(sentence).flatMap((duration) => {
    if (duration.qualifier === "business" || duration.qualifier === "working") return [];
    const clauseBefore = sentence.slice(0, duration.index).split(/[;:,]/).pop() ?? "";
    const after = sentence.slice(duration.end);
    if (NOT_A_WINDOW_BEFORE.test(clauseBefore) || SHIPPING_OUT.test(clauseBefore) || NOT_A_WINDOW_AFTER.test(after)) return [];
    const startsAt = windowStartAfter(after);
    const isWindow = WINDOW_NOUN_AFTER.test(after) || startsAt !== undefined || WINDOW_LEAD_BEFORE.test(clauseBefore);
    return isWindow ? [{ days: duration.days, startsAt }] : [];
  });
}

/** "of delivery", "from the date of purchase", "after receiving your item", "since your order shipped". */
function windowStartAfter(textAfterDuration: string): WindowStart | undefined {
  const anchor = /^\s*(?:[a-z']+\s+){0,3}?(?:of|from|after|since|following)\s+([a-z' ]+)/i.exec(textAfterDuration);
  if (!anchor) return undefined;
  const words = anchor[1].trim().split(/\s+/).slice(0, 6);
  return STARTS.find(([pattern]) => words.some((word) => pattern.test(word)))?.[1];
}

// ---- Restocking fees ----

const PERCENT = /(\d{1,3}(?:\.\d{1,2})?)\s*(?:%|percent\b|per cent\b)/gi;
const NO_RESTOCKING_FEE = /\b(no|without (a|any)|free of|zero)\s+restocking\s+fees?\b|\brestocking\s+fees?\s+(is|are)\s+(waived|not charged)/i;

function restockingFeesIn(sentence: string): number[] {
  const restocking = /restocking/i.exec(sentence);
  if (!restocking) return [];
  const percents = [...sentence.matchAll(PERCENT)]
    .filter((match) => Math.abs(match.index - restocking.index) <= 60)
    .map((match) => Number(match[1]))
    .filter((percent) => percent <= 100);
  if (percents.length > 0) return [...new Set(percents)];
  return NO_RESTOCKING_FEE.test(sentence) ? [0] : [];
}

// ---- Final sale, settlement, no returns ----

const FINAL_SALE = /\bfinal[- ]sales?\b|\bnon[- ]?returnable\b|\bnot returnable\b|\b(cannot|can ?not|can't|will not|won't|are not able to)\s+(be\s+returned|accept\s+returns?\s+(on|for|of))\b/i;
const GIFT_CARD = /\bgift[- ]cards?\b/i;
const GOODS_BESIDES_GIFT_CARDS = /\b(sale|clearance|discount|custom|personali[sz]|perishable|underwear|intimates|swim|earring|hygien|beauty|cosmetic|opened|unsealed|made[- ]to[- ]order)/i;

function mentionsFinalSaleItems(sentence: string): boolean {
  if (!FINAL_SALE.test(sentence) || ALL_SALES_FINAL.test(sentence)) return false;
  if (/\bfinal[- ]sales?\b/i.test(sentence)) return true;
  // "Gift cards cannot be returned" alone says nothing about the shop's products.
  return !GIFT_CARD.test(sentence) || GOODS_BESIDES_GIFT_CARDS.test(sentence);
}

const NEGATION = String.raw`(?:do not|don't|cannot|can ?not|can't|will not|won't|does not|doesn't|are unable to)`;
const ONLY_CREDIT_OR_EXCHANGE = new RegExp(
  String.raw`\b(store credit|exchanges?)(\s+or\s+(store credit|exchanges?))?\s+only\b` +
    String.raw`|\bonly\s+(offer|give|issue|provide|accept|do)\s+(an?\s+)?(store credit|exchanges?)\b` +
    String.raw`|\b${NEGATION}\s+(offer|give|issue|provide)\s+(cash\s+|monetary\s+)?refunds\b` +
    String.raw`|\brefunds are not (offered|available|given|provided)\b`,
  "i",
);
/** A rule for some items or after some time is not the general policy. */
const SCOPED = /\b(sale|clearance|discounted|marked[- ]down|promotional|after|beyond|past|late)\b/i;

function refusesRefunds(sentence: string): boolean {
  return ONLY_CREDIT_OR_EXCHANGE.test(sentence) && !SCOPED.test(sentence);
}

const NO_EXCHANGES = new RegExp(
  String.raw`\b${NEGATION}\s+(offer|accept|do|provide|process)\s+exchanges\b|\bno exchanges\b|\bexchanges are not (offered|accepted|available|possible)\b`,
  "i",
);

function refusesExchanges(sentence: string): boolean {
  return NO_EXCHANGES.test(sentence) && !SCOPED.test(sentence);
}

const ALL_SALES_FINAL = /\ball (sales|purchases|orders|items) are final\b/i;
