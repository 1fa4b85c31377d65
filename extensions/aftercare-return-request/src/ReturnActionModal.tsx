import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { fetchReturnOptions, MAX_PHOTO_BYTES, PHOTO_TYPES, postReturnRequest, type ReturnOptions } from "./return-backend";

/**
 * customer-account.order.action.render: the modal "Request a return" opens. It lists the order's
 * items as the app allows them to be returned (Aftercare's rules, Shopify's returnable fulfillments),
 * with a quantity and one of Shopify's return reasons each, an optional note and an optional photo
 * (JPEG, PNG or WebP up to 5 MB; the app checks it again by its bytes), and sends the request;
 * a refusal shows the app's reasons, in the shopper's language.
 */
export default async () => {
  render(<ReturnActionModal />, document.body);
};

type Load = { kind: "loading" } | { kind: "error"; error: string } | { kind: "ready"; options: ReturnOptions };
type Choice = { quantity: number; reason: string };

const valueOf = (event: Event) => (event.currentTarget as unknown as { value?: string }).value ?? "";
const firstFile = (event: Event) => (event.currentTarget as unknown as { files?: readonly File[] }).files?.[0] ?? null;

function ReturnActionModal() {
  const t = (key: string) => String(shopify.i18n.translate(key));
  const locale = shopify.localization?.language?.value?.isoCode ?? "en";
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [note, setNote] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    setLoad({ kind: "loading" });
    fetchReturnOptions(shopify, shopify.orderId, locale).then((answer) =>
      setLoad(answer.ok ? { kind: "ready", options: answer.data } : { kind: "error", error: answer.error }),
    );
  }, [attempt]);

  const choose = (lineItemId: string, change: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [lineItemId]: { ...(current[lineItemId] ?? { quantity: 0, reason: "" }), ...change } }));
  const errorText = (error: string) => t(`errors.${["network", "order_not_found", "not_logged_in", "unauthorized", "too_many", "returns_unavailable", "photo_refused", "too_large"].includes(error) ? error : "failed"}`);

  const submit = async () => {
    const items = Object.entries(choices)
      .filter(([, choice]) => choice.quantity > 0)
      .map(([lineItemId, choice]) => ({ lineItemId, quantity: choice.quantity, reasonDefinitionId: choice.reason }));
    if (items.length === 0) return setProblems([t("nothingChosen")]);
    if (photoError) return setProblems([photoError]);
    setProblems([]);
    setSending(true);
    const answer = await postReturnRequest(shopify, { orderId: shopify.orderId, items, note, locale }, photo);
    setSending(false);
    if (answer.ok) return setDone(answer.data.message);
    setProblems(answer.problems.length > 0 ? answer.problems.map((problem) => problem.message) : [errorText(answer.error)]);
  };

  const choosePhoto = (file: File | null) => {
    setPhoto(file);
    setPhotoError(file && file.size > MAX_PHOTO_BYTES ? t("errors.too_large") : null);
  };

  const options = load.kind === "ready" ? load.options : null;
  const returnable = options?.items.filter((item) => item.maxQuantity > 0) ?? [];
  return (
    <s-customer-account-action heading={t("heading")}>
      {load.kind === "loading" && <s-skeleton-paragraph />}
      {load.kind === "error" && (
        <s-banner tone="critical">
          <s-stack gap="small-200">
            <s-text>{errorText(load.error)}</s-text>
            {load.error !== "order_not_found" && load.error !== "not_logged_in" && <s-button onClick={() => setAttempt(attempt + 1)}>{t("retry")}</s-button>}
          </s-stack>
        </s-banner>
      )}
      {done && (
        <s-banner tone="success">
          <s-text>{done}</s-text>
        </s-banner>
      )}
      {options && !done && (
        <s-stack gap="base">
          <s-text>{returnable.length > 0 ? t("intro") : t("nothingReturnable")}</s-text>
          {options.items.map((item) => (
            <s-stack key={item.lineItemId} gap="small-200">
              <s-text type="strong">{item.title}</s-text>
              {item.maxQuantity === 0 ? (
                <s-text color="subdued">{item.refusal}</s-text>
              ) : (
                <>
                  <s-select label={t("quantity")} value={String(choices[item.lineItemId]?.quantity ?? 0)} onChange={(event) => choose(item.lineItemId, { quantity: Number(valueOf(event)) })}>
                    {Array.from({ length: item.maxQuantity + 1 }, (_, count) => (
                      <s-option key={count} value={String(count)}>{String(count)}</s-option>
                    ))}
                  </s-select>
                  <s-select label={t("reason")} placeholder={t("chooseReason")} value={choices[item.lineItemId]?.reason ?? ""} onChange={(event) => choose(item.lineItemId, { reason: valueOf(event) })}>
                    {options.reasons.map((reason) => (
                      <s-option key={reason.id} value={reason.id}>{reason.name}</s-option>
                    ))}
                  </s-select>
                </>
              )}
            </s-stack>
          ))}
          {returnable.length > 0 && <s-text-area label={t("note")} value={note} rows={3} maxLength={300} onInput={(event) => setNote(valueOf(event))} />}
          {returnable.length > 0 && (
            <s-drop-zone label={t("photo")} accept={PHOTO_TYPES} error={photoError ?? undefined} onChange={(event) => choosePhoto(firstFile(event))} />
          )}
          {problems.length > 0 && (
            <s-banner tone="critical">
              <s-stack gap="small-100">
                {problems.map((problem) => (
                  <s-text key={problem}>{problem}</s-text>
                ))}
              </s-stack>
            </s-banner>
          )}
        </s-stack>
      )}
      {options && !done && returnable.length > 0 && (
        <s-button slot="primary-action" variant="primary" loading={sending} onClick={submit}>
          {t("submit")}
        </s-button>
      )}
      <s-button slot="secondary-actions" onClick={() => shopify.close()}>
        {t("close")}
      </s-button>
    </s-customer-account-action>
  );
}
