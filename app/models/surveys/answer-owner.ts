/**
 * Who may answer the Thank-you survey for an order. Checkout's session token names the shop and, for a
 * logged-in buyer, the customer (`sub`); it names no order. So:
 * - a logged-in buyer answers only for an order placed as that customer;
 * - a guest proves the order by its confirmation number (nine random characters the Thank-you page holds
 *   in orderConfirmation.number), which a shopper holding a token for some other checkout cannot guess,
 *   unlike the order's id.
 */

export interface SurveyOrderOwner {
  /** Order.confirmationNumber; null on orders older than the field. */
  confirmationNumber: string | null;
  /** Order.customer.id; null for an order without a customer. */
  customerId: string | null;
}

export interface SurveyAnswerClaim {
  /** The token's `sub`. */
  customerId: string | null;
  /** What the extension sent from orderConfirmation.number. */
  confirmationNumber: string | null;
}

export type SurveyOwnerVerdict = "owner" | "another_customer" | "unconfirmed";

const normalised = (number: string) => number.trim().toUpperCase();

export function surveyOwnerVerdict(order: SurveyOrderOwner, claim: SurveyAnswerClaim): SurveyOwnerVerdict {
  if (claim.customerId) return order.customerId === claim.customerId ? "owner" : "another_customer";
  if (!order.confirmationNumber || !claim.confirmationNumber) return "unconfirmed";
  return normalised(order.confirmationNumber) === normalised(claim.confirmationNumber) ? "owner" : "unconfirmed";
}
