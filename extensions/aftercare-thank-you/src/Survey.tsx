/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { useEffect, useMemo, useState } from "preact/hooks";
import { CSAT_SCORES, DEFAULT_OPTION_KEYS, OTHER_OPTION, OTHER_TEXT_MAX, shuffledOptions } from "../../../app/models/surveys/attribution-options";
import { fetchSurveyState, submitAnswer, type SurveyState } from "./survey-api";

type Phase = { kind: "loading" } | { kind: "loadError" } | { kind: "off" } | { kind: "thanks" } | { kind: "form"; state: SurveyState };

const t = (key: string, vars?: Record<string, string | number>) => shopify.i18n.translate(key, vars);

/** A default option in the shopper's language; the merchant's own options as written. */
const labelOf = (option: string) => (DEFAULT_OPTION_KEYS[option] ? t(`channel.${DEFAULT_OPTION_KEYS[option]}`) : option);

/** "How did you hear about us?" (and the optional 1–5 rating): asked once per order. */
export function Survey({ orderId, confirmationNumber }: { orderId: string; confirmationNumber: string | null }) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setPhase({ kind: "loading" });
    fetchSurveyState(orderId).then((state) => {
      if (!current) return;
      if (!state) setPhase({ kind: "loadError" });
      else if (state.answered) setPhase({ kind: "thanks" });
      else if (!state.enabled) setPhase({ kind: "off" });
      else setPhase({ kind: "form", state });
    });
    return () => {
      current = false;
    };
  }, [orderId, attempt]);

  if (phase.kind === "off") return null;
  if (phase.kind === "loading") return <s-spinner accessibilityLabel={t("question")} />;
  if (phase.kind === "thanks") return <s-banner tone="success" heading={t("thanks")} />;
  if (phase.kind === "loadError") {
    return (
      <s-banner tone="warning" heading={t("loadError")}>
        <s-button onClick={() => setAttempt((value) => value + 1)}>{t("retry")}</s-button>
      </s-banner>
    );
  }
  return <SurveyForm orderId={orderId} confirmationNumber={confirmationNumber} state={phase.state} onAnswered={() => setPhase({ kind: "thanks" })} />;
}

interface SurveyFormProps {
  orderId: string;
  confirmationNumber: string | null;
  state: SurveyState;
  onAnswered: () => void;
}

function SurveyForm({ orderId, confirmationNumber, state, onAnswered }: SurveyFormProps) {
  const options = useMemo(() => shuffledOptions(state.options), [state.options]);
  const [option, setOption] = useState<string | null>(null);
  const [otherText, setOtherText] = useState("");
  const [csat, setCsat] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; retryable: boolean } | null>(null);

  const send = async () => {
    if (!option) {
      setError({ message: t("chooseOption"), retryable: false });
      return;
    }
    setSending(true);
    setError(null);
    const outcome = await submitAnswer({
      orderId,
      confirmationNumber,
      option,
      otherText: option === OTHER_OPTION && otherText.trim() ? otherText.trim() : null,
      csat: state.askCsat ? csat : null,
    });
    setSending(false);
    if (outcome.kind === "answered") onAnswered();
    else if (outcome.kind === "invalid") setError({ message: outcome.message, retryable: false });
    else setError({ message: t("sendError"), retryable: true });
  };

  return (
    <s-stack gap="base">
      <s-choice-list
        label={t("question")}
        name="attribution"
        values={option ? [option] : []}
        onChange={(event: Event) => setOption((event.currentTarget as HTMLElement & { values?: string[] }).values?.[0] ?? null)}
      >
        {options.map((value) => (
          <s-choice key={value} value={value}>
            {labelOf(value)}
          </s-choice>
        ))}
      </s-choice-list>
      {option === OTHER_OPTION ? (
        <s-text-field
          label={t("otherLabel")}
          name="otherText"
          maxLength={OTHER_TEXT_MAX}
          value={otherText}
          onInput={(event: Event) => setOtherText((event.currentTarget as HTMLElement & { value?: string }).value ?? "")}
        />
      ) : null}
      {state.askCsat ? (
        <s-stack gap="small-200">
          <s-text>{t("csatQuestion")}</s-text>
          <s-stack direction="inline" gap="small-200">
            {CSAT_SCORES.map((score) => (
              <s-press-button
                key={score}
                pressed={csat === score}
                accessibilityLabel={t("csatScore", { score })}
                onClick={() => setCsat(csat === score ? null : score)}
              >
                {String(score)}
              </s-press-button>
            ))}
          </s-stack>
        </s-stack>
      ) : null}
      {error ? (
        <s-banner tone={error.retryable ? "warning" : "critical"} heading={error.message}>
          {error.retryable ? <s-button onClick={send}>{t("retry")}</s-button> : null}
        </s-banner>
      ) : null}
      <s-button variant="primary" loading={sending} onClick={send}>
        {t("submit")}
      </s-button>
    </s-stack>
  );
}
