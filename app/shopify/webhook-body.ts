/**
 * A webhook body read as JSON without losing digits. Shopify's REST ids are 64-bit integers (orders,
 * line items, customers: often 18 digits), beyond what a JavaScript number holds exactly, so JSON.parse
 * would round 820982911946154508 to 820982911946154500. Here integers beyond Number.MAX_SAFE_INTEGER
 * stay strings with their exact digits; every other number is a number, as JSON.parse gives it.
 */
import { isInteger, parse } from "lossless-json";

function parseNumber(text: string): number | string {
  const value = Number(text);
  return isInteger(text) && !Number.isSafeInteger(value) ? text : value;
}

/** Like JSON.parse (a repeated key keeps its last value; invalid JSON throws a SyntaxError). */
export function parseWebhookBody(rawBody: string): unknown {
  return parse(rawBody, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue });
}
