import { useState } from "preact/hooks";
import { postReview, type ReviewableLine } from "../backend";
import { errorKey, fieldErrorKey } from "../copy";
import type { Host, Translate } from "../host";

const STARS = [5, 4, 3, 2, 1];

interface Props {
  host: Host;
  t: Translate;
  orderId: string;
  line: ReviewableLine;
}

/** Stars and words for one delivered line, posted as the logged-in customer; then a thank-you. */
export function ReviewLineForm({ host, t, orderId, line }: Props) {
  const [rating, setRating] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(line.reviewed);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  if (done) {
    return (
      <s-stack gap="small-200">
        <s-text type="strong">{line.productTitle}</s-text>
        <s-text>{t(line.reviewed ? "review.reviewed" : "review.thanks")}</s-text>
      </s-stack>
    );
  }

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (rating === null) missing.rating = "rating";
    if (body.trim() === "") missing.body = "body_required";
    setFields(missing);
    setError(null);
    if (rating === null || Object.keys(missing).length > 0) return;
    setSending(true);
    const answer = await postReview(host, { orderId, lineItemId: line.lineItemId, rating, title, body });
    setSending(false);
    if (answer.ok) {
      setDone(true);
      return;
    }
    setFields(answer.fields ?? {});
    setError(answer.error);
  };

  const fieldError = (field: string) => {
    const key = fieldErrorKey(fields[field]);
    return key ? t(key) : undefined;
  };

  return (
    <s-stack gap="small-200">
      <s-text type="strong">{line.productTitle}</s-text>
      <s-choice-list
        name={`rating-${line.lineItemId}`}
        label={t("review.rating")}
        error={fieldError("rating")}
        onChange={(event) => setRating(Number((event.currentTarget as unknown as { values: string[] }).values?.[0]) || null)}
      >
        {STARS.map((stars) => (
          <s-choice key={stars} value={String(stars)} selected={rating === stars}>
            {"★".repeat(stars)} {t("review.stars", { count: stars })}
          </s-choice>
        ))}
      </s-choice-list>
      <s-text-field label={t("review.title")} value={title} error={fieldError("title")} onInput={(event) => setTitle((event.currentTarget as unknown as { value: string }).value ?? "")} />
      <s-text-area label={t("review.body")} value={body} rows={4} error={fieldError("body")} onInput={(event) => setBody((event.currentTarget as unknown as { value: string }).value ?? "")} />
      {error && error !== "invalid_review" && (
        <s-banner tone="critical">
          <s-text>{t(errorKey(error))}</s-text>
        </s-banner>
      )}
      <s-button variant="primary" loading={sending} onClick={submit}>
        {t("review.submit")}
      </s-button>
    </s-stack>
  );
}
