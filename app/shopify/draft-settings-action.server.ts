import { json, type TypedResponse } from "@remix-run/node";
import { translatorFor, type Translate } from "../i18n";
import { authenticate } from "../shopify.server";
import type { AdminGraphql } from "./admin-graphql";

/** What a published settings page's action answers (the client's useSettingsDraft reads it). */
export interface DraftSettingsActionData<D, P> {
  ok: boolean;
  errors: Record<string, string>;
  /** The saved settings as the form shows them (normalised), after a save. */
  draft?: D;
  publication?: P;
}

export interface DraftSettingsAction<D, R, P> {
  /** Message prefix: `<settings>.saveFirst` and `<settings>.unreadable` are the page's own words. */
  settings: "shipping" | "returns";
  /** The submitted draft, or null when it is not one (a forged or stale form). */
  readDraft(value: unknown): D | null;
  parse(draft: D, t: Translate): { ok: true; rules: R } | { ok: false; errors: Record<string, string> };
  /** Publishes the saved settings again; null when nothing was ever saved. */
  republish(shop: string, graphql: AdminGraphql): Promise<P | null>;
  /** Saves and publishes valid rules: the page's answer (a draft and the publish outcome, or an error). */
  save(shop: string, graphql: AdminGraphql, rules: R, draft: D, t: Translate): Promise<TypedResponse<DraftSettingsActionData<D, P>>>;
}

/**
 * The action of a published settings page (Shipping, Returns): a JSON body `{ intent: "save", draft }`
 * is read, validated in the merchant's language (422 with field errors), saved and published;
 * `{ intent: "publish" }` publishes the saved settings again (409 before a first save); anything else
 * is 400. Nothing stored changes unless the draft is valid.
 */
export async function answerDraftSettingsAction<D, R, P>(
  request: Request,
  spec: DraftSettingsAction<D, R, P>,
): Promise<TypedResponse<DraftSettingsActionData<D, P>>> {
  const { admin, session } = await authenticate.admin(request);
  const body: unknown = await request.json().catch(() => null);
  const intent = typeof body === "object" && body !== null && "intent" in body ? body.intent : null;
  const t = translatorFor(request, session);
  const refuse = (status: number, errors: Record<string, string>) => json<DraftSettingsActionData<D, P>>({ ok: false, errors }, { status });

  if (intent === "publish") {
    const publication = await spec.republish(session.shop, admin.graphql);
    if (publication === null) return refuse(409, { form: t(`${spec.settings}.saveFirst`) });
    return json<DraftSettingsActionData<D, P>>({ ok: true, errors: {}, publication });
  }

  const draft = intent === "save" ? spec.readDraft((body as { draft?: unknown }).draft) : null;
  if (!draft) return refuse(400, { form: t(`${spec.settings}.unreadable`) });
  const result = spec.parse(draft, t);
  if (!result.ok) return refuse(422, result.errors);
  return spec.save(session.shop, admin.graphql, result.rules, draft, t);
}
