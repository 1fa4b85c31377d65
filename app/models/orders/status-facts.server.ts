/**
 * The order status doors' reads in one statement: the order found by its number, with its contact
 * email, promised range, parcels, returns and the shop's time zone, built into one JSON document by the
 * database. Every storefront look-up runs it (several at once share one statement), so it is written by hand: the same reads through the
 * query builder were seven queries and most of the request's CPU. One statement per engine, the same
 * document from both (status-facts.ts decodes it); tests compare it with the model reads.
 */
import { Prisma } from "@prisma/client";
import prisma, { databaseEngine } from "../../db.server";
import { inRounds } from "../../statement-rounds.server";
import { decodeOrderLookupFacts, type OrderLookupFacts } from "./status-facts";

const PARCEL_COLUMNS = [
  "id",
  "orderId",
  "status",
  "displayStatus",
  "createdAt",
  "shopifyUpdatedAt",
  "inTransitAt",
  "deliveredAt",
  "estimatedDeliveryAt",
  "trackingCompany",
  "trackingNumber",
  "trackingUrl",
] as const;
const RETURN_COLUMNS = [
  "id",
  "name",
  "status",
  "requestedAt",
  "labelUrl",
  "trackingUrl",
  "declineReason",
  "declineNote",
  "refundAmount",
  "refundCurrency",
  "refundedAt",
] as const;
const ORDER_COLUMNS = ["id", "name", "customerId", "createdAt", "cancelledAt", "fulfillmentStatus"] as const;

/** `'column', alias."column", …`: the arguments of json_object / json_build_object. */
const pairs = (alias: string, columns: readonly string[]) => columns.map((column) => `'${column}', ${alias}."${column}"`).join(", ");

const SQLITE = `SELECT json_object(${pairs("o", ORDER_COLUMNS)},
  'email', (SELECT c."email" FROM "OrderContact" c WHERE c."shop" = o."shop" AND c."orderId" = o."id"),
  'promise', json((SELECT json_object('earliest', p."earliest", 'latest', p."latest") FROM "DeliveryPromise" p WHERE p."shop" = o."shop" AND p."orderId" = o."id")),
  'parcels', json((SELECT json_group_array(json_object(${pairs("f", PARCEL_COLUMNS)})) FROM "OrderFulfillment" f WHERE f."shop" = o."shop" AND f."orderId" = o."id")),
  'returns', json((SELECT json_group_array(json_object(${pairs("r", RETURN_COLUMNS)})) FROM "ReturnRequest" r WHERE r."shop" = o."shop" AND r."orderId" = o."id")),
  'timeZone', (SELECT json_extract(s."rulesJson", '$.timeZone') FROM "ShippingSettings" s WHERE s."shop" = o."shop")
) AS "facts"`;

const POSTGRESQL = `SELECT json_build_object(${pairs("o", ORDER_COLUMNS)},
  'email', (SELECT c."email" FROM "OrderContact" c WHERE c."shop" = o."shop" AND c."orderId" = o."id"),
  'promise', (SELECT json_build_object('earliest', p."earliest", 'latest', p."latest") FROM "DeliveryPromise" p WHERE p."shop" = o."shop" AND p."orderId" = o."id"),
  'parcels', (SELECT COALESCE(json_agg(json_build_object(${pairs("f", PARCEL_COLUMNS)})), '[]'::json) FROM "OrderFulfillment" f WHERE f."shop" = o."shop" AND f."orderId" = o."id"),
  'returns', (SELECT COALESCE(json_agg(json_build_object(${pairs("r", RETURN_COLUMNS)})), '[]'::json) FROM "ReturnRequest" r WHERE r."shop" = o."shop" AND r."orderId" = o."id"),
  'timeZone', (SELECT s."rulesJson"::json ->> 'timeZone' FROM "ShippingSettings" s WHERE s."shop" = o."shop")
)::text AS "facts"`;

/** The facts document of the order aliased `o`, in the engine's JSON functions. */
const factsOf = () => Prisma.raw(databaseEngine() === "postgresql" ? POSTGRESQL : SQLITE);

/** The stored order `orderId` of `shop` with everything its status answer shows (the customer account's door). */
export async function readOrderFactsById(shop: string, orderId: string): Promise<OrderLookupFacts | null> {
  const rows = await prisma.$queryRaw<Array<{ facts: string }>>`${factsOf()} FROM "Order" o WHERE o."shop" = ${shop} AND o."id" = ${orderId}`;
  return decodeOrderLookupFacts(rows[0]?.facts);
}

/** Look-ups at most per statement (3 bound values per spelling of the order number). */
const MAX_LOOKUPS_PER_STATEMENT = 100;

export interface LookUp {
  shop: string;
  names: readonly string[];
}

/**
 * The first stored order of `shop` named one of `names` (the spellings of what the shopper typed), with
 * everything its status answer shows; null when there is none. One statement whether or not it exists;
 * look-ups that arrive while the previous statement runs share the next one (inRounds).
 */
export async function readOrderLookupFacts(shop: string, names: readonly string[]): Promise<OrderLookupFacts | null> {
  if (names.length === 0) return null;
  return decodeOrderLookupFacts(await lookUpInRounds({ shop, names }));
}

const lookUpInRounds = inRounds(readFactsOfMany, MAX_LOOKUPS_PER_STATEMENT);

/** The statement answering `lookUps`: one row per look-up, its number and its document (or null). */
export function orderLookupStatement(lookUps: readonly LookUp[]): Prisma.Sql {
  const spellings = lookUps.flatMap((lookUp, index) => lookUp.names.map((name) => Prisma.sql`(CAST(${index} AS TEXT), CAST(${lookUp.shop} AS TEXT), CAST(${name} AS TEXT))`));
  return Prisma.sql`
    WITH "spelling"("lookUp", "shop", "name") AS (VALUES ${Prisma.join(spellings)}),
      "asked" AS (SELECT DISTINCT "lookUp", "shop" FROM "spelling")
    SELECT "asked"."lookUp" AS "lookUp", (
      ${factsOf()} FROM "Order" o
      WHERE o."shop" = "asked"."shop" AND o."name" IN (SELECT "spelling"."name" FROM "spelling" WHERE "spelling"."lookUp" = "asked"."lookUp")
      LIMIT 1
    ) AS "facts"
    FROM "asked"`;
}

/** Each look-up's document (or null), in order: the look-ups are numbered rows of one statement. */
async function readFactsOfMany(lookUps: readonly LookUp[]): Promise<Array<string | null>> {
  const rows = await prisma.$queryRaw<Array<{ lookUp: string; facts: string | null }>>(orderLookupStatement(lookUps));
  const byLookUp = new Map(rows.map((row) => [Number(row.lookUp), row.facts]));
  return lookUps.map((_, index) => byLookUp.get(index) ?? null);
}
