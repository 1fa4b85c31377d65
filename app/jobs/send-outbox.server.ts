/**
 * One scheduler tick for "keep in touch": find delays and due surveys for every installed shop, then
 * send what is due. Safe to run from several processes and as often as wanted (every few minutes).
 * The anniversary thank-you needs each shop's offline Admin client and runs from its own daily job
 * (`enqueueAnniversaries`).
 */
import { enqueueDelayNoticesForAllShops } from "./delay-notices.server";
import { enqueueSurveysForAllShops } from "./surveys.server";
import { sendDueEmails, type SendReport } from "../models/email/outbox.server";

export async function runKeepInTouchTick(now = new Date()): Promise<{ delays: number; surveys: number; send: SendReport }> {
  const delays = Object.values(await enqueueDelayNoticesForAllShops(now)).reduce((sum, report) => sum + report.enqueued, 0);
  const surveys = Object.values(await enqueueSurveysForAllShops(now)).reduce((sum, report) => sum + report.enqueued, 0);
  const send = await sendDueEmails({ now });
  return { delays, surveys, send };
}
