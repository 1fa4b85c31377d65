/*
 * The flow folder: Aftercare's Shopify Flow triggers and its one Flow action.
 * Pure core: triggers.ts (each trigger's handle, fields and payload, dedupe keys), action.ts (the action's
 * request body and HMAC check).
 * Server side: events.server.ts (queue an event once, on the Growth plan), review-request-action.server.ts
 * (the action's "send the review request now"). Sending is app/jobs/flow-events.server.ts.
 * The extensions themselves: extensions/flow-<handle>/shopify.extension.toml.
 */
/**
 * The triggers, as their extension tomls declare them. Pure: no I/O.
 *
 * A payload's keys are the trigger's settings fields: a reference field's key is fixed by Shopify
 * (`customer_reference` -> `customer_id`, `order_reference` -> `order_id`, `product_reference` ->
 * `product_id`) and takes the resource's numeric id; a custom field's key is the `key` in the toml.
 */

export type FlowFieldType = "customer_reference" | "order_reference" | "product_reference" | "number_integer" | "single_line_text_field" | "boolean";

export interface FlowField {
  type: FlowFieldType;
  /** The payload key (reference fields have Shopify's fixed key). */
  key: string;
}

export const REFERENCE_KEYS = {
  customer_reference: "customer_id",
  order_reference: "order_id",
  product_reference: "product_id",
} as const;

const ref = (type: keyof typeof REFERENCE_KEYS): FlowField => ({ type, key: REFERENCE_KEYS[type] });
const custom = (type: Exclude<FlowFieldType, keyof typeof REFERENCE_KEYS>, key: string): FlowField => ({ type, key });

export const FLOW_TRIGGERS = {
  reviewSubmitted: {
    handle: "review-submitted",
    fields: [ref("customer_reference"), ref("order_reference"), ref("product_reference"), custom("number_integer", "Rating"), custom("boolean", "Verified buyer")],
  },
  reviewLowRating: {
    handle: "review-low-rating",
    fields: [ref("customer_reference"), ref("order_reference"), ref("product_reference"), custom("number_integer", "Rating"), custom("number_integer", "Threshold")],
  },
  surveyDetractor: {
    handle: "survey-detractor",
    fields: [ref("customer_reference"), ref("order_reference"), custom("single_line_text_field", "Survey type"), custom("number_integer", "Score")],
  },
  helpRequested: {
    handle: "help-requested",
    fields: [ref("customer_reference"), ref("order_reference"), ref("product_reference"), custom("single_line_text_field", "Message")],
  },
  deliveryLate: {
    handle: "delivery-late",
    fields: [ref("customer_reference"), ref("order_reference"), custom("single_line_text_field", "Promised by")],
  },
  returnRequested: {
    handle: "return-requested",
    fields: [
      ref("customer_reference"),
      ref("order_reference"),
      custom("single_line_text_field", "Return"),
      custom("number_integer", "Items"),
      custom("single_line_text_field", "Reasons"),
    ],
  },
} as const satisfies Record<string, { handle: string; fields: readonly FlowField[] }>;

export type FlowTriggerName = keyof typeof FLOW_TRIGGERS;
export type FlowPayload = Record<string, number | string | boolean>;

/** The numeric id Flow's reference fields take, from a gid (`gid://shopify/Order/123` -> 123) or a bare id. */
export function legacyResourceId(id: string | null | undefined): number | null {
  const match = /(?:^|\/)(\d+)$/.exec(id ?? "");
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : null;
}

/** Flow's single-line text: one line, at most 255 characters. */
export function singleLine(text: string | null | undefined, max = 255): string {
  return (text ?? "").replace(/\s+/g, " ").trim().slice(0, max);
}

export interface FlowSubject {
  orderId: string;
  customerId: string | null;
  productId?: string | null;
}

/**
 * The reference part of a trigger's payload: only the references it declares; one Shopify cannot name
 * (a guest order has no customer) is left out.
 */
function references(subject: FlowSubject, fields: readonly FlowField[]): FlowPayload {
  const ids: Record<string, number | null> = {
    customer_id: legacyResourceId(subject.customerId),
    order_id: legacyResourceId(subject.orderId),
    product_id: legacyResourceId(subject.productId),
  };
  const payload: FlowPayload = {};
  for (const field of fields) {
    const id = ids[field.key];
    if (field.type.endsWith("_reference") && id !== null && id !== undefined) payload[field.key] = id;
  }
  return payload;
}

export interface QueuedFlowEvent {
  handle: string;
  dedupeKey: string;
  orderId: string;
  payload: FlowPayload;
}

const dedupeKey = (handle: string, id: string) => `flow:${handle}:${id}`;

export interface ReviewEvent extends FlowSubject {
  reviewId: string;
  productId: string;
  rating: number;
  verified: boolean;
}

/** "Review submitted" for every review, plus "Review rated low" when the rating is at or below the threshold. */
export function reviewEvents(review: ReviewEvent, lowRatingThreshold: number): QueuedFlowEvent[] {
  const submitted = FLOW_TRIGGERS.reviewSubmitted.handle;
  const events: QueuedFlowEvent[] = [
    {
      handle: submitted,
      dedupeKey: dedupeKey(submitted, review.reviewId),
      orderId: review.orderId,
      payload: { ...references(review, FLOW_TRIGGERS.reviewSubmitted.fields), Rating: review.rating, "Verified buyer": review.verified },
    },
  ];
  if (review.rating <= lowRatingThreshold) {
    const low = FLOW_TRIGGERS.reviewLowRating.handle;
    events.push({
      handle: low,
      dedupeKey: dedupeKey(low, review.reviewId),
      orderId: review.orderId,
      payload: { ...references(review, FLOW_TRIGGERS.reviewLowRating.fields), Rating: review.rating, Threshold: lowRatingThreshold },
    });
  }
  return events;
}

/** "Survey detractor": the answer the survey triage flags for a follow-up (NPS 0-6, CSAT 1-2, CES 1-3). */
export function surveyDetractorEvent(answer: FlowSubject & { kind: "nps" | "csat" | "ces"; value: number; followUp: boolean }): QueuedFlowEvent | null {
  if (!answer.followUp) return null;
  const handle = FLOW_TRIGGERS.surveyDetractor.handle;
  return {
    handle,
    dedupeKey: dedupeKey(handle, answer.orderId),
    orderId: answer.orderId,
    payload: { ...references(answer, FLOW_TRIGGERS.surveyDetractor.fields), "Survey type": answer.kind.toUpperCase(), Score: answer.value },
  };
}

/**
 * "Help requested": "Did everything arrive as expected?" answered no. Once per order line: asking again
 * about the same line adds a help request in the admin but starts no second workflow.
 */
export function helpRequestedEvent(help: FlowSubject & { lineItemId: string; message: string | null }): QueuedFlowEvent {
  const handle = FLOW_TRIGGERS.helpRequested.handle;
  return {
    handle,
    dedupeKey: dedupeKey(handle, `${help.orderId}:${help.lineItemId}`),
    orderId: help.orderId,
    payload: { ...references(help, FLOW_TRIGGERS.helpRequested.fields), Message: singleLine(help.message) },
  };
}

/** "Delivery late": a delay notice was queued; keyed by the notice's own key, so one event per delay. */
export function deliveryLateEvent(delay: FlowSubject & { noticeKey: string; promisedLatest: string | null }): QueuedFlowEvent {
  const handle = FLOW_TRIGGERS.deliveryLate.handle;
  return {
    handle,
    dedupeKey: dedupeKey(handle, delay.noticeKey),
    orderId: delay.orderId,
    payload: { ...references(delay, FLOW_TRIGGERS.deliveryLate.fields), "Promised by": delay.promisedLatest ?? "" },
  };
}

/**
 * "Return requested": a return was asked for (the storefront, the customer account, or Shopify's own
 * admin, seen through returns/request). Keyed by Shopify's return id: one workflow per return.
 */
export function returnRequestedEvent(
  request: FlowSubject & { returnId: string; returnName: string | null; lines: readonly { quantity: number; reason: string | null }[] },
): QueuedFlowEvent {
  const handle = FLOW_TRIGGERS.returnRequested.handle;
  const reasons = [...new Set(request.lines.map((line) => line.reason).filter((reason): reason is string => !!reason))];
  return {
    handle,
    dedupeKey: dedupeKey(handle, request.returnId),
    orderId: request.orderId,
    payload: {
      ...references(request, FLOW_TRIGGERS.returnRequested.fields),
      Return: singleLine(request.returnName),
      Items: request.lines.reduce((sum, line) => sum + line.quantity, 0),
      Reasons: singleLine(reasons.join(", ")),
    },
  };
}
