/**
 * Right after an upgrade, the emails the free plan held back are enqueued at once rather than at the
 * jobs' next run. The jobs' outbox keys make this safe to repeat: nothing is enqueued twice.
 */
import { enqueueReviewRequests } from "../../jobs/review-requests.server";
import { enqueueSurveys } from "../../jobs/surveys.server";
import type { ShopPlanView } from "./plan.server";

export interface ReleasedMessages {
  reviewRequests: number;
  surveys: number;
}

export async function releaseHeldMessages(plan: ShopPlanView, now = new Date()): Promise<ReleasedMessages> {
  const released: ReleasedMessages = { reviewRequests: 0, surveys: 0 };
  if (plan.plan === "free") return released;
  if (plan.held.review_request > 0) released.reviewRequests = (await enqueueReviewRequests(plan.shop, now)).requests;
  if (plan.held.survey > 0) released.surveys = (await enqueueSurveys(plan.shop, now)).enqueued;
  return released;
}
