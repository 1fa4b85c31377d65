/**
 * The setup guide for one shop: gathers what is already done (live theme, saved settings, sent email)
 * and remembers what the merchant did with the guide (dismissed it, ticked a step by hand).
 */
import prisma from "../../db.server";
import { getReviewSettings } from "../reviews/review.server";
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { getReturnSettings } from "../returns/settings.server";
import { buildSetupGuide, MANUAL_STEP_IDS, type SetupGuide, type SetupStepId } from "./setup-guide";
import { getShippingSettings } from "../shipping/settings.server";
import { getThemeLiveStatus } from "./theme-status.server";

/** What the admin home shows: nothing once the merchant dismissed the guide. */
export type SetupGuideView = { dismissed: true } | ({ dismissed: false } & SetupGuide);

interface GuideState {
  dismissed: boolean;
  manualDone: SetupStepId[];
}

async function getGuideState(shop: string): Promise<GuideState> {
  const row = await prisma.setupGuideState.findUnique({ where: { shop } });
  if (!row) return { dismissed: false, manualDone: [] };
  const stored: unknown = JSON.parse(row.manualStepsJson);
  const manualDone = Array.isArray(stored) ? MANUAL_STEP_IDS.filter((id) => stored.includes(id)) : [];
  return { dismissed: row.dismissedAt !== null, manualDone };
}

/** The guide as the shop stands now. A dismissed guide costs no Admin API call. */
export async function getSetupGuide(options: { shop: string; apiKey: string; graphql: AdminGraphql }): Promise<SetupGuideView> {
  const { shop, apiKey, graphql } = options;
  const state = await getGuideState(shop);
  if (state.dismissed) return { dismissed: true };
  const [theme, shipping, returns, reviews, sentEmailCount, emailSettings, checkoutSurveyAnswerCount] = await Promise.all([
    getThemeLiveStatus(graphql),
    getShippingSettings(shop),
    getReturnSettings(shop),
    getReviewSettings(shop),
    prisma.outboxMessage.count({ where: { shop, status: "sent" } }),
    prisma.emailSettings.findUnique({ where: { shop }, select: { testSentAt: true } }),
    prisma.checkoutSurveyAnswer.count({ where: { shop } }),
  ]);
  const guide = buildSetupGuide({
    shop,
    apiKey,
    theme,
    shippingZoneCount: shipping?.rules.zones.length ?? 0,
    returnWindowDays: returns?.rules.windowDays ?? null,
    reviewRequestsEnabled: reviews.enabled,
    sentEmailCount,
    testEmailSent: Boolean(emailSettings?.testSentAt),
    checkoutSurveyAnswerCount,
    manualDone: state.manualDone,
  });
  return { dismissed: false, ...guide };
}

export async function dismissSetupGuide(shop: string, now = new Date()): Promise<void> {
  await prisma.setupGuideState.upsert({
    where: { shop },
    create: { shop, dismissedAt: now },
    update: { dismissedAt: now },
  });
}

/** Ticks or unticks a step the app cannot verify; other steps are refused. */
export async function markSetupStep(shop: string, stepId: SetupStepId, done: boolean): Promise<void> {
  if (!MANUAL_STEP_IDS.includes(stepId)) throw new Error(`The "${stepId}" step is ticked by the app, not by hand`);
  const { manualDone } = await getGuideState(shop);
  const next = done ? [...new Set([...manualDone, stepId])] : manualDone.filter((id) => id !== stepId);
  const manualStepsJson = JSON.stringify(next);
  await prisma.setupGuideState.upsert({ where: { shop }, create: { shop, manualStepsJson }, update: { manualStepsJson } });
}
