import { useState } from "preact/hooks";
import { postHelpRequest, type ContactChannel, type ReviewableLine } from "../backend";
import { errorKey, fieldErrorKey } from "../copy";
import type { Host, Translate } from "../host";
import { ContactOptions } from "./ContactOptions";

interface Props {
  host: Host;
  t: Translate;
  orderId: string;
  lines: readonly ReviewableLine[];
  channels: readonly ContactChannel[];
}

/**
 * "Did everything arrive as expected?" A "no" offers help right there: the contact options, and a
 * request the merchant sees in the admin (which item, what went wrong). The review below stays open.
 */
export function ArrivedQuestion({ host, t, orderId, lines, channels }: Props) {
  const [answer, setAnswer] = useState<"yes" | "no" | null>(null);
  return (
    <s-stack gap="small-200">
      <s-text type="strong">{t("arrived.question")}</s-text>
      <s-stack direction="inline" gap="small-200">
        <s-button onClick={() => setAnswer("yes")}>{t("arrived.yes")}</s-button>
        <s-button onClick={() => setAnswer("no")}>{t("arrived.no")}</s-button>
      </s-stack>
      {answer === "no" && (
        <s-banner tone="info">
          <s-stack gap="small-200">
            <s-text>{t("arrived.sorry")}</s-text>
            <HelpRequestForm host={host} t={t} orderId={orderId} lines={lines} />
            <ContactOptions channels={channels} t={t} />
          </s-stack>
        </s-banner>
      )}
    </s-stack>
  );
}

function HelpRequestForm({ host, t, orderId, lines }: Omit<Props, "channels">) {
  const [lineItemId, setLineItemId] = useState(lines[0]?.lineItemId ?? "");
  const [message, setMessage] = useState("");
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<{ code: string; field?: string } | null>(null);

  if (sent) return <s-text type="strong">{t("arrived.sent")}</s-text>;

  const send = async () => {
    setSending(true);
    setError(null);
    const trimmed = message.trim();
    const answer = await postHelpRequest(host, { orderId, lineItemId, ...(trimmed ? { message: trimmed } : {}) });
    setSending(false);
    if (answer.ok) setSent(true);
    else setError({ code: answer.error, field: answer.fields?.message });
  };
  const messageError = fieldErrorKey(error?.field);

  return (
    <s-stack gap="small-200">
      {lines.length > 1 && (
        <s-choice-list
          name="help-line"
          label={t("arrived.which")}
          onChange={(event) => setLineItemId((event.currentTarget as unknown as { values: string[] }).values?.[0] ?? lineItemId)}
        >
          {lines.map((line) => (
            <s-choice key={line.lineItemId} value={line.lineItemId} selected={line.lineItemId === lineItemId}>
              {line.productTitle}
            </s-choice>
          ))}
        </s-choice-list>
      )}
      <s-text-area
        label={t("arrived.message")}
        value={message}
        rows={3}
        error={messageError ? t(messageError) : undefined}
        onInput={(event) => setMessage((event.currentTarget as unknown as { value: string }).value ?? "")}
      />
      {error && !messageError && (
        <s-banner tone="critical">
          <s-text>{t(errorKey(error.code))}</s-text>
        </s-banner>
      )}
      <s-button loading={sending} onClick={send}>
        {t("arrived.send")}
      </s-button>
    </s-stack>
  );
}
