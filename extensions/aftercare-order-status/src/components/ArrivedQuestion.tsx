import { useState } from "preact/hooks";
import type { ContactChannel } from "../backend";
import type { Translate } from "../host";
import { ContactOptions } from "./ContactOptions";

/** "Did everything arrive as expected?" A "no" offers help right there; the review below stays open either way. */
export function ArrivedQuestion({ channels, t }: { channels: readonly ContactChannel[]; t: Translate }) {
  const [answer, setAnswer] = useState<"yes" | "no" | null>(null);
  return (
    <s-stack gap="small-200">
      <s-text type="strong">{t("arrived.question")}</s-text>
      <s-stack direction="inline" gap="small-200">
        <s-button onClick={() => setAnswer("yes")}>
          {t("arrived.yes")}
        </s-button>
        <s-button onClick={() => setAnswer("no")}>
          {t("arrived.no")}
        </s-button>
      </s-stack>
      {answer === "no" && (
        <s-banner tone="info">
          <s-stack gap="small-200">
            <s-text>{t("arrived.sorry")}</s-text>
            <ContactOptions channels={channels} t={t} />
          </s-stack>
        </s-banner>
      )}
    </s-stack>
  );
}
