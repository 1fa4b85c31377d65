import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import type { SurveyAnswer } from "./attribution";

/**
 * Thank-you page answers on the order itself, as app-owned metafields (`$app:aftercare`), so they travel
 * with the order into Shopify's exports and flows. Writing order metafields needs `write_orders`.
 */

export const ANSWER_METAFIELD_NAMESPACE = "$app:aftercare";

const SURVEY_ORDER_QUERY = `#graphql
  query CheckoutSurveyOrder($id: ID!) {
    order(id: $id) {
      id
    }
  }
`;

const ANSWER_METAFIELDS_SET = `#graphql
  mutation CheckoutSurveyAnswerMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** Whether the shop has the order (an order id from another shop, or made up, does not resolve). */
export async function orderExists(graphql: AdminGraphql, orderId: string): Promise<boolean> {
  const data = await queryAdmin(graphql, SURVEY_ORDER_QUERY, { id: orderId });
  return data.order !== null;
}

export function answerMetafields(answer: SurveyAnswer) {
  const owned = { ownerId: answer.orderId, namespace: ANSWER_METAFIELD_NAMESPACE };
  return [
    { ...owned, key: "attribution", type: "single_line_text_field", value: answer.option },
    ...(answer.otherText ? [{ ...owned, key: "attribution_other", type: "multi_line_text_field", value: answer.otherText }] : []),
    ...(answer.csat !== null ? [{ ...owned, key: "csat", type: "number_integer", value: String(answer.csat) }] : []),
  ];
}

/** Writes the answer to the order; returns Shopify's refusal as a message, or null once written. */
export async function writeAnswerMetafields(graphql: AdminGraphql, answer: SurveyAnswer): Promise<string | null> {
  const data = await queryAdmin(graphql, ANSWER_METAFIELDS_SET, { metafields: answerMetafields(answer) });
  const errors = data.metafieldsSet?.userErrors ?? [];
  if (errors.length > 0) return errors.map((error) => error.message).join("; ");
  return data.metafieldsSet?.metafields ? null : "Shopify returned no metafields";
}
