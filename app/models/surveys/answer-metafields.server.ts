import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import type { SurveyAnswer } from "./attribution";
import type { SurveyOrderOwner } from "./answer-owner";

/**
 * Thank-you page answers on the order itself, as app-owned metafields (`$app:aftercare`), so they travel
 * with the order into Shopify's exports and flows. Writing order metafields needs `write_orders`.
 */

export const ANSWER_METAFIELD_NAMESPACE = "$app:aftercare";

const SURVEY_ORDER_QUERY = `#graphql
  query CheckoutSurveyOrder($id: ID!) {
    order(id: $id) {
      id
      confirmationNumber
      customer {
        id
      }
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

/**
 * The order as Shopify has it, with what proves who may answer for it; null when the shop has no such
 * order (an order id from another shop, or made up, does not resolve).
 */
export async function surveyOrder(graphql: AdminGraphql, orderId: string): Promise<SurveyOrderOwner | null> {
  const data = await queryAdmin(graphql, SURVEY_ORDER_QUERY, { id: orderId });
  if (!data.order) return null;
  return { confirmationNumber: data.order.confirmationNumber ?? null, customerId: data.order.customer?.id ?? null };
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
