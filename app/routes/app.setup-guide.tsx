/** The setup guide's actions (the guide itself renders on the admin home, app._index.tsx). */
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { authenticate } from "../shopify.server";
import { translatorFor } from "../i18n";
import { MANUAL_STEP_IDS } from "../models/setup-guide/setup-guide";
import { dismissSetupGuide, markSetupStep } from "../models/setup-guide/setup-guide.server";

const manualStepId = z.enum(MANUAL_STEP_IDS as [string, ...string[]]).transform((id) => id as (typeof MANUAL_STEP_IDS)[number]);

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("dismiss") }),
  z.object({ intent: z.literal("mark-step"), stepId: manualStepId, done: z.enum(["true", "false"]) }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const t = translatorFor(request, session);
    return json({ ok: false as const, error: t("setupGuide.unknownAction") }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "dismiss") await dismissSetupGuide(session.shop);
  else await markSetupStep(session.shop, input.stepId, input.done === "true");
  return json({ ok: true as const });
};
