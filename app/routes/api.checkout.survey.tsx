import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate, unauthenticated } from "../shopify.server";
import { localeFromRequest } from "../i18n/locale";
import { createTranslator, type Translate } from "../i18n/messages";
import { submitSurveyAnswer, surveyState, type SurveyReply } from "../models/surveys/answer-request.server";
import { withExtensionCors } from "../shopify/extension-cors";

/**
 * The Thank-you page survey (extensions/aftercare-thank-you). GET ?order=<gid>: whether the order is
 * answered and what to ask; POST {orderId, option, otherText?, csat?}: the order's one answer. The shop
 * is the session token's `dest`, nothing else.
 */

const shopOf = (dest: string) => dest.replace(/^https?:\/\//, "").replace(/\/.*$/, "");

async function authenticated(request: Request, t: Translate) {
  try {
    const { sessionToken, cors } = await authenticate.public.checkout(request);
    const shop = shopOf(sessionToken.dest);
    // A shop that has not installed the app (or uninstalled it) has no offline session.
    const admin = await unauthenticated.admin(shop).catch(() => null);
    if (!admin) throw json({ error: t("checkoutSurvey.errors.unauthorized") }, { status: 401 });
    return { shop, customerId: typeof sessionToken.sub === "string" ? sessionToken.sub : null, cors, graphql: admin.admin.graphql };
  } catch (error) {
    if (error instanceof Response) {
      // The library's own answers (OPTIONS preflight, 401 for a bad token) get CORS headers too.
      throw withExtensionCors(
        error.status === 401 && !error.headers.get("Content-Type") ? json({ error: t("checkoutSurvey.errors.unauthorized") }, { status: 401 }) : error,
        request,
      );
    }
    throw error;
  }
}

function reply(result: SurveyReply, cors: (response: Response) => Response) {
  return cors(json(result.body, { status: result.status, headers: result.headers }));
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const t = createTranslator(localeFromRequest(request));
  const auth = await authenticated(request, t);
  const result = await surveyState({ shop: auth.shop, customerId: auth.customerId, t }, new URL(request.url).searchParams.get("order"));
  return reply(result, auth.cors);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const t = createTranslator(localeFromRequest(request));
  const auth = await authenticated(request, t);
  if (request.method !== "POST") return auth.cors(json({ error: t("checkoutSurvey.errors.method") }, { status: 405 }));
  const result = await submitSurveyAnswer({ shop: auth.shop, customerId: auth.customerId, t }, await request.text(), async () => auth.graphql);
  return reply(result, auth.cors);
};
